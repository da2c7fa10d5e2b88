import { browser } from 'wxt/browser';
import { layoutForSync, readSyncLayout, SYNC_QUOTA, staleChunkKeys, type SyncMeta } from '../watchlist/personal-codec';
import type { LocalPersonal } from '../watchlist/personal-sync';
import { personalItem } from './items';

/**
 * Reading and writing the personal list's two copies (see items.ts): this device's in
 * storage.local, the synced one in storage.sync. The synced copy is written in one `set` (meta
 * and every chunk), then chunks past its end are removed.
 */

export const readLocalPersonal = (): Promise<LocalPersonal> => personalItem.getValue();
export const writeLocalPersonal = (value: LocalPersonal): Promise<void> => personalItem.setValue(value);

export async function readSyncedPersonal(): Promise<{ rows: string[]; meta: SyncMeta } | null | 'incomplete'> {
  return readSyncLayout(await browser.storage.sync.get(null));
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Why a list does not fit, in the user's words. */
export function tooLargeMessage(bytes: number): string {
  return (
    `Your personal watchlist is kept on this computer, but it is too large to sync to your other browsers: ` +
    `it needs ${kb(bytes)} of the ${kb(SYNC_QUOTA.totalBytes)} browser sync allows. Remove some entries to sync it again.`
  );
}

/** Why the synced copy was not written, and whether trying again later may help. */
export interface SyncRefusal {
  message: string;
  retry: boolean;
}

/**
 * Writes the rows to storage.sync. Resolves with null when they are there, or with the reason
 * they are not: too large (retrying cannot help), or the browser refused (too many writes a
 * minute, sync briefly unavailable: worth another try).
 */
export async function writeSyncedPersonal(rows: readonly string[], updatedAt: number): Promise<SyncRefusal | null> {
  const layout = layoutForSync(rows, updatedAt);
  if (!layout.fits) return { message: tooLargeMessage(layout.bytes), retry: false };
  try {
    const before = await browser.storage.sync.get(null);
    await browser.storage.sync.set(layout.items);
    const chunks = Object.keys(layout.items).length - 1;
    const stale = staleChunkKeys(before, chunks);
    if (stale.length > 0) await browser.storage.sync.remove(stale);
    return null;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      message: `Your personal watchlist is kept on this computer but could not be synced just now (${detail}); Matterguard will try again.`,
      retry: true,
    };
  }
}
