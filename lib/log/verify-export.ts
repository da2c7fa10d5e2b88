import type { ExportFormat } from './export';
import { readExport } from './read-export';
import { describeFault, describeVerdict, verifySubset, type RecordFault, type SubsetVerdict } from './verify';

export type FileVerdict =
  | { status: 'valid'; format: ExportFormat; verdict: Extract<SubsetVerdict, { ok: true }>; message: string }
  | { status: 'broken'; format: ExportFormat; fault: RecordFault; message: string }
  | { status: 'unreadable'; message: string };

function firstMissing(seqs: number[], upTo: number): number {
  const present = new Set(seqs);
  for (let seq = 1; seq <= upTo; seq += 1) if (!present.has(seq)) return seq;
  return upTo + 1;
}

const FORMAT_NAMES: Record<ExportFormat, string> = { csv: 'CSV', json: 'JSON', ndjson: 'NDJSON' };

function broken(format: ExportFormat, fault: RecordFault): FileVerdict {
  return { status: 'broken', format, fault, message: `${FORMAT_NAMES[format]} export: ${describeFault(fault)}` };
}

/**
 * Verifies an export file's content (issue 6): the options page's "Verify a file…" and
 * `matterguard verify` both end here. A JSON export also declares how many records it holds and
 * the log's newest record when it was made; those must agree with its records.
 */
export async function verifyExport(content: string): Promise<FileVerdict> {
  const read = readExport(content);
  if (read.kind === 'unreadable') return { status: 'unreadable', message: read.problem };
  if (read.kind === 'broken') return broken(read.format, read.fault);

  if (read.declared && read.declared.count !== read.items.length) {
    return broken(read.format, {
      where: 'the file header',
      problem: `The file says it holds ${read.declared.count} records but holds ${read.items.length}: records were removed or added.`,
    });
  }
  const head = read.declared?.logHead;
  const atHead = head ? read.items.find((i) => i.record.seq === head.seq) : undefined;
  if (head && atHead && atHead.record.hash !== head.hash) {
    const { record } = atHead;
    return broken(read.format, {
      where: atHead.where,
      seq: record.seq,
      id: record.id,
      at: record.at,
      user: record.user,
      problem: "Its hash differs from the log's newest record named in the file header: it was replaced.",
    });
  }
  const beyond = head ? read.items.find((i) => i.record.seq > head.seq) : undefined;
  if (head && beyond) {
    const { record } = beyond;
    return broken(read.format, {
      where: beyond.where,
      seq: record.seq,
      id: record.id,
      at: record.at,
      user: record.user,
      problem: `Its sequence number is past seq ${head.seq}, the newest record when the file was made: it was added later.`,
    });
  }

  const verdict = await verifySubset(read.items);
  if (!verdict.ok) return broken(read.format, verdict);
  const [cellFault] = read.cellFaults ?? [];
  if (cellFault) return broken(read.format, cellFault);
  if (read.declared?.whole && head && (!verdict.complete || verdict.lastSeq !== head.seq)) {
    const missing = firstMissing(
      read.items.map((i) => i.record.seq),
      head.seq,
    );
    return broken(read.format, {
      where: 'the file header',
      seq: missing,
      problem: `The file says it holds the whole log up to seq ${head.seq}, but seq ${missing} is missing: records were removed.`,
    });
  }
  return {
    status: 'valid',
    format: read.format,
    verdict,
    message: `${FORMAT_NAMES[read.format]} export: ${describeVerdict(verdict)}`,
  };
}
