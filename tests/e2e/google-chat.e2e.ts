import { describe, expect, it } from 'vitest';
import { chatSuite } from './chat/chat-suite';
import { ACME_TEXT } from './gmail/steps';
import { readRecords, waitForNewRecords } from './harness/index';
import { pause, waitUntil } from './harness/wait';

/* Issue 5, Google Chat: the fixture served at chat.google.com (tests/fixtures/google-chat). */
const harness = chatSuite({
  name: 'Google Chat',
  site: 'google-chat',
  url: 'https://chat.google.com/',
  sel: { editor: '.fx-composer [role=textbox]', send: 'div[role=button][aria-label="Send message"]' },
  kind: 'chat',
  internal: '.fx-nav [data-space="falcon"]',
  external: '.fx-nav [data-space="dana"]',
  fileInput: '.fx-composer input[type=file]',
});

interface FixtureWindow {
  __fixture?: { sent: unknown[] };
}

describe('Google Chat inside Gmail', () => {
  it('guards the chat.google.com iframe Gmail embeds: Enter is held, the dialog shows in the frame, Esc posts nothing', async () => {
    const before = (await readRecords(harness().worker)).length;
    const page = await harness().open('https://mail.google.com/mail/u/0/');
    try {
      // Gmail's Chat panel: a chat.google.com frame (docs/sites.md#google-chat:
      // /u/0/frame?shell=…&origin=https://mail.google.com).
      await page.evaluate(() => {
        const frame = document.createElement('iframe');
        frame.id = 'gtn-roster-iframe-id';
        frame.src = 'https://chat.google.com/?shell=9&origin=https%3A%2F%2Fmail.google.com';
        frame.style.cssText = 'position:fixed;right:0;bottom:0;width:560px;height:420px;border:0;z-index:10';
        document.body.append(frame);
      });
      const frame = await waitUntil(
        async () => {
          const f = page.frames().find((x) => x.url().startsWith('https://chat.google.com/'));
          return (
            f &&
            (await f.evaluate(() => Array.isArray((window as FixtureWindow).__fixture?.sent)).catch(() => false)) &&
            f
          );
        },
        'the Chat frame to load',
        () =>
          page
            .frames()
            .map((f) => f.url())
            .join(', '),
      );
      await frame.locator('.fx-nav [data-space="dana"]').click();
      await frame.locator('.fx-composer [role=textbox]').click();
      await page.keyboard.type(ACME_TEXT);
      const hosts = () => frame.evaluate(() => document.querySelectorAll('matterguard-ui').length);
      const quiet = await hosts();
      await page.keyboard.press('Enter');
      // The gate's dialog is one more shadow host, in the frame's own document.
      await waitUntil(
        async () => (await hosts()) > quiet,
        'the gate dialog in the Chat frame',
        async () => `${await hosts()} hosts`,
      );
      await pause(400);
      expect(await frame.evaluate(() => (window as FixtureWindow).__fixture!.sent.length)).toBe(0);
      await page.keyboard.press('Escape');
      const records = await waitForNewRecords(harness().worker, before, 1);
      expect(records.map((r) => [r.site, r.surface, r.action, r.level])).toEqual([
        ['google-chat', 'chat-in-gmail', 'went-back', 'warn'],
      ]);
      expect(await frame.evaluate(() => (window as FixtureWindow).__fixture!.sent.length)).toBe(0);
    } finally {
      await page.close();
    }
  });
});
