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
    { file: 'lib/match/fence.ts', code: "import Dexie from 'dexie';", error: 'pure may not use dexie' },
    {
      file: 'lib/sites/gmail/fence.ts',
      code: "export { startGuard } from '@/lib/guard';",
      error: 'sites may not import guard',
    },
    {
      file: 'lib/sites/gmail/fence.ts',
      code: "export * from '../../guard/gate';",
      error: 'sites may not import guard',
    },
    {
      file: 'lib/guard/fence.ts',
      code: "export { Notice } from '@/components/Notice/notice';",
      error: 'guard may not import components',
    },
    {
      file: 'lib/guard/fence.ts',
      code: "export { createGuardUi } from '../content/guard-ui';",
      error: 'guard may not import content',
    },
    { file: 'lib/guard/fence.ts', code: "export { render } from 'preact';", error: 'guard may not use preact' },
    {
      file: 'lib/guard/fence.ts',
      code: 'export const id = (): string => browser.runtime.id;',
      error: 'guard may not use `browser`',
    },
    { file: 'lib/dom/fence.ts', code: "export { browser } from 'wxt/browser';", error: 'dom may not use browser' },
    {
      file: 'lib/dom/fence.ts',
      code: "export { gmailAdapter } from '@/lib/sites/gmail/adapter';",
      error: 'dom may not import sites',
    },
    {
      file: 'lib/policy/fence.ts',
      code: 'export const id = (): string => chrome.runtime.id;',
      error: 'pure may not use `chrome`',
    },
    {
      file: 'lib/verdict/fence.ts',
      code: 'export const title = (): string => document.title;',
      error: 'pure may not use `document`',
    },
    { file: 'lib/log/fence.ts', code: "export { isNode } from '../dom/realm';", error: 'pure may not import dom' },
    {
      file: 'lib/protocol/fence.ts',
      code: "export * from '../../tests/helpers/guard';",
      error: 'protocol may not import',
    },
    {
      file: 'lib/sites/gmail/site.ts',
      code: "export { gmailAdapter } from './adapter';",
      error: 'catalog may not import sites',
    },
    {
      file: 'components/Fence/fence.ts',
      code: "export { MatterguardDb } from '@/lib/db/db';",
      error: 'components may not import db',
    },
    {
      file: 'components/Fence/fence.ts',
      code: "export { sendMessage } from '@/lib/messaging/send-message';",
      error: 'components may not import messaging',
    },
    {
      file: 'lib/content/fence.ts',
      code: "export { MatterguardDb } from '@/lib/db/db';",
      error: 'content may not import db',
    },
    {
      file: 'entrypoints/background/fence.ts',
      code: "export { default } from 'dexie';",
      error: 'background may not use dexie',
    },
  ])('$file: $error', async ({ file, code, error }) => {
    expect(await fenceErrors(file, code)).toEqual([expect.stringContaining(error)]);
  });

  it.each([
    [
      'a site adapter importing the DOM layer and pure code',
      'lib/sites/gmail/fence.ts',
      "export { isNode } from '../../dom/realm';\nexport type { Level } from '@/lib/match/types';\n",
    ],
    [
      'a pure library reading the site catalog',
      'lib/policy/fence.ts',
      "export { SITE_IDS } from '../sites/catalog';\n",
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
