import { defineConfig } from 'vitest/config';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one fork per core but one, so a 2-core machine ran the suite in
    // a single fork (532 s); most tests wait on child processes (goesc, go), and two forks
    // keep both cores busy (424 s on the same machine under heavier load).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // The CLI's result cache goes to a folder of the test run, not the user's ~/.cache; a
    // resident goesc that the tests' runs start (src/cli/daemon.ts) leaves soon after them.
    env: { GOESC_CACHE: join(tmpdir(), `goesc-test-cache-${process.pid}`), GOESC_DAEMON_IDLE: '30' },
  },
});
