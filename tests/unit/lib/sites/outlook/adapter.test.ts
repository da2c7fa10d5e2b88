// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { outlookAdapter } from '@/lib/sites/outlook/adapter';
import { trusted, userClick, userKey } from '@/tests/helpers/gmail-fixture';
import { addRecipient, fixtureCompose, loadOutlook, type OutlookFixture } from '@/tests/helpers/outlook-fixture';

let outlook: OutlookFixture;
beforeEach(() => {
  outlook?.stop();
  outlook = loadOutlook();
});

const sendButton = (c: HTMLElement) => c.querySelector<HTMLElement>('button[aria-label="Send"]')!;
const bodyOf = (c: HTMLElement) => c.querySelector<HTMLElement>('[aria-label="Message body"]')!;

function surfaceAt(node: Node) {
  const surface = outlookAdapter.surfaceFor(node);
  if (!surface) throw new Error('no surface');
  return surface;
}

describe.each([
  { name: 'new message', kind: 'compose', fields: ['body', 'subject'], open: () => outlook.openCompose() },
  { name: 'inline reply', kind: 'reply', fields: ['body'], open: () => outlook.openReply() },
])('the $name in the reading pane', ({ kind, fields, open }) => {
  it('is one surface, from its body, its wells and its Send button alike', () => {
    const compose = fixtureCompose(open());
    const surface = surfaceAt(bodyOf(compose));
    expect(surface.kind).toBe(kind);
    expect(surface.root.contains(sendButton(compose))).toBe(true);
    expect(surfaceAt(sendButton(compose))).toBe(surface);
    expect(surfaceAt(compose.querySelector('[aria-label=To]')!)).toBe(surface);
    expect(
      surface
        .fields()
        .map((f) => f.name)
        .sort(),
    ).toEqual(fields);
    expect(outlookAdapter.findSurfaces(document)).toEqual([surface]);
    expect(surface.noticeAnchor()).toBe(bodyOf(compose));
  });
});

describe('recipients and attachments', () => {
  it('reads chips in To, Cc and Bcc and addresses still typed, lower case, once each', () => {
    const compose = fixtureCompose(outlook.openCompose());
    addRecipient(compose, 'Counsel@Acme.example');
    addRecipient(compose, 'kestrel.outside@gmail.com', 'Cc');
    addRecipient(compose, 'j.doe@harrowvale.example', 'Bcc');
    compose.querySelector('[aria-label=To]')!.append('dana.whitcombe@acme.example; counsel@acme.example');
    expect(surfaceAt(compose).recipients().sort()).toEqual([
      'counsel@acme.example',
      'dana.whitcombe@acme.example',
      'j.doe@harrowvale.example',
      'kestrel.outside@gmail.com',
    ]);
  });

  it("reads the reply's prefilled sender and the attachment names", () => {
    const id = outlook.openReply();
    outlook.attach(id, 'Falcon SPA 12345-0001.docx');
    const surface = surfaceAt(fixtureCompose(id));
    expect(surface.recipients()).toEqual(['dana.whitcombe@acme.example']);
    expect(surface.attachmentNames()).toEqual(['Falcon SPA 12345-0001.docx']);
  });
});

describe('send intents', () => {
  it('knows Send (click or key on it) and Ctrl/Cmd+Enter, and nothing else', () => {
    const compose = fixtureCompose(outlook.openCompose());
    const surface = surfaceAt(compose);
    const intent = (el: Element, event: Event) => {
      el.dispatchEvent(event);
      return outlookAdapter.sendIntent(event, surface);
    };
    const key = (k: string, mods: KeyboardEventInit = {}) =>
      trusted(new KeyboardEvent('keydown', { key: k, bubbles: true, ...mods }));
    const click = () => trusted(new MouseEvent('click', { bubbles: true, button: 0 }));
    expect(intent(sendButton(compose), click())).toEqual({ path: 'button', control: sendButton(compose) });
    expect(intent(sendButton(compose).querySelector('i')!, click())?.path).toBe('button');
    expect(intent(sendButton(compose), key('Enter'))?.path).toBe('button');
    expect(intent(bodyOf(compose), key('Enter', { ctrlKey: true }))).toEqual({ path: 'shortcut', control: null });
    expect(intent(bodyOf(compose), key('Enter', { metaKey: true }))?.path).toBe('shortcut');
    // Plain Enter is a new line; an IME commit is no send; the menu arrow and Discard send nothing.
    expect(intent(bodyOf(compose), key('Enter'))).toBeNull();
    expect(intent(bodyOf(compose), key('Enter', { ctrlKey: true, isComposing: true }))).toBeNull();
    expect(intent(compose.querySelector('[aria-label="More send options"]')!, click())).toBeNull();
    expect(intent(compose.querySelector('[aria-label=Discard]')!, click())).toBeNull();
    expect(intent(sendButton(compose), trusted(new MouseEvent('click', { bubbles: true, button: 2 })))).toBeNull();
  });

  it('keeps two composes apart, and resend sends the right one exactly once', () => {
    const a = fixtureCompose(outlook.openCompose());
    const b = fixtureCompose(outlook.openReply());
    const sa = surfaceAt(a);
    const sb = surfaceAt(b);
    expect(sa).not.toBe(sb);
    expect(sa.root.contains(b)).toBe(false);
    expect(outlookAdapter.findSurfaces(document)).toHaveLength(2);
    addRecipient(a, 'kestrel.outside@gmail.com');
    expect(sb.recipients()).toEqual(['dana.whitcombe@acme.example']);
    outlookAdapter.resend({ path: 'shortcut', control: null }, sb);
    expect(outlook.sent.map((s) => [s.composeId, s.via])).toEqual([[b.getAttribute('data-fixture-id'), 'button']]);
    expect(a.isConnected).toBe(true);
  });

  it('a page outside any compose is no surface', () => {
    outlook.openCompose();
    expect(outlookAdapter.surfaceFor(document.querySelector('.fx-list')!)).toBeNull();
    userClick(document.querySelector('button[aria-label="New mail"]')!);
    expect(outlookAdapter.findSurfaces(document)).toHaveLength(2);
    userKey(document.body, 'Enter', { ctrlKey: true });
    expect(outlook.sent).toEqual([]);
  });
});

