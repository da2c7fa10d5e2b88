import { browser } from 'wxt/browser';
import type { MessageRouter } from '@/lib/messaging/router';
import {
  readLocalPersonal,
  readSyncedPersonal,
  writeLocalPersonal,
  writeSyncedPersonal,
} from '@/lib/storage/personal-store';
import type { PersonalSyncStatus, PersonalView } from '@/lib/protocol/protocol-watchlist';
import { personalItem } from '@/lib/storage/items';
import { entryIdentity } from '@/lib/watchlist/merge';
import { parseWatchlist } from '@/lib/watchlist/parse';
import { checkPersonalFields, entryLabel, fieldsForTerm, newItemId, type PersonalItem } from '@/lib/watchlist/personal';
import { decodeRows, encodeItem, hashRows, layoutForSync, syncRoom } from '@/lib/watchlist/personal-codec';
import { reconcile, type LocalPersonal } from '@/lib/watchlist/personal-sync';
import type { WatchlistEntry } from '@/lib/watchlist/types';
import type { PolicyService } from './setup-policy';

export const PERSONAL_RETRY_ALARM = 'matterguard-personal-sync';
const RETRY_MINUTES = 2;
export const PERSONAL_OFF = 'Your firm has turned off personal watchlists.';

export interface PersonalState {
  /** The user's entries, in their order; kept even while policy turns the list off. */
  items: PersonalItem[];
  /** Changes whenever the entries do ('' for none). */
  revision: string;
  sync: PersonalSyncStatus;
}

export interface PersonalService {
  current(): Promise<PersonalState>;
  /** Whether policy lets the personal list guard and be seen (allowPersonalWatchlist). */
  enabled(): Promise<boolean>;
  /** Adds one selected or typed term; rejects with a message a person can read. */
  addTerm(term: string): Promise<{ outcome: 'added' | 'exists'; label: string }>;
  onChange(cb: () => void): void;
}

export interface PersonalDeps {
  policy: Pick<PolicyService, 'current' | 'onChange'>;
  /** For each entry, the firm entry that already covers it, in words, or null (from the watchlist). */
  coverage(entries: WatchlistEntry[]): Promise<(string | null)[]>;
  now?: () => number;
  random?: () => number;
}

/**
 * The personal list (docs/design.md#personal-list): edits land in storage.local first (nothing is lost when sync
 * is full or off), then go to storage.sync for the user's other browsers; a newer list from
 * another browser is adopted, or merged with edits here that never reached sync. One change at
 * a time, so each works on what the previous one wrote.
 */
