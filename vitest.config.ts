import { defineConfig } from 'vitest/config';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The CLI's result cache goes to a folder of the test run, not the user's ~/.cache.
    env: { GOESC_CACHE: join(tmpdir(), `goesc-test-cache-${process.pid}`) },
  },
});
