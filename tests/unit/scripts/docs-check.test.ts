import {
  anchorsOf,
  checkCitations,
  checkPaths,
  checkReadme,
  citationsIn,
  headingText,
  normalisePath,
  slugify,
  strayReferences,
} from '../../../scripts/lib/docs-check';

// Old-style citations, broken citations and machine paths are assembled here, so that this file
// passes the check itself.
const DOCS = 'docs' + '/';
const OLD_DESIGN = 'DES' + 'IGN';
const OLD_SITES = 'SIT' + 'ES';

describe('slugify: GitHub heading anchors', () => {
  it.each([
    ['Levels', 'levels'],
    ['Outlook: send controls', 'outlook-send-controls'],
    ['How the compile got under 5 s', 'how-the-compile-got-under-5-s'],
    ["Checking the SIEM's copy", 'checking-the-siems-copy'],
    ['Windows: Chrome and Edge', 'windows-chrome-and-edge'],
    ['Log identity and heads', 'log-identity-and-heads'],
    ['A – B', 'a--b'],
    ['snake_case stays', 'snake_case-stays'],
    ['Société Générale', 'société-générale'],
    ['Revision-stamped verdicts', 'revision-stamped-verdicts'],
  ])('%s → %s', (heading, slug) => {
    expect(slugify(heading)).toBe(slug);
  });

  it('reads a heading as rendered: code spans, links and emphasis become text', () => {
    expect(slugify(headingText('The `scan` command'))).toBe('the-scan-command');
    expect(slugify(headingText('[Gmail](https://mail.google.com) **send** controls ##'))).toBe('gmail-send-controls');
    expect(slugify(headingText('_Planned_ keys'))).toBe('planned-keys');
  });
});

describe('anchorsOf', () => {
  it('offers every heading, numbers repeats as GitHub does, and skips code blocks', () => {
    const md = [
      '# Title',
      '## Notes',
      '```sh',
      '# not a heading',
      '```',
      '## Notes',
      '~~~',
      '## also not one',
      '~~~',
      '### Notes',
      '<a id="custom-spot"></a>',
    ].join('\n');
    expect([...anchorsOf(md)].sort()).toEqual(['custom-spot', 'notes', 'notes-1', 'notes-2', 'title']);
  });
});

describe('citationsIn', () => {
  it('finds repository-rooted citations in code, with their anchors and lines', () => {
    const code =
      '// See docs/design.md#levels.\n/* ARCHITECTURE.md#layers, docs/sites.md */\nconst x = "a/docs/no.md#x";';
    expect(citationsIn('lib/x.ts', code)).toEqual([
      { path: 'docs/design.md', anchor: 'levels', line: 1 },
      { path: 'ARCHITECTURE.md', anchor: 'layers', line: 2 },
      { path: 'docs/sites.md', anchor: null, line: 2 },
    ]);
  });

  it('resolves Markdown links from the file, same-file anchors included; web links are skipped', () => {
    const md = [
      'See [levels](design.md#levels), [map](../ARCHITECTURE.md#layers) and [below](#notes).',
      '[site](https://example.com/x.md#y) [mail](mailto:a@b.c) ![shot](images/demo.png)',
      '```',
      '[not](a-link.md)',
      '```',
    ].join('\n');
    expect(citationsIn('docs/log.md', md)).toEqual([
      { path: 'docs/design.md', anchor: 'levels', line: 1 },
      { path: 'ARCHITECTURE.md', anchor: 'layers', line: 1 },
      { path: 'docs/log.md', anchor: 'notes', line: 1 },
      { path: 'docs/images/demo.png', anchor: null, line: 2 },
    ]);
  });

  it('normalises paths and refuses ones that leave the repository', () => {
    expect(normalisePath('docs/../ARCHITECTURE.md')).toBe('ARCHITECTURE.md');
    expect(normalisePath('./docs//design.md')).toBe('docs/design.md');
    expect(normalisePath('../outside.md')).toBeNull();
  });
});

