import { defineConfig } from 'vitest/config';

/** Browser tests: build the demo site, serve it on 127.0.0.1, drive Debian's Chromium. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    // One browser at a time keeps the run light and screenshots deterministic.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