describe("Schedule send, from the Send button's menu portalled to the body", () => {
  const arrowOf = (c: HTMLElement) => c.querySelector<HTMLElement>('[aria-label="More send options"]')!;
  const scheduleItem = () =>
    [...document.querySelectorAll<HTMLElement>('[role=menu] [role=menuitem]')].find(
      (i) => i.textContent === 'Schedule send',
    );
  const click = () => trusted(new MouseEvent('click', { bubbles: true, button: 0 }));

  it('is a schedule intent of the compose that opened the menu, by click or key', () => {
    const a = fixtureCompose(outlook.openCompose());
    const b = fixtureCompose(outlook.openReply());
    userClick(arrowOf(b));
    const item = scheduleItem()!;
    expect(a.contains(item) || b.contains(item)).toBe(false);
    const surface = outlookAdapter.surfaceFor(item);
    expect(surface).toBe(surfaceAt(b));
    /** Asks the adapter in the capture phase at window and stops the event there, as a gate holding it. */
    const onItem = (event: Event) => {
      let intent: ReturnType<typeof outlookAdapter.sendIntent> | undefined;
      window.addEventListener(
        event.type,
        (e) => {
          intent = outlookAdapter.sendIntent(e, surface!);
          e.stopImmediatePropagation();
        },
        { capture: true, once: true },
      );
      item.dispatchEvent(event);
      return intent;
    };
    expect(onItem(click())).toEqual({ path: 'schedule', control: item });
    expect(onItem(trusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })))).toEqual({
      path: 'schedule',
      control: item,
    });
    expect(onItem(trusted(new MouseEvent('click', { bubbles: true, button: 2 })))).toBeNull();
    expect(outlook.sent).toEqual([]);
  });

  it('resend schedules that compose once, through the item or by reopening a closed menu', () => {
    const a = fixtureCompose(outlook.openCompose());
    const b = fixtureCompose(outlook.openReply());
    userClick(arrowOf(a));
    const item = scheduleItem()!;
    outlookAdapter.resend({ path: 'schedule', control: item }, surfaceAt(a));
    expect(outlook.sent.map((s) => [s.composeId, s.via])).toEqual([[a.getAttribute('data-fixture-id'), 'schedule']]);
    // The menu closed (the guard's dialog took focus): the resend opens it again.
    userClick(arrowOf(b));
    const stale = scheduleItem()!;
    userClick(arrowOf(b));
    expect(stale.isConnected).toBe(false);
    outlookAdapter.resend({ path: 'schedule', control: stale }, surfaceAt(b));
    expect(outlook.sent.map((s) => [s.composeId, s.via])).toEqual([
      [a.getAttribute('data-fixture-id'), 'schedule'],
      [b.getAttribute('data-fixture-id'), 'schedule'],
    ]);
    expect(scheduleItem()).toBeUndefined();
  });
});

describe('a layout whose Send is unknown (fail visible)', () => {
  it('is still a surface with its fields and notice anchor, and says its send button is not found', () => {
    outlook.stop();
    outlook = loadOutlook('https://outlook.office.com/mail/?layout=unknown-send');
    const compose = fixtureCompose(outlook.openCompose());
    const surface = surfaceAt(bodyOf(compose));
    expect(surface.root.contains(compose.querySelector('[aria-label=To]'))).toBe(true);
    expect(
      surface
        .fields()
        .map((f) => f.name)
        .sort(),
    ).toEqual(['body', 'subject']);
    expect(surface.noticeAnchor()).toBe(bodyOf(compose));
    expect(surface.problems?.()).toEqual(['send button not found']);
    // Ctrl+Enter is still known, and released by the key itself, once.
    outlookAdapter.resend({ path: 'shortcut', control: null }, surface);
    expect(outlook.sent.map((s) => s.via)).toEqual(['shortcut']);
  });

  it('a known layout has no problems', () => {
    expect(surfaceAt(fixtureCompose(outlook.openCompose())).problems?.()).toEqual([]);
  });
});
