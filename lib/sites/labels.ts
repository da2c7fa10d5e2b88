/**
 * The accessible names Matterguard's site adapters look for, per UI language (issue 5,
 * "localized labels"; docs/sites.md#outlook-on-the-web and docs/sites.md#localization). Only
 * labels that a site's DETECTION depends on are here: where a structural hook (data-tid,
 * data-qa, a Fluent class) finds the control in any language, the label is only a fallback.
 *
 * Languages: English, German, French, Spanish, Italian, Dutch, Portuguese (Brazil and Portugal)
 * and Japanese: the UI languages of the firm's offices. English always comes first.
 *
 * Confidence of each string, in the comment beside it:
 *   [src]   seen in the product's DOM as quoted by a public script or extension (the library id
 *           of the file, from the code search, or docs/sites.md);
 *   [src~]  seen for the same product family in another Microsoft/Google web app, or in a clone
 *           that copies the product's wording;
 *   [guess] our own translation of the English string, in the product's usual terminology.
 * Guesses cost little: an extra label that never appears matches nothing. Replace them with
 * captured strings when a localized session is available (docs/sites.md#open-questions).
 */

export const LANGS = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'ja'] as const;
export type Lang = (typeof LANGS)[number];

type Table = Readonly<Record<Lang, readonly string[]>>;

/** A send button's name. Outlook's Send, Teams' Send; also the tail of "Send message" in Google Chat. */
const send: Table = {
  en: ['Send'], // [src] Outlook (Micro-Pause), Teams (ctrlEnterSenderA)
  de: ['Senden'], // [src] German OWA: button[aria-label="Senden"] (Selenium mail-merge script, id 7681228595)
  fr: ['Envoyer'], // [guess] Microsoft's French verb on every Send button
  es: ['Enviar'], // [src~] Gmail es/pt "Enviar (Ctrl-Enter)" (id 16079663987); Outlook es [guess]
  it: ['Invia'], // [guess]
  nl: ['Verzenden'], // [guess]
  pt: ['Enviar'], // [src] pt-BR Outlook on the web: button[aria-label="Enviar"] (Playwright script, id 26413317461)
  ja: ['送信'], // [src~] Gmail ja "送信" (docs/sites.md#gmail-pitfalls); Outlook/Teams ja [guess]
};

/** "Send message": Slack's Send button, Google Chat's Send div button. */
const sendMessage: Table = {
  en: ['Send message'], // [src] Slack (ctrlEnterSenderA), Google Chat [idx]
  de: ['Nachricht senden'], // [guess]
  fr: ['Envoyer le message', 'Envoyer un message'], // [guess]
  es: ['Enviar mensaje'], // [guess]
  it: ['Invia messaggio'], // [guess]
  nl: ['Bericht verzenden', 'Bericht versturen'], // [guess]
  pt: ['Enviar mensagem'], // [guess]
  ja: ['メッセージを送信', 'メッセージを送信する'], // [src] Slack ja: [aria-label="メッセージを送信"] (a Slack helper's selector list, id 16411696000); the second [guess]
};

/** Outlook's "Schedule send" item in the Send button's menu (matched as a prefix). */
const scheduleSend: Table = {
  en: ['Schedule send'], // [src] Outlook on the web, English UI
  de: ['Senden planen'], // [src~] a German "Outlook-style" mail client copies it (id 67137437077); Outlook de [guess]
  fr: ['Planifier l’envoi', 'Programmer l’envoi'], // [guess]
  es: ['Programar envío', 'Programar el envío'], // [guess]
  it: ['Pianifica invio', 'Pianifica l’invio'], // [guess]
  nl: ['Verzenden plannen', 'Verzending plannen'], // [src~] a Dutch mail client's locale (id 57906926110); Outlook nl [guess]
  pt: ['Agendar envio', 'Agendar o envio'], // [guess]
  ja: ['送信日時を指定', '送信のスケジュール設定', 'スケジュール送信'], // [guess]
};

/** Slack's Save on an edited message (Teams' Done is found by name="done", no label). */
const save: Table = {
  en: ['Save'], // [src] Slack edit composer (ctrlEnterSenderA)
  de: ['Speichern'], // [guess]
  fr: ['Enregistrer'], // [guess]
  es: ['Guardar'], // [guess]
  it: ['Salva'], // [guess]
  nl: ['Opslaan'], // [guess]
  pt: ['Salvar', 'Guardar'], // [guess] pt-BR, pt-PT
  ja: ['保存'], // [guess]
};

