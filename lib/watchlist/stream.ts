import { createCsvReader } from './csv-reader';
import { createJsonReader } from './json-reader';
import { chooseFormat, type WatchlistFormat } from './parse';
import type { ReaderOptions, ReadSummary, TextReader } from './reader';

export interface StreamOptions extends ReaderOptions {
  format?: WatchlistFormat | 'auto';
  /** The HTTP Content-Type the file was served with, if any. */
  contentType?: string;
  /** The file's name, or the URL's path. */
  fileName?: string;
}

export interface StreamSummary extends ReadSummary {
  format: WatchlistFormat;
}

/** Bytes decoded into one string at a time (below V8's large-object size of 128 KB as UTF-16). */
export const DECODE_SLICE = 1 << 15;

export interface ByteReader {
  push(bytes: Uint8Array): void;
  finish(): StreamSummary;
}

/**
 * A reader for either format of docs/design.md#file-format that picks the format (see chooseFormat) from the
 * first text that is not white space, then hands every piece to the CSV or JSON reader.
 */
export interface StreamTextReader extends TextReader {
  finish(): StreamSummary;
}

export function createWatchlistReader(options: StreamOptions): StreamTextReader {
  let held = '';
  let reader: TextReader | null = null;
  let format: WatchlistFormat = 'csv';

  function begin(text: string): TextReader {
    format = chooseFormat(text, options);
    return format === 'json' ? createJsonReader(options) : createCsvReader(options);
  }

  return {
    push(text) {
      if (reader) return reader.push(text);
      held += text;
      if (!/\S/.test(held)) return;
      reader = begin(held);
      reader.push(held);
      held = '';
    },
    finish() {
      reader ??= begin(held);
      if (held !== '') reader.push(held);
      return { ...reader.finish(), format };
    },
  };
}

/**
 * The same from bytes: UTF-8 (a BOM is dropped; bytes that are not UTF-8 become U+FFFD, which
 * the readers take as a sign of a binary file). A character split between two pieces is
 * decoded whole.
 */
export function createByteReader(options: StreamOptions): ByteReader {
  const decoder = new TextDecoder('utf-8');
  const reader = createWatchlistReader(options);
  return {
    push(bytes) {
      // Decoded in slices: a 1 MB block as one string would be a large object the engine keeps
      // until a full collection; strings of at most 64 KB die young and cheaply (a 1M-row compile spent
      // a fifth of its time collecting such blocks).
      for (let at = 0; at < bytes.length; at += DECODE_SLICE) {
        reader.push(decoder.decode(bytes.subarray(at, at + DECODE_SLICE), { stream: true }));
      }
    },
    finish() {
      reader.push(decoder.decode());
      return reader.finish();
    },
  };
}
