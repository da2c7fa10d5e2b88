import type { CDPSession, Page } from 'playwright-core';
import { waitUntil } from './wait';

/*
 * Runs code where Matterguard's own content script runs: the extension's isolated world in a
 * page's main frame, reached through the DevTools protocol. What succeeds here is what our
 * content script (or whoever takes over the page's renderer process) could do: read extension
 * storage, or send the worker any message it likes.
 */

interface ExecutionContext {
  id: number;
  origin: string;
  auxData?: { type?: string; frameId?: string };
}

export type WorldResult = { ok: true; value: unknown } | { ok: false; error: string };

export interface ContentWorld {
  /** Evaluates an expression (a promise is awaited); a throw or rejection comes back as `error`. */
  evaluate(expression: string): Promise<WorldResult>;
  detach(): Promise<void>;
}

/** The content script's world in `page`'s main frame; waits until the content script has run. */
export async function contentScriptWorld(page: Page, extensionId: string): Promise<ContentWorld> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const contexts: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }: { context: ExecutionContext }) => contexts.push(context));
  // Enabling reports every context that already exists.
  await cdp.send('Runtime.enable');
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const mainFrame = frameTree.frame.id;
  const context = await waitUntil(
    () =>
      Promise.resolve(
        contexts.find(
          (c) =>
            c.origin === `chrome-extension://${extensionId}` &&
            c.auxData?.type === 'isolated' &&
            c.auxData.frameId === mainFrame,
        ),
      ),
    "Matterguard's content script world in the page",
    () => `contexts: ${JSON.stringify(contexts)}`,
  );
  return {
    async evaluate(expression) {
      const result = (await cdp.send('Runtime.evaluate', {
        contextId: context.id,
        expression,
        awaitPromise: true,
        returnByValue: true,
      })) as {
        result: { value?: unknown };
        exceptionDetails?: { exception?: { description?: string }; text: string };
      };
      if (result.exceptionDetails)
        return { ok: false, error: result.exceptionDetails.exception?.description ?? result.exceptionDetails.text };
      return { ok: true, value: result.result.value };
    },
    detach: () => cdp.detach(),
  };
}
