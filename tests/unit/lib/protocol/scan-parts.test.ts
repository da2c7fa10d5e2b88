import { describe, expect, it } from 'vitest';
import type { RequestOf } from '@/lib/protocol/protocol';
import { createScanAssembler, type PartOrigin } from '@/lib/protocol/scan-assembly';
import { scanInParts, splitScanRequest, type ScanPart } from '@/lib/protocol/scan-parts';

type ScanRequest = RequestOf<'scanSurface'>;

/** A request whose texts are all different characters, so a misplaced piece shows. */
function request(body: string, surfaceKey = 's1'): ScanRequest {
  return {
    site: 'gmail',
    fields: [
      { name: 'subject', text: 'Re: the draft' },
      { name: 'body', text: body },
      { name: 'attachment', text: 'terms.pdf' },
    ],
    recipients: ['counsel@acme.example'],
    audience: 'external',
    surfaceKey,
  };
}
const BODY = Array.from({ length: 1_000 }, (_, i) => `line ${i};`).join('\n');
const TAB: PartOrigin = { tab: 7, frame: 0 };

function assembler(options: { timeoutMs?: number; maxBytes?: number } = {}) {
  const clock = { now: 1_000 };
  const a = createScanAssembler({ now: () => clock.now, ...options });
  return { a, clock };
}

/** Feeds pieces in the given order; the outcome of the last. */
function feed(a: ReturnType<typeof createScanAssembler>, parts: ScanPart[], origin = TAB) {
  let outcome;
  for (const part of parts) outcome = a.add(origin, part);
  return outcome;
}

describe('a large scan request cut into pieces', () => {
  it('cuts the texts into pieces no longer than asked, the first carrying the rest of the request', () => {
    const parts = splitScanRequest(request(BODY), 't1', 1_000);
    expect(parts.length).toBe(Math.ceil((13 + BODY.length + 9) / 1_000));
    expect(parts.every((p) => p.text.length <= 1_000 && p.count === parts.length && p.transfer === 't1')).toBe(true);
    expect(parts.map((p) => p.index)).toEqual(parts.map((_, i) => i));
    expect(parts[0]!.head).toEqual({
      site: 'gmail',
      recipients: ['counsel@acme.example'],
      audience: 'external',
      surfaceKey: 's1',
      fields: [
        { name: 'subject', length: 13 },
        { name: 'body', length: BODY.length },
        { name: 'attachment', length: 9 },
      ],
    });
    expect(parts.slice(1).some((p) => p.head)).toBe(false);
    expect(parts.map((p) => p.text).join('')).toBe(`Re: the draft${BODY}terms.pdf`);
  });

  it('never cuts between the halves of a surrogate pair', () => {
    const body = '😀'.repeat(50);
    const parts = splitScanRequest({ ...request(body), fields: [{ name: 'body', text: body }] }, 't1', 7);
    // 100 halves: sixteen pieces of three faces (six halves), the last of two faces.
    expect(parts.map((p) => p.text.length)).toEqual([...Array<number>(16).fill(6), 4]);
    expect(parts.every((p) => [...p.text].every((c) => c === '😀'))).toBe(true);
    expect(parts.map((p) => p.text).join('')).toBe(body);
  });
});

