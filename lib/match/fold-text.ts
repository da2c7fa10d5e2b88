import {
  CLASS_MASK,
  DIGIT,
  DROP,
  EXPAND,
  HIGH,
  LETTER,
  MARK,
  PAYLOAD_SHIFT,
  astralEntry,
  expansionAt,
  fillEntry,
  foldTable,
} from './normalize';

/**
 * A text as the matcher sees it: its words folded and joined by single spaces
 * ("Société  Générale's" -> "societe generale s"). For comparing or de-duplicating terms the way
 * the matcher would (e.g. in a watchlist editor); the scanner itself never builds this string.
 */
export function foldText(text: string): string {
  let out = '';
  let space = false;
  const add = (entry: number): void => {
    const cls = entry & CLASS_MASK;
    if (cls === LETTER || cls === DIGIT) {
      if (space && out !== '') out += ' ';
      space = false;
      out += String.fromCodePoint(entry >>> PAYLOAD_SHIFT);
    } else if (cls !== DROP && cls !== MARK) {
      // Separators, word boundaries and lone surrogates break words; DROP and MARK are invisible.
      space = true;
    }
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let entry = foldTable[code] || fillEntry(code);
    const lo = text.charCodeAt(i + 1);
    if (entry === HIGH && lo >= 0xdc00 && lo <= 0xdfff) {
      entry = astralEntry((code - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000);
      i++;
    }
    if ((entry & CLASS_MASK) === EXPAND) expansionAt(entry >>> PAYLOAD_SHIFT).forEach(add);
    else add(entry);
  }
  return out;
}
