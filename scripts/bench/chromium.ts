import { readFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import ts from 'typescript';
import { GmailPage } from '../../tests/e2e/gmail/gmail-page';
import { startHarness, type Harness } from '../../tests/e2e/harness';
import { hostResolverRules } from '../../tests/e2e/harness/browser';
import { findChromium } from '../../tests/e2e/harness/chromium';
import { allHosts } from '../../tests/e2e/harness/sites';
import { emit, median, percentile } from './measure';
import { makeText } from './texts';

/**
 * `chromium.ts`: what only a real browser can say (docs/design.md#budgets), using the end-to-end harness
 * (Chromium with the built extension, the Gmail fixture at mail.google.com):
 * - keystroke to warning visible: the last key of a watched matter number to the highlight
 *   painted, timed in the page;
 * - the tab's share of a keystroke: the content script's text extraction (lib/dom/extract.ts,
 *   the same code) and the JSON serialisation of the request, for a 10 KB and a 1 MB body;
 * - the longest main-thread task while 1 MB is pasted;
 * - the extension's JS memory in a compose tab: the page's heap with the extension minus the
 *   same page, same steps, in a Chromium without it.
 */

const PROSE_10K = makeText(10_000, [], 11, 1e12);
const PROSE_1M = makeText(1_000_000, [], 12, 1e12);
const TERM = '12345-0001';

/** lib/dom/extract.ts for the page's own world: no imports, so type stripping is enough. */
function extractSource(): string {
  const source = readFileSync(new URL('../../lib/dom/extract.ts', import.meta.url), 'utf8').replace(/^export /gm, '');
  const js = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  return `window.__extract = (() => {\n${js}\nreturn extractText;\n})();`;
}

/**
 * tsx (esbuild, keepNames) wraps named functions in `__name(...)`; functions sent to the page
 * through page.evaluate carry those calls, so the page gets a do-nothing `__name` first.
 */
async function prepare(page: Page): Promise<Page> {
  await page.evaluate('globalThis.__name = (f) => f');
  return page;
}

/** Fills the compose body with paragraphs of `text` straight through the DOM (a pasted document). */
async function fillBody(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const body = document.querySelector('div[g_editable=true][role=textbox][contenteditable=true]');
    if (!body) throw new Error('no compose body');
    body.replaceChildren(
      ...t.match(/[^]{1,400}/g)!.map((p) => Object.assign(document.createElement('div'), { textContent: p })),
    );
  }, text);
}

async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / (1024 * 1024);
}

async function keystrokeToWarning(gmail: GmailPage): Promise<void> {
  const page = gmail.page;
  await page.evaluate(() => {
    const w = window as unknown as { __mgKey: number; __mgWait: (present: boolean) => Promise<number> };
    w.__mgKey = 0;
    document.addEventListener(
      'keydown',
      (e) => {
        if (e.key === '1') w.__mgKey = performance.now();
      },
      true,
    );
    const size = () =>
      ['notice', 'warn', 'critical'].reduce((n, l) => n + (CSS.highlights.get(`matterguard-${l}`)?.size ?? 0), 0);
    // Polled on a 1 ms timer (4 ms once nested): a tighter loop would starve the page's other work.
    w.__mgWait = (present) =>
      new Promise((resolve) => {
        const start = performance.now();
        const poll = () => {
          if (size() > 0 === present && (!present || w.__mgKey > 0))
            requestAnimationFrame(() => resolve(performance.now() - w.__mgKey));
          else if (performance.now() - start > 15_000) resolve(-1);
          else setTimeout(poll, 1);
        };
        poll();
      });
  });
  const latencies: number[] = [];
  // The first round wakes the worker and compiles the list: not a keystroke's cost.
  for (let k = -1; k < 25; k++) {
    await page.keyboard.type(` ${TERM.slice(0, -1)}`);
    await page.evaluate(() => ((window as unknown as { __mgKey: number }).__mgKey = 0));
    const seen = page.evaluate(() =>
      (window as unknown as { __mgWait: (p: boolean) => Promise<number> }).__mgWait(true),
    );
    await page.keyboard.press('1');
    const ms = await seen;
    if (ms < 0) throw new Error('no highlight appeared within 15 s of typing a watched matter number');
    if (k >= 0) latencies.push(ms);
    for (let b = 0; b <= TERM.length; b++) await page.keyboard.press('Backspace');
    await page.evaluate(() => (window as unknown as { __mgWait: (p: boolean) => Promise<number> }).__mgWait(false));
  }
  latencies.sort((a, b) => a - b);
  emit({ key: 'chromium.warning.p50', value: median(latencies), unit: 'ms' });
  emit({
    key: 'chromium.warning.p95',
    value: percentile(latencies, 95),
    unit: 'ms',
    note: `${latencies.length} keystrokes, 10 KB body`,
  });
}

