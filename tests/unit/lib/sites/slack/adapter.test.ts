// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { slackAdapter } from '@/lib/sites/slack/adapter';
import type { ComposeSurface } from '@/lib/sites/types';
import { trusted } from '@/tests/helpers/gmail-fixture';
import { loadChat, typeInto, type ChatPost } from '@/tests/helpers/chat-fixture';

interface SlackFixture {
  sent: ChatPost[];
  switchChannel(name: string): void;
  stop(): void;
}

let slack: SlackFixture;
beforeEach(() => {
  slack?.stop();
  slack = loadChat<SlackFixture>('slack', 'https://app.slack.com/client/T0HARROW/C0FALCON');
});

const mainEditor = () => document.querySelector<HTMLElement>('.p-message_pane_input .ql-editor')!;
const surfaceAt = (node: Node): ComposeSurface => {
  const s = slackAdapter.surfaceFor(node);
  if (!s) throw new Error('no surface');
  return s;
};
const key = (k: string, mods: KeyboardEventInit = {}) =>
  trusted(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...mods }));
const click = () => trusted(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
/** Asks the adapter in the capture phase at window, before the page's own listeners, as the guard does. */
function intentOf(el: Element, event: Event) {
  let intent: ReturnType<typeof slackAdapter.sendIntent> | undefined;
  const ask = (e: Event) => (intent = slackAdapter.sendIntent(e, surfaceAt(el)));
  window.addEventListener(event.type, ask, { capture: true, once: true });
  el.dispatchEvent(event);
  return intent;
}

describe('Slack composers', () => {
  it('the channel composer: its editor is the body, its Send button and Enter post it', () => {
    const surface = surfaceAt(mainEditor());
    const send = surface.root.querySelector<HTMLElement>('button[data-qa="texty_send_button"]')!;
    expect(surface.kind).toBe('channel');
    expect(surface.fields()).toEqual([{ name: 'body', element: mainEditor() }]);
    expect(surfaceAt(send)).toBe(surface);
    expect(surfaceAt(document.querySelector('.ql-clipboard')!)).toBe(surface);
    expect(intentOf(send, click())).toEqual({ path: 'button', control: send });
    expect(intentOf(mainEditor(), key('Enter'))).toEqual({ path: 'enter', control: null });
    expect(intentOf(mainEditor(), key('Enter', { ctrlKey: true }))?.path).toBe('enter');
  });

  it('Shift+Enter, IME composition and an open @-mention list are not a send', () => {
    expect(intentOf(mainEditor(), key('Enter', { shiftKey: true }))).toBeNull();
    expect(intentOf(mainEditor(), key('Enter', { isComposing: true }))).toBeNull();
    expect(intentOf(mainEditor(), key('Enter', { keyCode: 229 }))).toBeNull();
    typeInto(mainEditor(), 'Ask @');
    expect(document.querySelector('.c-texty_autocomplete')).not.toBeNull();
    expect(intentOf(mainEditor(), key('Enter'))).toBeNull();
    // The fixture's Enter picked the name and closed the list: the next Enter sends.
    expect(intentOf(mainEditor(), key('Enter'))).toEqual({ path: 'enter', control: null });
  });

  it("a mention list open in the thread composer does not stop the channel composer's Enter", () => {
    typeInto(mainEditor(), 'Kick-off at 10.');
    slackAdapter.resend({ path: 'enter', control: null }, surfaceAt(mainEditor()));
    document.querySelector<HTMLElement>('button[aria-label="Reply in thread"]')!.click();
    const threadEditor = document.querySelector<HTMLElement>('[data-qa="threads_flexpane"] .ql-editor')!;
    typeInto(threadEditor, 'Loop in @');
    expect(surfaceAt(threadEditor).root.querySelector('.c-texty_autocomplete')).not.toBeNull();
    expect(intentOf(threadEditor, key('Enter'))).toBeNull();
    typeInto(threadEditor, '@');
    expect(intentOf(mainEditor(), key('Enter'))).toEqual({ path: 'enter', control: null });
  });

  it('a list portalled to the body counts for the composer whose editor points at it', () => {
    const list = document.createElement('div');
    list.id = 'mentions-portal';
    list.setAttribute('role', 'listbox');
    document.body.append(list);
    expect(intentOf(mainEditor(), key('Enter'))).toEqual({ path: 'enter', control: null });
    mainEditor().setAttribute('aria-controls', 'mentions-portal');
    expect(intentOf(mainEditor(), key('Enter'))).toBeNull();
    list.hidden = true;
    expect(intentOf(mainEditor(), key('Enter'))).toEqual({ path: 'enter', control: null });
  });

  it('a thread reply and an edit are their own surfaces, apart from the channel composer', () => {
    typeInto(mainEditor(), 'Kick-off at 10.');
    slackAdapter.resend({ path: 'enter', control: null }, surfaceAt(mainEditor()));
    expect(slack.sent.map((p) => [p.kind, p.via])).toEqual([['channel', 'button']]);
    document.querySelector<HTMLElement>('button[aria-label="Reply in thread"]')!.click();
    document.querySelector<HTMLElement>('button[aria-label="Edit message"]')!.click();
    const thread = surfaceAt(document.querySelector('[data-qa="threads_flexpane"] .ql-editor')!);
    const edit = surfaceAt(document.querySelector('[data-qa="message_editor"] .ql-editor')!);
    expect([thread.kind, edit.kind]).toEqual(['thread', 'edit']);
    expect(new Set(slackAdapter.findSurfaces(document).map((s) => s.root)).size).toBe(3);
    expect(thread.root.contains(mainEditor())).toBe(false);
    const save = edit.root.querySelector<HTMLElement>('button[data-qa="wysiwyg_edit_save_button"]')!;
    expect(intentOf(save, click())).toEqual({ path: 'button', control: save });
  });

  it('audience: a workspace channel is internal, a Slack Connect channel external', () => {
    expect(surfaceAt(mainEditor()).audience()).toBe('internal');
    slack.switchChannel('acme-shared');
    // The composer was re-mounted: a new surface, which knows the new audience.
    expect(surfaceAt(mainEditor()).audience()).toBe('external');
  });

  it('names of files staged by the file input or by a drop', () => {
    const root = surfaceAt(mainEditor()).root;
    const input = root.querySelector<HTMLInputElement>('input[type=file]')!;
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'Falcon 12345-0001.pdf')] });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    expect(surfaceAt(mainEditor()).attachmentNames()).toEqual(['Falcon 12345-0001.pdf']);
    // Files dropped on the composer are staged as tiles, and named too.
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', {
      value: { files: [new File(['y'], 'Acme board minutes.docx')], getData: () => '' },
    });
    mainEditor().dispatchEvent(drop);
    expect(surfaceAt(mainEditor()).attachmentNames().sort()).toEqual([
      'Acme board minutes.docx',
      'Falcon 12345-0001.pdf',
    ]);
  });
});

describe('a composer whose Send is unknown (fail visible)', () => {
  it('is still a surface with its editor, and says its send button is not found', () => {
    expect(surfaceAt(mainEditor()).problems?.()).toEqual([]);
    // A future Slack whose button has none of the known hooks.
    const send = document.querySelector<HTMLElement>('.p-message_pane_input button[data-qa="texty_send_button"]')!;
    send.removeAttribute('data-qa');
    send.removeAttribute('aria-label');
    send.className = 'c-button-unstyled x9';
    const surface = surfaceAt(mainEditor());
    expect(surface.fields()).toEqual([{ name: 'body', element: mainEditor() }]);
    expect(surface.problems?.()).toEqual(['send button not found']);
    // Enter is still known, and released by the key itself.
    expect(intentOf(mainEditor(), key('Enter'))).toEqual({ path: 'enter', control: null });
    typeInto(mainEditor(), 'Hello');
    slackAdapter.resend({ path: 'enter', control: null }, surface);
    expect(slack.sent.map((p) => [p.text, p.via, p.trusted === true])).toEqual([['Hello', 'enter', false]]);
  });
});
