import { extractText, type ExtractedText } from '../dom/extract';
import type { FieldName } from '../match/types';
import type { ComposeSurface, SiteAdapter } from '../sites/types';
import { isTextControl } from './realm';
import type { ScanRequest } from './types';

/**
 * One surface as it is right now: the scan request, a key to tell whether anything changed,
 * and, for rich-text fields, the map from text offsets back to DOM nodes (for highlights).
 */
export interface Snapshot {
  request: ScanRequest;
  /** Equal keys mean equal text and recipients: a scan with this key is current. */
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

export function takeSnapshot(adapter: SiteAdapter, surface: ComposeSurface): Snapshot {
  const fields: ScanRequest['fields'] = [];
  const maps = new Map<FieldName, ExtractedText>();
  for (const field of surface.fields()) {
    if (isTextControl(field.element)) {
      // A plain input cannot hold a highlight; the notice names the field instead.
      fields.push({ name: field.name, text: field.element.value });
      continue;
    }
    const extracted = extractText(field.element);
    if (!maps.has(field.name)) maps.set(field.name, extracted);
    fields.push({ name: field.name, text: extracted.text });
  }
  const attachments = surface.attachmentNames();
  // One name per line: a match never runs from one file name into the next.
  if (attachments.length > 0) fields.push({ name: 'attachment', text: attachments.join('\n') });
  const request: ScanRequest = {
    site: adapter.id,
    fields,
    recipients: surface.recipients(),
    audience: surface.audience(),
    surfaceKey: surfaceKeyOf(surface.root),
  };
  return { request, key: JSON.stringify(request), maps };
}
