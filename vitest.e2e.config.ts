/**
 * Browser tests (e2e/*.e2e.ts). Run through `npm run test:e2e` (e2e/run.mjs), which builds if needed,
 * starts the built server on a free port with a fresh data directory and passes its URL in E2E_BASE_URL.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    // one browser at a time: the machine has two cores and the server shares them
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { TZ: 'UTC' },
  },
});
