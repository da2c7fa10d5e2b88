/**
 * Calls the background again after short pauses when it does not answer: an MV3 worker may be
 * starting up or restarting at any moment (docs/design.md#worker-restarts). The last failure is rethrown.
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  delays: readonly number[],
  signal: AbortSignal,
): Promise<T> {
  let failure: unknown;
  for (let i = 0; i <= delays.length; i++) {
    if (i > 0) await pause(delays[i - 1]!, signal);
    if (signal.aborted) break;
    try {
      return await attempt();
    } catch (error) {
      failure = error;
    }
  }
  throw failure instanceof Error ? failure : new Error(signal.aborted ? 'Matterguard stopped.' : String(failure));
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/** Words for a failure, for the dialog. */
export function failureText(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  return `Matterguard's background service did not answer (${detail}).`;
}
