// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Notice } from '@/components/Notice/notice';
import type { NoticeItem } from '@/lib/verdict/summary';

afterEach(cleanup);

const ACME: NoticeItem = {
  level: 'warn',
  target: 'Acme Holdings Ltd — matter 12345-0001',
  reason: 'recipient gmail.com is outside acme.example',
  words: ['Acme Holdings', '12345-0001'],
  elsewhere: [],
  inBody: true,
};

describe('the inline notice', () => {
  it('is a live region named Matterguard that says the level, what matched and why', () => {
    render(<Notice level="warn" items={[ACME]} />);
    const region = screen.getByRole('status', { name: 'Matterguard' });
    expect(region.textContent).toContain('Warning');
    expect(region.textContent).toContain(
      'Acme Holdings Ltd — matter 12345-0001 · recipient gmail.com is outside acme.example',
    );
    expect(region.textContent).toContain('“Acme Holdings”, “12345-0001”');
  });

  it.each([
    ['notice', 'Notice'],
    ['warn', 'Warning'],
    ['critical', 'Critical'],
  ] as const)('shows level %s as "%s", in its colour', (level, word) => {
    render(<Notice level={level} items={[{ ...ACME, level }]} />);
    const region = screen.getByRole('status', { name: 'Matterguard' });
    expect(region.textContent).toMatch(new RegExp(`^${word}`));
    expect(region.className).toContain(`level-${level}`);
  });

  it.each([
    [false, '“Project Falcon” in the subject'],
    [true, '“Project Falcon” also in the subject'],
  ])('names the field of a match it cannot highlight (also in the body: %s)', (inBody, words) => {
    render(<Notice level="warn" items={[{ ...ACME, words: ['Project Falcon'], elsewhere: ['subject'], inBody }]} />);
    expect(screen.getByRole('status').textContent).toContain(words);
  });

  it('stays in place, silent, when nothing matches', () => {
    render(<Notice level={null} items={[]} />);
    expect(screen.getByRole('status', { name: 'Matterguard' }).textContent).toBe('');
  });
});
