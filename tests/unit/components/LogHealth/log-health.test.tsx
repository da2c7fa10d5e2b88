// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { LogWarnings } from '@/components/LogHealth/log-health';
import { assessStorage } from '@/lib/log/storage-health';

afterEach(cleanup);

const MB = 1024 * 1024;

describe('the log warnings (options page and popup)', () => {
  it('say nothing while all is well', () => {
    const { container } = render(
      <LogWarnings
        health={{ storage: assessStorage({ usage: 5 * MB, quota: 50_000 * MB }), writeError: null, collector: null }}
      />,
    );
    expect(container.textContent).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('say that storage runs low and that a decision was not recorded', () => {
    const at = '2025-03-04T10:15:00.000Z';
    render(
      <LogWarnings
        health={{
          storage: assessStorage({ usage: 995 * MB, quota: 1_000 * MB }),
          writeError: {
            at,
            message: 'The decision could not be recorded: the browser has no storage left for Matterguard.',
          },
          collector: null,
        }}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(
      /^Storage is running low: 5\.0 MB left for the override log \(995 MB used\)\. Nothing is deleted/,
    );
    expect(alert.textContent).toContain(
      'The decision could not be recorded: the browser has no storage left for Matterguard.',
    );
  });
});
