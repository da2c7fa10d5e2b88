// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { gmailAdapter } from '@/lib/sites/gmail/adapter';
import type { ComposeSurface } from '@/lib/sites/types';
import {
  addRecipient,
  composeRoot,
  loadGmail,
  setBody,
  trusted,
  userClick,
  type GmailFixture,
} from '@/tests/helpers/gmail-fixture';

let gmail: GmailFixture;
beforeEach(() => {
  gmail = loadGmail();
});

function surfaceOf(root: HTMLElement): ComposeSurface {
  const surface = gmailAdapter.surfaceFor(root);
  if (!surface) throw new Error('no surface');
  return surface;
}

const sendButton = (root: HTMLElement) => root.querySelector<HTMLElement>('div[role=button].T-I.T-I-atl')!;
const bodyOf = (root: HTMLElement) => root.querySelector<HTMLElement>('[g_editable=true]')!;

/** Each compose variant of docs/sites.md#gmail, opened the way a user opens it in the fixture. */
const VARIANTS: { name: string; kind: string; open: () => HTMLElement }[] = [
  { name: 'pop-up mole', kind: 'compose', open: () => composeRoot(gmail.openCompose()) },
  {
    name: 'inline reply',
    kind: 'reply',
    open: () => {
      userClick(document.querySelector('span[role=link].bkH')!);
      return document.querySelector<HTMLElement>('.ip.adB > .M9')!;
    },
  },
  {
    name: 'full screen',
    kind: 'fullscreen',
    open: () => {
      const root = composeRoot(gmail.openCompose());
      userClick(root.closest('[role=dialog]')!.querySelector('button.Hq')!);
      return root;
    },
  },
  {
    name: 'pop-out window',
    kind: 'popout',
    open: () => {
      gmail.stop();
      gmail = loadGmail('https://mail.google.com/mail/u/0/?view=cm&fs=1&to=counsel@acme.example&su=Falcon');
      return document.querySelector<HTMLElement>('.M9')!;
    },
  },
];

describe.each(VARIANTS)('the $name', ({ kind, open }) => {
  it('is a surface with its kind, body, subject and Send button', () => {
    const root = open();
    const surface = surfaceOf(root);
    expect(surface.root).toBe(root);
    expect(surface.kind).toBe(kind);
    expect(gmailAdapter.findSurfaces(document).map((s) => s.root)).toContain(root);
    const fields = surface.fields();
    expect(fields.map((f) => f.name).sort()).toEqual(['body', 'subject']);
    expect(fields.find((f) => f.name === 'body')!.element.getAttribute('aria-label')).toBe('Message Body');
    expect(fields.find((f) => f.name === 'subject')!.element.getAttribute('name')).toBe('subjectbox');
    const click = trusted(new MouseEvent('click', { bubbles: true, button: 0 }));
    sendButton(root).dispatchEvent(click);
    expect(gmailAdapter.sendIntent(click, surface)).toEqual({ path: 'button', control: sendButton(root) });
    // The notice goes above the bottom bar, inside the compose.
    expect(root.contains(surface.noticeAnchor())).toBe(true);
  });
});

describe('recipients', () => {
  it('reads chips in To, Cc and Bcc and addresses still being typed, in lower case, once each', () => {
    const root = composeRoot(gmail.openCompose());
    addRecipient(root, 'Counsel@Acme.example');
    addRecipient(root, 'kestrel.outside@gmail.com', 'cc');
    addRecipient(root, 'j.doe@harrowvale.example', 'bcc');
    root.querySelector<HTMLInputElement>('div[name=to] input')!.value =
      'Dana <dana.whitcombe@acme.example>, counsel@acme.example';
    expect(surfaceOf(root).recipients().sort()).toEqual([
      'counsel@acme.example',
      'dana.whitcombe@acme.example',
      'j.doe@harrowvale.example',
      'kestrel.outside@gmail.com',
    ]);
  });

  it('forgets a chip the user removes', () => {
    const root = composeRoot(gmail.openCompose());
    addRecipient(root, 'a@one.example');
    addRecipient(root, 'b@two.example');
    userClick(root.querySelector('[aria-label="Remove a@one.example"]')!);
    expect(surfaceOf(root).recipients()).toEqual(['b@two.example']);
  });

  it('pre-fills the sender in an inline reply', () => {
    userClick(document.querySelector('span[role=link].bkH')!);
    expect(surfaceOf(document.querySelector<HTMLElement>('.ip.adB > .M9')!).recipients()).toEqual([
      'dana.whitcombe@acme.example',
    ]);
  });
});

it('names attachments', () => {
  const id = gmail.openCompose();
  gmail.attach(id, 'Falcon SPA draft v3.pdf');
  gmail.attach(id, '12345-0001 disclosure.xlsx');
  expect(surfaceOf(composeRoot(id)).attachmentNames()).toEqual([
    'Falcon SPA draft v3.pdf',
    '12345-0001 disclosure.xlsx',
  ]);
});

