// A tester's S18 and S25: the RLIMIT_NPROC fix (`* soft/hard nproc 65536` in limits.d) changed
// nothing, because pam_limits lets a line naming the user win over `*` lines. Here the limit comes
// from pam_limits for real: a limits.d line, a login session opened by `runuser -l` (which runs
// pam_limits), the doctor inside it; the fix is typed as printed by a root shell, and a new session
// must then have the limit raised, with the doctor quiet about it. The account is `games` where it
// exists: RLIMIT_NPROC counts every task of the user, and nobody runs other scenarios' processes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOROOT_BIN, chownTree, forOthers, removeTree, runCmd, tempDir, writeSmallModule, type Report } from './lib/harness.js';

const LIMITS_D = '/etc/security/limits.d';
const passwd = readFileSync('/etc/passwd', 'utf8');
const USER = /^games:/m.test(passwd) ? 'games' : 'nobody';
const ids = /^[^:]+:[^:]*:(\d+):(\d+):/m.exec(passwd.split('\n').find((l) => l.startsWith(`${USER}:`)) ?? '');
const owner = { uid: Number(ids?.[1]), gid: Number(ids?.[2]) };
const pamLimits = existsSync('/etc/pam.d/runuser') && /pam_limits/.test(readFileSync('/etc/pam.d/runuser', 'utf8'));
const canRun = process.getuid?.() === 0 && pamLimits && ids !== null;

/** A command in a new login session of USER (pam_limits applied), with a shell whatever the account's is. */
function inSession(command: string): string[] {
  return ['runuser', '-l', USER, '-s', '/bin/bash', '-c', command];
}

async function doctorInSession(dir: string, ws: string): Promise<Report> {
  // The checkout may sit where USER cannot reach it (CI clones into a mode-700 mktemp directory):
  // the CLI and gopls are run from the copy the harness makes for other users.
  const { cli, goplsDir } = forOthers();
  const env = `export HOME=${dir}/home PATH=${GOROOT_BIN}:${goplsDir}:/usr/bin:/bin; cd ${ws}`;
  const [file, ...args] = inSession(`${env}; exec node ${cli} diagnose --workspace . --json`);
  const r = await runCmd(file!, args, { killAfterMs: 60_000 });
  try {
    return JSON.parse(r.stdout) as Report;
  } catch {
    throw new Error(`no report from the doctor in ${USER}'s session (exit ${r.code}): ${r.stderr.slice(0, 600)}`);
  }
}

function sessionLimit(): string {
  const [file, ...args] = inSession('ulimit -u');
  return execFileSync(file!, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

describe.skipIf(!canRun)(`fault: RLIMIT_NPROC 12 for ${USER} from pam_limits, and the offered fix`, () => {
  it.each([
    ['a line naming the user', `${USER} hard nproc 12`, 'changed in place'],
    ['a wildcard line', '* hard nproc 12', 'a file naming the user'],
  ])('%s: the printed fix raises the limit of the next session, and the doctor is quiet then', async (_what, line) => {
    const before = readdirSync(LIMITS_D).sort();
    const fault = path.join(LIMITS_D, '50-ged-fault-nproc.conf');
    const dir = tempDir('limits-conf');
    try {
      const ws = writeSmallModule(path.join(dir, 'ws'));
      mkdirSync(path.join(dir, 'home'));
      chownTree(dir, owner);
      writeFileSync(fault, `${line}\n`);
      expect(sessionLimit()).toBe('12');

      const report = await doctorInSession(dir, ws);
      const limits = report.causes.find((c) => c.id === 'process-limit');
      expect(limits, JSON.stringify(report.causes.map((c) => c.id))).toBeDefined();
      const fix = limits!.fixes.find((f) => f.id === `rlimit-raise-nproc:${USER}`) as { text: string; detail: string } | undefined;
      expect(fix, JSON.stringify(limits!.fixes)).toBeDefined();
      expect(fix!.detail).toMatch(/next login/);
      if (line.startsWith(USER)) expect(fix!.text).toContain(fault);
      else expect(fix!.text).toContain(`'${USER} soft nproc `);

      // Typed as printed, by a root shell.
      execFileSync('/bin/sh', ['-c', fix!.text]);
      expect(Number(sessionLimit())).toBeGreaterThanOrEqual(4096);
      const after = await doctorInSession(dir, ws);
      expect(after.causes.map((c) => c.id)).not.toContain('process-limit');
    } finally {
      // Restore limits.d exactly: the fault's file and any file the fix wrote.
      for (const f of readdirSync(LIMITS_D)) if (!before.includes(f)) rmSync(path.join(LIMITS_D, f), { force: true });
      removeTree(dir);
    }
    expect(readdirSync(LIMITS_D).sort()).toEqual(before);
    expect(sessionLimit()).not.toBe('12');
  }, 180_000);
});
