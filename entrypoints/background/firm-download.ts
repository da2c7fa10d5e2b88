import { createBlockWriter, type WatchlistStoreDb } from '@/lib/db/watchlist-store';
import { isHttpsUrl } from '@/lib/policy/keys';
import type { LoadedList } from '@/lib/watchlist/firm-sync';
import { judgeList, type LastGood } from '@/lib/watchlist/plausibility';
import { createByteReader } from '@/lib/watchlist/stream';

/**
 * One download of the firm list (docs/design.md#firm-list): a conditional GET, the body streamed at once into
 * the list store and through the reader (which validates it and counts its entries, keeping
 * none of them). Whatever goes wrong, the new generation is removed and the caller keeps the
 * last good list; only a whole and plausible list (plausibility.ts) comes back as `loaded`.
 */

/** 150 MB is a plausible firm list (docs/design.md#firm-list); past this, something else is being served. */
export const MAX_LIST_BYTES = 200 * 1024 * 1024;
/** No byte for this long: the server or the network has stalled. */
export const STALL_MS = 60_000;

export interface DownloadRequest {
  url: string;
  /** If-None-Match / If-Modified-Since for the list in force, when it came from this URL. */
  headers: Record<string, string>;
  generation: string;
  db: WatchlistStoreDb;
  fetch: typeof fetch;
  maxBytes?: number;
  stallMs?: number;
  /** The list in force, which the new one must not fall too far short of; null for the first. */
  lastGood: LastGood | null;
  /** Policy `maxShrinkPercent`. */
  maxShrinkPercent: number;
  /** Bytes received so far, now and then (for the status, and to keep the worker awake). */
  onProgress?(bytes: number): void;
}

type ListFacts = Omit<LoadedList, 'url' | 'generation' | 'loadedAt'>;

export type DownloadOutcome =
  | { kind: 'not-modified' }
  | { kind: 'loaded'; list: ListFacts }
  /** Whole, but too much shorter than the list in force: not stored. */
  | { kind: 'held'; list: ListFacts; shrinkPercent: number; message: string; detail: string }
  /** `detail`: the technical side, when there is more to say than `error` (where a list was cut). */
  | { kind: 'failed'; error: string; detail?: string; incomplete?: boolean };

const MB = 1024 * 1024;
const megabytes = (bytes: number) => `${Math.round(bytes / MB)} MB`;

function httpError(status: number, statusText: string): string {
  const said = `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  if (status === 401 || status === 403)
    return `The server refused access (${said}): it may need you to sign in, or to let Matterguard read it.`;
  if (status === 404 || status === 410) return `There is no watchlist at this address (${said}).`;
  if (status >= 500) return `The server had a problem (${said}).`;
  return `The server answered ${said} instead of the watchlist.`;
}

function networkError(url: string, error: unknown, stalled: boolean): string {
  if (stalled) return `The download stalled: no data for ${STALL_MS / 1000} s.`;
  const host = new URL(url).host;
  const detail = error instanceof Error ? error.message : String(error);
  // fetch() says only "Failed to fetch" for a dead host, a refused certificate and a CORS refusal alike.
  return `Could not reach ${host} (${detail}): the server did not answer, its certificate was refused, or it does not let Matterguard read it.`;
}

export async function downloadFirmList(request: DownloadRequest): Promise<DownloadOutcome> {
  // A firm policy with an invalid URL keeps it as written (lib/policy/floor.ts): never fetched.
  if (!isHttpsUrl(request.url))
    return {
      kind: 'failed',
      error: `The watchlist address "${request.url}" is not an https:// address, so it is not fetched: the last good list stays in force.`,
    };
  const maxBytes = request.maxBytes ?? MAX_LIST_BYTES;
  const controller = new AbortController();
  let stalled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, request.stallMs ?? STALL_MS);
  };
  const writer = createBlockWriter(request.db, request.generation);
  const discard = () =>
    // A failed clean-up leaves an orphan generation, which the next start deletes.
    writer.discard().catch(() => undefined);
  const fail = async (error: string): Promise<DownloadOutcome> => {
    await discard();
    return { kind: 'failed', error };
  };

  try {
    arm();
    let response: Response;
    try {
      // no-store: the extension keeps its own copy and ETag; the HTTP cache must not answer for the server.
      response = await request.fetch(request.url, {
        headers: request.headers,
        cache: 'no-store',
        credentials: 'include',
        signal: controller.signal,
      });
    } catch (error) {
      return await fail(networkError(request.url, error, stalled));
    }
    if (response.status === 304 && Object.keys(request.headers).length > 0) {
      await response.body?.cancel();
      return { kind: 'not-modified' };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return await fail(httpError(response.status, response.statusText));
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
      await response.body?.cancel();
      return await fail(
        `The watchlist is ${megabytes(declared)}, more than the ${megabytes(maxBytes)} Matterguard accepts; it was not downloaded.`,
      );
    }

    const contentType = response.headers.get('content-type') ?? undefined;
    const reader = createByteReader({
      source: 'firm',
      contentType,
      fileName: new URL(request.url).pathname,
      onEntry: () => undefined,
    });
    let bytes = 0;
    if (response.body) {
      const body = response.body.getReader();
      try {
        for (;;) {
          const { done, value } = await body.read();
          if (done) break;
          arm();
          bytes += value.length;
          if (bytes > maxBytes) {
            await body.cancel();
            return await fail(
              `The watchlist is larger than ${megabytes(maxBytes)}, the most Matterguard accepts; the download was stopped.`,
            );
          }
          reader.push(value);
          await writer.write(value);
          request.onProgress?.(bytes);
        }
      } catch (error) {
        return await fail(networkError(request.url, error, stalled));
      }
    }
    const summary = reader.finish();
    // A cut file may also fail to be a watchlist (JSON that never closes); being cut is the better reason.
    const judgement = judgeList(summary, request.lastGood, request.maxShrinkPercent);
    if (judgement.kind === 'incomplete') {
      await discard();
      return { kind: 'failed', error: judgement.message, detail: judgement.detail, incomplete: true };
    }
    if (summary.fatal !== null) return await fail(summary.fatal);
    if (summary.entryCount === 0)
      return await fail(summary.issues.find((i) => i.line === 0)?.message ?? 'The file has no usable entries.');
    const facts = {
      version: summary.version,
      entryCount: summary.entryCount,
      format: summary.format,
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
      bytes,
      issues: summary.issues,
    };
    if (judgement.kind === 'shrunk') {
      await discard();
      const { shrinkPercent, message, detail } = judgement;
      return { kind: 'held', list: facts, shrinkPercent, message, detail };
    }
    return { kind: 'loaded', list: { ...facts, bytes: await writer.close() } };
  } catch (error) {
    // The store itself failed (disk full, IndexedDB unavailable).
    return await fail(
      `The watchlist could not be stored on this computer: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    clearTimeout(timer);
  }
}
