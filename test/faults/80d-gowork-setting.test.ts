// GOWORK set explicitly: off, or naming a go.work elsewhere. A go.work beside app/ and lib/ uses
// both; what go build says in app/ under each setting is asked of the real go first, and the
// doctor (real gopls v0.23.0) must agree: where go fails with "no required module provides
// package", the finding names the go.work go reads (or that none is read) and a fix that, typed as
// printed, lets go build; where go builds, nothing is said of the go.work.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO, runCmd, runDoctorCli, removeTree, summarize, tempDir, userEnv, type DoctorRun } from './lib/harness.js';

type Fix = { id: string; kind: string; text?: string; cwd?: string; setting?: string; value?: unknown };
const BESIDE = /gopls found no module providing example\.com\/lib, which is module example\.com\/lib in/;

function lay(dir: string): { app: string; lib: string; wsWork: string; other: string } {
  const ws = path.join(dir, 'ws');
  const app = path.join(ws, 'app');
  const lib = path.join(ws, 'lib');
  const other = path.join(dir, 'other');
  for (const d of [app, lib, other]) mkdirSync(d, { recursive: true });
  writeFileSync(path.join(app, 'go.mod'), 'module example.com/app\n\ngo 1.22\n');
  writeFileSync(path.join(app, 'main.go'), 'package main\n\nimport "example.com/lib"\n\nfunc main() { lib.Hello() }\n');
  writeFileSync(path.join(lib, 'go.mod'), 'module example.com/lib\n\ngo 1.22\n');
  writeFileSync(path.join(lib, 'lib.go'), 'package lib\n\nfunc Hello() {}\n');
  writeFileSync(path.join(ws, 'go.work'), 'go 1.22\n\nuse (\n\t./app\n\t./lib\n)\n');
  return { app, lib, wsWork: path.join(ws, 'go.work'), other };
}

const beside = (run: DoctorRun) => (run.report?.causes ?? []).flatMap((c) => c.findings.map((f) => ({ ...f, cause: c.id }))).filter((f) => BESIDE.test(f.message));
const fixesOf = (run: DoctorRun) => (run.report?.causes.find((c) => c.id === 'module-resolution')?.fixes ?? []) as Fix[];

