// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Diagnostics } from '@/components/Diagnostics/diagnostics';
import { createMemoryConnector } from '@/lib/connectors/connector-memory';
import { status } from '@/tests/helpers/connector-status';

afterEach(cleanup);

describe('Site diagnostics on the options page', () => {
  it('lists each reported problem with how often and when it was last seen', async () => {
    const connector = createMemoryConnector({
      status: status(),
      diagnostics: [
        {
          site: 'outlook',
          message: 'Outlook: send button not found',
          count: 3,
          firstAt: '2026-11-20T09:00:00.000Z',
          lastAt: '2026-11-23T10:02:00.000Z',
        },
        {
          site: 'slack',
          message: 'Slack: send button not found',
          count: 1,
          firstAt: '2026-11-22T09:00:00.000Z',
          lastAt: '2026-11-22T09:00:00.000Z',
        },
      ],
    });
    render(<Diagnostics connector={connector} />);
    const items = await screen.findAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      expect.stringMatching(/^Outlook: send button not found — 3 times, last /),
      expect.stringMatching(/^Slack: send button not found — once, last /),
    ]);
    expect(items[0]!.querySelector('time')!.getAttribute('datetime')).toBe('2026-11-23T10:02:00.000Z');
  });

  it('says so when nothing was reported', async () => {
    render(<Diagnostics connector={createMemoryConnector({ status: status() })} />);
    expect(await screen.findByText('No problems reported by the guarded sites.')).toBeTruthy();
  });
});
