import { z } from 'zod';
import { SITE_IDS } from '../sites/catalog';
import { watchlistUiRequests, type WatchlistResponses } from './protocol-watchlist';
import { MAX_PARTS, PART_CHARS } from './scan-parts';

/**
 * The one typed message protocol between content scripts, extension pages and the background
 * (docs/design.md#architecture, CONTRIBUTING.md#messaging). Every request is validated here at the boundary; the
 * background also checks who sent it (see lib/messaging/router.ts). Names are verbNoun, grouped by direction.
 */

const level = z.enum(['notice', 'warn', 'critical']);
const siteId = z.enum(SITE_IDS);
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
    /**
     * Names the compose surface within its tab and frame (stable while it is open), so the
     * background rescans only what changed since that surface's last scan; absent: full scans.
     */
    surfaceKey: z.string().max(128).optional(),
  }),
  /**
   * One piece of a scanSurface request too large for one message (lib/protocol/scan-parts.ts):
   * the fields' texts in order, cut into pieces; the first piece carries the rest of the request
   * and each field's length. The background scans once the last piece is in, and only then answers.
   */
  scanSurfacePart: z.object({
    transfer: z.string().min(1).max(64),
    index: z
      .number()
      .int()
      .min(0)
      .max(MAX_PARTS - 1),
    count: z.number().int().min(1).max(MAX_PARTS),
    text: z.string().max(PART_CHARS),
    head: z
      .object({
        site: siteId,
        fields: z.array(z.object({ name: fieldName, length: z.number().int().min(0).max(MAX_TEXT) })).max(64),
        recipients: z.array(shortText).max(2_000),
        audience: z.enum(['internal', 'external']).nullable(),
        surfaceKey: z.string().max(128).optional(),
      })
      .optional(),
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
  /** An adapter met a layout it does not know (issue 5 "fail visible"), e.g. "send button not found". */
  reportDiagnostic: z.object({ site: siteId, problem: z.string().min(1).max(200) }),
} as const;

const isoTime = z.string().max(40);
const gateAction = z.enum(['override', 'went-back', 'blocked', 'audited']);

/** What the log page narrows the log to (lib/log/filter.ts LogFilter); every field optional. */
export const logFilterSchema = z.object({
  from: isoTime.optional(),
  to: isoTime.optional(),
  user: shortText.optional(),
  client: shortText.optional(),
  matter: shortText.optional(),
  site: siteId.optional(),
  action: gateAction.optional(),
  level: level.optional(),
  text: shortText.optional(),
});

/** Requests only extension pages (options, popup) may send. */
export const uiRequests = {
  getStatus: z.object({}),
  getTabState: z.object({ tabId: z.number().int() }),
  listLog: z.object({
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(1_000),
    filter: logFilterSchema.optional(),
  }),
  saveSettings: z.object({ settings: z.record(z.string(), z.unknown()) }),
  /** Counts for the log page's chart. */
  summarizeLog: z.object({ filter: logFilterSchema }),
  /** Checks the whole live hash chain. */
  verifyLog: z.object({}),
  /** Storage left, the last failed write, the collector's queue. */
  getLogHealth: z.object({}),
  /** What the site adapters reported they could not find, for the options page. */
  listDiagnostics: z.object({}),
  ...watchlistUiRequests,
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
import type { LogSummary } from '../log/summary';
import type { StorageHealth } from '../log/storage-health';
import type { RecordFault } from '../log/verify';
import type { OverrideReason, PolicyMode, PolicyView } from '../policy/types';
import type { ParseIssue } from '../watchlist/types';
import type { HeldList } from '../watchlist/firm-sync';

/** The log's chain verified where it is stored: its length and head, or the first fault. */
export type LiveVerdict =
  { ok: true; count: number; head: { seq: number; hash: string } | null } | ({ ok: false } & RecordFault);

/** What the options page and popup show about the active watchlist (docs/design.md#status). */
export interface WatchlistStatus {
  /** 'demo' (embedded), 'firm' (from watchlistUrl), 'personal'. */
  source: 'demo' | 'firm';
  /** Where it came from, for people: "Embedded demo watchlist" or the URL. */
  sourceLabel: string;
  version: string;
  entryCount: number;
  /** ISO time of the last successful load, null if never. */
  lastSync: string | null;
  /** The last failure, in words for staff, null when the last attempt succeeded. */
  lastError: string | null;
  /** The technical side of `lastError` (where a list was cut, the counts), for the Watchlist tab. */
  errorDetail?: string | null;
  /** A newer firm list held back as implausibly short (not in force), null when none. */
  held?: HeldList | null;
  /** The watchlist URL policy names ('' for none); the list in force may still be from an earlier one. */
  url?: string;
  /** A download is under way. */
  syncing?: boolean;
  /** ISO time of the next scheduled attempt, null when none. */
  nextSync?: string | null;
  /** Problems with single rows of the list in force, with their lines. */
  issues?: ParseIssue[];
  /** The list's own version (`version` adds a mark of the personal entries in force). */
  listVersion?: string;
  /** Personal entries in force, counted in `entryCount` (one the firm list repeats is counted, but matched once); 0 when policy turns them off. */
  personalCount?: number;
}

/** One kind of problem a site adapter reported, counted (issue 5 "fail visible"). */
export interface DiagnosticEntry {
  site: string;
  /** For people: "Outlook: send button not found". */
  message: string;
  count: number;
  /** ISO times of the first and the latest report. */
  firstAt: string;
  lastAt: string;
}

export interface TabState {
  site: string;
  level: Level | null;
  matchCount: number;
  summary: string[];
}

/** What the log page and the popup say about the log's health (issue 6). */
export interface LogHealth {
  /** null when the browser gives no storage estimate. */
  storage: StorageHealth | null;
  /** The last decision that could NOT be written (e.g. the disk is full), null if none this session. */
  writeError: { at: string; message: string } | null;
  /** null when policy names no collector. */
  collector: {
    /** The collector's origin (never the token). */
    origin: string;
    pending: number;
    failures: number;
    lastError: string | null;
    lastSuccessAt: string | null;
    /** ISO time of the next retry while backing off. */
    nextAttemptAt: string | null;
    /** Whether the extension may reach the collector's host (else only a CORS-enabled collector works). */
    hostAccess: boolean;
  } | null;
}

export interface Responses extends WatchlistResponses {
  scanSurface: { assessment: Assessment; watchlistVersion: string };
  /** Not done: the piece is kept, send the next; done: the answer for the whole request. */
  scanSurfacePart: { done: false } | { done: true; answer: { assessment: Assessment; watchlistVersion: string } };
  getGuardConfig: { mode: PolicyMode; reasons: OverrideReason[]; enabled: boolean };
  recordDecision: { id: string; hash: string };
  reportTabState: null;
  reportDiagnostic: null;
  listDiagnostics: DiagnosticEntry[];
  getStatus: { watchlist: WatchlistStatus; policy: PolicyView; extensionVersion: string };
  getTabState: TabState | null;
  listLog: { records: OverrideRecord[]; total: number };
  saveSettings: PolicyView;
  summarizeLog: LogSummary;
  verifyLog: LiveVerdict;
  getLogHealth: LogHealth;
}

export type ResponseOf<T extends RequestType> = Responses[T];
