// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { outlookAdapter } from '@/lib/sites/outlook/adapter';
import type { ComposeSurface } from '@/lib/sites/types';
import { trusted, userClick } from '@/tests/helpers/gmail-fixture';
import { fixtureCompose, loadOutlook, type OutlookFixture } from '@/tests/helpers/outlook-fixture';

/**
 * Outlook on the web in German and Japanese (issue 5, localized labels): the Outlook fixture
 * with ?hl=de / ?hl=ja, labelled as those Outlooks label their compose ("Senden",
 * "Nachrichtentext", "An", "Betreff hinzufügen", "Senden planen"; "送信", "メッセージ本文",
 * "宛先", "件名を追加", "送信日時を指定").
 */

const LANGS = [
  {
    hl: 'de',
    send: 'Senden',
    body: 'Nachrichtentext',
    to: 'An',
    cc: 'Cc',
    subject: 'Betreff hinzufügen',
    schedule: 'Senden planen',
  },
  {
    hl: 'ja',
    send: '送信',
    body: 'メッセージ本文',
    to: '宛先',
    cc: 'CC',
    subject: '件名を追加',
    schedule: '送信日時を指定',
  },
];

let outlook: OutlookFixture | undefined;
afterEach(() => outlook?.stop());

function surfaceAt(node: Node): ComposeSurface {
  const surface = outlookAdapter.surfaceFor(node);
  if (!surface) throw new Error('no surface');
  return surface;
}

/** Types addresses in a well (found by its label, as a user sees it) and commits them with Enter. */
function addRecipient(compose: HTMLElement, wellLabel: string, address: string): void {
  const well = compose.querySelector<HTMLElement>(`[contenteditable=true][aria-label="${wellLabel}"]`)!;
  well.append(document.createTextNode(address));
  well.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
}

/**
 * The same compose without the language-free hooks the adapter falls back on (the Fluent class
 * on Send, aria-multiline on the body): only the localized labels can find Send and the body.
 */
function labelsOnly(compose: HTMLElement): void {
  compose
    .querySelector('.fui-SplitButton__primaryActionButton')!
    .classList.remove('fui-SplitButton__primaryActionButton');
  compose.querySelector('.fx-body')!.removeAttribute('aria-multiline');
}

describe.each(LANGS)('Outlook in $hl', (l) => {
  const open = () => {
    outlook = loadOutlook(`https://outlook.office.com/mail/?hl=${l.hl}`);
    return fixtureCompose(outlook.openCompose());
  };
  const byLabel = (root: ParentNode, label: string) => root.querySelector<HTMLElement>(`[aria-label="${label}"]`)!;

  it('the fixture really is relabelled: no English label is left in the compose', () => {
    const compose = open();
    expect(document.documentElement.lang).toBe(l.hl);
    for (const english of ['Send', 'Message body', 'To', 'Add a subject'])
      expect(compose.querySelector(`[aria-label="${english}"]`)).toBeNull();
    expect(byLabel(compose, l.send).tagName).toBe('BUTTON');
  });

  it('finds the body, the subject and the recipients, and gates Senden / 送信 by its label alone', () => {
    const compose = open();
    labelsOnly(compose);
    const body = byLabel(compose, l.body);
    const surface = surfaceAt(body);
    expect(surface.root).toBe(compose);
    expect(outlookAdapter.findSurfaces(document)).toEqual([surface]);
    expect(surface.kind).toBe('compose');
    expect(surface.fields().map((f) => [f.name, f.element])).toEqual([
      ['subject', byLabel(compose, l.subject)],
      ['body', body],
    ]);
    expect(surface.noticeAnchor()).toBe(body);
    expect(surface.problems?.()).toEqual([]);

    addRecipient(compose, l.to, 'Counsel@Acme.example');
    compose.querySelector<HTMLElement>('.fx-show-cc')!.click();
    addRecipient(compose, l.cc, 'kestrel.outside@gmail.com');
    // The body is not a recipient well, whatever its text.
    body.append('see j.doe@harrowvale.example');
    expect(surface.recipients().sort()).toEqual(['counsel@acme.example', 'kestrel.outside@gmail.com']);

    const send = byLabel(compose, l.send);
    const click = trusted(new MouseEvent('click', { bubbles: true, button: 0 }));
    let intent: ReturnType<typeof outlookAdapter.sendIntent> | undefined;
    window.addEventListener(
      'click',
      (e) => {
        intent = outlookAdapter.sendIntent(e, surface);
        e.stopImmediatePropagation();
      },
      { capture: true, once: true },
    );
    send.querySelector('i')!.dispatchEvent(click);
    expect(intent).toEqual({ path: 'button', control: send });
    expect(outlook!.sent).toEqual([]);
    outlookAdapter.resend(intent!, surface);
    expect(outlook!.sent.map((s) => [s.via, s.to])).toEqual([['button', ['Counsel@Acme.example']]]);
  });

  it(`gates "${l.schedule}" in the Send menu and releases it as a schedule, once`, () => {
    const compose = open();
    userClick(compose.querySelector('.fui-SplitButton__menuButton')!);
    const item = [...document.querySelectorAll<HTMLElement>('[role=menu] [role=menuitem]')].find(
      (i) => i.textContent === l.schedule,
    )!;
    expect(item.textContent).toBe(l.schedule);
    const surface = outlookAdapter.surfaceFor(item);
    expect(surface?.root).toBe(compose);
    let intent: ReturnType<typeof outlookAdapter.sendIntent> | undefined;
    window.addEventListener(
      'click',
      (e) => {
        intent = outlookAdapter.sendIntent(e, surface!);
        e.stopImmediatePropagation();
      },
      { capture: true, once: true },
    );
    item.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, button: 0 })));
    expect(intent).toEqual({ path: 'schedule', control: item });
    expect(outlook!.sent).toEqual([]);
    outlookAdapter.resend(intent!, surface!);
    expect(outlook!.sent.map((s) => s.via)).toEqual(['schedule']);
  });
});

it('a UI language outside the label table still fails visible: Send not found, the compose still a surface', () => {
  outlook = loadOutlook('https://outlook.office.com/mail/?hl=de');
  const compose = fixtureCompose(outlook.openCompose());
  labelsOnly(compose);
  // Swedish: "Skicka", "Meddelandetext" are in no table.
  compose.querySelector('[aria-label="Senden"]')!.setAttribute('aria-label', 'Skicka');
  const surface = surfaceAt(compose.querySelector('[aria-label="Nachrichtentext"]')!);
  expect(surface.problems?.()).toEqual(['send button not found']);
});
