// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { teamsAdapter } from '@/lib/sites/teams/adapter';
import type { ComposeSurface } from '@/lib/sites/types';
import { trusted } from '@/tests/helpers/gmail-fixture';
import { loadChat, typeInto, type ChatPost } from '@/tests/helpers/chat-fixture';

interface TeamsFixture {
  sent: ChatPost[];
  switchChat(id: string): void;
  stop(): void;
}

let teams: TeamsFixture;
beforeEach(() => {
  teams?.stop();
  teams = loadChat<TeamsFixture>('teams', 'https://teams.microsoft.com/v2/');
});

const editor = () => document.querySelector<HTMLElement>('[data-tid="message-pane-footer"] [data-tid="ckeditor"]')!;
const surfaceAt = (node: Node): ComposeSurface => {
  const s = teamsAdapter.surfaceFor(node);
  if (!s) throw new Error('no surface');
  return s;
};
function intentOf(el: Element, event: Event) {
  let intent: ReturnType<typeof teamsAdapter.sendIntent> | undefined;
  window.addEventListener(event.type, (e) => (intent = teamsAdapter.sendIntent(e, surfaceAt(el))), {
    capture: true,
    once: true,
  });
  el.dispatchEvent(event);
  return intent;
}
const key = (k: string, mods: KeyboardEventInit = {}) =>
  trusted(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...mods }));
const click = () => trusted(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));

describe('Teams composer', () => {
  it('Enter and sendMessageCommands-send post; Shift+Enter, IME and an open mention list do not', () => {
    const surface = surfaceAt(editor());
    const send = surface.root.querySelector<HTMLElement>('button[data-tid="sendMessageCommands-send"]')!;
    expect(surface.kind).toBe('chat');
    expect(surface.fields()).toEqual([{ name: 'body', element: editor() }]);
    expect(intentOf(send, click())).toEqual({ path: 'button', control: send });
    expect(intentOf(editor(), key('Enter'))).toEqual({ path: 'enter', control: null });
    expect(intentOf(editor(), key('Enter', { shiftKey: true }))).toBeNull();
    expect(intentOf(editor(), key('Enter', { isComposing: true }))).toBeNull();
    typeInto(editor(), 'cc @');
    expect(intentOf(editor(), key('Enter'))).toBeNull();
  });

  it('with a file staged, posts through newMessageCommands-send and reads the file name', () => {
    const input = surfaceAt(editor()).root.querySelector<HTMLInputElement>('input[type=file]')!;
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'Falcon SPA 12345-0001.docx')] });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    const surface = surfaceAt(editor());
    const send = surface.root.querySelector<HTMLElement>('button[data-tid="newMessageCommands-send"]')!;
    expect(surface.attachmentNames()).toEqual(['Falcon SPA 12345-0001.docx']);
    expect(intentOf(send, click())?.path).toBe('button');
    // The page posted the file (the click went on to its listener) and cleared the composer.
    expect(teams.sent.map((p) => p.files)).toEqual([['Falcon SPA 12345-0001.docx']]);
    expect(surface.attachmentNames()).toEqual([]);
  });

  it('an edit is its own surface: Done posts it, Cancel does not; resend posts the right one once', () => {
    typeInto(editor(), 'Draft agreed.');
    teamsAdapter.resend({ path: 'enter', control: null }, surfaceAt(editor()));
    const mine = [...document.querySelectorAll('.fui-ChatMyMessage [data-tid="chat-pane-message"]')].at(-1)!;
    const openEdit = (): ComposeSurface => {
      mine.dispatchEvent(new PointerEvent('pointerenter'));
      document.querySelector<HTMLElement>('[data-tid="message-actions-more"]')!.click();
      document.querySelector<HTMLElement>('[role=menuitem][data-tid="message-actions-edit"]')!.click();
      return surfaceAt(mine.querySelector('[data-tid="ckeditor"]')!);
    };
    const edit = openEdit();
    expect(edit.kind).toBe('edit');
    expect(edit.root.contains(editor())).toBe(false);
    expect(surfaceAt(editor()).kind).toBe('chat');
    const cancel = edit.root.querySelector<HTMLElement>('[data-tid="newMessageCommands-discard-draft"]')!;
    expect(intentOf(cancel, click())).toBeNull();
    expect(edit.root.isConnected).toBe(false);

    const again = openEdit();
    expect(intentOf(again.fields()[0]!.element, key('Enter'))).toEqual({ path: 'enter', control: null });
    expect(again.root.isConnected).toBe(false);

    const third = openEdit();
    typeInto(third.fields()[0]!.element, ' (signed)');
    teamsAdapter.resend({ path: 'enter', control: null }, third);
    expect(teams.sent.map((p) => [p.kind, p.via, p.text])).toEqual([
      ['chat', 'button', 'Draft agreed.'],
      ['edit', 'enter', 'Draft agreed.'],
      ['edit', 'button', 'Draft agreed. (signed)'],
    ]);
    expect(mine.textContent).toBe('Draft agreed. (signed)');
  });

  it('audience: a chat within the organisation is internal, a federated one external', () => {
    expect(surfaceAt(editor()).audience()).toBe('internal');
    teams.switchChat('dana');
    expect(surfaceAt(editor()).audience()).toBe('external');
  });
});