describe('checkCitations', () => {
  const files: Record<string, string> = {
    'docs/design.md': '# Design\n## Levels\n## Send gate\n',
    'docs/images/demo.png': 'PNG',
  };
  const read = (path: string) => files[path] ?? null;

  it('accepts citations of existing headings and files', () => {
    const text = 'docs/design.md#levels docs/design.md#send-gate docs/design.md';
    expect(checkCitations('lib/a.ts', text, read)).toEqual([]);
    expect(checkCitations('docs/log.md', '![s](images/demo.png) [d](design.md#levels)', read)).toEqual([]);
  });

  it('names a missing heading and a missing file, each once per line', () => {
    const text = `x\n[${DOCS}design.md#gate](${DOCS}design.md#gate)\n${DOCS}nothing.md#a`;
    expect(checkCitations('README.md', text, read)).toEqual([
      { file: 'README.md', line: 2, message: `cites ${DOCS}design.md#gate, but ${DOCS}design.md has no such heading` },
      { file: 'README.md', line: 3, message: `cites ${DOCS}nothing.md, which is not in the repository` },
    ]);
  });

  it('names a link that leaves the repository', () => {
    expect(checkCitations('docs/log.md', '[up](../../sha' + 'red/notes.md)', read)).toHaveLength(1);
  });
});

describe('strayReferences', () => {
  it.each([
    [`(${OLD_DESIGN} 6)`],
    [`${OLD_DESIGN}.md`],
    [`(${OLD_SITES} 2.1 "Send controls")`],
    [`${OLD_SITES}.md 5.2 probe A`],
    [`the ${OLD_SITES}.md notes`],
    ['STY' + 'LE "Messaging"'],
    ['../sha' + 'red/notes.md'],
    ['notes/contracts' + '-content.md'],
  ])('flags %s', (cite) => {
    expect(strayReferences('lib/a.ts', `// ok\n// ${cite}\n`)).toMatchObject([{ file: 'lib/a.ts', line: 2 }]);
  });

  it.each([
    ['/wo' + 'rk/notes/x.md'],
    ['see /ho' + 'me/dev/repo'],
    ['file:///ro' + 'ot/x'],
    ['"/Use' + 'rs/anna/x"'],
    ['C:\\Use' + 'rs\\anna'],
  ])('flags the machine path in %s', (text) => {
    expect(strayReferences('x.html', text)[0]?.message).toMatch(/absolute machine path/);
  });

  it('leaves alone names, system paths and web addresses that only look similar', () => {
    const text = [
      `const ${OLD_SITES}: Site[] = [];`,
      `const FIXTURE_${OLD_SITES} = 1; SHARE_${OLD_SITES}.md`,
      'const STYLE = `...`;',
      "'/etc/chromium/policies/managed/x.json'",
      'https://www.dropbox.com/home/x https://example.com/work/y',
      'tests/fixtures/dropbox/home.html ~/work/x',
    ].join('\n');
    expect(strayReferences('x.ts', text)).toEqual([]);
  });
});

describe('checkReadme', () => {
  it('allows 200 lines and refuses 201', () => {
    expect(checkReadme('line\n'.repeat(200))).toEqual([]);
    expect(checkReadme('line\n'.repeat(201))).toMatchObject([
      { file: 'README.md', message: 'has 201 lines; at most 200' },
    ]);
  });
});

describe('checkPaths: repository paths named in Markdown', () => {
  const present = new Set(['lib/match/scan.ts', 'tests/unit/lib', 'docs/design.md']);
  const exists = (path: string) => present.has(path);

  it('accepts files and folders that exist, with or without a trailing slash', () => {
    const text = 'See `lib/match/scan.ts`, `tests/unit/lib/` and `docs/design.md`.';
    expect(checkPaths(DOCS + 'x.md', text, exists)).toEqual([]);
  });

  it('names a path that moved away, with its line', () => {
    const text = 'intro\nChunks live in `lib/plat' + 'form/scan-parts.ts`.';
    expect(checkPaths(DOCS + 'x.md', text, exists)).toEqual([
      {
        file: DOCS + 'x.md',
        line: 2,
        message: 'names lib/plat' + 'form/scan-parts.ts, which is not in the repository',
      },
    ]);
  });

  it('leaves patterns, other code spans and non-Markdown files alone', () => {
    expect(checkPaths(DOCS + 'x.md', '`lib/sites/<site>/site.ts`, `tests/**/*.ts`, `npm test`', exists)).toEqual([]);
    expect(checkPaths('lib/a.ts', '`lib/gone.ts`', exists)).toEqual([]);
  });
});
