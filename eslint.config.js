import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Layers (docs/design.md#architecture, ARCHITECTURE.md#layers): what a file may import is known from its path. */
const PURE_LIBS = ['lib/match/**', 'lib/watchlist/**', 'lib/log/**', 'lib/policy/**', 'lib/gate/**'];

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: PURE_LIBS.map((p) => `${p.replace('/**', '')}/**/*.{ts,tsx}`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/platform/**', '@/lib/platform/**'],
              message: 'Pure lib/ code must not touch browser APIs (lib/platform).',
            },
            {
              group: ['wxt/**', 'webextension-polyfill', 'dexie', '#imports'],
              message: 'Pure lib/ code must not use extension APIs.',
            },
            {
              group: ['**/sites/**', '**/components/**', '**/entrypoints/**', '**/dom/**', '**/guard/**'],
              message: 'Pure lib/ code must not depend on DOM layers.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'chrome', 'browser', 'navigator', 'localStorage'],
    },
  },
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
