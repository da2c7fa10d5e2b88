import { z } from 'zod';

/**
 * The one typed message protocol between content scripts, extension pages and the background
 * (DESIGN 9, STYLE "Messaging"). Every request is validated here at the boundary; the
 * background also checks who sent it (see messaging.ts). Names are verbNoun, grouped by direction.
 */

const level = z.enum(['notice', 'warn', 'critical']);
const siteId = z.enum(['gmail', 'outlook', 'slack', 'teams', 'google-chat', 'google-drive', 'dropbox', 'onedrive', 'box']);
const fieldName = z.enum(['body', 'subject', 'attachment', 'item-name', 'message']);
const matchKind = z.enum(['client-number', 'matter-number', 'client-name', 'alias']);
// Bounded so a hostile or broken page cannot make the worker allocate without limit.
const MAX_TEXT = 8 * 1024 * 1024;
const shortText = z.string().max(2_000);

export const loggedMatchSchema = z.object({
  kind: matchKind,
  clientNumber: shortText,
  clientName: shortText,
  matterNumber: shortText,
  matchedText: shortText,
  level,
});

/** Requests a content script may send. */
export const contentRequests = {
  scanSurface: z.object({
    site: siteId,
    fields: z.array(z.object({ name: fieldName, text: z.string().max(MAX_TEXT) })).max(64),
    recipients: z.array(shortText).max(2_000),
    audience: z.enum(['internal', 'external']).nullable(),
  }),
  getGuardConfig: z.object({ site: siteId }),
  recordDecision: z.object({
    site: siteId,
    surface: z.string().max(64),
    action: z.enum(['override', 'went-back', 'blocked', 'audited']),
    level,
    reasonCode: z.string().max(64),
    reason: z.string().max(4_000),
    matches: z.array(loggedMatchSchema).max(1_000),
    recipients: z.array(shortText).max(2_000),
  }),
  reportTabState: z.object({
    site: siteId,
    level: level.nullable(),
    matchCount: z.number().int().min(0),
    summary: z.array(shortText).max(20),
  }),
} as const;

/** Requests only extension pages (options, popup) may send. */
export const uiRequests = {
  getStatus: z.object({}),
  getTabState: z.object({ tabId: z.number().int() }),
  listLog: z.object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(1_000) }),
  saveSettings: z.object({ settings: z.record(z.string(), z.unknown()) }),
} as const;

export type ContentRequestType = keyof typeof contentRequests;
export type UiRequestType = keyof typeof uiRequests;
export type RequestType = ContentRequestType | UiRequestType;

export type RequestOf<T extends RequestType> = T extends ContentRequestType
  ? z.infer<(typeof contentRequests)[T]>
  : T extends UiRequestType
    ? z.infer<(typeof uiRequests)[T]>
    : never;

export function isContentRequestType(type: string): type is ContentRequestType {
  return Object.hasOwn(contentRequests, type);
}
export function isUiRequestType(type: string): type is UiRequestType {
  return Object.hasOwn(uiRequests, type);
}

/** The envelope every message travels in. */
export const envelopeSchema = z.object({ type: z.string().max(64), payload: z.unknown() });

/** Replies: either data or a message a person can read. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

// ---- Responses -------------------------------------------------------------------------

import type { Assessment, Level } from '../match/types';
import type { OverrideRecord } from '../log/types';
import type { EffectivePolicy, OverrideReason, PolicyMode } from '../policy/types';

/** What the options page and popup show about the active watchlist (DESIGN 3 "Status"). */
export interface WatchlistStatus {
  /** 'demo' (embedded), 'firm' (from watchlistUrl), 'personal'. */
  source: 'demo' | 'firm';
  /** Where it came from, for people: "Embedded demo watchlist" or the URL. */
  sourceLabel: string;
  version: string;
  entryCount: number;
  /** ISO time of the last successful load, null if never. */
  lastSync: string | null;
  /** The last failure, in words, null when the last attempt succeeded. */
  lastError: string | null;
}

export interface TabState {
  site: string;
  level: Level | null;
  matchCount: number;
  summary: string[];
}

export interface Responses {
  scanSurface: { assessment: Assessment; watchlistVersion: string };
  getGuardConfig: { mode: PolicyMode; reasons: OverrideReason[]; enabled: boolean };
  recordDecision: { id: string; hash: string };
  reportTabState: null;
  getStatus: { watchlist: WatchlistStatus; policy: EffectivePolicy; extensionVersion: string };
  getTabState: TabState | null;
  listLog: { records: OverrideRecord[]; total: number };
  saveSettings: EffectivePolicy;
}

export type ResponseOf<T extends RequestType> = Responses[T];
