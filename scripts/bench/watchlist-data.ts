import type { WatchlistEntry } from '../../lib/watchlist/types';
import { createRandom, type Random } from './random';
import {
  CODAS,
  CODE_NAMES,
  CODE_PREFIXES,
  FIRST_NAMES,
  INDUSTRIES,
  MATTER_NAMES,
  ONSETS,
  PROSE,
  SUFFIXES,
  SURNAMES,
  VOWELS,
} from './words';

/**
 * A deterministic firm watchlist for the benchmark (docs/design.md#file-format, docs/design.md#budgets): one
 * row per matter, ten
 * matters per client on average, so 1,000,000 rows are ~100,000 clients. Numbers follow four
 * firm formats (as after a merger of firms), names mix coined words, surnames with diacritics,
 * industry words and legal suffixes; some matters carry code names, some clients tickers.
 */

const title = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function coined(r: Random): string {
  let w = '';
  const syllables = 2 + r.int(2);
  for (let k = 0; k < syllables; k++) w += r.pick(ONSETS) + r.pick(VOWELS) + (k === syllables - 1 ? r.pick(CODAS) : '');
  return title(w);
}

function clientName(r: Random): string {
  switch (r.int(5)) {
    case 0:
      return `${coined(r)} ${r.pick(INDUSTRIES)} ${r.pick(SUFFIXES)}`;
    case 1:
      return `${r.pick(SURNAMES)} & ${r.pick(SURNAMES)} ${coined(r)} ${r.pick(SUFFIXES)}`;
    case 2:
      return `${coined(r)} ${coined(r)} ${r.pick(SUFFIXES)}`;
    case 3:
      return `${r.pick(SURNAMES)} ${coined(r)} ${r.pick(INDUSTRIES)}`;
    default:
      return `The ${coined(r)} ${r.pick(INDUSTRIES)} Company`;
  }
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Client and matter numbers in one of four firm formats. */
function numbers(format: number, client: number, matter: number): [string, string] {
  switch (format) {
    case 0:
      return [`C-${pad(client, 6)}`, `${pad(10000 + client, 5)}-${pad(matter, 4)}`];
    case 1:
      return [pad(200000 + client, 6), `${pad(200000 + client, 6)}.${pad(matter, 3)}`];
    case 2:
      return [`CL${pad(client, 6)}`, `M/${2015 + (matter % 10)}/${pad(client * 16 + matter, 7)}`];
    default:
      return [`K${pad(client, 7)}`, `K${pad(client, 7)}-${pad(matter, 2)}`];
  }
}

const PLAIN: Record<string, string> = { ø: 'o', æ: 'ae', ß: 'ss', ł: 'l', đ: 'd' };

function domainOf(name: string): string {
  const plain = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[øæßłđ]/g, (c) => PLAIN[c] ?? c);
  return `${plain
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-+|-+$/g, '')}.example`;
}

/** A stock-ticker-like alias: the name's initials, filled up to four letters ("GLBX"). */
function tickerOf(name: string, r: Random): string {
  let ticker = name
    .normalize('NFKD')
    .replace(/[^A-Z]/g, '')
    .slice(0, 4);
  while (ticker.length < 4) ticker += String.fromCharCode(65 + r.int(26));
  // A ticker that is also a word of the prose ("CALL") would match all over the texts.
  return PROSE.includes(ticker.toLowerCase()) ? `${ticker.slice(0, 3)}X` : ticker;
}

/** `count` rows, the same for the same seed. */
export function* watchlistRows(count: number, seed = 20250301): Generator<WatchlistEntry> {
  const r = createRandom(seed);
  const names = new Set<string>();
  let client = 0;
  for (let emitted = 0; emitted < count; client++) {
    let name = clientName(r);
    while (names.has(name)) name = clientName(r);
    names.add(name);
    const format = client % 4;
    const matters = Math.min(count - emitted, 1 + r.int(19));
    const domains = [
      domainOf(name),
      ...(r.chance(0.3) ? [`${domainOf(name).replace('.example', '')}-group.example`] : []),
    ];
    const ticker = r.chance(0.04) ? [tickerOf(name, r)] : [];
    for (let m = 1; m <= matters; m++, emitted++) {
      const [clientNumber, matterNumber] = numbers(format, client, m);
      const aliases = [
        ...ticker,
        ...(r.chance(0.08) ? [`${r.pick(CODE_PREFIXES)} ${r.pick(CODE_NAMES)} ${coined(r)}`] : []),
      ];
      const walled = r.chance(0.01)
        ? [
            `${r.pick(FIRST_NAMES)}.${r
              .pick(SURNAMES)
              .toLowerCase()
              .replace(/[^a-z]/g, '')}@firm.example`,
          ]
        : [];
      const roll = r.next();
      yield {
        clientNumber,
        clientName: name,
        matterNumber,
        matterName: `${r.pick(MATTER_NAMES)} ${coined(r)} ${r.pick(INDUSTRIES)}`,
        aliases,
        allowedDomains: domains,
        walled,
        severity: roll < 0.07 ? 'notice' : roll < 0.1 ? 'block' : 'warn',
        source: 'firm',
      };
    }
  }
}

const CSV_HEADER = 'client_number,client_name,matter_number,matter_name,aliases,allowed_domains,walled,severity\n';

function cell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(e: WatchlistEntry): string {
  return (
    [
      e.clientNumber,
      e.clientName,
      e.matterNumber,
      e.matterName,
      e.aliases.join(';'),
      e.allowedDomains.join(';'),
      e.walled.join(';'),
      e.severity,
    ]
      .map(cell)
      .join(',') + '\n'
  );
}

/** The rows as firm CSV, in pieces of about `chunkChars` characters (written to a file as they come). */
export function* watchlistCsv(count: number, seed?: number, chunkChars = 1 << 20): Generator<string> {
  let chunk = CSV_HEADER;
  for (const row of watchlistRows(count, seed)) {
    chunk += csvLine(row);
    if (chunk.length >= chunkChars) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}
