// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { googleChatAdapter } from '@/lib/sites/google-chat/adapter';
import type { ComposeSurface } from '@/lib/sites/types';
import { trusted } from '@/tests/helpers/gmail-fixture';
import { loadChat, typeInto, type ChatPost } from '@/tests/helpers/chat-fixture';

interface ChatFixture {
  sent: ChatPost[];
  switchSpace(id: string): void;
  stop(): void;
}

let chat: ChatFixture;
beforeEach(() => {
  chat?.stop();
  chat = loadChat<ChatFixture>('google-chat', 'https://chat.google.com/');
});

const editor = () => document.querySelector<HTMLElement>('.fx-composer [role=textbox]')!;
const surfaceAt = (node: Node): ComposeSurface => {
  const s = googleChatAdapter.surfaceFor(node);
  if (!s) throw new Error('no surface');
  return s;
};
function intentOf(el: Element, event: Event) {
  let intent: ReturnType<typeof googleChatAdapter.sendIntent> | undefined;
  window.addEventListener(event.type, (e) => (intent = googleChatAdapter.sendIntent(e, surfaceAt(el))), {
    capture: true,
    once: true,
  });
  el.dispatchEvent(event);
  return intent;
}
const key = (k: string, mods: KeyboardEventInit = {}) =>
  trusted(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...mods }));

describe('Google Chat composer', () => {
  it('Enter and the Send div button (click or key) post; Shift+Enter and IME do not', () => {
    const surface = surfaceAt(editor());
    const send = surface.root.querySelector<HTMLElement>('div[role=button][aria-label="Send message"]')!;
    expect(surface.fields()).toEqual([{ name: 'body', element: editor() }]);
    expect(surface.kind).toBe('chat');
    expect(intentOf(send, trusted(new MouseEvent('click', { bubbles: true, button: 0 })))).toEqual({
      path: 'button',
      control: send,
    });
    expect(intentOf(send, key('Enter'))?.path).toBe('button');
    expect(intentOf(editor(), key('Enter'))).toEqual({ path: 'enter', control: null });
    expect(intentOf(editor(), key('Enter', { shiftKey: true }))).toBeNull();
    expect(intentOf(editor(), key('Enter', { isComposing: true }))).toBeNull();
  });

  it('Enter picks from an open @-mention list (rendered outside the composer) instead of sending', () => {
    typeInto(editor(), 'Ask @');
    expect(document.querySelector('body > [role=listbox]')).not.toBeNull();
    expect(intentOf(editor(), key('Enter'))).toBeNull();
    expect(intentOf(editor(), key('Enter'))).toEqual({ path: 'enter', control: null });
    expect(chat.sent).toHaveLength(1);
  });

  it("audience: the organisation's space is internal, the external DM external; the composer re-mounts", () => {
    const first = surfaceAt(editor());
    expect(first.audience()).toBe('internal');
    chat.switchSpace('dana');
    expect(first.root.isConnected).toBe(false);
    expect(surfaceAt(editor()).audience()).toBe('external');
    expect(googleChatAdapter.findSurfaces(document)).toHaveLength(1);
  });
});
