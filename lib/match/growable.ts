/**
 * Append-only typed arrays for compiling a million rows: numbers and text outside the JS heap,
 * 1-4 bytes per item instead of an array slot or a string object each.
 */
export interface Growable<T extends Uint8Array | Uint32Array> {
  data: T;
  length: number;
}

export function growableU32(capacity = 1024): Growable<Uint32Array> {
  return { data: new Uint32Array(capacity), length: 0 };
}

export function growableU8(capacity = 1024): Growable<Uint8Array> {
  return { data: new Uint8Array(capacity), length: 0 };
}

function reserve<T extends Uint8Array | Uint32Array>(g: Growable<T>, extra: number): void {
  if (g.length + extra <= g.data.length) return;
  let capacity = g.data.length * 2;
  while (capacity < g.length + extra) capacity *= 2;
  const data = new (g.data.constructor as new (n: number) => T)(capacity);
  data.set(g.data);
  g.data = data;
}

export function push<T extends Uint8Array | Uint32Array>(g: Growable<T>, value: number): void {
  reserve(g, 1);
  g.data[g.length++] = value;
}

const encoder = new TextEncoder();

/** Appends `text` as UTF-8. */
export function pushText(g: Growable<Uint8Array>, text: string): void {
  reserve(g, text.length * 3);
  const start = g.length;
  // Matter numbers are nearly always ASCII: copy those without an encoder call per row.
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code >= 0x80) {
      g.length = start + encoder.encodeInto(text, g.data.subarray(start)).written;
      return;
    }
    g.data[g.length++] = code;
  }
}

/** The filled part, copied into an array of exactly that length. */
export function trimmed<T extends Uint8Array | Uint32Array>(g: Growable<T>): T {
  return g.data.slice(0, g.length) as T;
}
