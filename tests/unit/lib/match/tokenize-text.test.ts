import { describe, expect, it } from 'vitest';
import { STRIDE, createWordBuffer, tokenize } from '@/lib/match/tokenize';
import { tokenizeText } from '@/lib/match/tokenize-text';

/** The words a tokenizer finds, every field of each. */
function words(fn: typeof tokenizeText, text: string): number[] {
  const w = fn(text, createWordBuffer(4));
  return Array.from(w.data.subarray(0, w.count * STRIDE));
}

describe('the scanning tokenizer finds exactly the words the compile tokenizer finds', () => {
  it.each([
    ['prose', 'Dear team, please find attached the draft.'],
    ['identifiers and separators', '12345-0001 12345 0001, 12345--0001 (C/004512) AB12C3 a–b'],
    ['diacritics, ß, ligatures, marks', 'Société Générale, WEISS Weiß ﬁnance Socie\u0301te\u0301 Ørsted'],
    ['invisible characters', 'Ac\u200Bme Hol\u00ADdings \uFEFF 12345\u200B-0001'],
    ['CJK and astral', '本日三菱商事と会議 😀 𝐀𝐜𝐦𝐞 ㍿'],
    ['lone surrogates and controls', 'a\uD800b\uDC00c\u0000d\tE'],
    ['a word longer than the power cache', 'x'.repeat(100) + ' y'],
    ['empty', ''],
    ['only separators', ' -- // .. '],
  ])('%s', (_why, text) => {
    expect(words(tokenizeText, text)).toEqual(words(tokenize, text));
  });

  it('on a long mixed text', () => {
    const pieces = [
      'Acme',
      'Holdings',
      '12345-0001',
      'Weiß',
      'ﬁ',
      '三菱',
      '\u200B',
      '\u0301',
      '😀',
      ', ',
      ' ',
      '--',
      '\n',
    ];
    const text = Array.from({ length: 5000 }, (_, i) => pieces[(i * 7919) % pieces.length]).join('');
    expect(words(tokenizeText, text)).toEqual(words(tokenize, text));
  });
});
