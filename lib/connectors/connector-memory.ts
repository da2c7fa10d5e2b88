import { verifyChain } from '../log/chain';
import { EXPORT_TYPES, exportFileName, exportText } from '../log/export';
import { facetsOf, recordMatches, type LogFilter } from '../log/filter';
import { createSummarizer } from '../log/summary';
import type { OverrideRecord } from '../log/types';
import { checkSettings } from '../policy/settings';
import type { Policy, PolicyView } from '../policy/types';
import type { Connector, LiveVerdict, Status } from './connector';
import {
  createMemoryWatchlistConnector,
  type MemoryWatchlistConnector,
  type MemoryWatchlistInit,
} from './connector-watchlist-memory';
import type { DiagnosticEntry, LogHealth, TabState } from '../protocol/protocol';

export interface MemoryConnectorInit {
  status: Status;
  records?: OverrideRecord[];
  tabStates?: Record<number, TabState>;
  activeTabId?: number | null;
  /** When set, saveSettings rejects with this message (a full quota, a bad value…). */
  saveError?: string;
  health?: LogHealth;
  /** What listDiagnostics answers (default: none). */
  diagnostics?: DiagnosticEntry[];
  /** The export's time stamp (default: now). */
  now?: () => Date;
  /** The watchlist's part: personal entries, selection, host access (connector-watchlist-memory.ts). */
  watchlist?: MemoryWatchlistInit;
}

/** What the memory twin remembers having been asked, for tests to check. */
export interface MemoryConnector extends Connector {
  /** The watchlist twin, for tests to look at what it holds. */
  readonly watchlist: MemoryWatchlistConnector;
  readonly saved: Partial<Policy>[];
  readonly optionsOpened: number;
  /** The filter of every listLog call, in order. */
  readonly listed: (LogFilter | undefined)[];
}

const NO_HEALTH: LogHealth = { storage: null, writeError: null, collector: null };

/** verifyChain's verdict in the background's words (see lib/db/log-reader.ts). */
async function verifyLive(newestFirst: OverrideRecord[]): Promise<LiveVerdict> {
  const oldestFirst = [...newestFirst].reverse();
  const verdict = await verifyChain(oldestFirst);
  if (verdict.ok) {
    const head = oldestFirst.at(-1);
    return { ok: true, count: verdict.count, head: head ? { seq: head.seq, hash: head.hash } : null };
  }
  const record = oldestFirst[verdict.index]!;
  const problem = verdict.problem.replace(/^Record \d+ /, 'It ');
  return {
    ok: false,
    where: `record ${verdict.index + 1} of the log`,
    seq: record.seq,
    id: record.id,
    at: record.at,
    user: record.user,
    problem,
  };
}

/**
 * The in-memory twin of the background connector (CONTRIBUTING.md#ui, Dark Reader's mock connector):
 * same contract, no browser. Locked keys are refused by the background's own rule.
 */
export function createMemoryConnector(init: MemoryConnectorInit): MemoryConnector {
  let status = structuredClone(init.status);
  const records = [...(init.records ?? [])].sort((a, b) => b.seq - a.seq);
  const saved: Partial<Policy>[] = [];
  const listed: (LogFilter | undefined)[] = [];
  let optionsOpened = 0;
  const now = init.now ?? (() => new Date());
  const selected = (filter: LogFilter | undefined) =>
    filter ? records.filter((r) => recordMatches(r, filter)) : records;

  function saveSettings(settings: Partial<Policy>): PolicyView {
    if (init.saveError) throw new Error(init.saveError);
    const checked = checkSettings(settings, status.policy.access, status.policy.policy);
    if (!checked.ok) throw new Error(checked.error);
    saved.push(settings);
    const { collectorToken, ...shown } = checked.settings;
    const view: PolicyView = {
      ...status.policy,
      policy: { ...status.policy.policy, ...shown },
      collectorTokenSet: collectorToken === undefined ? status.policy.collectorTokenSet : collectorToken !== '',
    };
    status = { ...status, policy: view };
    return structuredClone(view);
  }

  const watchlist = createMemoryWatchlistConnector(init.watchlist ?? {}, () => status.watchlist);

  return {
    ...watchlist,
    watchlist,
    saved,
    listed,
    get optionsOpened() {
      return optionsOpened;
    },
    getStatus: () => Promise.resolve(structuredClone(status)),
    listLog: (offset, limit, filter) => {
      listed.push(filter);
      const found = selected(filter);
      return Promise.resolve({ records: found.slice(offset, offset + limit), total: found.length });
    },
    summarizeLog: (filter) => {
      const summarizer = createSummarizer();
      for (const record of selected(filter)) summarizer.add(facetsOf(record));
      return Promise.resolve(summarizer.result());
    },
    exportLog: (filter, format, onProgress) => {
      const found = selected(filter);
      const exportedAt = now().toISOString();
      const head = records[0];
      const text = exportText(format, found, {
        exportedAt,
        filter,
        logHead: head ? { seq: head.seq, hash: head.hash } : null,
      });
      onProgress?.(found.length, found.length);
      return Promise.resolve({
        name: exportFileName(format, exportedAt, filter),
        type: EXPORT_TYPES[format],
        parts: [new Blob([text])],
        count: found.length,
      });
    },
    verifyLog: () => verifyLive(records),
    getLogHealth: () => Promise.resolve(structuredClone(init.health ?? NO_HEALTH)),
    listDiagnostics: () => Promise.resolve(structuredClone(init.diagnostics ?? [])),
    getTabState: (tabId) => Promise.resolve(init.tabStates?.[tabId] ?? null),
    saveSettings: (settings) => {
      try {
        return Promise.resolve(saveSettings(settings));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    activeTabId: () => Promise.resolve(init.activeTabId ?? null),
    openOptions: () => {
      optionsOpened += 1;
      return Promise.resolve();
    },
  };
}
