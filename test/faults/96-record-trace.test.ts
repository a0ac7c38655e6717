// Issue 9 finding 13: `--record-trace` ran outside `--timeout-ms` (it waited 15.7 s for
// initialize under --timeout-ms 1000) and a failed recording left an empty temp directory. Now
// everything but the hold fits in --timeout-ms, and a recording that wrote nothing is removed.
import { mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, pidsWithMarker, removeTree, runDoctorCli, summarize, tempDir, userEnv, writeSmallModule } from './lib/harness.js';

const STANDIN = path.join(REPO, 'test', 'fixtures', 'hostile', 'gopls-standin.cjs');
const TIMEOUT_MS = 1000;
const HOLD_S = 1;
/** Node's start-up and the write of the report: the deadline covers the run, not the interpreter. */
const STARTUP_SLACK_MS = 5000;

describe('--record-trace under --timeout-ms', () => {
  it('a gopls that never answers initialize: the run ends within hold + timeout, no temp dir is left', async () => {
    const dir = tempDir('record-trace');
    const marker = path.basename(dir);
    try {
      const bin = path.join(dir, 'bin');
      mkdirSync(bin);
      symlinkSync(STANDIN, path.join(bin, 'gopls-hang-before-init'));
      const tmp = path.join(dir, 'tmp');
      mkdirSync(tmp);
      const ws = writeSmallModule(path.join(dir, 'ws'));
      const run = await runDoctorCli({ workspaces: [ws], env: userEnv({ TMPDIR: tmp }), cwd: ws, gopls: path.join(bin, 'gopls-hang-before-init'), timeoutMs: TIMEOUT_MS, extra: ['--record-trace', String(HOLD_S)], killAfterMs: 60_000 });
      console.log(`[record-trace] ${Math.round(run.wallMs)} ms; ${summarize(run)}`);
      expect(run.report, summarize(run)).toBeDefined();
      expect(run.wallMs).toBeLessThan(HOLD_S * 1000 + TIMEOUT_MS + STARTUP_SLACK_MS);
      const rec = run.report!.probes.find((p) => p.id === 'record-trace');
      expect(rec?.status).toBe('skipped');
      expect(rec?.reason).toMatch(/gopls wrote no trace/);
      expect(readdirSync(tmp).filter((n) => n.startsWith('go-env-doctor-trace-'))).toEqual([]);
      expect(pidsWithMarker(marker)).toEqual([]);
    } finally {
      removeTree(dir);
    }
  });
});
