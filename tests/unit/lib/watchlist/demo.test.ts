import { describe, expect, it } from 'vitest';
import { DEMO_FIRM_DOMAINS, DEMO_VERSION, DEMO_WATCHLIST_CSV, parseDemoWatchlist } from '@/lib/watchlist/demo';
import { parseWatchlist } from '@/lib/watchlist/parse';

const demo = parseDemoWatchlist();
const rows = (clientNumber: string) => demo.entries.filter((e) => e.clientNumber === clientNumber);
const matter = (matterNumber: string) => demo.entries.find((e) => e.matterNumber === matterNumber);

describe('embedded demo watchlist (fictional Harrow & Vale LLP)', () => {
  it('is a valid firm CSV: read with no issues, as the generic reader reads it too', () => {
    expect(demo.issues).toEqual([]);
    expect(demo.version).toBe(DEMO_VERSION);
    expect(parseWatchlist(DEMO_WATCHLIST_CSV, { source: 'demo', fileName: 'demo.csv' }).entries).toEqual(demo.entries);
  });

  it('has 33 clients and 104 matters, each matter number once', () => {
    const matters = demo.entries.filter((e) => e.matterNumber !== '');
    expect(demo.entries).toHaveLength(106);
    expect(new Set(demo.entries.map((e) => e.clientNumber)).size).toBe(33);
    expect(matters).toHaveLength(104);
    expect(new Set(matters.map((e) => e.matterNumber)).size).toBe(104);
    expect(demo.entries.every((e) => e.source === 'demo')).toBe(true);
  });

  it('spans severities, walls, code names and several number formats', () => {
    const count = (severity: string) => demo.entries.filter((e) => e.severity === severity).length;
    expect([count('notice'), count('warn'), count('block')]).toEqual([7, 90, 9]);
    expect(demo.entries.flatMap((e) => e.walled).every((a) => a.endsWith('@harrowvale.example'))).toBe(true);
    expect(demo.entries.filter((e) => e.walled.length > 0)).toHaveLength(4);
    for (const format of [/^\d{5}-\d{4}$/, /^20\d\d-\d{4}$/, /^M\.\d{4}\.\d\d$/]) {
      expect(demo.entries.some((e) => format.test(e.matterNumber))).toBe(true);
    }
    expect(demo.entries.every((e) => /^C-\d{6}$/.test(e.clientNumber))).toBe(true);
  });

  it('keeps every address and domain under the reserved .example TLD', () => {
    const domains = demo.entries.flatMap((e) => [...e.allowedDomains, ...e.walled.map((a) => a.split('@')[1]!)]);
    expect(domains.every((d) => d.endsWith('.example'))).toBe(true);
    expect(DEMO_FIRM_DOMAINS).toEqual(['harrowvale.example']);
  });

  it('has names with diacritics and legal suffixes of several countries', () => {
    const names = new Set(demo.entries.map((e) => e.clientName));
    for (const name of [
      'Müller & Söhne GmbH',
      'Société Lumière SA',
      'Weißbach Maschinenbau AG',
      'Łódź Logistyka Sp. z o.o.',
      'Halcyon Biotech Inc.',
      'Smith, Ortega & Partners LLP',
    ]) {
      expect(names).toContain(name);
    }
  });

  // Other engineers' tests and the e2e suite rely on these rows (docs/sites.md#fixtures).
  it('holds the entries other tests rely on', () => {
    expect(rows('C-004512').map((e) => e.matterNumber)).toEqual(expect.arrayContaining(['12345-0001', '12345-0002']));
    expect(matter('12345-0001')).toMatchObject({
      clientName: 'Acme Holdings Ltd',
      matterName: 'Acquisition of Beta GmbH',
      aliases: ['Project Falcon'],
      allowedDomains: ['acme.example', 'acme-holdings.example'],
    });
    expect(matter('23456-0001')).toMatchObject({
      clientNumber: 'C-007731',
      clientName: 'Beta Industries GmbH',
      allowedDomains: ['beta.example'],
    });
    expect(rows('C-007731').every((e) => e.allowedDomains.join() === 'beta.example')).toBe(true);
    expect(demo.entries.find((e) => e.walled.includes('j.doe@harrowvale.example'))?.clientName).toBe('Crane & Co LLP');
    expect(matter('34567-0003')).toMatchObject({
      clientNumber: 'C-010001',
      clientName: 'Globex Corporation',
      severity: 'block',
    });
    expect(matter('34567-0003')?.aliases).toContain('Project Nightjar');
  });
});
