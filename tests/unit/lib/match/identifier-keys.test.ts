import { describe, expect, it } from 'vitest';
import { createRandom } from '@/scripts/bench/random';
import { identifierKeysOfWords, plainIdentifierKeys, type IdentifierKeys } from '@/lib/match/terms';

const copy = (keys: IdentifierKeys | null): number[] | null =>
  keys === null ? null : Array.from(keys.data.subarray(0, keys.length));

describe('identifier keys: the one-pass path gives what the tokenizer gives', () => {
  it.each([
    '12345-0001',
    'C-004512',
    '200123.001',
    'M/2019/0001234',
    'K0000123-01',
    'CL000123',
    'ab12cd34',
    '12345 0001',
    '  12345_0001  ',
    'A1',
    '-',
    '',
    'x',
    '2024-0133',
    'Project-9',
    'AB-12/cd.34_ef 56',
    'a'.repeat(70) + '1',
  ])('%j', (text) => {
    expect(copy(plainIdentifierKeys(text))).toEqual(copy(identifierKeysOfWords(text)));
  });

  it('on 5,000 seeded random ASCII identifiers, punctuation and control characters included', () => {
    const rng = createRandom(20261123);
    const next = (): number => rng.next();
    const alphabet = 'ABCXYZabcxyz0123456789-._/ \t,;:#()+*&"\'';
    for (let n = 0; n < 5000; n++) {
      const length = 1 + Math.floor(next() * 24);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      expect(copy(plainIdentifierKeys(text)), text).toEqual(copy(identifierKeysOfWords(text)));
    }
  });

  it('leaves any other character to the tokenizer', () => {
    for (const text of ['１２３４５-０００１', 'Müller-1', '12345\u200B0001', '12345–0001', 'ß-1'])
      expect(plainIdentifierKeys(text)).toBeNull();
  });
});
