/**
 * The line on which each element of the root object's "entries" array starts, found by one
 * walk over the text (no second parse), so a bad entry can be reported where a person would
 * look for it. Only called for text JSON.parse accepted, so strings hold no raw line breaks.
 */
export function entryStartLines(text: string): number[] {
  let lines: number[] = [];
  let line = 1;
  let depth = 0;
  let key: string | null = null;
  let inEntries = false;
  let expectElement = false;

  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      line += 1;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') continue;
    if (inEntries && depth === 2 && expectElement && c !== ']' && c !== ',') {
      lines.push(line);
      expectElement = false;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      // At depth 1 a string followed by ':' is a key of the root object.
      if (depth === 1) key = JSON.parse(text.slice(i, j + 1)) as string;
      i = j;
    } else if (c === '{' || c === '[') {
      if (depth === 1 && c === '[' && key === 'entries') {
        // JSON.parse keeps the last of duplicate keys; so do we.
        lines = [];
        inEntries = true;
        expectElement = true;
      }
      depth += 1;
    } else if (c === '}' || c === ']') {
      depth -= 1;
      if (depth === 1) inEntries = false;
    } else if (c === ',' && depth === 2 && inEntries) {
      expectElement = true;
    } else if (c === ',' && depth === 1) {
      key = null;
    }
  }
  return lines;
}
