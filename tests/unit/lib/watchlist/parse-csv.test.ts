import { describe, expect, it } from 'vitest';
import { parseWatchlistCsv } from '@/lib/watchlist/parse-csv';
import { MAX_LISTED_ISSUES } from '@/lib/watchlist/issues';

const HEADER = 'client_number,client_name,matter_number,matter_name,aliases,allowed_domains,walled,severity';
const csv = (...lines: string[]) => lines.join('\n') + '\n';

describe('parseWatchlistCsv: reading rows', () => {
  it('reads every column of docs/design.md#file-format into an entry', () => {
    const { entries, issues } = parseWatchlistCsv(
      csv(
        HEADER,
        'C-004512,Acme Holdings Ltd,12345-0001,Acquisition of Beta GmbH,Project Falcon;ACME,acme.com;acme.co.uk,j.doe@examplelaw.com,block',
      ),
    );
    expect(issues).toEqual([]);
    expect(entries).toEqual([
      {
        clientNumber: 'C-004512',
        clientName: 'Acme Holdings Ltd',
        matterNumber: '12345-0001',
        matterName: 'Acquisition of Beta GmbH',
        aliases: ['Project Falcon', 'ACME'],
        allowedDomains: ['acme.com', 'acme.co.uk'],
        walled: ['j.doe@examplelaw.com'],
        severity: 'block',
        source: 'firm',
      },
    ]);
  });

  it.each([
    [
      'any order, other spellings',
      'Severity,Client Name,CLIENT-NUMBER,matterNumber\nnotice,Acme Holdings Ltd,C-1,M-1\n',
    ],
    [
      'a UTF-8 BOM and Windows line ends',
      '\uFEFFclient_number,client_name,matter_number,severity\r\nC-1,Acme Holdings Ltd,M-1,notice\r\n',
    ],
    [
      'semicolon-separated (European Excel)',
      'client_number;client_name;matter_number;severity\nC-1;Acme Holdings Ltd;M-1;notice\n',
    ],
    ['tab-separated', 'client_number\tclient_name\tmatter_number\tseverity\nC-1\tAcme Holdings Ltd\tM-1\tnotice\n'],
    [
      "Excel's sep= line",
      'sep=|\nclient_number|client_name|matter_number|severity\nC-1|Acme Holdings Ltd|M-1|notice\n',
    ],
  ])('accepts %s', (_name, text) => {
    const { entries, issues } = parseWatchlistCsv(text);
    expect(issues).toEqual([]);
    expect(entries).toMatchObject([
      { clientNumber: 'C-1', clientName: 'Acme Holdings Ltd', matterNumber: 'M-1', severity: 'notice' },
    ]);
  });

  it('cleans lists: trims, drops empties, folds domains and addresses, strips a leading @', () => {
    const { entries } = parseWatchlistCsv(
      csv(
        HEADER,
        'C-1,Acme Holdings Ltd,,," Project Falcon ; ;ACME;",@Acme.EXAMPLE; acme.co.uk ;,J.Doe@Firm.Example; ;,',
      ),
    );
    expect(entries[0]).toMatchObject({
      aliases: ['Project Falcon', 'ACME'],
      allowedDomains: ['acme.example', 'acme.co.uk'],
      walled: ['j.doe@firm.example'],
    });
  });

  it('accepts domains typed in Unicode and splits domains a firm separated with commas', () => {
    const { entries, issues } = parseWatchlistCsv(
      csv(HEADER, 'C-1,Müller & Söhne GmbH,,,,"Müller.example, mueller.example",,'),
    );
    expect(issues).toEqual([]);
    expect(entries[0]?.allowedDomains).toEqual(['müller.example', 'mueller.example']);
  });

  it('defaults severity to warn and takes it in any case', () => {
    const { entries } = parseWatchlistCsv(
      csv('client_number,client_name,severity', 'C-1,A One,', 'C-2,B Two,BLOCK', 'C-3,C Three, Notice '),
    );
    expect(entries.map((e) => e.severity)).toEqual(['warn', 'block', 'notice']);
  });

  it('reads a client row with empty matter columns, and a name with a quoted comma', () => {
    const { entries } = parseWatchlistCsv(csv(HEADER, 'C-9,"Smith, Ortega & Partners LLP",,,,,,'));
    expect(entries).toMatchObject([
      { clientNumber: 'C-9', clientName: 'Smith, Ortega & Partners LLP', matterNumber: '', matterName: '' },
    ]);
  });

  it('marks entries with the source it is given', () => {
    expect(
      parseWatchlistCsv(csv('client_number,client_name', 'C-1,Acme One'), { source: 'personal' }).entries[0]?.source,
    ).toBe('personal');
  });
});