describe('the background puts a request back together', () => {
  it('in order: answers only after the last piece, with exactly the request that was cut', () => {
    const { a } = assembler();
    const parts = splitScanRequest(request(BODY), 't1', 1_000);
    for (const part of parts.slice(0, -1))
      expect(a.add(TAB, part)).toEqual({ complete: false, received: part.index + 1 });
    expect(a.add(TAB, parts.at(-1)!)).toEqual({ complete: true, request: request(BODY) });
    expect(a.openCount()).toBe(0);
    expect(a.heldBytes()).toBe(0);
  });

  it('out of order: the transfer fails, and its later pieces are refused too', () => {
    const { a } = assembler();
    const parts = splitScanRequest(request(BODY), 't1', 1_000);
    a.add(TAB, parts[0]!);
    expect(() => a.add(TAB, parts[2]!)).toThrow(/piece 3 of \d+ arrived before piece 2/);
    expect(() => a.add(TAB, parts[1]!)).toThrow(/piece 3 of \d+ arrived before piece 2: piece 2 of \d+ dropped/);
    expect(a.openCount()).toBe(0);
  });

  it('a piece twice: the transfer fails rather than holding the text twice', () => {
    const { a } = assembler();
    const parts = splitScanRequest(request(BODY), 't1', 1_000);
    feed(a, parts.slice(0, 3));
    expect(() => a.add(TAB, parts[2]!)).toThrow(/piece 3 of \d+ arrived twice/);
    expect(() => feed(a, parts.slice(3))).toThrow(/dropped/);
    // The first piece twice too.
    feed(a, splitScanRequest(request(BODY), 't2', 1_000).slice(0, 1));
    expect(() => feed(a, splitScanRequest(request(BODY), 't2', 1_000).slice(0, 1))).toThrow(
      /piece 1 of \d+ arrived twice/,
    );
  });

  it('a missing piece: the next one fails the transfer; a missing last one never gives an answer, and times out', () => {
    const { a, clock } = assembler();
    const parts = splitScanRequest(request(BODY), 't1', 1_000);
    feed(a, parts.slice(0, 4));
    expect(() => feed(a, parts.slice(5))).toThrow(/piece 6 of \d+ arrived before piece 5/);

    const again = splitScanRequest(request(BODY), 't2', 1_000);
    expect(feed(a, again.slice(0, -1))).toMatchObject({ complete: false });
    expect(a.nextExpiry()).toBe(1_000 + 30_000);
    clock.now += 30_000;
    a.sweep();
    expect(a.openCount()).toBe(0);
    expect(a.heldBytes()).toBe(0);
    expect(() => a.add(TAB, again.at(-1)!)).toThrow(/timed out \(no piece for 30 s\)/);
  });

  it('a slow transfer is kept while its pieces keep coming', () => {
    const { a, clock } = assembler();
    const parts = splitScanRequest(request(BODY), 't1', 1_000);
    for (const part of parts.slice(0, -1)) {
      clock.now += 20_000;
      a.add(TAB, part);
    }
    clock.now += 20_000;
    expect(a.add(TAB, parts.at(-1)!)).toMatchObject({ complete: true });
  });

  it('a newer request for the same surface supersedes the older transfer; other surfaces and tabs are left alone', () => {
    const { a } = assembler();
    const old = splitScanRequest(request(BODY), 't1', 1_000);
    const other = splitScanRequest(request(BODY, 's2'), 't2', 1_000);
    const otherTab = splitScanRequest(request(BODY), 't1', 1_000);
    feed(a, old.slice(0, 2));
    feed(a, other.slice(0, 2));
    feed(a, otherTab.slice(0, 2), { tab: 8, frame: 0 });
    const newer = splitScanRequest(request(`${BODY} Acme Holdings`), 't3', 1_000);
    feed(a, newer.slice(0, 1));
    expect(() => a.add(TAB, old[2]!)).toThrow(/superseded by a newer request for the same surface/);
    expect(feed(a, newer.slice(1))).toEqual({ complete: true, request: request(`${BODY} Acme Holdings`) });
    expect(feed(a, other.slice(2))).toMatchObject({ complete: true });
    expect(feed(a, otherTab.slice(2), { tab: 8, frame: 0 })).toMatchObject({ complete: true });
    // A whole request for the surface (one message) makes a transfer stale too.
    feed(a, splitScanRequest(request(BODY), 't4', 1_000).slice(0, 1));
    a.supersede(TAB, 's1');
    expect(a.openCount()).toBe(0);
  });

  it("another tab cannot add to a transfer, and a closed tab's transfers go", () => {
    const { a } = assembler();
    const parts = splitScanRequest(request(BODY), 't1', 1_000);
    feed(a, parts.slice(0, 2));
    expect(() => a.add({ tab: 9, frame: 0 }, parts[2]!)).toThrow(/unknown to the background/);
    a.forgetTab(7);
    expect(a.heldBytes()).toBe(0);
    expect(() => a.add(TAB, parts[2]!)).toThrow(/its tab closed/);
  });

  it('a worker that restarted does not know the transfer: a clean failure, never a partial scan', () => {
    const parts = splitScanRequest(request(BODY), 't1', 1_000);
    feed(assembler().a, parts.slice(0, 3));
    const restarted = assembler().a;
    expect(() => feed(restarted, parts.slice(3))).toThrow(/unknown to the background \(it may have restarted\)/);
  });

  it('pieces that bring more or fewer characters than announced fail the transfer', () => {
    const { a } = assembler();
    const parts = splitScanRequest(request(BODY), 't1', 1_000);
    expect(() => feed(a, [...parts.slice(0, -1), { ...parts.at(-1)!, text: parts.at(-1)!.text.slice(1) }])).toThrow(
      /not the \d+ announced/,
    );
    const more = splitScanRequest(request(BODY), 't2', 1_000);
    expect(() =>
      feed(a, [...more.slice(0, -1), { ...more.at(-1)!, text: `${more.at(-1)!.text}${'x'.repeat(999)}` }]),
    ).toThrow(/more than the \d+ announced/);
    expect(a.heldBytes()).toBe(0);
  });

  it('refuses a transfer that would take what it holds past the cap, with a clear error, and takes it once room is made', () => {
    const size = (13 + BODY.length + 9) * 2;
    const { a } = assembler({ maxBytes: size * 2 + 10 });
    const first = splitScanRequest(request(BODY, 's1'), 't1', 1_000);
    const second = splitScanRequest(request(BODY, 's2'), 't2', 1_000);
    const third = splitScanRequest(request(BODY, 's3'), 't3', 1_000);
    feed(a, first.slice(0, 1));
    feed(a, second.slice(0, 1));
    expect(a.heldBytes()).toBe(size * 2);
    expect(() => feed(a, third.slice(0, 1))).toThrow(
      /refused: the background already holds \d+ MB of unfinished scans/,
    );
    expect(feed(a, first.slice(1))).toMatchObject({ complete: true });
    expect(feed(a, third)).toMatchObject({ complete: true });
  });
});

