import { CSV_NAMES } from './fields';
import type { WatchlistEntry } from './types';

const COLUMNS = Object.keys(CSV_NAMES) as (keyof typeof CSV_NAMES)[];

function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Entries as a watchlist CSV in the firm format of docs/design.md#file-format (header row, `;`-separated lists),
 * so an export imports again as it was, here or as a firm list. A UTF-8 BOM makes Excel read
 * accents right; the readers drop it. Cells are not prefixed against formula injection: that
 * would change the terms on the way back in, and every value here is the user's own.
 */
export function toWatchlistCsv(entries: readonly WatchlistEntry[]): string {
  const lines = [COLUMNS.map((c) => CSV_NAMES[c]).join(',')];
  for (const e of entries) {
    const values: Record<keyof typeof CSV_NAMES, string> = {
      clientNumber: e.clientNumber,
      clientName: e.clientName,
      matterNumber: e.matterNumber,
      matterName: e.matterName,
      aliases: e.aliases.join(';'),
      allowedDomains: e.allowedDomains.join(';'),
      walled: e.walled.join(';'),
      severity: e.severity,
    };
    lines.push(COLUMNS.map((c) => cell(values[c])).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
