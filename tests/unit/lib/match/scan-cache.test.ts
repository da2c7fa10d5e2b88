import { describe, expect, it } from 'vitest';
import { compileWatchlist } from '@/lib/match/compile';
import { createScanCache } from '@/lib/match/scan-cache';
import { scanText } from '@/lib/match/scan';
import { entry } from '@/tests/helpers/watchlist-entry';

const acme = compileWatchlist([
  entry({ clientNumber: 'C-1', clientName: 'Acme Holdings', matterNumber: '12345-0001' }),
]);
const beta = compileWatchlist([entry({ clientNumber: 'C-2', clientName: 'Beta Industries' })]);
const texts = (ms: readonly { text: string }[]) => ms.map((m) => m.text);

describe('the scan cache', () => {
  it('gives what a full scan gives, keystroke after keystroke', () => {
    const cache = createScanCache();
    let text = 'Dear all, ';
    for (const ch of 'about Acme Holdings and 12345-0001') {
      text += ch;
      expect(cache.scan(acme, 'tab1:body', text)).toEqual(scanText(acme, text));
    }
    expect(texts(cache.scan(acme, 'tab1:body', text))).toEqual(['Acme Holdings', '12345-0001']);
  });

  it('never reuses matches found with another watchlist', () => {
    const cache = createScanCache();
    cache.scan(acme, 'k', 'Acme Holdings and Beta Industries');
    expect(texts(cache.scan(beta, 'k', 'Acme Holdings and Beta Industries!'))).toEqual(['Beta Industries']);
  });

  it('keeps fields apart by key', () => {
    const cache = createScanCache();
    cache.scan(acme, 'a', 'Acme Holdings');
    expect(texts(cache.scan(acme, 'b', 'nothing here'))).toEqual([]);
    expect(texts(cache.scan(acme, 'a', 'Acme Holdings!'))).toEqual(['Acme Holdings']);
  });

  it('holds at most its limits, dropping the least recently used', () => {
    const cache = createScanCache({ maxEntries: 2, maxChars: 100 });
    cache.scan(acme, 'a', 'x'.repeat(40));
    cache.scan(acme, 'b', 'y'.repeat(40));
    cache.scan(acme, 'a', 'x'.repeat(41));
    cache.scan(acme, 'c', 'z'.repeat(40));
    expect(['a', 'b', 'c'].filter((k) => cache.has(k))).toEqual(['a', 'c']);
    cache.scan(acme, 'd', 'w'.repeat(30));
    expect(['a', 'c', 'd'].filter((k) => cache.has(k))).toEqual(['c', 'd']);
    cache.scan(acme, 'e', 'v'.repeat(500));
    expect(['c', 'd', 'e'].filter((k) => cache.has(k))).toEqual(['c', 'd']);
  });

  it('forgets a closed tab', () => {
    const cache = createScanCache();
    cache.scan(acme, '7:0:s1:0:body', 'Acme Holdings');
    cache.scan(acme, '8:0:s1:0:body', 'Acme Holdings');
    cache.forget('7:');
    expect(cache.size).toBe(1);
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
