import type { Worker } from 'playwright-core';
import type { OverrideRecord } from '../../../lib/log/types';
import type { Policy } from '../../../lib/policy/types';

/*
 * Reads and writes the extension's own state from its service worker (sw.evaluate), the way
 * docs/sites.md#e2e-recipe seeds and inspects it. The evaluated functions run in the worker, not in Node:
 * they may use only their argument and the worker's globals.
 */

interface StorageArea {
  get(keys: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}
interface WorkerGlobals {
  chrome: { storage: { local: StorageArea; session: StorageArea; sync: StorageArea } };
}

/** Replaces the unmanaged settings (contract: `chrome.storage.local` key `settings`). */
export async function setSettings(worker: Worker, settings: Partial<Policy>): Promise<void> {
  await worker.evaluate(async (value) => {
    const { chrome } = globalThis as unknown as WorkerGlobals;
    await chrome.storage.local.set({ settings: value });
  }, settings);
}

/** Every record of the override log (IndexedDB `matterguard`/`records`), oldest first (by `seq`: keys are random ids). */
export async function readRecords(worker: Worker): Promise<OverrideRecord[]> {
  const records = await worker.evaluate(async () => {
    // Opening a database that does not exist would create an empty one and confuse Dexie's
    // first upgrade, so look first.
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('matterguard')) return [];
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const open = indexedDB.open('matterguard');
      open.onsuccess = () => done(open.result);
      open.onerror = () => fail(open.error ?? new Error('open failed'));
    });
    try {
      if (!db.objectStoreNames.contains('records')) return [];
      const store = db.transaction('records', 'readonly').objectStore('records');
      return await new Promise<OverrideRecord[]>((done, fail) => {
        const all = store.getAll();
        all.onsuccess = () => done(all.result as OverrideRecord[]);
        all.onerror = () => fail(all.error ?? new Error('getAll failed'));
      });
    } finally {
      db.close();
    }
  });
  return records.sort((a, b) => a.seq - b.seq);
}

/** Waits until the log holds `howMany` records past the first `count`, and returns those past `count`. */
export async function waitForNewRecords(
  worker: Worker,
  count: number,
  howMany = 1,
  timeoutMs = 10_000,
): Promise<OverrideRecord[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const records = await readRecords(worker);
    if (records.length >= count + howMany) return records.slice(count);
    if (Date.now() > deadline) {
      throw new Error(`Expected ${howMany} new override-log record(s) after ${count}; the log has ${records.length}.`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** One place extension state lives, flattened to every string it holds (keys and values). */
export interface StoredText {
  where: string;
  text: string;
}

/**
 * Every IndexedDB database and object store of the extension's origin, plus storage.local,
 * session and sync, flattened to text. Binary values are decoded both as UTF-8 and UTF-16 so
 * text hidden in an ArrayBuffer or Blob is found too.
 */
export async function dumpExtensionStorage(worker: Worker): Promise<StoredText[]> {
  return worker.evaluate(async () => {
    async function strings(value: unknown, out: string[], seen: Set<unknown>): Promise<void> {
      if (typeof value === 'string') out.push(value);
      else if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
        out.push(String(value));
      else if (value === null || value === undefined || typeof value !== 'object' || seen.has(value)) return;
      else if (value instanceof Blob) out.push(await value.text());
      else if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
        const bytes =
          value instanceof ArrayBuffer
            ? new Uint8Array(value)
            : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
        out.push(
          new TextDecoder('utf-8').decode(bytes),
          new TextDecoder('utf-16le').decode(bytes.subarray(0, bytes.length & ~1)),
        );
      } else {
        seen.add(value);
        const entries: [unknown, unknown][] =
          value instanceof Map
            ? [...(value as Map<unknown, unknown>).entries()]
            : value instanceof Set
              ? [...(value as Set<unknown>)].map((v) => [v, v])
              : Object.entries(value);
        for (const [k, v] of entries) {
          await strings(k, out, seen);
          await strings(v, out, seen);
        }
      }
    }
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((done, fail) => {
        r.onsuccess = () => done(r.result);
        r.onerror = () => fail(r.error ?? new Error('IndexedDB request failed'));
      });

    const found: StoredText[] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await request(indexedDB.open(info.name));
      try {
        for (const storeName of Array.from(db.objectStoreNames)) {
          const store = db.transaction(storeName, 'readonly').objectStore(storeName);
          const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
          const out: string[] = [];
          await strings([keys, values], out, new Set());
          found.push({ where: `indexedDB ${info.name}/${storeName}`, text: out.join('\n') });
        }
      } finally {
        db.close();
      }
    }
    const { chrome } = globalThis as unknown as WorkerGlobals;
    for (const area of ['local', 'session', 'sync'] as const) {
      const out: string[] = [];
      await strings(await chrome.storage[area].get(null), out, new Set());
      found.push({ where: `storage.${area}`, text: out.join('\n') });
    }
    return found;
  });
}

/** Where in the extension's storage any of `needles` occurs (case-insensitive); empty if nowhere. */
export async function findInExtensionStorage(worker: Worker, needles: string[]): Promise<string[]> {
  const dump = await dumpExtensionStorage(worker);
  return dump.flatMap(({ where, text }) =>
    needles.filter((n) => text.toLowerCase().includes(n.toLowerCase())).map((n) => `"${n}" in ${where}`),
  );
}
