import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { createLayerRule } from './scripts/lint/layers.js';

/**
 * The layers, top to bottom (ARCHITECTURE.md#layers): what a file may import is known from its path.
 * This table is the one place the order is written. A layer may import itself and the layers in
 * its `uses`, and only the `packages` groups listed (other packages, zod or papaparse, are for
 * all). `browser` marks the layers that may reach extension APIs, `dom` those that run in a page.
 *
 *   entrypoints: background · pages (options, popup) · content scripts
 *   → content (start, message backend, UI host, in-page views) / components → connectors
 *   → guard (the in-page engine) → sites → dom
 *   → messaging · storage · permissions · db (the doors to browser.* and IndexedDB)
 *   → protocol → pure libraries (match, watchlist, log, policy, verdict) → the site catalog
 *
 * Files in no layer (tests/, scripts/, the root configs) may import anything.
 */
const PURE = ['pure', 'catalog'];
const LAYERS = [
  {
    name: 'background',
    files: ['entrypoints/background/**'],
    uses: ['messaging', 'storage', 'permissions', 'db', 'protocol', ...PURE],
    packages: ['browser'],
    browser: true,
  },
  {
    name: 'content scripts',
    files: ['entrypoints/*.content/**'],
    uses: ['content', ...PURE],
    packages: ['browser'],
    browser: true,
    dom: true,
  },
  {
    name: 'pages',
    files: ['entrypoints/**'],
    uses: ['components', 'connectors', 'protocol', ...PURE],
    packages: ['browser', 'preact'],
    browser: true,
    dom: true,
  },
  {
    name: 'content',
    files: ['lib/content/**'],
    uses: ['components', 'guard', 'sites', 'dom', 'messaging', 'protocol', ...PURE],
    packages: ['browser', 'preact'],
    browser: true,
    dom: true,
  },
  // Components reach the background only through a connector: its types here, the page passes one.
  {
    name: 'components',
    files: ['components/**'],
    uses: ['connectors', 'protocol', ...PURE],
    packages: ['preact'],
    dom: true,
  },
  {
    name: 'connectors',
    files: ['lib/connectors/**'],
    uses: ['messaging', 'permissions', 'db', 'protocol', ...PURE],
    packages: ['browser'],
    browser: true,
    dom: true,
  },
  { name: 'guard', files: ['lib/guard/**'], uses: ['sites', 'dom', 'protocol', ...PURE], dom: true },
  // Before `sites`: the plain data of lib/sites, readable by every layer, importing nothing else.
  { name: 'catalog', files: ['lib/sites/catalog.ts', 'lib/sites/hosts.ts', 'lib/sites/*/site.ts'], uses: [] },
  { name: 'sites', files: ['lib/sites/**'], uses: ['dom', ...PURE], dom: true },
  { name: 'dom', files: ['lib/dom/**'], uses: PURE, dom: true },
  { name: 'messaging', files: ['lib/messaging/**'], uses: ['protocol', ...PURE], packages: ['browser'], browser: true },
  { name: 'storage', files: ['lib/storage/**'], uses: ['protocol', ...PURE], packages: ['browser'], browser: true },
  { name: 'permissions', files: ['lib/permissions/**'], uses: [], packages: ['browser'], browser: true },
  { name: 'db', files: ['lib/db/**'], uses: ['protocol', ...PURE], packages: ['dexie'] },
  { name: 'protocol', files: ['lib/protocol/**'], uses: PURE },
  {
    name: 'pure',
    files: ['lib/match/**', 'lib/watchlist/**', 'lib/log/**', 'lib/policy/**', 'lib/verdict/**'],
    uses: ['catalog'],
  },
  { name: 'cli', files: ['cli/**'], uses: PURE, packages: ['node'] },
];

/** Packages only the layers that list them may import. */
const PACKAGES = {
  browser: ['wxt', 'wxt/*', '#imports', 'webextension-polyfill', '@wxt-dev/*'],
  dexie: ['dexie', 'dexie/*'],
  preact: ['preact', 'preact/*', '@preact/*'],
  node: ['node:*'],
};

/** Globals a layer without `browser` (or `dom`) may not name; WXT declares `browser` everywhere. */
const BROWSER_GLOBALS = ['browser', 'chrome'];
const DOM_GLOBALS = ['window', 'document', 'localStorage', 'sessionStorage'];

/** The layer's files, less those an earlier (more specific) layer claims. */
function layerFiles(layer) {
  const earlier = LAYERS.slice(0, LAYERS.indexOf(layer)).flatMap((l) => l.files);
  return { files: layer.files.map((f) => (f.endsWith('**') ? `${f}/*.{ts,tsx}` : f)), ignores: earlier };
}

const layerGlobals = LAYERS.map((layer) => {
  const banned = [...(layer.browser ? [] : BROWSER_GLOBALS), ...(layer.dom ? [] : DOM_GLOBALS)];
  return {
    ...layerFiles(layer),
    rules: {
      'no-restricted-globals': [
        'error',
        ...banned.map((name) => ({
          name,
          message: `${layer.name} may not use \`${name}\`: see LAYERS in eslint.config.js.`,
        })),
      ],
    },
  };
});

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { matterguard: { rules: { layers: createLayerRule({ layers: LAYERS, packages: PACKAGES }) } } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'matterguard/layers': 'error',
    },
  },
  ...layerGlobals,
  {
    files: ['**/*.{js,mjs}', 'scripts/**', 'bin/**'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
  {
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
