import { browser } from 'wxt/browser';
// Types only: content scripts import this module, and the zod schemas behind the protocol
// (about 25 KB gzip) must stay out of their bundle (docs/design.md#budgets: content script ≤ 60 KB gzip).
import type { Reply, RequestOf, RequestType, ResponseOf } from '../protocol/protocol';

/** Send a typed request to the background; throws an Error with the background's message on failure. */
export async function sendMessage<T extends RequestType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  const reply: Reply<ResponseOf<T>> | undefined = await browser.runtime.sendMessage({ type, payload });
  if (!reply) throw new Error(`${type}: no reply from the background.`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}
