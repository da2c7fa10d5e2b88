#!/usr/bin/env node
// `npm run demo`: the built extension in a real Chromium window on the Gmail fixture, served
// at https://mail.google.com from this machine (no network), plus the options page.
// `npm run demo -- --headless --screenshot FILE.png`: scripted compose, screenshot, exit.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { register } from 'tsx/esm/api';
import { build } from './lib/run.mjs';

const USAGE = `Usage: npm run demo [-- [--headless] [--screenshot FILE.png] [--no-build]]
  (no flags)          open Chromium with Matterguard on the Gmail fixture; Ctrl+C to stop
  --headless          no window: compose a risky email, screenshot it (default demo-gmail.png), exit
  --screenshot FILE   where to save the screenshot (also works with a window, which then stays open)
  --no-build          use the existing .output/chrome-mv3`;

const { values: opts } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    screenshot: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!opts.headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    'No display ($DISPLAY is not set), so Chromium cannot open a window here.\n' +
      'Try:  npm run demo -- --headless --screenshot demo-gmail.png\n' +
      '  or: xvfb-run -a npm run demo',
  );
  process.exit(1);
}
// npm runs scripts from the package root; a relative path means the caller's directory.
const screenshot = opts.screenshot ?? (opts.headless ? 'demo-gmail.png' : undefined);
const screenshotPath = screenshot && resolve(process.env.INIT_CWD ?? process.cwd(), screenshot);

if (!opts['no-build'] && !(await build()).ok) {
  console.error('The build failed; see above.');
  process.exit(1);
}

// The harness is TypeScript shared with the e2e tests; tsx loads it as is.
register();
const { startHarness } = await import('../tests/e2e/harness/index.ts');
const { GmailPage } = await import('../tests/e2e/gmail/gmail-page.ts');
const { waitForNotice } = await import('../tests/e2e/harness/matterguard-ui.ts');

const harness = await startHarness({
  headless: opts.headless,
  viewport: { width: 1280, height: 800 },
  handleSignals: false,
});
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  await harness.stop();
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  const gmail = await GmailPage.open(harness);
  console.log(`Gmail fixture: ${gmail.page.url()}  (extension ${harness.extensionId})`);

  if (screenshotPath) {
    const compose = await gmail.compose();
    await compose.addRecipient('someone@gmail.com');
    await compose.typeSubject('Acme Holdings: matter 12345-0001');
    await compose.typeBody('Hi, attached are the draft terms for Acme Holdings (matter 12345-0001).');
    let failed = false;
    try {
      const notice = await waitForNotice(gmail.ax, () => compose.centre(), {
        level: 'Warning',
        mentions: ['Acme Holdings'],
      });
      console.log(`Notice shown: ${notice}`);
    } catch (error) {
      failed = true;
      console.error(error instanceof Error ? error.message : String(error));
    }
    await gmail.page.screenshot({ path: screenshotPath });
    console.log(`Screenshot saved: ${screenshotPath}`);
    if (opts.headless) await stop(failed ? 1 : 0);
  }

  const options = await harness.context.newPage();
  await options.goto(`chrome-extension://${harness.extensionId}/options.html`).catch((error) => {
    console.warn(`The options page did not open: ${error instanceof Error ? error.message : String(error)}`);
  });
  await gmail.page.bringToFront();
  console.log(
    'Try it: Compose, add someone@gmail.com, write "Acme Holdings" or "12345-0001", press Send.\n' +
      'Press Ctrl+C (or close the browser) to stop.',
  );
  harness.context.on('close', () => void stop(0));
} catch (error) {
  console.error(error instanceof Error ? error.stack : String(error));
  await stop(1);
}
