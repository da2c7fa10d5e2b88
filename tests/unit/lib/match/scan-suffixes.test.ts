import { describe, expect, it } from 'vitest';
import { compileWatchlist } from '@/lib/match/compile';
import { scanText } from '@/lib/match/scan';
import { entry } from '@/tests/helpers/watchlist-entry';

/** The texts found in `text` when the watchlist holds one client called `name`. */
function found(name: string, text: string): string[] {
  return scanText(compileWatchlist([entry({ clientNumber: 'C-1', clientName: name })]), text).map((m) => m.text);
}

describe('a legal suffix may be dropped or spelled out when two words remain', () => {
  it.each([
    ['Acme Holdings Ltd', 'Acme Holdings Limited', 'Acme Holdings Limited'],
    ['Acme Holdings Ltd', 'Acme Holdings Ltd.', 'Acme Holdings Ltd'],
    ['Acme Holdings Ltd', 'Acme Holdings, Ltd.', 'Acme Holdings, Ltd'],
    ['Acme Holdings Ltd', 'Acme Holdings', 'Acme Holdings'],
    ['Acme Holdings Limited', 'Acme Holdings Ltd', 'Acme Holdings Ltd'],
    ['Acme Holdings Pty Ltd', 'Acme Holdings Proprietary Limited', 'Acme Holdings Proprietary Limited'],
    ['Acme Holdings Pty Ltd', 'Acme Holdings Pty. Ltd.', 'Acme Holdings Pty. Ltd'],
    ['Acme Holdings Pty Ltd', 'Acme Holdings', 'Acme Holdings'],
    ['Orion Systems Inc', 'Orion Systems Incorporated', 'Orion Systems Incorporated'],
    ['Orion Systems Corp', 'Orion Systems Corporation', 'Orion Systems Corporation'],
    ['Orion Systems & Co', 'Orion Systems & Company', 'Orion Systems & Company'],
    ['Orion Systems LLC', 'Orion Systems L.L.C.', 'Orion Systems L.L.C'],
    ['Orion Systems LLP', 'Orion Systems', 'Orion Systems'],
    ['Orion Systems LP', 'Orion Systems L.P.', 'Orion Systems L.P'],
    ['Orion Systems plc', 'Orion Systems PLC', 'Orion Systems PLC'],
    [
      'Beta Werke GmbH',
      'Beta Werke Gesellschaft mit beschränkter Haftung',
      'Beta Werke Gesellschaft mit beschränkter Haftung',
    ],
    ['Beta Werke AG', 'Beta Werke Aktiengesellschaft', 'Beta Werke Aktiengesellschaft'],
    ['Beta Werke GmbH & Co. KG', 'Beta Werke GmbH & Co KG', 'Beta Werke GmbH & Co KG'],
    ['Beta Werke GmbH & Co. KG', 'Beta Werke', 'Beta Werke'],
    ['Société Générale S.A.', 'Société Générale SA', 'Société Générale SA'],
    ['Société Générale SA', 'Société Générale S.A.', 'Société Générale S.A'],
    ['Société Générale SA', 'Société Générale société anonyme', 'Société Générale société anonyme'],
    ['Lumière Conseil S.A.S.', 'Lumière Conseil SAS', 'Lumière Conseil SAS'],
    ['Lumière Conseil SARL', 'Lumière Conseil S.A.R.L.', 'Lumière Conseil S.A.R.L'],
    ['Van Dijk Beheer N.V.', 'Van Dijk Beheer NV', 'Van Dijk Beheer NV'],
    ['Van Dijk Beheer B.V.', 'Van Dijk Beheer besloten vennootschap', 'Van Dijk Beheer besloten vennootschap'],
    ['Rossi Costruzioni S.p.A.', 'Rossi Costruzioni SpA', 'Rossi Costruzioni SpA'],
    ['Nordic Timber SE', 'Nordic Timber Societas Europaea', 'Nordic Timber Societas Europaea'],
    ['Nordic Timber AB', 'Nordic Timber Aktiebolag', 'Nordic Timber Aktiebolag'],
    ['Nordic Timber AS', 'Nordic Timber A/S', 'Nordic Timber A/S'],
    ['Nordic Timber ASA', 'Nordic Timber', 'Nordic Timber'],
    ['Nordic Timber Oy', 'Nordic Timber Osakeyhtiö', 'Nordic Timber Osakeyhtiö'],
  ])('%j matches %j', (name, text, expected) => {
    expect(found(name, `Re: ${text} today`)).toEqual([expected]);
  });
});

describe('a suffix is never dropped when only one word would remain', () => {
  it.each([
    ['Apple Inc', 'apple pie'],
    ['Apple Inc', 'an apple'],
    ['Beta GmbH', 'beta version'],
    ['Orion AG', 'Orion'],
    ['Apple Inc', 'Apple Corp'],
  ])('%j does not match %j', (name, text) => {
    expect(found(name, text)).toEqual([]);
  });

  it.each([
    ['Apple Inc', 'Apple Inc.', 'Apple Inc'],
    ['Apple Inc', 'apple incorporated', 'apple incorporated'],
    ['Beta GmbH', 'Beta Gesellschaft mit beschränkter Haftung', 'Beta Gesellschaft mit beschränkter Haftung'],
  ])('%j still matches %j', (name, text, expected) => {
    expect(found(name, text)).toEqual([expected]);
  });
});

describe('a term that is only a suffix word is matched as listed', () => {
  it('a ticker alias "AG" is found as a whole word, and nothing else is emptied to match', () => {
    const compiled = compileWatchlist([entry({ clientNumber: 'C-9', clientName: 'Seven Arrows SA', aliases: ['AG'] })]);
    expect(scanText(compiled, 'AG shares, the SA board, Seven Arrows, bag').map((m) => m.text)).toEqual([
      'AG',
      'Seven Arrows',
    ]);
  });
});
