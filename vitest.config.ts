import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/faults/**', 'test/e2e/**', 'test/vscode/**', 'node_modules/**'],
    // A TMPDIR of the run's own, removed at its end (test/setup/ownTmpdir.ts).
    globalSetup: ['test/setup/ownTmpdir.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Real-machine suites spawn go and gopls; two cores do not like many at once.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
