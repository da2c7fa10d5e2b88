// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { googleChatAdapter } from '@/lib/sites/google-chat/adapter';
import { slackAdapter } from '@/lib/sites/slack/adapter';
import { teamsAdapter } from '@/lib/sites/teams/adapter';
import type { ComposeSurface, SiteAdapter } from '@/lib/sites/types';
import { trusted } from '@/tests/helpers/gmail-fixture';
import { loadChat, typeInto, type ChatPost } from '@/tests/helpers/chat-fixture';

/**
 * The chat sites in German and Japanese (issue 5, localized labels): each fixture with its Send
 * button relabelled as that language's UI names it and, where the site has one, the
 * language-free hook (data-tid, data-qa, class) taken off, so that only the label can find it:
 * the layout of a localized client whose hooks we do not know.
 */

interface Site {
  name: string;
  adapter: SiteAdapter;
  dir: string;
  url: string;
  editor: string;
  send: string;
  /** Takes the language-free hooks off the Send button. */
  strip(button: HTMLElement): void;
  labels: Record<'de' | 'ja', string>;
}

const SITES: Site[] = [
  {
    name: 'Teams',
    adapter: teamsAdapter,
    dir: 'teams',
    url: 'https://teams.microsoft.com/v2/',
    editor: '[data-tid="message-pane-footer"] [data-tid="ckeditor"]',
    send: 'button[data-tid="sendMessageCommands-send"]',
    strip: (b) => b.removeAttribute('data-tid'),
    labels: { de: 'Senden', ja: '送信' },
  },
  {
    name: 'Slack',
    adapter: slackAdapter,
    dir: 'slack',
    url: 'https://app.slack.com/client/T1/C1',
    editor: '.p-message_pane_input .ql-editor',
    send: 'button[data-qa="texty_send_button"]',
    strip: (b) => {
      b.removeAttribute('data-qa');
      b.className = 'c-button-unstyled c-icon_button';
    },
    labels: { de: 'Nachricht senden', ja: 'メッセージを送信' },
  },
  {
    // Google Chat's Send has no hook but its label: relabelling is all it takes.
    name: 'Google Chat',
    adapter: googleChatAdapter,
    dir: 'google-chat',
    url: 'https://chat.google.com/',
    editor: '.fx-composer [role=textbox]',
    send: '.fx-composer [role=button].fx-send',
    strip: () => undefined,
    labels: { de: 'Nachricht senden', ja: 'メッセージを送信' },
  },
];

const click = () => trusted(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
const enter = () => trusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));

function intentOf(adapter: SiteAdapter, surface: ComposeSurface, el: Element, event: Event) {
  let intent: ReturnType<SiteAdapter['sendIntent']> | undefined;
  window.addEventListener(
    event.type,
    (e) => {
      intent = adapter.sendIntent(e, surface);
      // Held, as the gate holds it: the page never sees it.
      e.stopImmediatePropagation();
    },
    { capture: true, once: true },
  );
  el.dispatchEvent(event);
  return intent;
}

function open(site: Site, label: string) {
  const fixture = loadChat<{ sent: ChatPost[]; stop(): void }>(site.dir, site.url);
  const send = document.querySelector<HTMLElement>(site.send)!;
  site.strip(send);
  send.setAttribute('aria-label', label);
  send.removeAttribute('title');
  const editor = document.querySelector<HTMLElement>(site.editor)!;
  return { fixture, send, editor };
}

describe.each(SITES)('$name', (site) => {
  it.each(['de', 'ja'] as const)(
    'in %s: the composer, its Send (by its label alone) and Enter are found and gated',
    (lang) => {
      const { fixture, send, editor } = open(site, site.labels[lang]);
      const surface = site.adapter.surfaceFor(editor)!;
      expect(surface).not.toBeNull();
      expect(surface.root.contains(send)).toBe(true);
      expect(surface.fields()).toEqual([{ name: 'body', element: editor }]);
      expect(surface.problems?.()).toEqual([]);
      expect(site.adapter.findSurfaces(document).map((s) => s.root)).toContain(surface.root);

      typeInto(editor, 'Matter 12345-0001');
      expect(intentOf(site.adapter, surface, send, click())).toEqual({ path: 'button', control: send });
      expect(intentOf(site.adapter, surface, editor, enter())).toEqual({ path: 'enter', control: null });
      expect(fixture.sent).toEqual([]);
      site.adapter.resend({ path: 'button', control: send }, surface);
      expect(fixture.sent.map((p) => [p.via, p.text.trim()])).toEqual([['button', 'Matter 12345-0001']]);
      fixture.stop();
    },
  );

  it('a label in no language of the table is not taken for Send (the composer still says so)', () => {
    const { fixture, editor } = open(site, 'Skicka meddelande');
    expect(site.adapter.surfaceFor(editor)?.problems?.()).toEqual(['send button not found']);
    fixture.stop();
  });
});

describe("Slack: the edit composer's Save, by its label alone", () => {
  it.each([
    ['de', 'Speichern'],
    ['ja', '保存'],
  ])('in %s ("%s")', (_lang, label) => {
    const fixture = loadChat<{ sent: ChatPost[]; stop(): void }>('slack', 'https://app.slack.com/client/T1/C1');
    document.querySelector<HTMLElement>('.p-message_pane_input .ql-editor')!.append('x');
    slackAdapter.resend(
      { path: 'enter', control: null },
      slackAdapter.surfaceFor(document.querySelector('.p-message_pane_input .ql-editor')!)!,
    );
    document.querySelector<HTMLElement>('button[aria-label="Edit message"]')!.click();
    const edit = slackAdapter.surfaceFor(document.querySelector('[data-qa="message_editor"] .ql-editor')!)!;
    const save = edit.root.querySelector<HTMLElement>('button[data-qa="wysiwyg_edit_save_button"]')!;
    save.removeAttribute('data-qa');
    save.setAttribute('aria-label', label);
    expect(edit.kind).toBe('edit');
    expect(edit.problems?.()).toEqual([]);
    expect(intentOf(slackAdapter, edit, save, click())).toEqual({ path: 'button', control: save });
    fixture.stop();
  });
});
