// Types only: content scripts import this module, and protocol.ts carries the zod schemas
// (see lib/messaging/send-message.ts). No browser globals: the splitting is tested as plain code.
import type { RequestOf, ResponseOf } from './protocol';

type ScanRequest = RequestOf<'scanSurface'>;
type ScanAnswer = ResponseOf<'scanSurface'>;
/** One piece of a large scan request (protocol.ts `scanSurfacePart`). */
export type ScanPart = RequestOf<'scanSurfacePart'>;
export type ScanPartReply = ResponseOf<'scanSurfacePart'>;

/**
 * Characters of text in one piece of a large scan request. Chromium serialises a runtime message
 * in the sending task (~10 ms per MB measured): a piece this size stays a few ms, well under the
 * 50 ms budget (docs/design.md#budgets), and a 5 MB body takes ten round trips.
 */
export const PART_CHARS = 512 * 1024;

/** Most pieces one request may have: 64 fields of 8 M characters, in pieces of PART_CHARS. */
export const MAX_PARTS = 1_024;

let transfers = 0;
const instance = Math.random().toString(36).slice(2, 10);

/** A name for one transfer, unique within the tab and frame (a new content script: a new prefix). */
export function newTransferId(): string {
  return `${instance}-${++transfers}`;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/**
 * Cuts a scan request into pieces of at most `partChars` characters of text. The fields' texts
 * run one after the other; the first piece also carries everything else (site, recipients,
 * audience, surface key) and each field's name and length, so the background can cut them apart
 * again and check it got every character. A cut never falls inside a surrogate pair (a lone
 * half would not survive the message's UTF-8 encoding).
 */
export function splitScanRequest(request: ScanRequest, transfer: string, partChars = PART_CHARS): ScanPart[] {
  if (partChars < 2) throw new Error('A piece needs room for at least two characters.');
  const { fields, ...rest } = request;
  const total = fields.reduce((n, f) => n + f.text.length, 0);
  // Where each piece ends, in the fields' texts taken as one run.
  const ends: number[] = [];
  let fieldIndex = 0;
  let fieldStart = 0;
  const charCodeAt = (at: number): number => {
    while (fieldIndex < fields.length && at >= fieldStart + fields[fieldIndex]!.text.length) {
      fieldStart += fields[fieldIndex]!.text.length;
      fieldIndex += 1;
    }
    return fields[fieldIndex]?.text.charCodeAt(at - fieldStart) ?? 0;
  };
  for (let at = 0; at < total;) {
    let end = Math.min(at + partChars, total);
    if (end < total && isHighSurrogate(charCodeAt(end - 1))) end -= 1;
    ends.push(end);
    at = end;
  }
  if (ends.length === 0) ends.push(0);
  if (ends.length > MAX_PARTS) throw new Error(`The text is too long to scan (${total} characters).`);

  const textBetween = (from: number, to: number): string => {
    let text = '';
    let start = 0;
    for (const field of fields) {
      const end = start + field.text.length;
      if (end > from && start < to) text += field.text.slice(Math.max(from, start) - start, Math.min(to, end) - start);
      start = end;
    }
    return text;
  };

  const head = { ...rest, fields: fields.map((f) => ({ name: f.name, length: f.text.length })) };
  return ends.map((end, index) => ({
    transfer,
    index,
    count: ends.length,
    text: textBetween(index === 0 ? 0 : ends[index - 1]!, end),
    ...(index === 0 ? { head } : {}),
  }));
}

/**
 * Sends a large scan request in pieces, each its own message in its own task (`pause` gives the
 * page a turn before each), and resolves with the background's answer to the whole, which comes
 * only with the last piece. Any failure (a piece refused, the worker restarted, the transfer
 * superseded or timed out) rejects: the caller's retry sends the whole request again, under a
 * new transfer name.
 */
export async function scanInParts(
  request: ScanRequest,
  send: (part: ScanPart) => Promise<ScanPartReply>,
  pause: () => Promise<void>,
  partChars = PART_CHARS,
): Promise<ScanAnswer> {
  const parts = splitScanRequest(request, newTransferId(), partChars);
  for (const part of parts) {
    await pause();
    const reply = await send(part);
    const last = part.index === part.count - 1;
    if (reply.done !== last) {
      throw new Error(
        `Scan piece ${part.index + 1} of ${part.count}: the background answered ${reply.done ? 'before' : 'without'} the whole text.`,
      );
    }
    if (reply.done) return reply.answer;
  }
  throw new Error('A scan request had no pieces.');
}