async function tabShare(page: Page, label: string, text: string, runs: number): Promise<void> {
  await fillBody(page, text);
  const times = await page.evaluate((n) => {
    const body = document.querySelector('div[g_editable=true][role=textbox][contenteditable=true]')!;
    const extract = (window as unknown as { __extract: (root: Node) => { text: string } }).__extract;
    const out: number[] = [];
    for (let k = 0; k < n + 2; k++) {
      const t = performance.now();
      const { text: body_text } = extract(body);
      JSON.stringify({
        type: 'scanSurface',
        payload: {
          site: 'gmail',
          fields: [{ name: 'body', text: body_text }],
          recipients: [],
          audience: null,
          surfaceKey: 'c1',
        },
      });
      if (k >= 2) out.push(performance.now() - t);
    }
    return out.sort((a, b) => a - b);
  }, runs);
  // The page's clock ticks in 0.1 ms steps (no cross-origin isolation): the mean says more below that.
  emit({ key: `chromium.tab.${label}.mean`, value: times.reduce((a, b) => a + b, 0) / times.length, unit: 'ms' });
  emit({
    key: `chromium.tab.${label}.p99`,
    value: percentile(times, 99),
    unit: 'ms',
    note: 'page clock: 0.1 ms steps',
  });
}

/** The longest main-thread task while 1 MB is inserted into a fresh compose body (CDP Input.insertText, as a paste). */
async function longestTaskDuringPaste(page: Page): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __mgLong: number };
    w.__mgLong = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__mgLong = Math.max(w.__mgLong, e.duration);
    }).observe({ type: 'longtask' });
  });
  await page.locator('div[role=button].T-I-KE', { hasText: 'Compose' }).click();
  await page.locator('div[g_editable=true][role=textbox][contenteditable=true]').last().click();
  await page.keyboard.insertText(PROSE_1M);
  await new Promise((r) => setTimeout(r, 3_000));
  return page.evaluate(() => (window as unknown as { __mgLong: number }).__mgLong);
}

/** The Gmail fixture after the same steps, with or without the extension: its JS heap. */
async function composeHeap(page: Page): Promise<number> {
  await page.locator('div[role=button].T-I-KE', { hasText: 'Compose' }).click();
  await page.locator('div[g_editable=true][role=textbox][contenteditable=true]').first().click();
  await page.keyboard.insertText(`${PROSE_10K} Acme Holdings ${TERM}`);
  await new Promise((r) => setTimeout(r, 1_500));
  return heapUsed(page);
}

async function main(): Promise<void> {
  let harness: Harness;
  try {
    harness = await startHarness({ handleSignals: false });
  } catch (error) {
    emit({ key: 'chromium.skipped', value: 0, unit: '', note: error instanceof Error ? error.message : String(error) });
    return;
  }
  try {
    const gmail = await GmailPage.open(harness);
    await prepare(gmail.page);
    await gmail.compose();
    await fillBody(gmail.page, PROSE_10K);
    await gmail.page.locator('div[g_editable=true][role=textbox][contenteditable=true]').first().click();
    await gmail.page.keyboard.press('Control+End');
    await keystrokeToWarning(gmail);
    await gmail.page.addScriptTag({ content: extractSource() });
    await tabShare(gmail.page, '10k', PROSE_10K, 300);
    await tabShare(gmail.page, '1m', PROSE_1M, 5);
    const withExtension = await composeHeap(await prepare(await harness.open('https://mail.google.com/mail/u/0/')));
    const pasteWith = await longestTaskDuringPaste(
      await prepare(await harness.open('https://mail.google.com/mail/u/0/')),
    );
    const plain = await chromium.launch({
      executablePath: findChromium(),
      args: [
        `--host-resolver-rules=${hostResolverRules(allHosts(), harness.server.port)}`,
        '--ignore-certificate-errors',
        '--no-sandbox',
        '--disable-gpu',
      ],
    });
    try {
      const open = async () => {
        const page = await plain.newPage();
        await page.goto('https://mail.google.com/mail/u/0/');
        return prepare(page);
      };
      const without = await composeHeap(await open());
      emit({
        key: 'chromium.tab.memory',
        value: withExtension - without,
        unit: 'MB',
        note: `JS heap ${withExtension.toFixed(1)} MB with the extension, ${without.toFixed(1)} MB without`,
      });
      const pasteWithout = await longestTaskDuringPaste(await open());
      emit({
        key: 'chromium.paste.longest',
        value: pasteWith,
        unit: 'ms',
        note: `the same paste without the extension: ${Math.round(pasteWithout)} ms (Chromium inserting 1 MB)`,
      });
    } finally {
      await plain.close();
    }
  } finally {
    await harness.stop();
  }
}

await main();
