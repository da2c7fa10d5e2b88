import { createWordBuffer, tokenize } from './tokenize';

/**
 * Other ways people write the same name (docs/design.md#names), produced from the name as listed before its
 * legal-suffix variants (suffixes.ts):
 * - `&` and `and` for each other: "Johnson & Johnson" = "Johnson and Johnson";
 * - a dotted acronym inside a name and the same letters joined: "I.B.M. Corp" = "IBM Corp" (a
 *   dotted legal suffix at the end, "S.A.", is already spelled both ways by suffixes.ts);
 * - a leading "The" dropped when two words remain: "The Boeing Company" = "Boeing Company",
 *   never "The Economist" = "Economist".
 * Most names have none of these, and a compile of a million rows asks for every client's name:
 * one cheap test sends those straight back.
 */
const MAX_FORMS = 8;

// Looser than each rewrite's own test (it must never miss one): "and" not inside an ASCII word.
const MAYBE = /&|(?<![a-z0-9])and(?![a-z0-9])|^\s*the\s|[A-Z]\.[A-Z]/i;
const MAYBE_DOTTED = /\p{Lu}\.\p{Lu}/u;
const AMPERSAND = /\s*&\s*/g;
const AND_WORD = /(?<![\p{L}\p{N}])and(?![\p{L}\p{N}])/giu;
const DOTTED = /(?<![\p{L}\p{N}])(?:\p{Lu}\.){1,7}\p{Lu}\.?(?![\p{L}\p{N}])/gu;
const WORD_AFTER = /[\p{L}\p{N}]/u;
const LEADING_THE = /^\s*the\s+/iu;

const counter = createWordBuffer(16);
const wordCount = (text: string): number => tokenize(text, counter).count;

type Rewrite = (name: string) => string | null;

function joinAcronyms(name: string): string | null {
  if (!MAYBE_DOTTED.test(name)) return null;
  const joined = name.replace(DOTTED, (m: string, at: number) =>
    WORD_AFTER.test(name.slice(at + m.length)) ? m.replace(/\./g, '') : m,
  );
  return joined === name ? null : joined;
}

const rewrites: Rewrite[] = [
  (name) => (name.includes('&') ? name.replace(AMPERSAND, ' and ') : null),
  (name) => (AND_WORD.test(name) ? name.replace(AND_WORD, ' & ') : null),
  joinAcronyms,
  (name) => {
    if (!LEADING_THE.test(name)) return null;
    const rest = name.replace(LEADING_THE, '');
    return wordCount(rest) >= 2 ? rest : null;
  },
];

/** The name as listed first, then its other spellings (at most MAX_FORMS in all). */
export function nameForms(name: string): string[] {
  const forms = [name];
  if (!MAYBE.test(name)) return forms;
  for (const rewrite of rewrites) {
    for (const form of forms.slice()) {
      // Regexes with /g keep state between test() calls; start each test afresh.
      AND_WORD.lastIndex = DOTTED.lastIndex = 0;
      const other = rewrite(form);
      if (other !== null && !forms.includes(other) && forms.length < MAX_FORMS) forms.push(other);
    }
  }
  return forms;
}
