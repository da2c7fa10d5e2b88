import type { RequestOf } from './protocol';
import type { ScanPart } from './scan-parts';

type ScanRequest = RequestOf<'scanSurface'>;

/** Pieces of a transfer may come this long apart before it is dropped (ms). */
export const ASSEMBLY_TIMEOUT_MS = 30_000;
/** Text the worker holds for unfinished transfers, all tabs together (UTF-16: 2 bytes a character). */
export const ASSEMBLY_MAX_BYTES = 64 * 1024 * 1024;

/** Who sent a piece, as the browser stamps it (never the payload). */
export interface PartOrigin {
  tab: number;
  frame: number;
}

export type PartOutcome = { complete: false; received: number } | { complete: true; request: ScanRequest };

export interface AssemblerOptions {
  now: () => number;
  timeoutMs?: number;
  maxBytes?: number;
}

interface Assembly {
  key: string;
  slot: string;
  tab: number;
  count: number;
  head: NonNullable<ScanPart['head']>;
  texts: string[];
  received: number;
  expected: number;
  bytes: number;
  lastAt: number;
}

/** Why recently ended transfers ended, so a late piece is told (bounded). */
const ENDED_KEPT = 256;

/**
 * Puts large scan requests back together from their pieces (lib/protocol/scan-parts.ts), per tab,
 * frame, surface and transfer, in the background. A request comes out only whole: every piece, in
 * order, once, and exactly the characters the first piece announced. Anything else ends the
 * transfer with an error (the content script then sends the request again, under a new name):
 * a piece out of order or twice, a later piece whose transfer the worker does not know (it
 * restarted, the transfer timed out or was superseded), a newer request for the same surface,
 * the tab closing. What it holds is bounded: a transfer idle for `timeoutMs` is dropped, and a
 * new one that would take the text held past `maxBytes` is refused.
 */