/** Outlook's message body editor. */
const messageBody: Table = {
  en: ['Message body'], // [src] new Outlook (QShield, Micro-Pause, Playwright)
  de: ['Nachrichtentext'], // [src] German OWA: div[role="textbox"][aria-label="Nachrichtentext"] (ids 17269185855, 7681228595)
  fr: ['Corps du message'], // [src] French OWA: aria-label="Corps du message" (a DOM capture, id 15952746927; Outlook selector list, id 57110986632)
  es: ['Cuerpo del mensaje'], // [src~] Gmail es (ids 40334876528, 16079663987); Outlook es [guess]
  it: ['Corpo del messaggio'], // [src] Italian Outlook: div[aria-label="Corpo del messaggio"] (a mail scraper's Outlook branch, id 71543834676)
  nl: ['Berichttekst'], // [src~] Gmail nl (id 66533042160); Outlook nl [guess]
  pt: ['Corpo da mensagem'], // [src] pt-BR Outlook on the web (id 26413317461)
  ja: ['メッセージ本文'], // [src] Japanese OWA: div[role="textbox"][aria-multiline="true"][aria-label="メッセージ本文"] (bookmarklet, id 18815977829)
};

/** Outlook's subject line. */
const addSubject: Table = {
  en: ['Add a subject'], // [src] new Outlook (Micro-Pause, QShield)
  de: ['Betreff hinzufügen'], // [guess]
  fr: ['Ajouter un objet'], // [guess]
  es: ['Agregar un asunto', 'Añadir un asunto'], // [guess] es-419, es-ES
  it: ['Aggiungi un oggetto'], // [guess]
  nl: ['Voeg een onderwerp toe', 'Onderwerp toevoegen'], // [guess]
  pt: ['Adicionar um assunto', 'Assunto'], // [src] "Assunto" in pt-BR OWA (id 26413317461); the first [guess]
  ja: ['件名を追加'], // [src] Japanese OWA: [aria-label="件名を追加"] (id 18815977829)
};

/** Outlook's recipient wells. Exact names; both cases where Microsoft writes CC and Cc. */
const to: Table = {
  en: ['To'], // [src] new Outlook (Playwright, Micro-Pause)
  de: ['An'], // [src] German OWA: [aria-label="An"] (id 7681228595)
  fr: ['À'], // [guess]
  es: ['Para'], // [guess]
  it: ['A'], // [guess]
  nl: ['Aan'], // [guess]
  pt: ['Para'], // [src] pt-BR OWA: [aria-label="Para"] (id 26413317461)
  ja: ['宛先'], // [src] Japanese OWA: [aria-label="宛先"] (id 18815977829)
};
const cc: Table = {
  en: ['Cc'], // [src]
  de: ['Cc'], // [guess]
  fr: ['Cc'], // [guess]
  es: ['CC', 'Cc'], // [guess]
  it: ['Cc'], // [guess]
  nl: ['CC', 'Cc'], // [guess]
  pt: ['Cc'], // [src] pt-BR OWA (id 26413317461)
  ja: ['CC'], // [src] Japanese OWA: [aria-label="CC"] (id 18815977829)
};
const bcc: Table = {
  en: ['Bcc'], // [src]
  de: ['Bcc'], // [guess]
  fr: ['Cci'], // [guess]
  es: ['CCO'], // [guess]
  it: ['Ccn'], // [guess]
  nl: ['BCC', 'Bcc'], // [guess]
  pt: ['Cco'], // [guess]
  ja: ['BCC'], // [guess]
};

/** Names of the share dialogs' buttons that share (exact, case-insensitive). */
const share: Table = {
  en: ['Share'], // [src] (docs/sites.md#share-dialogs)
  de: ['Teilen', 'Freigeben'], // [guess] Google says Teilen, Microsoft says Freigeben
  fr: ['Partager'], // [guess]
  es: ['Compartir'], // [guess]
  it: ['Condividi'], // [guess]
  nl: ['Delen'], // [guess]
  pt: ['Compartilhar', 'Partilhar'], // [guess] pt-BR, pt-PT
  ja: ['共有'], // [guess]
};
const invite: Table = {
  en: ['Invite'], // [src~] generic detector (docs/sites.md#generic-share-detector)
  de: ['Einladen'], // [guess]
  fr: ['Inviter'], // [guess]
  es: ['Invitar'], // [guess]
  it: ['Invita'], // [guess]
  nl: ['Uitnodigen'], // [guess]
  pt: ['Convidar'], // [guess]
  ja: ['招待', '招待する'], // [guess]
};
const copyLink: Table = {
  en: ['Copy link'], // [src] Drive, OneDrive (docs/sites.md#google-drive-and-docs)
  de: ['Link kopieren'], // [guess]
  fr: ['Copier le lien'], // [guess]
  es: ['Copiar enlace', 'Copiar vínculo'], // [guess] Google, Microsoft
  it: ['Copia link', 'Copia collegamento'], // [guess]
  nl: ['Link kopiëren', 'Koppeling kopiëren'], // [guess]
  pt: ['Copiar link'], // [guess]
  ja: ['リンクをコピー'], // [guess]
};
/** OneDrive's "Copy" (the link) button. */
const copy: Table = {
  en: ['Copy'], // [guess] (docs/sites.md#onedrive-and-sharepoint, OneDrive)
  de: ['Kopieren'], // [guess]
  fr: ['Copier'], // [guess]
  es: ['Copiar'], // [guess]
  it: ['Copia'], // [guess]
  nl: ['Kopiëren'], // [guess]
  pt: ['Copiar'], // [guess]
  ja: ['コピー'], // [guess]
};

