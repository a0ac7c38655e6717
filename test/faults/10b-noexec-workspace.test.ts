// noexec-mount, the workspace's own mount: a tmpfs mounted noexec holding the module. go build, go
// test, go run and gopls work (test and run binaries go to GOTMPDIR), but the program go build
// writes into the folder cannot be started: `./prog: Permission denied` (explore3 item 08, where
// the doctor said nothing). Information, not a warning: the remount is offered as a root line, and,
// typed as printed, lets the program run and the note go away.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO, isMountPoint, mountTmpfs, removeTree, runCmd, runDoctorCli, summarize, tempDir, unmountVerified, userEnv, writeSmallModule, type DoctorRun } from './lib/harness.js';

const noteOf = (run: DoctorRun, ws: string) =>
  run.report?.causes.find((c) => c.id === 'noexec-mount')?.findings.find((f) => f.message.startsWith(`The workspace ${ws} `));

describe('fault: the workspace on a noexec mount', () => {
  // The workspace as the mount point itself and below it; the tester's nodev,nosuid,noexec and noexec alone.
  it.each([
    { sub: 'ws', options: 'size=64m,nodev,nosuid,noexec' },
    { sub: '', options: 'size=16m,noexec' },
  ])('workspace at mount/$sub, -o $options: the built program is refused, and the doctor notes the mount (info)', async ({ sub, options }) => {
    const dir = tempDir('noexec-ws');
    const mnt = path.join(dir, 'mnt');
    mkdirSync(mnt);
    try {
      await mountTmpfs(mnt, options);
      const ws = writeSmallModule(sub ? path.join(mnt, sub) : mnt);
      const env = userEnv();
      // The symptom: go build and go test work, the program built here does not start.
      expect((await runCmd(GO, ['build', '-o', 'prog', '.'], { cwd: ws, env })).code).toBe(0);
      expect((await runCmd(GO, ['test', './...'], { cwd: ws, env })).code).toBe(0);
      const started = await runCmd('bash', ['-c', './prog'], { cwd: ws, env });
      expect(started.code).toBe(126);
      expect(started.stderr).toMatch(/\.\/prog: Permission denied/);

      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
      console.log(`[noexec-workspace] ${summarize(run)}`);
      const note = noteOf(run, ws);
      expect(note, summarize(run)).toBeDefined();
      expect(note!.severity).toBe('info');
      expect(note!.evidence.some((e) => e.source === '/proc/self/mountinfo' && e.excerpt.includes(` ${mnt} `) && /noexec/.test(e.excerpt))).toBe(true);
      // Nothing here is an error: the build works (the machine's other notes are not this fault's).
      expect(run.report!.causes.filter((c) => c.id === 'noexec-mount' || c.severity === 'error').map((c) => `${c.id}/${c.severity}`)).toEqual(['noexec-mount/info']);
      const cause = run.report!.causes.find((c) => c.id === 'noexec-mount')!;
      const fix = cause.fixes.find((f) => f.id === 'workspace-remount-exec') as { kind: string; text?: string } | undefined;
      // As root the line is typed bare (test/faults/10a-root-fix-text.test.ts).
      expect(fix).toMatchObject({ kind: 'terminal', text: `mount -o remount,exec ${mnt}` });

      // Typed as printed: the program runs, and the note is gone.
      const applied = await runCmd('bash', ['-c', fix!.text!], { cwd: ws, env });
      expect(applied.code, applied.stderr).toBe(0);
      expect((await runCmd('bash', ['-c', './prog'], { cwd: ws, env })).stdout).toBe('hello\n');
      const after = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
      expect(after.report, summarize(after)).toBeDefined();
      expect(noteOf(after, ws)).toBeUndefined();
    } finally {
      await unmountVerified(mnt);
      removeTree(dir);
    }
    expect(isMountPoint(mnt)).toBe(false);
  });
});
