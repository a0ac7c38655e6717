// The untouched machine: run at the start and at the end of the suite. A false alarm (an
// error-severity cause on a healthy machine) is as much a failure as a missed fault.
import path from 'node:path';
import { expect, it } from 'vitest';
import { runDoctorCli, summarize, tempDir, userEnv, writeSmallModule, removeTree, GOPLS } from './harness.js';

export function baselineCase(when: 'start' | 'end'): void {
  it(`healthy machine at the ${when}: no error-severity cause, no probe crashed`, async () => {
    const dir = tempDir(`baseline-${when}`);
    try {
      const ws = writeSmallModule(path.join(dir, 'ws'));
      const run = await runDoctorCli({ workspaces: [ws], env: userEnv(), cwd: ws, timeoutMs: 15_000 });
      console.log(`[baseline-${when}] ${summarize(run)}`);
      expect(run.report, summarize(run)).toBeDefined();
      const rep = run.report!;
      expect(rep.schemaVersion).toBe(1);
      expect(rep.causes.filter((c) => c.severity === 'error').map((c) => c.id), summarize(run)).toEqual([]);
      expect(run.code, summarize(run)).not.toBe(2);
      expect(rep.probes.filter((p) => p.status === 'crashed' || p.status === 'timeout').map((p) => `${p.id}: ${p.reason}`)).toEqual([]);
      for (const p of rep.probes.filter((x) => x.status === 'skipped')) expect(p.reason, p.id).toBeTruthy();
      // The same with gopls named explicitly, as go.alternateTools would.
      const run2 = await runDoctorCli({ workspaces: [ws], env: userEnv(), gopls: GOPLS, cwd: ws, timeoutMs: 15_000 });
      expect(run2.report?.causes.filter((c) => c.severity === 'error').map((c) => c.id), summarize(run2)).toEqual([]);
    } finally {
      removeTree(dir);
    }
  });
}
