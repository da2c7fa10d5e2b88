import { describe, expect, it } from 'vitest';
import { foldText } from '@/lib/match/fold-text';

describe('folding: what the matcher compares', () => {
  it.each([
    ['case', 'ACME Holdings', 'acme holdings'],
    ['full case folding of ß', 'Weiß WEISS', 'weiss weiss'],
    ['capital sharp s', 'WEIẞ', 'weiss'],
    ['final sigma', 'ΣΟΦΟΣ σοφος', 'σοφοσ σοφοσ'],
    ['dotted capital I', 'İstanbul', 'istanbul'],
    ['precomposed diacritics', 'Société Générale', 'societe generale'],
    ['decomposed diacritics', 'Socie\u0301te\u0301', 'societe'],
    ['letters with a stroke', 'Ørsted Łódź', 'orsted lodz'],
    ['ligature letters', 'Æther Œuvre', 'aether oeuvre'],
    ['compatibility ligatures', 'ﬁnance', 'finance'],
    ['full-width digits and letters', '１２３４５ ＡＢＣ', '12345 abc'],
    ['math alphanumerics (astral)', '𝐀𝐜𝐦𝐞', 'acme'],
    ['superscripts and roman numerals', 'x² Ⅻ', 'x2 xii'],
    ['zero-width space inside a word', 'Ac\u200Bme', 'acme'],
    ['zero-width joiner and non-joiner', 'Ac\u200Dm\u200Ce', 'acme'],
    ['word joiner and BOM', 'Ac\u2060m\uFEFFe', 'acme'],
    ['soft hyphen', 'Hold\u00ADings', 'holdings'],
    ['punctuation runs become one break', 'Acme -- (Holdings)!', 'acme holdings'],
    ['a possessive is a word break', "Acme's", 'acme s'],
    ['each CJK character is a word', '三菱商事', '三 菱 商 事'],
    ['a squared abbreviation expands', '㍿', '株 式 会 社'],
  ])('%s: %j -> %j', (_why, text, expected) => {
    expect(foldText(text)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const text of ['Weiß ẞ', 'Société ﬁ ½', 'ΣΟΦΟΣ', 'Ǆemal ǰ']) {
      expect(foldText(foldText(text))).toBe(foldText(text));
    }
  });
});
