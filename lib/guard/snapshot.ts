import { extractText, extractTextSliced, type ExtractedText, type Slicer } from '../dom/extract';
import { watchChanges } from '../dom/changes';
import { createSlicer, SLICING, UNSLICED } from '../dom/slicer';
import type { FieldName } from '../match/types';
import type { ComposeSurface, SiteAdapter } from '../sites/types';
import { isTextControl } from '../dom/realm';
import type { ScanRequest } from './types';

/**
 * One surface as it is right now: the scan request, a key to tell whether anything changed,
 * and, for rich-text fields, the map from text offsets back to DOM nodes (for highlights).
 */
export interface Snapshot {
  request: ScanRequest;
  /**
   * The request as JSON with each field's text replaced by its length: cheap even for a 5 MB body.
   * `sameSnapshot` compares the texts themselves.
   */
  key: string;
  maps: Map<FieldName, ExtractedText>;
}

// A stable name per compose surface, so the background can rescan only what changed in it
// since its last scan (lib/match/rescan.ts). Reuse after a reload only costs a full rescan.
const surfaceKeys = new WeakMap<HTMLElement, string>();
let surfaceCount = 0;

export function surfaceKeyOf(root: HTMLElement): string {
  let key = surfaceKeys.get(root);
  if (key === undefined) {
    key = `s${++surfaceCount}`;
    surfaceKeys.set(root, key);
  }
  return key;
}

/** A surface's text fields as they are now, the rich ones read by `extract`. */
function collectFields(
  surface: ComposeSurface,
  extract: (element: HTMLElement) => ExtractedText,
): { fields: ScanRequest['fields']; maps: Map<FieldName, ExtractedText> } {
  const fields: ScanRequest['fields'] = [];
  const maps = new Map<FieldName, ExtractedText>();
  for (const field of surface.fields()) {
    if (isTextControl(field.element)) {
      // A plain input cannot hold a highlight; the notice names the field instead.
      fields.push({ name: field.name, text: field.element.value });
      continue;
    }
    const extracted = extract(field.element);
    if (!maps.has(field.name)) maps.set(field.name, extracted);
    fields.push({ name: field.name, text: extracted.text });
  }
  return { fields, maps };
}

function requestOf(adapter: SiteAdapter, surface: ComposeSurface, fields: ScanRequest['fields']): ScanRequest {
  const attachments = surface.attachmentNames();
  // One name per line: a match never runs from one file name into the next.
  if (attachments.length > 0) fields.push({ name: 'attachment', text: attachments.join('\n') });
  return {
    site: adapter.id,
    fields,
    recipients: surface.recipients(),
    audience: surface.audience(),
    surfaceKey: surfaceKeyOf(surface.root),
  };
}

/**
 * Characters of text from which sending a request to the background is worth a task of its own:
 * Chromium serialises a runtime message in the sending task, ~10 ms per MB.
 */
export const LARGE_TEXT = 256 * 1024;

/** Characters of text in a snapshot's request. */
export function textSize(request: ScanRequest): number {
  return request.fields.reduce((n, f) => n + f.text.length, 0);
}

/** The surface now, read in one go (the gate's synchronous check that a scan is current). */
export function takeSnapshot(adapter: SiteAdapter, surface: ComposeSurface): Snapshot {
  const read = collectFields(surface, extractText);
  return snapshotOf(requestOf(adapter, surface, read.fields), read.maps);
}

function snapshotOf(request: ScanRequest, maps: Map<FieldName, ExtractedText>): Snapshot {
  const key = JSON.stringify({ ...request, fields: request.fields.map((f) => [f.name, f.text.length]) });
  return { request, key, maps };
}

/** Whether two snapshots hold the same texts and recipients: a scan of one is current for the other. */
export function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  return a.key === b.key && a.request.fields.every((f, i) => f.text === b.request.fields[i]?.text);
}

/** Attempts a sliced snapshot makes before it reads the surface in one go (see below). */
export const SLICED_ATTEMPTS = 3;

/**
 * The same snapshot as `takeSnapshot`, with the rich-text fields read in slices (lib/dom/slicer.ts),
 * so a huge body never freezes the page. It resolves only with the whole surface as it was at
 * one instant: if a field's DOM changes during a pause, the reading starts over, and after
 * `SLICED_ATTEMPTS` interrupted attempts (someone keeps editing a huge body) the last one reads
 * it in one go, so there is always an answer. The recipients, attachments and plain inputs are
 * read at the end, in the same task as the last slice.
 */
export async function takeSnapshotSliced(
  adapter: SiteAdapter,
  surface: ComposeSurface,
  slicer: () => Slicer = () => (SLICING ? createSlicer() : UNSLICED),
): Promise<Snapshot> {
  for (let attempt = 0; attempt < SLICED_ATTEMPTS; attempt++) {
    const rich = surface
      .fields()
      .map((f) => f.element)
      .filter((el) => !isTextControl(el));
    const watch = watchChanges(rich);
    try {
      const slices = slicer();
      const texts = new Map<HTMLElement, ExtractedText>();
      for (const element of rich) {
        if (texts.has(element)) continue;
        const extracted = await extractTextSliced(element, slices, () => watch.changed());
        if (!extracted) break;
        texts.set(element, extracted);
      }
      if (texts.size === new Set(rich).size && !watch.changed()) {
        // A field that appeared during the pauses is read now, in this same task.
        const read = collectFields(surface, (element) => texts.get(element) ?? extractText(element));
        return snapshotOf(requestOf(adapter, surface, read.fields), read.maps);
      }
    } finally {
      watch.stop();
    }
  }
  return takeSnapshot(adapter, surface);
}
