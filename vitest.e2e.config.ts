import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the built extension (.output/chrome-mv3) in real Chromium against fixture
 * pages (run through `npm run test:e2e`, which builds first). One browser per file, files one
 * at a time: the machine has 2 cores and Chromium wants both.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    // A failed test leaves its page behind for the next; retrying hides flakiness, so don't.
    retry: 0,
  },
});
