import { describe, expect, it } from 'vitest';
import {
  checkPersonalFields,
  EMPTY_FIELDS,
  entryLabel,
  fieldsForTerm,
  fieldsOf,
  type PersonalFields,
} from '@/lib/watchlist/personal';
import { reconcile, unionRows, type LocalPersonal } from '@/lib/watchlist/personal-sync';
import { layoutForSync, readSyncLayout } from '@/lib/watchlist/personal-codec';

const fields = (over: Partial<PersonalFields>): PersonalFields => ({ ...EMPTY_FIELDS, ...over });

describe('checkPersonalFields', () => {
  it('builds the entry, tidied and folded as the firm reader would', () => {
    const { entry, errors } = checkPersonalFields(
      fields({
        clientName: '  Project   Heron ',
        aliases: 'Heron; HRN ;',
        allowedDomains: '@Heron.example, heron.co.uk',
        walled: 'J.Doe@Firm.example',
        severity: 'block',
      }),
    );
    expect(errors).toEqual({});
    expect(entry).toEqual({
      clientNumber: '',
      clientName: 'Project Heron',
      matterNumber: '',
      matterName: '',
      aliases: ['Heron', 'HRN'],
      allowedDomains: ['heron.example', 'heron.co.uk'],
      walled: ['j.doe@firm.example'],
      severity: 'block',
      source: 'personal',
    });
    expect(fieldsOf(entry!)).toMatchObject({ aliases: 'Heron; HRN', allowedDomains: 'heron.example; heron.co.uk' });
  });

  it.each<[string, Partial<PersonalFields>, Record<string, RegExp>]>([
    ['nothing to match', {}, { entry: /Enter a name or term/ }],
    ['a term too short to mean anything', { clientName: 'a' }, { clientName: /at least 2 letters or digits/ }],
    ['a name too long', { clientName: 'x'.repeat(201) }, { clientName: /longer than 200/ }],
    ['a bad domain', { clientName: 'Heron', allowedDomains: 'heron' }, { allowedDomains: /"heron" is not valid/ }],
    ['a bad address', { clientName: 'Heron', walled: 'jdoe' }, { walled: /"jdoe" is not valid/ }],
    ['a one-letter alias', { clientName: 'Heron', aliases: 'H' }, { aliases: /"H" is not valid/ }],
  ])('refuses %s, naming the field', (_name, over, expected) => {
    const { entry, errors } = checkPersonalFields(fields(over));
    expect(entry).toBeNull();
    expect(Object.keys(errors)).toEqual(Object.keys(expected));
    for (const [key, pattern] of Object.entries(expected)) expect(errors[key as keyof typeof errors]).toMatch(pattern);
  });
});

describe('fieldsForTerm and entryLabel', () => {
  it.each([
    ['Project Falcon', { clientName: 'Project Falcon', clientNumber: '' }],
    ['  12345-0001 ', { clientName: '', clientNumber: '12345-0001' }],
    ['M.7781.01', { clientNumber: 'M.7781.01' }],
    ['Fund 5 LP', { clientName: 'Fund 5 LP' }],
  ])('takes "%s" as a name or an identifier', (term, expected) => {
    expect(fieldsForTerm(term)).toMatchObject(expected);
  });

  it('names entries as people read them', () => {
    const base = checkPersonalFields(
      fields({ clientName: 'Acme Holdings Ltd', clientNumber: 'C-1', matterNumber: 'M-1' }),
    ).entry!;
    expect(entryLabel(base)).toBe('Acme Holdings Ltd (C-1) — matter M-1');
    expect(entryLabel({ ...base, clientName: '', matterNumber: '' })).toBe('C-1');
  });
});

describe('reconcile: this browser against the synced copy', () => {
  const local = (rows: string[], updatedAt: number, pending = false): LocalPersonal => ({
    rows,
    updatedAt,
    pending,
    syncError: null,
  });
  const remote = (rows: string[], updatedAt: number) => {
    const read = readSyncLayout(layoutForSync(rows, updatedAt).items);
    if (read === null || read === 'incomplete') throw new Error('layout did not read back');
    return read;
  };
  const A = 'a\t\tProject Heron';
  const B = 'b\t\tProject Wren';

  it.each([
    ['the same list', local([A], 5), remote([A], 5), { kind: 'keep' }],
    ['a newer list from elsewhere', local([A], 5), remote([B], 9), { kind: 'adopt', rows: [B], updatedAt: 9 }],
    ['a newer list, while edits here wait', local([A], 5, true), remote([B], 9), { kind: 'merge', rows: [B, A] }],
    ['an older list there', local([A, B], 9), remote([A], 5), { kind: 'push' }],
    ['nothing synced yet', local([A], 5), null, { kind: 'push' }],
    ['a list still arriving', local([A], 5, true), 'incomplete' as const, { kind: 'keep' }],
  ])('%s', (_name, here, there, expected) => {
    expect(reconcile(here, there)).toEqual(expected);
  });

  it('unites by id, then by what the entry says', () => {
    expect(unionRows([A], [A, 'c\t\tproject heron', B])).toEqual([A, B]);
  });
});
