import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // e2e files each start their own app + fake Slack on free ports and their own SQLite file,
    // so files can run in parallel; 2 workers fit the 2-core CI machine.
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
