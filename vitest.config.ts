import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    // Pure lib/ tests run in Node; DOM tests opt in with `// @vitest-environment happy-dom`.
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
    globals: true,
    restoreMocks: true,
  },
});
