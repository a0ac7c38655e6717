// Hostile paths: workspaces, GOPATHs, GOTMPDIRs and a gopls path whose names hold spaces, quotes,
// $(…), backticks, ';', newlines, a leading dash and non-UTF-8 bytes. They must reach every child
// as data: a shell anywhere on the way would create the "pwned" file.
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, GO, GOPLS, NODE, removeTree, runCmd, runDoctorCli, summarize, tempDir, userEnv, writeSmallModule } from './lib/harness.js';

describe('hostile paths', () => {
  it('names with shell syntax reach go, gopls and the canary as data, and the report names them', async () => {
    const dir = tempDir('paths');
    // Outside dir: the names below contain this path, so mkdir makes directories along it.
    const pwned = `${dir}-PWNED`;
    const names = [
      'with space',
      `it's "quoted"`,
      `$(touch ${pwned})`,
      `\`touch ${pwned}\``,
      `semi;touch ${pwned};x`,
      `new\nline`,
      `amp & touch ${pwned} | cat`,
      '$HOME *glob? [x]',
      '-leading-dash',
    ];
    try {
      for (const name of names) {
        const base = path.join(dir, name);
        mkdirSync(base, { recursive: true });
        const ws = writeSmallModule(path.join(base, `ws ${name}`));
        const gopath = path.join(base, `gopath ${name}`);
        const gotmp = path.join(base, `gotmp ${name}`);
        mkdirSync(gotmp, { recursive: true });
        const goplsBin = path.join(base, `bin ${name}`);
        mkdirSync(goplsBin, { recursive: true });
        symlinkSync(GOPLS, path.join(goplsBin, 'gopls'));
        const env = userEnv({ GOPATH: gopath, GOTMPDIR: gotmp, GOFLAGS: undefined });
        const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, gopls: path.join(goplsBin, 'gopls'), timeoutMs: 15_000 });
        console.log(`[hostile path ${JSON.stringify(name)}] ${summarize(run).split('\n')[0]}`);
        expect(existsSync(pwned), `pwned by ${JSON.stringify(name)}`).toBe(false);
        expect(run.report, summarize(run)).toBeDefined();
        expect(run.code, summarize(run)).not.toBe(3);
        expect(run.report!.workspaces).toContain(ws);
        // The probes looked at the hostile GOTMPDIR and GOPATH themselves (observed values).
        const whole = JSON.stringify(run.report);
        expect(whole).toContain(JSON.stringify(gotmp).slice(1, -1));
        expect(whole).toContain(JSON.stringify(gopath).slice(1, -1));
        expect(run.report!.probes.filter((p) => p.status === 'crashed').map((p) => `${p.id}: ${p.reason}`)).toEqual([]);
        // The healthy module under a strange name is still healthy: no error because of the name,
        // unless go itself refuses the name (a CR or LF anywhere in a package directory's path:
        // "invalid package directory"), which is then the one error, asked of the real go here.
        const vet = await runCmd(GO, ['list', './...'], { cwd: ws, env });
        const goRefuses = vet.code !== 0 && /invalid package directory/.test(vet.stderr);
        expect(run.report!.causes.filter((c) => c.severity === 'error').map((c) => c.id), summarize(run)).toEqual(goRefuses ? ['module-resolution'] : []);
        if (goRefuses) expect(JSON.stringify(run.report!.causes[0]!.findings)).toContain('holds a line break');
      }
    } finally {
      removeTree(dir);
    }
    expect(existsSync(pwned)).toBe(false);
  });

  it('non-UTF-8 bytes in GOPATH and in the workspace name: no crash, no shell, a clear answer', async () => {
    const dir = tempDir('bytes');
    const pwned = `${dir}-PWNED`;
    const ws = writeSmallModule(path.join(dir, 'ws'));
    // printf %b turns \377 into the byte 0xff: the names are made by a constant script, the bytes
    // arrive in the doctor's environment and argv exactly as a Latin-1 file system would give them.
    const rawGopath = `${dir}/gopath-\\377\\376-$(touch ${pwned})`;
    const rawWs = `${dir}/ws-\\377-bad`;
    try {
      const mk = await runCmd('/bin/sh', ['-c', 'mkdir -p "$(printf %b "$1")" && cp -r "$2/." "$(printf %b "$1")/"', 'sh', rawWs, ws]);
      expect(mk.code, mk.stderr).toBe(0);
      const script = 'GOPATH="$(printf %b "$1")"; export GOPATH; ws="$(printf %b "$2")"; shift 2; exec "$@" --workspace "$ws"';
      const viaGopath = await runCmd('/bin/sh', ['-c', script, 'sh', rawGopath, ws, NODE, CLI, 'diagnose', '--json'], { cwd: ws, env: userEnv() });
      expect(existsSync(pwned)).toBe(false);
      expect(viaGopath.stderr).not.toContain('internal error');
      expect(viaGopath.code, viaGopath.stderr).not.toBe(3);
      const rep = JSON.parse(viaGopath.stdout) as { probes: Array<{ id: string; status: string; reason?: string }> };
      expect(rep.probes.filter((p) => p.status === 'crashed').map((p) => `${p.id}: ${p.reason}`)).toEqual([]);

      const viaWs = await runCmd('/bin/sh', ['-c', script, 'sh', `${dir}/gopath`, rawWs, NODE, CLI, 'diagnose', '--json'], { cwd: ws, env: userEnv() });
      console.log(`[hostile bytes] GOPATH run exit ${viaGopath.code}; workspace run exit ${viaWs.code}: ${viaWs.stderr.trim().slice(0, 300)}`);
      expect(viaWs.stderr).not.toContain('internal error');
      // Node decodes argv as UTF-8, so the 0xff byte becomes U+FFFD and the directory cannot be
      // named: the doctor must say so (exit 3, the path in the message) rather than crash.
      if (viaWs.code === 3) expect(viaWs.stderr).toMatch(/--workspace .*ws-.*bad.* is not a readable directory/);
      else expect(JSON.parse(viaWs.stdout).schemaVersion).toBe(1);
    } finally {
      removeTree(dir);
    }
    expect(existsSync(pwned)).toBe(false);
  });
});