describe('sending in pieces', () => {
  it('sends each piece after a pause, in order, and resolves with the answer to the last', async () => {
    const { a } = assembler();
    const log: string[] = [];
    const answer = await scanInParts(
      request(BODY),
      (part) => {
        log.push(`piece ${part.index}`);
        const outcome = a.add(TAB, part);
        return Promise.resolve(
          outcome.complete
            ? {
                done: true as const,
                answer: {
                  assessment: { level: null, matches: [], blocking: false },
                  watchlistVersion: outcome.request.fields[1]!.text,
                },
              }
            : { done: false as const },
        );
      },
      () => Promise.resolve(void log.push('pause')),
      1_000,
    );
    expect(answer.watchlistVersion).toBe(BODY);
    expect(log.slice(0, 4)).toEqual(['pause', 'piece 0', 'pause', 'piece 1']);
    expect(log.filter((l) => l === 'pause').length).toBe(log.length / 2);
  });

  it('rejects as soon as a piece is refused, without sending the rest', async () => {
    let sent = 0;
    const send = (part: ScanPart) => {
      sent += 1;
      return part.index === 2
        ? Promise.reject(new Error('Scan transfer unknown'))
        : Promise.resolve({ done: false as const });
    };
    await expect(scanInParts(request(BODY), send, () => Promise.resolve(), 1_000)).rejects.toThrow(
      'Scan transfer unknown',
    );
    expect(sent).toBe(3);
  });
});
