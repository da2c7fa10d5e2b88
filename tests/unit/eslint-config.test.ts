import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer fences of eslint.config.js, proven on files that import across them. Type-aware
 * rules are off here: the fences need no types, and these files exist only in the test.
 */
const eslint = new ESLint({ overrideConfig: tseslint.configs.disableTypeChecked });

async function fenceErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages
    .filter((m) => m.ruleId === 'matterguard/layers' || m.ruleId === 'no-restricted-globals' || m.fatal)
    .map((m) => m.message);
}

describe('the layer fences', () => {
  it.each([
    [
      'Dexie in a pure library',
      'lib/match/fence.ts',
      "import Dexie from 'dexie';\nexport const db = new Dexie('x');\n",
    ],
    ['the guard from a site adapter', 'lib/sites/gmail/fence.ts', "export { startGuard } from '@/lib/guard';\n"],
    ['the guard from a site, by a relative path', 'lib/sites/gmail/fence.ts', "export * from '@/guard/gate';\n"],
    ['a component from the guard', 'lib/guard/fence.ts', "export { Notice } from '@/components/Notice/notice';\n"],
    [
      'the in-page views from the guard',
      'lib/guard/fence.ts',
      "export { createGuardUi } from '@/tests/content/guard-ui';\n",
    ],
    [
      'WXT’s browser from the DOM layer',
      'lib/dom/fence.ts',
      "import { browser } from 'wxt/browser';\nexport const id = browser.runtime.id;\n",
    ],
    [
      'the browser global from the guard',
      'lib/guard/fence.ts',
      'export const id = (): string => browser.runtime.id;\n',
    ],
    ['chrome from a pure library', 'lib/policy/fence.ts', 'export const id = (): string => chrome.runtime.id;\n'],
    [
      'the document from a pure library',
      'lib/verdict/fence.ts',
      'export const title = (): string => document.title;\n',
    ],
    ['the DOM layer from a pure library', 'lib/log/fence.ts', "export { isNode } from '@/tests/dom/realm';\n"],
    [
      'a site adapter from the DOM layer',
      'lib/dom/fence.ts',
      "export { gmailAdapter } from '@/lib/sites/gmail/adapter';\n",
    ],
    ['the database from a component', 'components/Fence/fence.ts', "export { MatterguardDb } from '@/lib/db/db';\n"],
    [
      'messaging from a component',
      'components/Fence/fence.ts',
      "export { sendMessage } from '@/lib/messaging/send-message';\n",
    ],
    ['Dexie from the background', 'entrypoints/background/fence.ts', "export { default } from 'dexie';\n"],
    ['the database from a content script', 'lib/content/fence.ts', "export { MatterguardDb } from '@/lib/db/db';\n"],
    ['a site adapter from the catalog', 'lib/sites/gmail/site.ts', "export { gmailAdapter } from './adapter';\n"],
    ['Preact in the guard', 'lib/guard/fence.ts', "export { render } from 'preact';\n"],
    ['test code from the protocol', 'lib/protocol/fence.ts', "export * from '@/tests/helpers/entry';\n"],
  ])('rejects %s', async (_, filePath, code) => {
    expect(await fenceErrors(filePath, code)).toEqual([expect.stringMatching(/may not/)]);
  });

  it.each([
    [
      'a site adapter importing the DOM layer and pure code',
      'lib/sites/gmail/fence.ts',
      "export { isNode } from '@/dom/realm';\nexport type { Level } from '@/lib/match/types';\n",
    ],
    [
      'a pure library reading the site catalog',
      'lib/policy/fence.ts',
      "export { SITE_IDS } from '@/tests/sites/catalog';\n",
    ],
    ['the guard reading the page', 'lib/guard/fence.ts', 'export const title = (): string => document.title;\n'],
    [
      'the in-page views drawing components',
      'lib/content/fence.tsx',
      "export { Notice } from '@/components/Notice/notice';\n",
    ],
    ['the database using Dexie', 'lib/db/fence.ts', "export { default } from 'dexie';\n"],
    [
      'the background opening the database',
      'entrypoints/background/fence.ts',
      "export { MatterguardDb } from '@/lib/db/db';\n",
    ],
  ])('allows %s', async (_, filePath, code) => {
    expect(await fenceErrors(filePath, code)).toEqual([]);
  });
});
