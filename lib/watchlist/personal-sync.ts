import { decodeItem, type SyncMeta } from './personal-codec';
import { entryIdentity } from './merge';

/**
 * This device's copy of the personal list (storage.local) against the synced one: the local
 * copy is what guards, so an edit is never lost when sync is full, off or slow; the synced
 * copy carries edits to the user's other browsers.
 */
export interface LocalPersonal {
  rows: string[];
  /** Epoch ms of the last edit here, or of the synced list adopted. */
  updatedAt: number;
  /** Edits here that the synced copy does not have yet. */
  pending: boolean;
  /** Why the last write to sync failed, in words; null when it worked. */
  syncError: string | null;
}

export const EMPTY_LOCAL: LocalPersonal = { rows: [], updatedAt: 0, pending: false, syncError: null };

export type Reconciled =
  /** Nothing to do: both hold the same list, or the synced one is older and nothing waits. */
  | { kind: 'keep' }
  /** Another device's newer list replaces this one (nothing here was waiting to sync). */
  | { kind: 'adopt'; rows: string[]; updatedAt: number }
  /** Both changed: the union, which then has to be pushed. */
  | { kind: 'merge'; rows: string[] }
  /** This device has edits the synced copy lacks. */
  | { kind: 'push' };

/** `remote`: the synced list, null when there is none, 'incomplete' while another device's write is still arriving. */
export function reconcile(
  local: LocalPersonal,
  remote: { rows: string[]; meta: SyncMeta } | null | 'incomplete',
): Reconciled {
  if (remote === 'incomplete') return { kind: 'keep' };
  if (remote === null) return local.pending || local.rows.length > 0 ? { kind: 'push' } : { kind: 'keep' };
  const same = remote.rows.length === local.rows.length && remote.rows.every((r, i) => r === local.rows[i]);
  if (same) return local.pending ? { kind: 'push' } : { kind: 'keep' };
  if (remote.meta.updatedAt > local.updatedAt) {
    return local.pending
      ? { kind: 'merge', rows: unionRows(remote.rows, local.rows) }
      : { kind: 'adopt', rows: remote.rows, updatedAt: remote.meta.updatedAt };
  }
  return { kind: 'push' };
}

/**
 * The newer list plus whatever only the other one has (by id, then by what the entry says):
 * an entry deleted on one device and edited on another comes back rather than disappearing.
 */
export function unionRows(newer: readonly string[], older: readonly string[]): string[] {
  const ids = new Set<string>();
  const identities = new Set<string>();
  for (const row of newer) {
    const item = decodeItem(row);
    if (!item) continue;
    ids.add(item.id);
    identities.add(entryIdentity(item.entry));
  }
  const extra = older.filter((row) => {
    const item = decodeItem(row);
    return item !== null && !ids.has(item.id) && !identities.has(entryIdentity(item.entry));
  });
  return [...newer, ...extra];
}
