import { describe, expect, it } from 'vitest';
import { canOverride, decideGate, gateAction, type GateInput, type GateVerdict } from '@/lib/verdict/decide';
import type { Level } from '@/lib/match/types';
import type { PolicyMode } from '@/lib/policy/types';

function input(over: Partial<GateInput> & { level?: Level | null; blocking?: boolean; mode?: PolicyMode }): GateInput {
  const { level = 'warn', blocking = false, mode = 'warn', ...rest } = over;
  return {
    trusted: true,
    gateOpen: false,
    config: { mode, enabled: true },
    assessment: { level, blocking },
    current: true,
    ...rest,
  };
}

describe('the gate decides from the latest scan', () => {
  const TABLE: [string, GateInput, GateVerdict][] = [
    ['nothing matched', input({ level: null }), 'pass'],
    ['notice only: the recipients are expected', input({ level: 'notice' }), 'pass'],
    ['warn in warn mode', input({ level: 'warn' }), 'ask'],
    ['critical in warn mode', input({ level: 'critical', blocking: true }), 'ask'],
    ['warn, not blocking, in block mode', input({ level: 'warn', mode: 'block' }), 'ask'],
    ['block-severity client in block mode', input({ level: 'warn', blocking: true, mode: 'block' }), 'refuse'],
    ['critical in block mode', input({ level: 'critical', blocking: true, mode: 'block' }), 'refuse'],
    ['notice in block mode', input({ level: 'notice', mode: 'block' }), 'pass'],
    ['warn in audit mode: logged, never interrupted', input({ mode: 'audit' }), 'audit'],
    ['critical and blocking in audit mode', input({ level: 'critical', blocking: true, mode: 'audit' }), 'audit'],
    ['the user typed since the last scan', input({ current: false }), 'wait'],
    ['never scanned yet', { ...input({}), assessment: null }, 'wait'],
    ['the worker has not answered the config yet', { ...input({}), config: null }, 'wait'],
    [
      'Matterguard is off for this site',
      { ...input({ level: 'critical' }), config: { mode: 'block', enabled: false } },
      'pass',
    ],
    [
      'off for this site, even before a scan',
      { ...input({}), config: { mode: 'warn', enabled: false }, assessment: null },
      'pass',
    ],
    ['a page script sends at warn', input({ trusted: false }), 'drop'],
    ['a page script sends in block mode', input({ trusted: false, blocking: true, mode: 'block' }), 'drop'],
    ['a page script sends a clean message', input({ trusted: false, level: null }), 'pass'],
    ['a page script sends at notice', input({ trusted: false, level: 'notice' }), 'pass'],
    ['a page script in audit mode is not logged as the user', input({ trusted: false, mode: 'audit' }), 'pass'],
    ['a page script sends before the scan is current', input({ trusted: false, current: false }), 'wait'],
    ['another attempt while the dialog is open', input({ gateOpen: true }), 'drop'],
    ['another attempt while the gate holds, even at notice', input({ gateOpen: true, level: 'notice' }), 'drop'],
  ];
  it.each(TABLE)('%s', (_what, given, verdict) => {
    expect(decideGate(given)).toBe(verdict);
  });
});

describe('what the log says', () => {
  it.each([
    ['ask', 'override', 'override'],
    ['ask', 'go-back', 'went-back'],
    ['refuse', 'go-back', 'blocked'],
  ] as const)('%s + %s → %s', (verdict, answer, action) => {
    expect(gateAction(verdict, answer)).toBe(action);
  });
});

describe('Send anyway is enabled', () => {
  it.each([
    [{ reasonCode: '', acknowledged: true, details: 'x' }, false],
    [{ reasonCode: 'client-authorised', acknowledged: false, details: '' }, false],
    [{ reasonCode: 'client-authorised', acknowledged: true, details: '' }, true],
    [{ reasonCode: 'other', acknowledged: true, details: '   ' }, false],
    [{ reasonCode: 'other', acknowledged: true, details: 'Counsel instructed by the client' }, true],
  ])('%o → %s', (choice, enabled) => {
    expect(canOverride(choice)).toBe(enabled);
  });
});