describe('fault: GOWORK set explicitly, measured against the real go', () => {
  it('GOWORK=off: go ignores the go.work above; the doctor says so, and its fix lets go build', async () => {
    const dir = tempDir('gowork-off');
    try {
      const { app, wsWork } = lay(dir);
      const env = userEnv({ GOWORK: 'off', GOENV: path.join(dir, 'goenv') });
      const build = await runCmd(GO, ['build', './...'], { cwd: app, env });
      expect(build.stderr).toContain('no required module provides package example.com/lib');
      const run = await runDoctorCli({ workspaces: [app], env, cwd: app, timeoutMs: 60_000 });
      console.log(`[GOWORK=off] ${summarize(run)}`);
      const f = beside(run);
      expect(f, summarize(run)).toHaveLength(1);
      expect(f[0]!.message).toContain(`GOWORK=off (from the environment) makes go and gopls ignore ${wsWork}`);
      expect(f[0]).toMatchObject({ cause: 'module-resolution', severity: 'error' });
      // The fix is a setting: GOWORK empty for the Go tools, which go reads as unset.
      const fix = fixesOf(run).find((x) => x.id === 'toolsenv-gowork-auto');
      expect(fix, JSON.stringify(fixesOf(run))).toBeDefined();
      const after = await runCmd(GO, ['build', './...'], { cwd: app, env: { ...env, GOWORK: '' } });
      expect(after.code, after.stderr).toBe(0);
    } finally {
      removeTree(dir);
    }
  });

  it('GOWORK=off written by hand into the go env file (go env -w refuses it): the file is named, and its fix lets go build', async () => {
    const dir = tempDir('gowork-file');
    try {
      const { app, wsWork } = lay(dir);
      const goenv = path.join(dir, 'goenv');
      writeFileSync(goenv, 'GOWORK=off\n');
      const env = userEnv({ GOENV: goenv });
      expect((await runCmd(GO, ['env', '-w', 'GOWORK=off'], { cwd: app, env })).stderr).toContain('GOWORK cannot be modified');
      const build = await runCmd(GO, ['build', './...'], { cwd: app, env });
      expect(build.stderr).toContain('no required module provides package example.com/lib');
      const run = await runDoctorCli({ workspaces: [app], env, cwd: app, timeoutMs: 60_000 });
      console.log(`[GOWORK=off in the go env file] ${summarize(run)}`);
      const f = beside(run);
      expect(f, summarize(run)).toHaveLength(1);
      // Measured: gopls v0.23.0 still builds a go.work view here (its go list, reading the file, loads
      // no module of it: "current file is not included in a workspace module"), so the finding says so.
      expect(f[0]!.message).toContain(`GOWORK=off (from your go env file (${goenv})) makes go, and the go commands gopls runs, ignore ${wsWork}`);
      const fix = fixesOf(run).find((x) => x.id === 'go-env-file-drop-gowork');
      expect(fix?.text, JSON.stringify(fixesOf(run))).toBe(`sed -i '/^GOWORK=/d' ${goenv}`);
      expect((await runCmd('sed', ['-i', '/^GOWORK=/d', goenv], { env })).code).toBe(0);
      const after = await runCmd(GO, ['build', './...'], { cwd: app, env });
      expect(after.code, after.stderr).toBe(0);
    } finally {
      removeTree(dir);
    }
  });

  it('GOWORK naming a go.work elsewhere that uses the app only: go reads that one, and the doctor names it, with the go work use that lets go build', async () => {
    const dir = tempDir('gowork-elsewhere');
    try {
      const { app, lib, wsWork, other } = lay(dir);
      const otherWork = path.join(other, 'go.work');
      writeFileSync(otherWork, `go 1.22\n\nuse ${path.relative(other, app)}\n`);
      const env = userEnv({ GOWORK: otherWork, GOENV: path.join(dir, 'goenv') });
      expect((await runCmd(GO, ['env', 'GOWORK'], { cwd: app, env })).stdout.trim()).toBe(otherWork);
      const build = await runCmd(GO, ['build', './...'], { cwd: app, env });
      expect(build.stderr).toContain('no required module provides package example.com/lib');
      const run = await runDoctorCli({ workspaces: [app], env, cwd: app, timeoutMs: 60_000 });
      console.log(`[GOWORK elsewhere, app only] ${summarize(run)}`);
      const f = beside(run);
      expect(f, summarize(run)).toHaveLength(1);
      expect(f[0]!.message).toContain(`go and gopls read ${otherWork} here (GOWORK, from the environment), which does not use that folder, and not ${wsWork}, which does`);
      const fix = fixesOf(run).find((x) => x.id === 'go-work-use-refresh');
      expect(fix, JSON.stringify(fixesOf(run))).toMatchObject({ text: `go work use ${path.relative(other, lib)}`, cwd: other });
      const use = await runCmd(GO, fix!.text!.split(' ').slice(1), { cwd: fix!.cwd!, env });
      expect(use.code, use.stderr).toBe(0);
      const after = await runCmd(GO, ['build', './...'], { cwd: app, env });
      expect(after.code, after.stderr).toBe(0);
    } finally {
      removeTree(dir);
    }
  });

  it('the controls: GOWORK unset, or naming a go.work elsewhere that uses both: go builds, and nothing is said of a module beside', async () => {
    const dir = tempDir('gowork-controls');
    try {
      const { app, lib, other } = lay(dir);
      const otherWork = path.join(other, 'go.work');
      writeFileSync(otherWork, `go 1.22\n\nuse (\n\t${path.relative(other, app)}\n\t${path.relative(other, lib)}\n)\n`);
      for (const GOWORK of [undefined, otherWork]) {
        const env = userEnv({ GOWORK, GOENV: path.join(dir, 'goenv') });
        const build = await runCmd(GO, ['build', './...'], { cwd: app, env });
        expect(build.code, build.stderr).toBe(0);
        const run = await runDoctorCli({ workspaces: [app], env, cwd: app, timeoutMs: 60_000 });
        console.log(`[GOWORK=${GOWORK ?? '(unset)'}] ${summarize(run)}`);
        expect(run.report, summarize(run)).toBeDefined();
        expect(beside(run), summarize(run)).toEqual([]);
        expect(run.report!.causes.filter((c) => c.id === 'module-resolution' && c.severity === 'error'), summarize(run)).toEqual([]);
      }
    } finally {
      removeTree(dir);
    }
  });
});
