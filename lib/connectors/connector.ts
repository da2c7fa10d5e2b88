import { browser } from 'wxt/browser';
import { EXPORT_TYPES, exportFileName, type ExportFormat } from '../log/export';
import type { LogFilter } from '../log/filter';
import type { LogSummary } from '../log/summary';
import type { Policy } from '../policy/types';
import { MatterguardDb } from '../db/db';
import { createLogReader, type ExportChunk, type ExportRequest } from '../db/log-reader';
import { createWatchlistConnector, type WatchlistConnector } from './connector-watchlist';
import { sendMessage } from '../messaging/send-message';
import type { DiagnosticEntry, LiveVerdict, LogHealth, ResponseOf, TabState } from '../protocol/protocol';

export type Status = ResponseOf<'getStatus'>;
export type LogPage = ResponseOf<'listLog'>;
export type SavedPolicy = ResponseOf<'saveSettings'>;
export type { LiveVerdict, LogHealth, LogSummary };

/**
 * An export ready to save: its parts, in order, are the file. Each piece becomes a Blob as soon
 * as it is made, so the browser holds the text as UTF-8 outside the script heap (a 100,000-record
 * CSV is ~120 MB) and the conversion happens while the next piece is read.
 */
export interface ExportFile {
  name: string;
  type: string;
  parts: Blob[];
  count: number;
}

/** Called as an export's pieces arrive: records written so far, and in all. */
export type ExportProgress = (done: number, total: number) => void;

/**
 * The one way the options page and the popup reach the background (CONTRIBUTING.md#ui). Components
 * take a Connector as a prop; tests give them the in-memory twin (connector-memory.ts).
 * Every method rejects with an Error whose message a person can read.
 */
export interface Connector extends WatchlistConnector {
  getStatus(): Promise<Status>;
  /** Newest first; `total` counts every record the filter selects. */
  listLog(offset: number, limit: number, filter?: LogFilter): Promise<LogPage>;
  /** Counts for the chart: decisions per day by action, the clients and matters most involved. */
  summarizeLog(filter: LogFilter): Promise<LogSummary>;
  /** Exactly the records the filter selects, newest first, in one of the export formats. */
  exportLog(filter: LogFilter, format: ExportFormat, onProgress?: ExportProgress): Promise<ExportFile>;
  /** Checks the whole live hash chain; names the first record that breaks it. */
  verifyLog(): Promise<LiveVerdict>;
  /** Storage left, a failed write, the collector's queue. */
  getLogHealth(): Promise<LogHealth>;
  /** Layouts the site adapters did not know ("Outlook: send button not found"), latest first. */
  listDiagnostics(): Promise<DiagnosticEntry[]>;
  getTabState(tabId: number): Promise<TabState | null>;
  /** Saves options-page values for the keys the firm does not manage; returns the new effective policy. */
  saveSettings(settings: Partial<Policy>): Promise<SavedPolicy>;
  /** The tab the popup was opened over, null when there is none (e.g. a devtools window). */
  activeTabId(): Promise<number | null>;
  /** Opens (or focuses) the options page, which starts on the log. */
  openOptions(): Promise<void>;
}

/**
 * Builds an export piece by piece (progress shows, the page stays responsive between pieces),
 * never as one giant string.
 */
export async function assembleExport(
  fetchChunk: (request: ExportRequest) => Promise<ExportChunk>,
  filter: LogFilter,
  format: ExportFormat,
  onProgress?: ExportProgress,
): Promise<ExportFile> {
  const parts: Blob[] = [];
  let request: ExportRequest = { filter, format };
  let done = 0;
  for (;;) {
    const chunk = await fetchChunk(request);
    parts.push(new Blob([chunk.text]));
    done += chunk.records;
    onProgress?.(done, chunk.count);
    if (!chunk.next) {
      const exportedAt = request.exportedAt ?? new Date().toISOString();
      return {
        name: exportFileName(format, exportedAt, filter),
        type: EXPORT_TYPES[format],
        parts,
        count: chunk.count,
      };
    }
    request = { filter, format, ...chunk.next };
  }
}

/**
 * Exports read IndexedDB from the options page itself (CONTRIBUTING.md#storage allows Dexie in extension pages):
 * measured in Chromium, 100,000 records sent from the worker as runtime messages took 13 s for
 * CSV (~120 MB, JSON-encoded on both sides), far past the 3 s budget; a service worker cannot
 * offer a download either (no URL.createObjectURL). Everything else asks the background.
 */
export function createConnector(): Connector {
  let pageDb: MatterguardDb | null = null;
  const reader = () => createLogReader((pageDb ??= new MatterguardDb()));
  return {
    ...createWatchlistConnector(),
    getStatus: () => sendMessage('getStatus', {}),
    listLog: (offset, limit, filter) => sendMessage('listLog', filter ? { offset, limit, filter } : { offset, limit }),
    summarizeLog: (filter) => sendMessage('summarizeLog', { filter }),
    exportLog: (filter, format, onProgress) => {
      const local = reader();
      return assembleExport((request) => local.exportChunk(request), filter, format, onProgress);
    },
    verifyLog: () => sendMessage('verifyLog', {}),
    getLogHealth: () => sendMessage('getLogHealth', {}),
    listDiagnostics: () => sendMessage('listDiagnostics', {}),
    getTabState: (tabId) => sendMessage('getTabState', { tabId }),
    saveSettings: (settings) => sendMessage('saveSettings', { settings }),
    async activeTabId() {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.id ?? null;
    },
    openOptions: () => browser.runtime.openOptionsPage(),
  };
}
