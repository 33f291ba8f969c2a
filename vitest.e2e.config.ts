import { defineConfig } from 'vitest/config';

// End-to-end tests: the built app in browser mode, driven by Playwright in Chromium. One file at
// a time (each starts its own server and browser; two cores would only make them compete), with
// timeouts sized for a cold Chromium on a slow CI machine, not for the usual second.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/harness/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
