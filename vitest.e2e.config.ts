import { defineConfig } from 'vitest/config';

// The real-VS-Code suite: one code-server at a time (two cores; each run starts a server, an
// extension host, gopls and a Chromium), long timeouts for cold starts.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    // The run's own TMPDIR, removed at its end (code-server's IPC sockets, the extension's traces).
    globalSetup: ['test/setup/ownTmpdir.ts', 'test/e2e/globalSetup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    maxWorkers: 1,
    minWorkers: 1,
    pool: 'forks',
    retry: 0,
  },
});