it('keeps two composes apart', () => {
  const a = composeRoot(gmail.openCompose());
  const b = composeRoot(gmail.openCompose());
  expect(surfaceOf(bodyOf(a)).root).toBe(a);
  expect(surfaceOf(bodyOf(b)).root).toBe(b);
  expect(surfaceOf(bodyOf(a))).toBe(surfaceOf(a));
  expect(gmailAdapter.surfaceFor(document.querySelector('.gb-search input')!)).toBeNull();
});

describe('send intents', () => {
  const key = (key: string, mods: KeyboardEventInit = {}) =>
    trusted(new KeyboardEvent('keydown', { key, bubbles: true, ...mods }));
  const mouse = (type: string, button = 0) => trusted(new MouseEvent(type, { bubbles: true, button }));
  const arrow = (root: HTMLElement) => root.querySelector<HTMLElement>('[aria-haspopup=true]')!;

  const CASES: { what: string; event: () => Event; at: (root: HTMLElement) => Element; path: string | null }[] = [
    { what: 'a click on the word Send', event: () => mouse('click'), at: sendButton, path: 'button' },
    {
      what: 'a pointerdown on Send',
      event: () => trusted(new PointerEvent('pointerdown', { bubbles: true, button: 0 })),
      at: sendButton,
      path: 'button',
    },
    { what: 'a mousedown on Send', event: () => mouse('mousedown'), at: sendButton, path: 'button' },
    { what: 'a mouseup on Send', event: () => mouse('mouseup'), at: sendButton, path: 'button' },
    { what: 'a right click on Send', event: () => mouse('mousedown', 2), at: sendButton, path: null },
    { what: 'a click on the schedule arrow', event: () => mouse('click'), at: arrow, path: null },
    { what: 'Ctrl+Enter in the body', event: () => key('Enter', { ctrlKey: true }), at: bodyOf, path: 'shortcut' },
    {
      what: 'Cmd+Enter in the subject',
      event: () => key('Enter', { metaKey: true }),
      at: (r) => r.querySelector('input[name=subjectbox]')!,
      path: 'shortcut',
    },
    { what: 'Enter in the body', event: () => key('Enter'), at: bodyOf, path: null },
    {
      what: 'Ctrl+Enter committing an IME composition',
      event: () => key('Enter', { ctrlKey: true, isComposing: true }),
      at: bodyOf,
      path: null,
    },
    { what: 'Enter on the focused Send button', event: () => key('Enter'), at: sendButton, path: 'button' },
    { what: 'Space on the focused Send button', event: () => key(' '), at: sendButton, path: 'button' },
    { what: 'a click on Discard', event: () => mouse('click'), at: (r) => r.querySelector('.oh')!, path: null },
  ];

  it.each(CASES)('$what → $path', ({ event, at, path }) => {
    const root = composeRoot(gmail.openCompose());
    const e = event();
    // Dispatched for real, so the event has its target and path, then classified.
    at(root).dispatchEvent(e);
    expect(gmailAdapter.sendIntent(e, surfaceOf(root))?.path ?? null).toBe(path);
  });

  it('maps the Schedule send menu, rendered outside every compose, to the compose that opened it', () => {
    const first = composeRoot(gmail.openCompose());
    const second = composeRoot(gmail.openCompose());
    userClick(arrow(second));
    const item = document.querySelector<HTMLElement>('[role=menuitem][selector=scheduledSend]')!;
    expect(first.contains(item) || second.contains(item)).toBe(false);
    const surface = gmailAdapter.surfaceFor(item);
    expect(surface?.root).toBe(second);
    const e = mouse('mousedown');
    item.dispatchEvent(e);
    expect(gmailAdapter.sendIntent(e, surface!)).toEqual({ path: 'schedule', control: item });
  });
});

describe('resend', () => {
  it('clicks Send for a button or a shortcut; the page sends once, through its own handler', () => {
    for (const path of ['button', 'shortcut'] as const) {
      const root = composeRoot(gmail.openCompose({ to: ['counsel@acme.example'] }));
      setBody(root, 'Draft attached.');
      const before = gmail.sent.length;
      gmailAdapter.resend({ path, control: path === 'button' ? sendButton(root) : null }, surfaceOf(root));
      expect(gmail.sent.slice(before)).toMatchObject([
        { to: ['counsel@acme.example'], body: 'Draft attached.', via: 'button', trusted: false },
      ]);
      expect(root.isConnected).toBe(false);
    }
  });

  it('clicks Schedule send again, even after the menu closed', () => {
    const root = composeRoot(gmail.openCompose({ to: ['counsel@acme.example'] }));
    userClick(root.querySelector('[aria-haspopup=true]')!);
    const item = document.querySelector<HTMLElement>('[selector=scheduledSend]')!;
    // The user clicks elsewhere (our dialog), which closes Gmail's menu.
    userClick(document.body);
    gmailAdapter.resend({ path: 'schedule', control: item }, surfaceOf(root));
    expect(gmail.sent).toMatchObject([{ via: 'schedule', to: ['counsel@acme.example'] }]);
  });
});
