// Each `vitest run` gets its own TMPDIR, removed when the run ends: the unit and real-machine
// suites make thousands of temporary trees (a workspace, a HOME, a fake Go root per case) and some
// are left by a test that fails or by a child killed at its deadline (gopls's crash reports, gcc's
// temporaries); before this, each run left about 6,000 entries in /tmp. Workers inherit TMPDIR
// from this process's environment, so os.tmpdir() in every test is the run's own directory.
// Mode 1777 as /tmp: the cases that run as another user (nobody) make their trees there too.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ged-test-'));
  chmodSync(dir, 0o1777);
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
