import type { LoggedMatch } from '../log/types';
import { describeTarget } from '../match/describe';
import { LEVEL_RANK, type Assessment, type FieldName, type Level, type MatchedEntry } from '../match/types';

/**
 * What the notice, the dialog and the log say about an assessment: one line per client or
 * matter and reason, never the message body (docs/design.md#warnings-and-the-gate, docs/design.md#override-log).
 */
export interface NoticeItem {
  level: Level;
  /** "Acme Holdings Ltd — matter 12345-0001". */
  target: string;
  /** Why this level: "recipient gmail.com is outside acme.example". */
  reason: string;
  /** The words as the user wrote them, each once. */
  words: string[];
  /** Fields other than the body it was found in (the body has highlights; these cannot). */
  elsewhere: FieldName[];
  /** Whether it was found in the body too. */
  inBody: boolean;
}

/**
 * One line per client, level and reason: a client named in the text and its matter numbers are
 * one line ("Acme Holdings Ltd — matter 12345-0001"), not one line each, so the notice stays short.
 */
export function summarize(assessment: Assessment): NoticeItem[] {
  const groups = new Map<string, { item: NoticeItem; client: MatchedEntry; matters: string[] }>();
  for (const m of assessment.matches) {
    const client = m.entry.clientNumber || m.entry.clientName;
    const key = `${m.level}\u0000${client}\u0000${m.reason}`;
    let group = groups.get(key);
    if (!group) {
      const item: NoticeItem = {
        level: m.level,
        target: '',
        reason: m.reason,
        words: [],
        elsewhere: [],
        inBody: false,
      };
      group = { item, client: m.entry, matters: [] };
      groups.set(key, group);
    }
    const { item, matters } = group;
    if (m.entry.matterNumber && !matters.includes(m.entry.matterNumber)) matters.push(m.entry.matterNumber);
    if (!item.words.includes(m.text)) item.words.push(m.text);
    if (m.field === 'body') item.inBody = true;
    else if (!item.elsewhere.includes(m.field)) item.elsewhere.push(m.field);
  }
  const items = [...groups.values()].map(({ item, client, matters }) => ({
    ...item,
    target: targetWords(client, matters),
  }));
  // Worst first; equal levels keep the order they appear in the message.
  return items.sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level]);
}

function targetWords(client: MatchedEntry, matters: readonly string[]): string {
  if (matters.length <= 1) return describeTarget({ ...client, matterNumber: matters[0] ?? '' });
  return `${client.clientName || client.clientNumber} — matters ${matters.join(', ')}`;
}

/** The matches as the log keeps them (docs/design.md#record): the entry and the matched words only. */
export function loggedMatches(assessment: Assessment): LoggedMatch[] {
  return assessment.matches.map((m) => ({
    kind: m.kind,
    clientNumber: m.entry.clientNumber,
    clientName: m.entry.clientName,
    matterNumber: m.entry.matterNumber,
    matchedText: m.text,
    level: m.level,
  }));
}

const FIELD_WORDS: Record<FieldName, string> = {
  body: 'the message',
  subject: 'the subject',
  attachment: 'an attachment name',
  'item-name': 'the shared item’s name',
  message: 'the message',
};

export function fieldWords(field: FieldName): string {
  return FIELD_WORDS[field];
}

/** Where an item was found, when the body's highlights do not show it all: " also in the subject". */
export function placeWords(item: NoticeItem): string {
  if (item.elsewhere.length === 0) return '';
  return `${item.inBody ? ' also' : ''} in ${item.elsewhere.map(fieldWords).join(' and ')}`;
}

/** The tab's state for the popup and badge: the worst level and the clients named, across surfaces. */
export function pageState(assessments: readonly Assessment[]): {
  level: Level | null;
  matchCount: number;
  summary: string[];
} {
  let level: Level | null = null;
  let matchCount = 0;
  const summary: string[] = [];
  for (const a of assessments) {
    matchCount += a.matches.length;
    if (a.level && (!level || LEVEL_RANK[a.level] > LEVEL_RANK[level])) level = a.level;
    for (const m of a.matches) {
      const line = describeTarget(m.entry);
      if (!summary.includes(line) && summary.length < 20) summary.push(line);
    }
  }
  return { level, matchCount, summary };
}
