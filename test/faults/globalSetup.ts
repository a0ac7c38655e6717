// The fault run's own name, for what its workers share: the copy of the CLI and gopls that other
// users can reach (harness.ts forOthers), made once and removed here when the run ends. A run's
// workers inherit it from this process's environment; another run on the same machine has its own.
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export default function setup(): () => void {
  const run = `${process.pid}-${randomBytes(4).toString('hex')}`;
  process.env.GED_FAULT_RUN = run;
  return () => rmSync(path.join(os.tmpdir(), `ged-fault-for-others-${run}`), { recursive: true, force: true });
}
