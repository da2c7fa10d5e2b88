import { describe, expect, it } from 'vitest';
import { compileWatchlist, createWatchlistCompiler } from '@/lib/match/compile';
import { domainOwners, isCompiledWatchlist, targetAt, targetCount, type CompiledWatchlist } from '@/lib/match/compiled';
import { scanText } from '@/lib/match/scan';
import type { WatchlistEntry } from '@/lib/watchlist/types';
import { entry } from '@/tests/helpers/watchlist-entry';

const acme = { clientNumber: 'C-004512', clientName: 'Acme Holdings Ltd' };
const rows: WatchlistEntry[] = [
  entry({
    ...acme,
    aliases: ['ACME'],
    allowedDomains: ['acme.example'],
    walled: ['k.lee@firm.example'],
    severity: 'notice',
  }),
  entry({
    ...acme,
    matterNumber: '12345-0001',
    matterName: 'Acquisition of Beta GmbH',
    aliases: ['Project Falcon'],
    allowedDomains: ['Acme.co.example'],
    walled: ['J.Doe@firm.example'],
  }),
  entry({ ...acme, matterNumber: '12345-0002', severity: 'block' }),
  entry({
    clientNumber: 'C-007731',
    clientName: 'Beta Industries GmbH',
    allowedDomains: ['beta.example', 'acme.example'],
  }),
];
const compiled = compileWatchlist(rows);

/** The target each match in `text` points at, as [matched text, kind, target]. */
function targets(c: CompiledWatchlist, text: string): [string, string, ReturnType<typeof targetAt>][] {
  return scanText(c, text).map((m) => [m.text, m.kind, targetAt(c, m.entryIndex)]);
}

describe('match targets', () => {
  it("a client target merges all the client's rows (domains in the order first listed)", () => {
    const [[, kind, target]] = targets(compiled, 'C-004512') as [[string, string, ReturnType<typeof targetAt>]];
    expect(kind).toBe('client-number');
    expect(target).toEqual({
      clientNumber: 'C-004512',
      clientName: 'Acme Holdings Ltd',
      matterNumber: '',
      severity: 'block',
      allowedDomains: ['acme.example', 'acme.co.example'],
      walled: ['j.doe@firm.example', 'k.lee@firm.example'],
    });
  });

  it('names, aliases on client rows and client numbers point at the client', () => {
    expect(
      targets(compiled, 'Acme Holdings, ACME, C 004512').map(([text, kind, t]) => [text, kind, t.matterNumber]),
    ).toEqual([
      ['Acme Holdings', 'client-name', ''],
      ['ACME', 'alias', ''],
      ['C 004512', 'client-number', ''],
    ]);
  });

  it('matter numbers and aliases on a matter row point at the matter', () => {
    const found = targets(compiled, 'Project Falcon (12345/0001) and 12345-0002');
    expect(found.map(([text, kind, t]) => [text, kind, t.matterNumber, t.severity])).toEqual([
      ['Project Falcon', 'alias', '12345-0001', 'warn'],
      ['12345/0001', 'matter-number', '12345-0001', 'warn'],
      ['12345-0002', 'matter-number', '12345-0002', 'block'],
    ]);
  });

  it("a matter inherits the client's allowed domains and the walls of its client-level rows", () => {
    const [[, , matter]] = targets(compiled, '12345-0001') as [[string, string, ReturnType<typeof targetAt>]];
    expect(matter.allowedDomains).toEqual(['acme.example', 'acme.co.example']);
    expect(matter.walled).toEqual(['j.doe@firm.example', 'k.lee@firm.example']);
    const [[, , other]] = targets(compiled, '12345-0002') as [[string, string, ReturnType<typeof targetAt>]];
    expect(other.walled).toEqual(['k.lee@firm.example']);
  });

  it('matter names are not matched', () => {
    expect(targets(compiled, 'Acquisition of Beta')).toEqual([]);
  });

  it('the same matter listed twice, punctuated differently, is one target', () => {
    const c = compileWatchlist([
      entry({ ...acme, matterNumber: '12345-0001', walled: ['a@firm.example'] }),
      entry({ ...acme, matterNumber: '12345 0001', walled: ['b@firm.example'], severity: 'block' }),
    ]);
    expect(targetCount(c)).toBe(2);
    expect(targets(c, '123450001').map(([, , t]) => [t.matterNumber, t.severity, t.walled])).toEqual([
      ['12345-0001', 'block', ['a@firm.example', 'b@firm.example']],
    ]);
  });

  it('the same matter number at two clients is two targets', () => {
    const c = compileWatchlist([
      entry({ ...acme, matterNumber: '0001' }),
      entry({ clientNumber: 'C-2', clientName: 'Other', matterNumber: '0001' }),
    ]);
    expect(targets(c, '0001').map(([, , t]) => t.clientNumber)).toEqual(['C-004512', 'C-2']);
  });

  it('a personal entry without a number joins the firm client of that name', () => {
    const c = compileWatchlist([
      entry({ clientName: 'Acme Holdings Ltd', aliases: ['Roadrunner'], source: 'personal' }),
      ...rows,
      entry({ aliases: ['Project Nimbus'], source: 'personal' }),
    ]);
    expect(
      targets(c, 'Acme Holdings Ltd, Roadrunner, Project Nimbus').map(([text, , t]) => [
        text,
        t.clientNumber,
        t.clientName,
      ]),
    ).toEqual([
      ['Acme Holdings Ltd', 'C-004512', 'Acme Holdings Ltd'],
      ['Roadrunner', 'C-004512', 'Acme Holdings Ltd'],
      ['Project Nimbus', '', 'Project Nimbus'],
    ]);
  });

  it('an alias listed on several matters of a client names the client, once', () => {
    const c = compileWatchlist([
      entry({ ...acme, matterNumber: '12345-0001', aliases: ['GLBX', 'Project Falcon'] }),
      entry({ ...acme, matterNumber: '12345-0002', aliases: ['glbx'] }),
      entry({ ...acme, matterNumber: '12345-0003', aliases: ['GLBX'] }),
    ]);
    expect(targets(c, 'GLBX and Project Falcon').map(([text, kind, t]) => [text, kind, t.matterNumber])).toEqual([
      ['GLBX', 'alias', ''],
      ['Project Falcon', 'alias', '12345-0001'],
    ]);
  });

  it('targetAt refuses an index that is not a target', () => {
    expect(() => targetAt(compiled, targetCount(compiled))).toThrow(RangeError);
  });
});

