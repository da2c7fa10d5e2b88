/**
 * The rules of `npm run check:docs` (scripts/check-docs.mjs), as pure functions over file
 * texts: which headings a Markdown file has, which documents and anchors a file cites, and
 * which references lead nowhere. See CONTRIBUTING.md#documentation.
 */

/** A problem found in one file, at a 1-based line. */
export interface Problem {
  file: string;
  line: number;
  message: string;
}

/** A reference to a document, optionally to one of its headings. */
export interface Citation {
  /** Repository-relative path of the cited file, `/`-separated, no `./` or `..`. */
  path: string;
  /** The anchor after `#`, or null for the whole file. */
  anchor: string | null;
  line: number;
}

/** README.md may hold at most this many lines: the rest belongs in docs/. */
export const README_MAX_LINES = 200;

/**
 * GitHub's heading anchor (github-slugger): lower case, everything but letters, marks, digits,
 * `_`, `-` and spaces dropped, each space a hyphen. Runs of hyphens are kept, as GitHub keeps
 * them ("A – B" is `a--b`).
 */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** A heading's text as GitHub renders it: code spans, links, emphasis and tags reduced to text. */
export function headingText(raw: string): string {
  return raw
    .replace(/\s+#+\s*$/, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__|\*|~~)(\S(?:.*?\S)?)\1/g, '$2')
    .replace(/(^|\s)_(\S(?:.*?\S)?)_(?=\s|$)/g, '$1$2')
    .trim();
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Each line of a Markdown text with whether it is inside a fenced code block. */
function proseLines(markdown: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let fence: string | null = null;
  markdown.split('\n').forEach((text, i) => {
    const open = FENCE.exec(text);
    if (fence !== null) {
      if (open && open[1]!.startsWith(fence)) fence = null;
      return;
    }
    if (open) {
      fence = open[1]!;
      return;
    }
    out.push({ text, line: i + 1 });
  });
  return out;
}

/** Every anchor a Markdown file offers: its headings (duplicates numbered as GitHub does) and `<a id|name>`. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { text } of proseLines(markdown)) {
    const heading = /^ {0,3}#{1,6}\s+(.*)$/.exec(text);
    if (heading) {
      const base = slugify(headingText(heading[1]!));
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      anchors.add(count === 0 ? base : `${base}-${count}`);
    }
    for (const m of text.matchAll(/<a\s[^>]*\b(?:id|name)="([^"]+)"/g)) anchors.add(m[1]!);
  }
  return anchors;
}

/** `a/b/../c` → `a/c`; null when the path climbs out of the repository. */
export function normalisePath(path: string): string | null {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

function dirOf(file: string): string {
  const at = file.lastIndexOf('/');
  return at === -1 ? '' : file.slice(0, at);
}

const ANCHOR = String.raw`[\p{L}\p{N}_-]+`;
/** A repository-rooted citation, as code and prose write it: `docs/design.md#levels`, `ARCHITECTURE.md#layers`. */
const ROOTED = new RegExp(
  String.raw`(?<![\w./-])((?:docs/[\w.-]+\.md)|ARCHITECTURE\.md|CONTRIBUTING\.md|README\.md)(?:#(${ANCHOR}))?`,
  'gu',
);
/** A Markdown link or image target: `](target)`, up to a space (a title) or the closing bracket. */
const LINK = /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * The documents a file cites. Everywhere: repository-rooted paths of docs/*.md and the top-level
 * Markdown files. In Markdown, also relative link targets (outside code blocks), resolved from
 * the file's folder; web addresses and mail links are not ours to check.
 */
export function citationsIn(file: string, text: string): Citation[] {
  const out: Citation[] = [];
  for (const m of text.matchAll(ROOTED)) {
    out.push({ path: m[1]!, anchor: m[2] ?? null, line: lineAt(text, m.index) });
  }
  if (!file.endsWith('.md')) return out;
  for (const { text: line, line: number } of proseLines(text)) {
    for (const m of line.matchAll(LINK)) {
      const target = m[1]!;
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('/')) continue;
      const hash = target.indexOf('#');
      const pathPart = hash === -1 ? target : target.slice(0, hash);
      const anchor = hash === -1 ? null : decodeURIComponent(target.slice(hash + 1));
      const path = pathPart === '' ? file : normalisePath(`${dirOf(file)}/${decodeURIComponent(pathPart)}`);
      out.push({ path: path ?? `../${pathPart}`, anchor, line: number });
    }
  }
  return out;
}

/**
 * Citations of documents that are not in the repository: the design and site notes by section
 * number, the house style by quoted heading, the shared notes folder, and the old contract notes.
 * Built from pieces so that this file does not match itself.
 */
const OLD_STYLE: { pattern: RegExp; what: string }[] = [
  { pattern: new RegExp(String.raw`\b${'DES'}IGN\s+\d`), what: 'a design section by number' },
  { pattern: new RegExp(String.raw`\b${'DES'}IGN\.md\b`), what: 'the design file outside docs/' },
  { pattern: new RegExp(String.raw`\b${'SIT'}ES(?:\.md)?\s+\d`), what: 'a site-notes section by number' },
  { pattern: new RegExp(String.raw`\b${'SIT'}ES\.md\b`), what: 'the site notes outside docs/' },
  { pattern: new RegExp(String.raw`\b${'STY'}LE\s+"`), what: 'the house style outside CONTRIBUTING.md' },
  { pattern: new RegExp(String.raw`\.\./${'sha'}red\b`), what: 'the shared folder outside the repository' },
  { pattern: new RegExp(String.raw`\bnotes/${'contracts'}-`), what: 'contract notes outside the repository' },
];

/** Home folders and build-machine work trees, as they start an absolute path. */
const MACHINE_PATH = new RegExp(
  String.raw`(?<![\w.~-])(?:/(?:${'work'}|${'home'}|${'root'}|${'Users'})/|[A-Z]:\\${'Users'}\\)`,
);

/** References that lead nowhere: old-style citations and absolute paths of someone's machine. */
export function strayReferences(file: string, text: string): Problem[] {
  const problems: Problem[] = [];
  text.split('\n').forEach((line, i) => {
    // One report per line is enough to find it.
    for (const { pattern, what } of OLD_STYLE) {
      const m = pattern.exec(line);
      if (!m) continue;
      problems.push({ file, line: i + 1, message: `cites ${what} ("${m[0]}"): cite docs/<file>.md#<anchor>` });
      break;
    }
    const path = MACHINE_PATH.exec(line);
    if (path)
      problems.push({ file, line: i + 1, message: `absolute machine path "${path[0]}…": use a repository path` });
  });
  return problems;
}

/**
 * Checks every citation against the files and their anchors. `read` returns a file's text, or
 * null when the repository has no such file.
 */
export function checkCitations(file: string, text: string, read: (path: string) => string | null): Problem[] {
  const problems: Problem[] = [];
  const anchors = new Map<string, Set<string>>();
  const seen = new Set<string>();
  for (const c of citationsIn(file, text)) {
    // A Markdown link often names its target twice, as text and as address: one report.
    const key = `${c.line}:${c.path}#${c.anchor ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const target = c.path.startsWith('../') ? null : read(c.path);
    if (target === null) {
      problems.push({ file, line: c.line, message: `cites ${c.path}, which is not in the repository` });
      continue;
    }
    if (c.anchor === null || !c.path.endsWith('.md')) continue;
    let known = anchors.get(c.path);
    if (!known) anchors.set(c.path, (known = anchorsOf(target)));
    if (!known.has(c.anchor)) {
      problems.push({ file, line: c.line, message: `cites ${c.path}#${c.anchor}, but ${c.path} has no such heading` });
    }
  }
  return problems;
}

/** The README stays a front door. */
export function checkReadme(text: string): Problem[] {
  const lines = text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
  return lines <= README_MAX_LINES
    ? []
    : [{ file: 'README.md', line: README_MAX_LINES + 1, message: `has ${lines} lines; at most ${README_MAX_LINES}` }];
}

/** Top-level folders whose paths, named in a Markdown file, must exist. */
const SOURCE_ROOTS = ['lib', 'tests', 'entrypoints', 'components', 'scripts', 'cli', 'docs', 'public', 'bin'];
/** A code span holding one repository path such as `lib/match/scan.ts` or `tests/unit/lib/`. */
const CODE_PATH = new RegExp(String.raw`\`((?:${SOURCE_ROOTS.join('|')})/[\w./-]*)\``, 'g');

/**
 * Repository paths named in Markdown prose (`lib/match/scan.ts`) that lead nowhere: documents
 * go stale when code moves. Patterns (`<site>`, `*`, `{a,b}`) are not checked; `exists` says
 * whether a file or folder is in the repository.
 */
export function checkPaths(file: string, text: string, exists: (path: string) => boolean): Problem[] {
  if (!file.endsWith('.md')) return [];
  const problems: Problem[] = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(CODE_PATH)) {
      const path = m[1]!.replace(/\/$/, '').replace(/[.,:;]$/, '');
      if (!exists(path)) problems.push({ file, line: i + 1, message: `names ${path}, which is not in the repository` });
    }
  });
  return problems;
}