export function setupPersonal(router: MessageRouter, deps: PersonalDeps): PersonalService {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const listeners: (() => void)[] = [];
  let queue: Promise<unknown> = Promise.resolve();
  // Read on every scan (the watchlist's revision), so kept until the list is written again.
  let cached: Promise<PersonalState> | null = null;

  async function writeLocal(value: LocalPersonal): Promise<void> {
    cached = null;
    await writeLocalPersonal(value);
    cached = null;
  }

  function serial<T>(task: () => Promise<T>): Promise<T> {
    const next = queue.then(task);
    queue = next.catch(() => undefined);
    return next;
  }

  async function push(local: LocalPersonal): Promise<void> {
    const refusal = await writeSyncedPersonal(local.rows, local.updatedAt);
    await writeLocal({ ...local, pending: refusal !== null, syncError: refusal?.message ?? null });
    if (refusal?.retry) await browser.alarms.create(PERSONAL_RETRY_ALARM, { delayInMinutes: RETRY_MINUTES });
  }

  /** Applies `change` to the list; it returns the new items, or null to leave the list as it is. */
  function mutate(change: (items: PersonalItem[]) => PersonalItem[] | null): Promise<void> {
    return serial(async () => {
      const local = await readLocalPersonal();
      const next = change(decodeRows(local.rows));
      if (next === null) return;
      const updated: LocalPersonal = {
        rows: next.map(encodeItem),
        updatedAt: Math.max(now(), local.updatedAt + 1),
        pending: true,
        syncError: local.syncError,
      };
      await writeLocal(updated);
      await push(updated);
    });
  }

  function syncWithOtherBrowsers(): Promise<void> {
    return serial(async () => {
      const local = await readLocalPersonal();
      const result = reconcile(local, await readSyncedPersonal());
      if (result.kind === 'adopt')
        await writeLocal({ rows: result.rows, updatedAt: result.updatedAt, pending: false, syncError: null });
      else if (result.kind === 'merge')
        await push({ ...local, rows: result.rows, updatedAt: Math.max(now(), local.updatedAt + 1), pending: true });
      else if (result.kind === 'push') await push(local);
    });
  }

  function current(): Promise<PersonalState> {
    const loading = (cached ??= read());
    loading.catch(() => {
      if (cached === loading) cached = null;
    });
    return loading;
  }

  async function read(): Promise<PersonalState> {
    const local = await readLocalPersonal();
    const layout = layoutForSync(local.rows, local.updatedAt);
    const room = syncRoom(local.rows, layout.bytes);
    return {
      items: decodeRows(local.rows),
      revision: local.rows.length > 0 ? hashRows(local.rows) : '',
      sync: {
        usedBytes: room.usedBytes,
        totalBytes: room.totalBytes,
        moreEntries: room.moreEntries,
        synced: !local.pending,
        error: local.syncError,
      },
    };
  }

  const enabled = async () => (await deps.policy.current()).policy.allowPersonalWatchlist;

  async function view(): Promise<PersonalView> {
    const [state, on] = await Promise.all([current(), enabled()]);
    if (!on) return { enabled: false, items: [], sync: state.sync };
    const covered = await deps.coverage(state.items.map((i) => i.entry));
    return {
      enabled: true,
      items: state.items.map((item, i) => ({ ...item, coveredBy: covered[i] ?? null })),
      sync: state.sync,
    };
  }

  async function requireEnabled(): Promise<void> {
    if (!(await enabled())) throw new Error(PERSONAL_OFF);
  }

  async function addTerm(term: string): Promise<{ outcome: 'added' | 'exists'; label: string }> {
    await requireEnabled();
    const { entry, errors } = checkPersonalFields(fieldsForTerm(term));
    if (!entry) throw new Error(Object.values(errors)[0] ?? 'This cannot be added.');
    let outcome: 'added' | 'exists' = 'added';
    await mutate((items) => {
      if (items.some((i) => entryIdentity(i.entry) === entryIdentity(entry))) {
        outcome = 'exists';
        return null;
      }
      return [...items, { id: newItemId(random), entry }];
    });
    return { outcome, label: entryLabel(entry) };
  }

  personalItem.watch(() => {
    cached = null;
    listeners.forEach((cb) => cb());
  });
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'sync') void syncWithOtherBrowsers();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PERSONAL_RETRY_ALARM) void syncWithOtherBrowsers();
  });
  deps.policy.onChange(() => listeners.forEach((cb) => cb()));
  void syncWithOtherBrowsers().catch((error: unknown) => console.warn('Matterguard: personal watchlist sync', error));

  router.on('listPersonal', () => view());
  router.on('savePersonalEntry', async ({ id, fields }) => {
    await requireEnabled();
    const { entry, errors } = checkPersonalFields(fields);
    if (!entry) return { view: await view(), errors };
    let missing = false;
    await mutate((items) => {
      if (id === null) return [...items, { id: newItemId(random), entry }];
      if (!items.some((i) => i.id === id)) {
        missing = true;
        return null;
      }
      return items.map((i) => (i.id === id ? { id, entry } : i));
    });
    if (missing) throw new Error('This entry is no longer on your watchlist (deleted in another window?).');
    return { view: await view(), errors: null };
  });
  router.on('deletePersonalEntry', async ({ id }) => {
    await requireEnabled();
    await mutate((items) => (items.some((i) => i.id === id) ? items.filter((i) => i.id !== id) : null));
    return view();
  });
  router.on('importPersonal', async ({ text, fileName }) => {
    await requireEnabled();
    const parsed = parseWatchlist(text, { source: 'personal', fileName });
    let added = 0;
    let duplicates = 0;
    await mutate((items) => {
      const known = new Set(items.map((i) => entryIdentity(i.entry)));
      const fresh: PersonalItem[] = [];
      for (const entry of parsed.entries) {
        const key = entryIdentity(entry);
        if (known.has(key)) duplicates += 1;
        else {
          known.add(key);
          fresh.push({ id: newItemId(random), entry });
        }
      }
      added = fresh.length;
      return fresh.length > 0 ? [...items, ...fresh] : null;
    });
    return { view: await view(), added, duplicates, issues: parsed.issues };
  });
  router.on('addPersonalTerm', ({ term }) => addTerm(term));

  return {
    current,
    enabled,
    addTerm,
    onChange: (cb) => {
      listeners.push(cb);
    },
  };
}
