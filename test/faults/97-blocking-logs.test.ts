// Issue 9 finding 8: `--gopls-log` naming a symlink to /proc/kmsg (a "regular file" whose read
// blocks) or a FIFO with no writer. Before, the report came at the deadline and the process then
// stayed alive on a blocked read in libuv's pool until it was killed. Now the log is refused from
// its opened descriptor with a reason, and the CLI exits by itself.
import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeTree, runDoctorCli, tempDir, userEnv, writeSmallModule } from './lib/harness.js';

const CASES = [
  { name: 'a symlink to /proc/kmsg', make: (p: string) => symlinkSync('/proc/kmsg', p), reason: /kernel interface on proc/ },
  { name: 'a FIFO with no writer', make: (p: string) => execFileSync('mkfifo', [p]), reason: /a FIFO, not a regular file/ },
] as const;

describe('a --gopls-log whose read would block', () => {
  for (const c of CASES) {
    it(`${c.name}: refused with a reason, and the CLI exits by itself`, async () => {
      const dir = tempDir('blocking-log');
      try {
        const ws = writeSmallModule(path.join(dir, 'ws'));
        const log = path.join(dir, 'gopls.log');
        c.make(log);
        // The harness SIGKILLs the group after killAfterMs: a run that ends by that signal hung.
        const run = await runDoctorCli({ workspaces: [ws], env: userEnv(), cwd: ws, format: 'text', timeoutMs: 2000, extra: ['--gopls-log', log], killAfterMs: 30_000 });
        expect(run.signal, `killed: ${run.stderr}`).toBeNull();
        expect(run.code).toBe(3);
        expect(run.stderr).toContain(log);
        expect(run.stderr).toMatch(c.reason);
      } finally {
        removeTree(dir);
      }
    });
  }
});
