import type { Browser } from 'wxt/browser';
import type { SiteId } from '../policy/types';
import { hostOfOrigin, siteForHost } from '../sites/catalog';
import type { ContentRequestType, RequestOf } from '../protocol/protocol';

type Sender = Browser.runtime.MessageSender;

/**
 * The origin of the frame that sent a message, as the browser stamped it (never the payload).
 * Chromium's `origin` is the frame's own; an about:blank pop-out gets its opener's there, as it
 * does in `self.origin` (docs/sites.md#frames-and-pop-outs), while its `url` is about:blank; a sandboxed frame's is
 * "null", whatever its url. Firefox stamps only `url` (so its about:blank pop-outs are refused).
 */
export function senderOrigin(sender: Sender): string {
  if (sender.origin !== undefined) return sender.origin;
  try {
    return new URL(sender.url ?? '').origin;
  } catch {
    return 'null';
  }
}

/** The guarded site the sending frame is on, by the site catalog; null for any other frame. */
export function siteOfSender(sender: Sender): SiteId | null {
  return siteForHost(hostOfOrigin(senderOrigin(sender)))?.id ?? null;
}

/**
 * The site each content request says it comes from: one entry per request type, so a new
 * request must say whether it claims one. A piece of a large scan claims it in its first piece
 * only; the others join that frame's transfer (scan-assembly.ts is keyed by tab and frame).
 */
const CLAIMED_SITE: { [T in ContentRequestType]: (payload: RequestOf<T>) => SiteId | undefined } = {
  scanSurface: (p) => p.site,
  scanSurfacePart: (p) => p.head?.site,
  getGuardConfig: (p) => p.site,
  recordDecision: (p) => p.site,
  reportTabState: (p) => p.site,
  reportDiagnostic: (p) => p.site,
};

/**
 * Why a content script's request is refused, or null when its frame is on a guarded site and
 * that is the site it claims (docs/design.md#security-and-reliability): a script on Gmail cannot speak for Slack, and no
 * frame outside the guarded sites speaks at all.
 */
export function siteClaimRefusal<T extends ContentRequestType>(
  type: T,
  payload: RequestOf<T>,
  sender: Sender,
): string | null {
  const actual = siteOfSender(sender);
  if (actual === null) return `${type}: not accepted from ${senderOrigin(sender)}, which Matterguard does not guard.`;
  const claimed = CLAIMED_SITE[type](payload);
  if (claimed !== undefined && claimed !== actual) return `${type}: a frame on ${actual} cannot send for ${claimed}.`;
  return null;
}
