import type { Level } from '../match/types';
import { SITES } from '../sites/catalog';
import type { GateAction, LoggedMatch } from './types';

/** Words people read in the log, the popup and the settings; one place so they agree. */

/** Every site, in the order people see them listed (filters, settings). */
export { SITE_IDS } from '../sites/catalog';

/** A site's name; an id this version does not know (from a newer log) is shown as it is. */
export function siteLabel(site: string): string {
  return SITES.find((s) => s.id === site)?.label ?? site;
}

const ACTION_LABELS: Record<GateAction, string> = {
  override: 'Sent anyway',
  'went-back': 'Went back',
  blocked: 'Blocked',
  audited: 'Sent (audit only)',
};

export const GATE_ACTIONS = Object.keys(ACTION_LABELS) as GateAction[];

export function actionLabel(action: GateAction): string {
  return ACTION_LABELS[action];
}

const LEVEL_LABELS: Record<Level, string> = { notice: 'Notice', warn: 'Warning', critical: 'Critical' };

export const LEVELS = Object.keys(LEVEL_LABELS) as Level[];

export function levelLabel(level: Level): string {
  return LEVEL_LABELS[level];
}

/**
 * Which clients and matters a record concerns, one line each, e.g.
 * "Acme Holdings Ltd (C-004512) · matter 12345-0001". Several matches of one matter are one line.
 */
export function clientMatterLines(matches: LoggedMatch[]): string[] {
  const lines = new Set<string>();
  for (const m of matches) {
    const client =
      m.clientName && m.clientNumber ? `${m.clientName} (${m.clientNumber})` : m.clientName || m.clientNumber;
    lines.add(m.matterNumber ? `${client} · matter ${m.matterNumber}` : client);
  }
  return [...lines];
}

/** The words that matched, each once, in the order first seen (case kept as written). */
export function matchedWords(matches: LoggedMatch[]): string[] {
  const seen = new Map<string, string>();
  for (const m of matches) {
    const key = m.matchedText.toLowerCase();
    if (!seen.has(key)) seen.set(key, m.matchedText);
  }
  return [...seen.values()];
}
