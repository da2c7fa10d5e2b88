import { browser, type Browser } from 'wxt/browser';
import {
  contentRequests,
  envelopeSchema,
  isContentRequestType,
  isUiRequestType,
  uiRequests,
  type Reply,
  type RequestOf,
  type RequestType,
  type ResponseOf,
} from '../protocol/protocol';
import { siteClaimRefusal } from './sender';

type Sender = Browser.runtime.MessageSender;
type Handler<T extends RequestType> = (payload: RequestOf<T>, sender: Sender) => Promise<ResponseOf<T>>;

/**
 * The background's single entry for messages (CONTRIBUTING.md#messaging). Each request type has one
 * handler, registered by the setupX() module that owns it. Before a handler runs, the router
 * checks who sent the message (browser-stamped sender, not the payload), validates the payload,
 * and checks that a content script's frame is on the site it claims (sender.ts).
 */
export interface MessageRouter {
  on<T extends RequestType>(type: T, handler: Handler<T>): void;
  /** Registers the runtime listener; call once, synchronously, at worker start. */
  listen(): void;
}

function extensionOrigin(): string {
  return browser.runtime.getURL('/').replace(/\/$/, '');
}

/** A content script: our extension, inside a web page tab, not one of our own pages. */
export function isContentSender(sender: Sender): boolean {
  return (
    sender.id === browser.runtime.id && sender.tab !== undefined && !(sender.url ?? '').startsWith(extensionOrigin())
  );
}

/** One of our own pages (options, popup): our origin. */
export function isExtensionPageSender(sender: Sender): boolean {
  return sender.id === browser.runtime.id && (sender.url ?? '').startsWith(extensionOrigin() + '/');
}

export function createMessageRouter(): MessageRouter {
  const handlers = new Map<string, (payload: unknown, sender: Sender) => Promise<unknown>>();

  async function dispatch(message: unknown, sender: Sender): Promise<Reply<unknown>> {
    const envelope = envelopeSchema.safeParse(message);
    if (!envelope.success) return { ok: false, error: 'Malformed message.' };
    const { type, payload } = envelope.data;
    let parsed;
    if (isContentRequestType(type)) {
      if (!isContentSender(sender)) return { ok: false, error: `${type}: not accepted from this sender.` };
      parsed = contentRequests[type].safeParse(payload);
      if (parsed.success) {
        const refused = siteClaimRefusal(type, parsed.data as RequestOf<typeof type>, sender);
        if (refused) return { ok: false, error: refused };
      }
    } else if (isUiRequestType(type)) {
      if (!isExtensionPageSender(sender)) return { ok: false, error: `${type}: not accepted from this sender.` };
      parsed = uiRequests[type].safeParse(payload);
    } else {
      return { ok: false, error: `Unknown message type: ${type}` };
    }
    if (!parsed.success)
      return { ok: false, error: `${type}: invalid request (${parsed.error.issues[0]?.message ?? 'bad shape'}).` };
    const handler = handlers.get(type);
    if (!handler) return { ok: false, error: `${type}: no handler.` };
    try {
      return { ok: true, data: await handler(parsed.data, sender) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  return {
    on(type, handler) {
      if (handlers.has(type)) throw new Error(`Handler for ${type} registered twice`);
      handlers.set(type, handler as (payload: unknown, sender: Sender) => Promise<unknown>);
    },
    listen() {
      // webextension-polyfill: a listener answers by returning a promise (Chrome's sendResponse is wrapped).
      // eslint-disable-next-line @typescript-eslint/no-misused-promises
      browser.runtime.onMessage.addListener((message: unknown, sender: Sender) => dispatch(message, sender));
    },
  };
}

/** Re-exported for callers that also use the router; content scripts import './send-message' directly. */
export { sendMessage } from './send-message';
