// Hostile gopls stand-ins (test/fixtures/hostile/gopls-standin.cjs) given with --gopls: the report
// still arrives within --timeout-ms, and no process of theirs survives it (a marker in the temp
// dir's name is searched for in every /proc/*/cmdline).
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, pidsWithMarker, removeTree, runDoctorCli, sleep, summarize, tempDir, userEnv, writeSmallModule } from './lib/harness.js';

const STANDIN = path.join(REPO, 'test', 'fixtures', 'hostile', 'gopls-standin.cjs');
const MODES = ['hang-before-init', 'hang-after-init', 'garbage-stdout', 'flood-stderr', 'exit-mid-handshake', 'fork-and-exit'] as const;
const TIMEOUT_MS = 6000;
/** Node's own start and the JSON write: the deadline covers the run, not the interpreter. */
const STARTUP_SLACK_MS = 4000;

describe('hostile gopls processes', () => {
  for (const mode of MODES) {
    it(`${mode}: a report within the deadline, gopls-launch named, no survivor`, async () => {
      const dir = tempDir(`hostile-${mode}`);
      const marker = path.basename(dir);
      const bin = path.join(dir, 'bin');
      mkdirSync(bin);
      symlinkSync(STANDIN, path.join(bin, `gopls-${mode}`));
      symlinkSync(STANDIN, path.join(bin, 'gopls-child'));
      const ws = writeSmallModule(path.join(dir, 'ws'));
      try {
        const gopls = path.join(bin, `gopls-${mode}`);
        const run = await runDoctorCli({ workspaces: [ws], env: userEnv(), cwd: ws, gopls, timeoutMs: TIMEOUT_MS, keepBytes: 8 * 1024 * 1024 });
        console.log(`[hostile ${mode}] ${Math.round(run.wallMs)} ms; ${summarize(run)}`);
        expect(run.report, summarize(run)).toBeDefined();
        expect(run.wallMs).toBeLessThan(TIMEOUT_MS + STARTUP_SLACK_MS);
        expect(run.code).not.toBe(3);
        const launch = run.report!.causes.find((c) => c.id === 'gopls-launch');
        // A server that answers initialize and then ignores everything is not (yet) a launch
        // failure for the doctor: that one only has to come back in time and leave nothing behind.
        if (mode !== 'hang-after-init') {
          expect(launch, summarize(run)).toBeDefined();
          expect(JSON.stringify(launch)).toContain(gopls);
        }
        // Give the kernel a moment to reap, then nothing of ours may be left.
        let left = pidsWithMarker(marker);
        for (let i = 0; i < 20 && left.length; i++) {
          await sleep(100);
          left = pidsWithMarker(marker);
        }
        expect(left, `survivors of ${mode}`).toEqual([]);
      } finally {
        for (const pid of pidsWithMarker(marker)) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            /* gone */
          }
        }
        removeTree(dir);
      }
    });
  }
});