describe('parseWatchlistCsv: bad rows', () => {
  it('reports each bad row at its line in the file and still loads the good ones', () => {
    const text = csv(
      'client_number,client_name,matter_number,matter_name', // 1
      'C-1,Acme Holdings Ltd,M-1,"Two-line', // 2
      'matter name"', // 3
      ',Nameless Client,M-2,', // 4
      'C-3,,M-3,', // 5
      '', // 6: blank lines are not rows
      'C-4,Beta Industries GmbH,M-4,', // 7
      'C-5,Crane, Co,M-5,x,y', // 8
    );
    const { entries, issues } = parseWatchlistCsv(text);
    expect(entries.map((e) => e.clientNumber)).toEqual(['C-1', 'C-4']);
    expect(entries[0]?.matterName).toBe('Two-line\nmatter name');
    expect(issues.map((i) => i.line)).toEqual([4, 5, 8]);
    expect(issues[0]?.message).toMatch(/client_number is empty/);
    expect(issues[1]?.message).toMatch(/client_name is empty \(C-3\)/);
    expect(issues[2]?.message).toMatch(/6 fields but the header has 4.*double quotes/);
  });

  it('names the lines an unclosed quote swallowed', () => {
    const { entries, issues } = parseWatchlistCsv(
      csv('client_number,client_name', 'C-1,Acme One', 'C-2,"Beta, never closed', 'C-3,Crane Three'),
    );
    expect(entries.map((e) => e.clientNumber)).toEqual(['C-1']);
    expect(issues).toEqual([
      { line: 3, message: 'A quoted field starting on this line is never closed, so lines 3–4 could not be read.' },
    ]);
  });

  it('keeps a row with a bad domain, address or severity, guarding it at the safe default', () => {
    const { entries, issues } = parseWatchlistCsv(
      csv(HEADER, 'C-1,Acme One,,,,acme.example;not_a domain!,nobody;a@b.example,high'),
    );
    expect(entries[0]).toMatchObject({ allowedDomains: ['acme.example'], walled: ['a@b.example'], severity: 'warn' });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.line).toBe(2);
    expect(issues[0]?.message).toMatch(
      /allowed_domains: not a domain.*walled: not an email address, ignored: "nobody".*severity "high" is not notice, warn or block; using warn/,
    );
  });

  it('ignores unknown columns, saying so once', () => {
    const { entries, issues } = parseWatchlistCsv(
      csv(
        'client_number,partner,client_name,office',
        'C-1,A. Partner,Acme One,London',
        'C-2,B. Partner,Beta Two,Paris',
      ),
    );
    expect(entries.map((e) => e.clientName)).toEqual(['Acme One', 'Beta Two']);
    expect(issues).toEqual([
      { line: 1, message: 'Columns ignored (not part of the watchlist format): partner, office.' },
    ]);
  });

  it(`lists at most ${MAX_LISTED_ISSUES} problems and counts the rest`, () => {
    const rows = Array.from({ length: MAX_LISTED_ISSUES + 30 }, (_, i) => `C-${i},`);
    const { issues } = parseWatchlistCsv(csv('client_number,client_name', ...rows, 'C-X,Fine Client'));
    expect(issues).toHaveLength(MAX_LISTED_ISSUES + 1);
    expect(issues.at(-1)).toEqual({ line: 0, message: '…and 30 more problems not listed.' });
  });
});

describe('parseWatchlistCsv: not a watchlist', () => {
  it.each([
    [
      'a CSV of something else',
      'name,email\nAnn,ann@example.com\n',
      /^This file is not a watchlist: no client_number column\. Found: name, email\.$/,
    ],
    ['a list without client names', 'client_number,matter_number\nC-1,M-1\n', /no client_name column/],
    ['a sign-in page', '\n  <!DOCTYPE html><html><body>Sign in</body></html>', /not a watchlist: it is a web page/],
    ['a binary file', 'PK\u0003\u0004\u0000\u0000binary', /not a watchlist: it is binary data/],
    ['an empty file', '\uFEFF  \n', /empty/],
  ])('refuses %s with one plain issue and no entries', (_name, text, message) => {
    const { entries, issues } = parseWatchlistCsv(text);
    expect(entries).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.line).toBe(0);
    expect(issues[0]?.message).toMatch(message);
  });

  it('says so when there is a header but nothing under it', () => {
    expect(parseWatchlistCsv('client_number,client_name\n')).toMatchObject({
      entries: [],
      issues: [{ line: 0, message: expect.stringMatching(/No entries/) }],
    });
  });
});

describe('parseWatchlistCsv: version', () => {
  it('uses the version it is given', () => {
    expect(parseWatchlistCsv('client_number,client_name\nC-1,Acme One\n', { version: 'firm-2025-03-01' }).version).toBe(
      'firm-2025-03-01',
    );
  });

  it('otherwise derives a short hash that changes with the content, not with a BOM', () => {
    const a = parseWatchlistCsv('client_number,client_name\nC-1,Acme One\n').version;
    expect(a).toMatch(/^[0-9a-f]{8}$/);
    expect(parseWatchlistCsv('\uFEFFclient_number,client_name\nC-1,Acme One\n').version).toBe(a);
    expect(parseWatchlistCsv('client_number,client_name\nC-1,Acme Two\n').version).not.toBe(a);
  });
});
