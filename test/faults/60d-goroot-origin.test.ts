// A GOROOT that is not there, set in one of go's places: gopls's view error ("cannot find GOROOT
// directory") was read with the log rule's guess, "set by the environment the tools were started
// with, or by go.goroot", whichever place held it. Each scenario sets it for real, runs the doctor,
// checks that gopls's finding names the place, types the fix offered there, and re-runs.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO, removeTree, runCmd, runDoctorCli, summarize, tempDir, type DoctorRun } from './lib/harness.js';
import { privateEnv, type AnyFix } from './lib/appliedFixes.js';

/** The shared private environment, with a build cache of its own and no GOROOT unless a case sets one. */
const privateGorootEnv = (dir: string, over: NodeJS.ProcessEnv = {}) => privateEnv(dir, { GOCACHE: path.join(dir, 'cache'), GOROOT: undefined, ...over });

const goplsGorootFinding = (run: DoctorRun) => run.report?.causes.flatMap((c) => c.findings).find((f) => /^GOROOT points where there is no Go installation/.test(f.message));
const fixesOf = (run: DoctorRun): AnyFix[] => (run.report?.causes ?? []).flatMap((c) => c.fixes as AnyFix[]);

describe('fault: where the GOROOT gopls fails on was set', () => {
  it.each([
    ['/nonexistent/go', 'GOPROXY=off\n'],
    ['/opt/ged-fault-go-removed', ''],
  ])('GOROOT=%s in the go env file: named there, and go env -u (started with the real root) mends it', async (goroot, rest) => {
    const dir = tempDir('goroot-file');
    const ws = path.join(dir, 'ws');
    mkdirSync(ws);
    writeFileSync(path.join(ws, 'go.mod'), 'module example.com/gr\n\ngo 1.22\n');
    writeFileSync(path.join(ws, 'a.go'), 'package gr\n\nimport "fmt"\n\nfunc F() { fmt.Println() }\n');
    const env = privateGorootEnv(dir);
    try {
      writeFileSync(env.GOENV!, `${rest}GOROOT=${goroot}\n`);
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
      console.log(`[goroot: file ${goroot}] ${summarize(run)}`);
      const f = goplsGorootFinding(run);
      expect(f, summarize(run)).toBeDefined();
      expect(f!.message).toContain(`GOROOT=${goroot} is set in your go env file ${env.GOENV} at line ${rest ? 2 : 1}`);
      expect(f!.message).not.toContain('or by go.goroot');
      const fix = fixesOf(run).find((x) => x.id === 'go-env-unset-goroot');
      expect(fix).toMatchObject({ kind: 'terminal', text: 'GOROOT=/usr/local/go go env -u GOROOT' });
      expect((await runCmd('bash', ['-c', fix!.text!], { cwd: ws, env })).code).toBe(0);
      expect((await runCmd(GO, ['build', './...'], { cwd: ws, env })).code).toBe(0);
      const after = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
      expect(goplsGorootFinding(after), summarize(after)).toBeUndefined();
    } finally {
      removeTree(dir);
    }
  });

  it('GOROOT exported (no start-up file sets it): named as an export, not go.goroot; unset for the Go tools mends the editor', async () => {
    const dir = tempDir('goroot-env');
    const ws = path.join(dir, 'ws');
    mkdirSync(ws);
    writeFileSync(path.join(ws, 'go.mod'), 'module example.com/gr\n\ngo 1.22\n');
    writeFileSync(path.join(ws, 'a.go'), 'package gr\n');
    let env = privateGorootEnv(dir, { GOROOT: '/nonexistent/exported-go' });
    try {
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
      console.log(`[goroot: exported] ${summarize(run)}`);
      const f = goplsGorootFinding(run);
      expect(f, summarize(run)).toBeDefined();
      expect(f!.message).toContain('GOROOT=/nonexistent/exported-go is exported in the environment the tools were started with, not set by go.goroot or go.toolsEnvVars');
      const fix = fixesOf(run).find((x) => x.id === 'toolsenv-goroot-fixed');
      expect(fix).toMatchObject({ kind: 'setting', key: 'go.toolsEnvVars', value: { GOROOT: '' } });
      env = { ...env, ...fix!.value };
      expect((await runCmd(GO, ['build', './...'], { cwd: ws, env })).code).toBe(0);
      const after = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
      expect(goplsGorootFinding(after), summarize(after)).toBeUndefined();
    } finally {
      removeTree(dir);
    }
  });
});
