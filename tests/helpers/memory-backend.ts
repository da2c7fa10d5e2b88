import type { GuardBackend, GuardConfig, GuardState, ScanRequest } from '@/lib/guard';
import type { GateDecision } from '@/lib/log/types';
import type { AssessedMatch, Assessment, Level, MatchedEntry, MatchKind } from '@/lib/match/types';
import { DEFAULT_POLICY } from '@/lib/policy/defaults';

/**
 * The background's in-memory twin for guard tests. Its "watchlist" is a few literal terms found
 * with indexOf, and its levels follow docs/design.md#levels in miniature: enough to drive the guard; the real
 * matcher is lib/match's, tested on its own.
 */
const ACME: MatchedEntry = {
  clientNumber: 'C-004512',
  clientName: 'Acme Holdings Ltd',
  matterNumber: '12345-0001',
  severity: 'warn',
};
const GLOBEX: MatchedEntry = {
  clientNumber: 'C-010001',
  clientName: 'Globex Corporation',
  matterNumber: '34567-0003',
  severity: 'block',
};
const TERMS: { text: string; entry: MatchedEntry; kind: MatchKind; allowed: string }[] = [
  { text: 'Acme Holdings', entry: ACME, kind: 'client-name', allowed: 'acme.example' },
  { text: '12345-0001', entry: ACME, kind: 'matter-number', allowed: 'acme.example' },
  { text: 'Project Falcon', entry: ACME, kind: 'alias', allowed: 'acme.example' },
  { text: 'Project Nightjar', entry: GLOBEX, kind: 'alias', allowed: 'globex.example' },
];
const FIRM = 'harrowvale.example';
const OTHER_CLIENT = 'beta.example';

function judge(recipients: string[], allowed: string): { level: Level; reason: string } {
  const domains = recipients.map((r) => r.split('@')[1] ?? '');
  if (domains.length === 0) return { level: 'warn', reason: 'no recipients yet' };
  if (domains.includes(OTHER_CLIENT))
    return { level: 'critical', reason: `${OTHER_CLIENT} belongs to another client, Beta Industries GmbH` };
  const outside = domains.find((d) => d !== FIRM && d !== allowed);
  if (outside) return { level: 'warn', reason: `recipient ${outside} is outside ${allowed}` };
  return { level: 'notice', reason: `all recipients are at ${allowed}` };
}

export function assess(request: ScanRequest): Assessment {
  const matches: AssessedMatch[] = [];
  for (const field of request.fields) {
    for (const term of TERMS) {
      for (let at = field.text.indexOf(term.text); at >= 0; at = field.text.indexOf(term.text, at + 1)) {
        const { level, reason } = judge(request.recipients, term.allowed);
        matches.push({
          start: at,
          end: at + term.text.length,
          text: term.text,
          kind: term.kind,
          entryIndex: 0,
          field: field.name,
          entry: term.entry,
          level,
          reason,
        });
      }
    }
  }
  const rank = { notice: 1, warn: 2, critical: 3 };
  const level = matches.reduce<Level | null>((l, m) => (l && rank[l] >= rank[m.level] ? l : m.level), null);
  const blocking = matches.some((m) => m.level === 'critical' || (m.level === 'warn' && m.entry.severity === 'block'));
  return { level, matches, blocking };
}

interface Deferred {
  resolve(): void;
}

export class MemoryBackend implements GuardBackend {
  config_: GuardConfig = { mode: 'warn', reasons: DEFAULT_POLICY.reasons, enabled: true };
  scans: ScanRequest[] = [];
  records: GateDecision[] = [];
  states: GuardState[] = [];
  configCalls = 0;
  /** Calls that fail before the backend answers again (a restarting worker). */
  failures = 0;
  /** When set, scans and records wait until released (to see what happens meanwhile). */
  holdScans = false;
  holdRecords = false;
  private held: Deferred[] = [];

  private async gate(hold: boolean): Promise<void> {
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }
    if (hold) await new Promise<void>((resolve) => this.held.push({ resolve }));
  }

  /** Lets every held call answer. */
  release(): void {
    for (const d of this.held.splice(0)) d.resolve();
  }

  get waiting(): number {
    return this.held.length;
  }

  async scan(request: ScanRequest) {
    this.scans.push(request);
    await this.gate(this.holdScans);
    return { assessment: assess(request), watchlistVersion: 'demo-1' };
  }

  async config() {
    this.configCalls += 1;
    await this.gate(false);
    return this.config_;
  }

  async record(decision: GateDecision) {
    await this.gate(this.holdRecords);
    this.records.push(decision);
    return { id: `r${this.records.length}` };
  }

  reportState(state: GuardState) {
    this.states.push(state);
    return Promise.resolve(null);
  }
}
