import { z } from 'zod';
import { buildEntry, JSON_NAMES } from './fields';
import { createIssueCollector } from './issues';
import { entryStartLines } from './json-lines';
import { contentVersion, notWatchlistReason, stripBom } from './sniff';
import type { ParsedWatchlist, WatchlistEntry } from './types';

export interface JsonOptions {
  /** Used when the file has no "version" of its own. */
  version?: string;
  source?: WatchlistEntry['source'];
}

// Exports from practice-management systems write numeric ids as numbers and empty cells as
// null; both mean what a person would think.
const text = z.union([z.string(), z.number().transform(String)]).nullish();
const list = z.union([z.array(z.string()), z.string()]).nullish();

const entrySchema = z.object({
  clientNumber: text,
  clientName: text,
  matterNumber: text,
  matterName: text,
  aliases: list,
  allowedDomains: list,
  walled: list,
  severity: z.string().nullish(),
});

const rootSchema = z.object({
  version: z.union([z.string(), z.number().transform(String)]).optional(),
  entries: z.array(z.unknown()),
});

/** JSON.parse names a position or, in newer engines, a line; turn either into a line. */
function errorLine(message: string, body: string): number {
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(message);
  if (!position) return 0;
  return body.slice(0, Number(position[1])).split('\n').length;
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'not a watchlist entry';
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

const undefinedIfNull = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

/**
 * One element of "entries", checked and built: the entry (null when it cannot load) and, in
 * words, what was wrong with it. Shared by the whole-file and the streaming JSON readers.
 */
export function buildJsonEntry(
  item: unknown,
  source: WatchlistEntry['source'],
): { entry: WatchlistEntry | null; problem: string | null } {
  const parsed = entrySchema.safeParse(item);
  if (!parsed.success) return { entry: null, problem: `${describe(parsed.error)}; the entry was skipped` };
  const e = parsed.data;
  const built = buildEntry(
    {
      clientNumber: undefinedIfNull(e.clientNumber),
      clientName: undefinedIfNull(e.clientName),
      matterNumber: undefinedIfNull(e.matterNumber),
      matterName: undefinedIfNull(e.matterName),
      aliases: undefinedIfNull(e.aliases),
      allowedDomains: undefinedIfNull(e.allowedDomains),
      walled: undefinedIfNull(e.walled),
      severity: undefinedIfNull(e.severity),
    },
    source,
    JSON_NAMES,
  );
  return { entry: built.entry, problem: built.problems.length > 0 ? built.problems.join('; ') : null };
}

/**
 * Reads `{"version", "entries": [...]}` (docs/design.md#file-format). Bad entries are reported at the line where
 * they start and the rest load; text that is not JSON, or JSON without an "entries" list,
 * loads nothing and says why.
 */
export function parseWatchlistJson(textIn: string, options: JsonOptions = {}): ParsedWatchlist {
  const source = options.source ?? 'firm';
  const body = stripBom(textIn);
  const fallbackVersion = () => options.version ?? contentVersion(body);
  const refused = notWatchlistReason(body);
  if (refused) return { version: fallbackVersion(), entries: [], issues: [{ line: 0, message: refused }] };

  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      version: fallbackVersion(),
      entries: [],
      issues: [
        { line: errorLine(message, body), message: `This file is not valid JSON, so nothing was loaded: ${message}` },
      ],
    };
  }
  const root = rootSchema.safeParse(data);
  if (!root.success) {
    const found =
      data !== null && typeof data === 'object' && !Array.isArray(data)
        ? `keys ${Object.keys(data).slice(0, 8).join(', ') || 'none'}`
        : Array.isArray(data)
          ? 'a list'
          : typeof data;
    return {
      version: fallbackVersion(),
      entries: [],
      issues: [{ line: 0, message: `This file is not a watchlist: no "entries" list. Found: ${found}.` }],
    };
  }

  const issues = createIssueCollector();
  const entries: WatchlistEntry[] = [];
  let lines: number[] | null = null;
  // Computed once, and only if some entry is bad.
  const lineOf = (index: number) => (lines ??= entryStartLines(body))[index] ?? 0;
  root.data.entries.forEach((item, index) => {
    const { entry, problem } = buildJsonEntry(item, source);
    if (problem !== null) issues.add(lineOf(index), `Entry ${index + 1}: ${problem}.`);
    if (entry) entries.push(entry);
  });
  if (entries.length === 0) issues.add(0, 'No entries loaded: the "entries" list has no usable entries.');
  return { version: root.data.version ?? fallbackVersion(), entries, issues: issues.done() };
}