export function createScanAssembler(options: AssemblerOptions) {
  const timeoutMs = options.timeoutMs ?? ASSEMBLY_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? ASSEMBLY_MAX_BYTES;
  const open = new Map<string, Assembly>();
  /** Surface slot → the key of its one open transfer. */
  const slots = new Map<string, string>();
  const ended = new Map<string, string>();
  let held = 0;

  const keyOf = (origin: PartOrigin, transfer: string): string => `${origin.tab}:${origin.frame}:${transfer}`;
  const slotOf = (origin: PartOrigin, surfaceKey: string | undefined): string =>
    `${origin.tab}:${origin.frame}:${surfaceKey ?? ''}`;

  function end(assembly: Assembly, reason: string): void {
    open.delete(assembly.key);
    if (slots.get(assembly.slot) === assembly.key) slots.delete(assembly.slot);
    held -= assembly.bytes;
    ended.delete(assembly.key);
    ended.set(assembly.key, reason);
    if (ended.size > ENDED_KEPT) ended.delete(ended.keys().next().value!);
  }

  function fail(assembly: Assembly, reason: string): never {
    end(assembly, reason);
    throw new Error(`Scan transfer ${reason}.`);
  }

  function sweep(): void {
    const now = options.now();
    for (const assembly of [...open.values()]) {
      if (now - assembly.lastAt >= timeoutMs)
        end(assembly, `timed out (no piece for ${Math.round(timeoutMs / 1000)} s)`);
    }
  }

  function start(origin: PartOrigin, part: ScanPart): Assembly {
    const head = part.head;
    if (!head) throw new Error('Scan transfer: its first piece does not describe the request.');
    const key = keyOf(origin, part.transfer);
    const again = open.get(key);
    if (again) fail(again, `piece 1 of ${again.count} arrived twice`);
    const slot = slotOf(origin, head.surfaceKey);
    const older = open.get(slots.get(slot) ?? '');
    if (older) end(older, 'superseded by a newer request for the same surface');
    const expected = head.fields.reduce((n, f) => n + f.length, 0);
    const bytes = expected * 2;
    if (held + bytes > maxBytes) {
      throw new Error(
        `Scan transfer refused: the background already holds ${Math.round(held / 2 ** 20)} MB of unfinished scans ` +
          `and this one needs ${Math.round(bytes / 2 ** 20)} MB more (limit ${Math.round(maxBytes / 2 ** 20)} MB).`,
      );
    }
    const assembly: Assembly = {
      key,
      slot,
      tab: origin.tab,
      count: part.count,
      head,
      texts: [],
      received: 0,
      expected,
      bytes,
      lastAt: options.now(),
    };
    open.set(key, assembly);
    slots.set(slot, key);
    ended.delete(key);
    held += bytes;
    return assembly;
  }

  function continued(origin: PartOrigin, part: ScanPart): Assembly {
    const key = keyOf(origin, part.transfer);
    const assembly = open.get(key);
    if (!assembly) {
      const reason = ended.get(key) ?? 'unknown to the background (it may have restarted)';
      throw new Error(`Scan transfer ${reason}: piece ${part.index + 1} of ${part.count} dropped.`);
    }
    if (part.head) fail(assembly, `piece ${part.index + 1} of ${assembly.count} described the request again`);
    if (part.count !== assembly.count)
      fail(assembly, `piece ${part.index + 1} announced ${part.count} pieces, not ${assembly.count}`);
    if (part.index < assembly.texts.length)
      fail(assembly, `piece ${part.index + 1} of ${assembly.count} arrived twice`);
    if (part.index > assembly.texts.length) {
      fail(assembly, `piece ${part.index + 1} of ${assembly.count} arrived before piece ${assembly.texts.length + 1}`);
    }
    return assembly;
  }

  function whole(assembly: Assembly): ScanRequest {
    const text = assembly.texts.join('');
    const { fields, ...rest } = assembly.head;
    let at = 0;
    return {
      ...rest,
      fields: fields.map((f) => {
        const field = { name: f.name, text: text.slice(at, at + f.length) };
        at += f.length;
        return field;
      }),
    };
  }

  return {
    /** Takes one piece; throws (and drops the transfer) on anything but the next expected piece. */
    add(origin: PartOrigin, part: ScanPart): PartOutcome {
      sweep();
      const assembly = part.index === 0 ? start(origin, part) : continued(origin, part);
      assembly.texts.push(part.text);
      assembly.received += part.text.length;
      assembly.lastAt = options.now();
      if (assembly.received > assembly.expected) {
        fail(assembly, `brought ${assembly.received} characters, more than the ${assembly.expected} announced`);
      }
      if (assembly.texts.length < assembly.count) return { complete: false, received: assembly.texts.length };
      if (assembly.received !== assembly.expected) {
        fail(assembly, `brought ${assembly.received} characters, not the ${assembly.expected} announced`);
      }
      end(assembly, 'complete');
      return { complete: true, request: whole(assembly) };
    },
    /** A request for a surface arrived whole: an unfinished transfer for it is stale. */
    supersede(origin: PartOrigin, surfaceKey: string | undefined): void {
      const older = open.get(slots.get(slotOf(origin, surfaceKey)) ?? '');
      if (older) end(older, 'superseded by a newer request for the same surface');
    },
    /** A tab closed: its transfers go. */
    forgetTab(tab: number): void {
      for (const assembly of [...open.values()]) if (assembly.tab === tab) end(assembly, 'dropped: its tab closed');
    },
    /** Drops transfers idle for the timeout (also done on every piece). */
    sweep,
    /** When the next open transfer times out, null when none is open. */
    nextExpiry(): number | null {
      let next: number | null = null;
      for (const assembly of open.values()) next = Math.min(next ?? Infinity, assembly.lastAt + timeoutMs);
      return next;
    },
    /** Bytes held for unfinished transfers (reserved when each starts). */
    heldBytes: (): number => held,
    /** Unfinished transfers. */
    openCount: (): number => open.size,
  };
}

export type ScanAssembler = ReturnType<typeof createScanAssembler>;
