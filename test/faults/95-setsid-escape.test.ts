// Issue 9 finding 9: a gopls stand-in that runs `setsid sleep 1000` (for `gopls version` and for
// `gopls serve`) puts that sleep in a session of its own, out of reach of the process-group kill.
// Before, it survived the run. Now every child carries the run's marker in its environment
// (GO_ENV_DOCTOR_PROBE=<cli pid>.<random>) and whatever still carries it after the run is killed.
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, removeTree, runDoctorCli, sleep, summarize, tempDir, userEnv, writeSmallModule } from './lib/harness.js';

const STANDIN = path.join(REPO, 'test', 'fixtures', 'hostile', 'gopls-standin.cjs');

function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Every live process whose environment holds a marker of the run of the CLI with this pid. */
function pidsWithRunMarker(cliPid: number): number[] {
  const needle = `GO_ENV_DOCTOR_PROBE=${cliPid}.`;
  return readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'latin1').includes(needle) && alive(pid);
      } catch {
        return false;
      }
    });
}

describe('a descendant that escapes the process group with setsid', () => {
  it('is found by the run marker and killed: nothing with the marker survives the run', async () => {
    const dir = tempDir('setsid');
    const pidfile = path.join(dir, 'escapees.pid');
    const bin = path.join(dir, 'bin');
    mkdirSync(bin);
    symlinkSync(STANDIN, path.join(bin, 'gopls-setsid-escape'));
    const ws = writeSmallModule(path.join(dir, 'ws'));
    let escapees: number[] = [];
    try {
      const run = await runDoctorCli({ workspaces: [ws], env: userEnv({ GED_STANDIN_PIDFILE: pidfile }), cwd: ws, gopls: path.join(bin, 'gopls-setsid-escape'), timeoutMs: 6000 });
      console.log(`[setsid] ${summarize(run)}`);
      expect(run.report, summarize(run)).toBeDefined();
      expect(existsSync(pidfile), 'the stand-in ran and started its escapee').toBe(true);
      escapees = readFileSync(pidfile, 'utf8').split('\n').filter(Boolean).map(Number);
      expect(escapees.length).toBeGreaterThan(0);
      // SIGKILL is delivered at once; give the reaper a moment.
      for (let i = 0; i < 20 && escapees.some(alive); i++) await sleep(100);
      expect(escapees.filter(alive), 'escaped sleep still running').toEqual([]);
      expect(pidsWithRunMarker(run.pid!)).toEqual([]);
    } finally {
      for (const pid of escapees) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
      removeTree(dir);
    }
  });
});
