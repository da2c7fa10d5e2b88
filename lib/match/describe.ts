import type { MatchedEntry } from './types';

/**
 * How a matched target is named to people, in the notice, the dialog and the log views:
 * "Acme Holdings Ltd — matter 12345-0001" or "Acme Holdings Ltd (C-004512)".
 */
export function describeTarget(entry: MatchedEntry): string {
  const name = entry.clientName || entry.clientNumber || 'A watched client';
  if (entry.matterNumber !== '') return `${name} — matter ${entry.matterNumber}`;
  if (entry.clientName !== '' && entry.clientNumber !== '') return `${entry.clientName} (${entry.clientNumber})`;
  return name;
}