/**
 * Words inside a share dialog's people input name ("Add people, groups, and calendar events",
 * "Enter name or email"), matched as substrings, case-sensitively (CSS): both cases listed.
 */
const people: Table = {
  en: ['people', 'People'], // [src] Drive "Add people, groups, and calendar events" [idx]
  de: ['Personen'], // [src~] Drive de "Personen benachrichtigen" (id 57023406103); the input [guess]
  fr: ['personnes', 'Personnes'], // [guess]
  es: ['personas', 'Personas'], // [guess]
  it: ['persone', 'Persone'], // [guess]
  nl: ['personen', 'Personen'], // [guess]
  pt: ['pessoas', 'Pessoas'], // [guess]
  ja: ['ユーザー'], // [guess] Google ja "ユーザー、グループ…を追加"
};
const email: Table = {
  en: ['email', 'Email'], // [src~] generic detector (docs/sites.md#generic-share-detector)
  de: ['E-Mail'], // [guess]
  fr: ['e-mail', 'E-mail', 'adresse'], // [guess]
  es: ['correo', 'Correo'], // [guess]
  it: ['email', 'e-mail'], // [guess]
  nl: ['e-mail', 'E-mail'], // [guess]
  pt: ['e-mail', 'E-mail'], // [guess]
  ja: ['メール'], // [guess]
};

/** The share dialog's "Notify people" switch, matched as a substring (both cases listed). */
const notify: Table = {
  en: ['Notify'], // [src] Drive "Notify people" [idx]
  de: ['benachrichtigen', 'Benachrichtigen'], // [src] Drive de "Personen benachrichtigen" (setup guide, id 57023406103)
  fr: ['Avertir', 'avertir', 'Informer', 'notification'], // [guess]
  es: ['Notificar', 'notificar'], // [guess]
  it: ['Notifica', 'notifica'], // [guess]
  nl: ['melding', 'Melding', 'Stuur een melding'], // [guess]
  pt: ['Notificar', 'notificar'], // [guess]
  ja: ['通知'], // [guess]
};

export const LABELS = {
  send,
  sendMessage,
  scheduleSend,
  save,
  messageBody,
  addSubject,
  to,
  cc,
  bcc,
  share,
  invite,
  copyLink,
  copy,
  people,
  email,
  notify,
} as const;
export type LabelKey = keyof typeof LABELS;

/** Every label of the keys: English first, then the other languages in LANGS order, once each. */
export function labels(...keys: LabelKey[]): string[] {
  const out: string[] = [];
  for (const lang of LANGS) {
    for (const key of keys) for (const label of LABELS[key][lang]) if (!out.includes(label)) out.push(label);
  }
  return out;
}

/** The labels of the keys that are not also English ones: the localized tier after the English one. */
export function localizedLabels(...keys: LabelKey[]): string[] {
  const english = new Set(keys.flatMap((k) => LABELS[k].en));
  return labels(...keys).filter((l) => !english.has(l));
}

/** A CSS string literal for an attribute selector value. */
export function cssString(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/**
 * One selector per label, joined with commas (a single priority tier). `make` gets the label as
 * a quoted CSS string: `(l) => `button[aria-label=${l}]``. No labels: a selector that matches
 * nothing, so that the tier can sit in any list.
 */
export function byLabel(list: readonly string[], make: (quoted: string) => string): string {
  return list.length === 0 ? ':not(*)' : list.map((l) => make(cssString(l))).join(',');
}

/** An accessible name as compared: trimmed, one space, lower case, typographic apostrophe as '. */
export function normalizeName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().replace(/[’‘]/g, "'").toLocaleLowerCase('en');
}

/** Whether `name` begins with one of the keys' labels, in any language, ignoring case. */
export function nameStartsWith(name: string, ...keys: LabelKey[]): boolean {
  const n = normalizeName(name);
  return labels(...keys).some((l) => n.startsWith(normalizeName(l)));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A whole-name pattern for the keys' labels in every language, ignoring case, spacing and the
 * apostrophe's shape: what a share profile's `shareNames` tests a button's name with.
 */
export function namePattern(...keys: LabelKey[]): RegExp {
  const alternatives = labels(...keys).map((l) =>
    normalizeName(l)
      .split(' ')
      .map((word) => escapeRegExp(word).replace(/'/g, "['’‘]"))
      .join('\\s+'),
  );
  return new RegExp(`^\\s*(?:${alternatives.join('|')})\\s*$`, 'iu');
}