describe('domain index', () => {
  it.each([
    ['beta.example', ['C-007731']],
    ['mail.beta.example', ['C-007731']],
    ['BETA.EXAMPLE', ['C-007731']],
    ['acme.example', ['C-004512', 'C-007731']],
    ['notbeta.example', []],
    ['example', []],
  ])('%s belongs to %j', (domain, owners) => {
    expect(domainOwners(compiled, domain).sort()).toEqual(owners);
  });
});

describe('a compiled watchlist is plain data', () => {
  it('survives structured clone (IndexedDB) and scans the same', () => {
    const restored: unknown = structuredClone(compiled);
    expect(isCompiledWatchlist(restored)).toBe(true);
    const text = 'Acme Holdings Limited re 12345 0001, Project Falcon, Beta Industries';
    expect(scanText(restored as CompiledWatchlist, text)).toEqual(scanText(compiled, text));
  });

  it.each([
    ['nothing', null],
    ['a string', 'compiled'],
    ['another format', { ...compiled, format: 0 }],
    ['a table that lost its type', { ...compiled, table: Array.from(compiled.table) }],
  ])('rejects %s', (_why, value) => {
    expect(isCompiledWatchlist(value)).toBe(false);
  });

  it('rows streamed one by one compile to the same table as a whole list', () => {
    const compiler = createWatchlistCompiler();
    rows.forEach((r) => compiler.add(r));
    expect(compiler.finish()).toEqual(compiled);
    expect(() => compiler.finish()).toThrow(/already finished/);
  });

  it('a list far larger than announced still finds every entry', () => {
    const compiler = createWatchlistCompiler(0);
    const numbers = Array.from({ length: 3000 }, (_, i) => `${10000 + i}-${String(i % 7).padStart(4, '0')}`);
    numbers.forEach((n, i) =>
      compiler.add(entry({ clientNumber: `K-${i}`, clientName: `Client ${i}`, matterNumber: n })),
    );
    const c = compiler.finish();
    const found = scanText(c, numbers.join(' and '));
    expect(found.map((m) => targetAt(c, m.entryIndex).matterNumber)).toEqual(numbers);
  });

  it('thousands of duplicate rows make one target', () => {
    const c = compileWatchlist(Array.from({ length: 5000 }, () => entry({ ...acme, matterNumber: '12345-0001' })));
    expect(targetCount(c)).toBe(2);
    expect(targets(c, 'Acme Holdings 12345-0001').map(([text]) => text)).toEqual(['Acme Holdings', '12345-0001']);
  });

  it('an empty watchlist matches nothing', () => {
    expect(scanText(compileWatchlist([]), 'Acme Holdings 12345-0001')).toEqual([]);
  });
});
