// A Go variable written to go env's file (go env -w) that makes go fail, on this machine's go: the
// fix the doctor prints is run as printed (bash -c) in a private GOENV, then go build must work and
// the finding be gone. A tester's: every such value got a go.toolsEnvVars fix that cannot override
// the file, and go env -u GOROOT / GOTOOLCHAIN themselves fail until go can start.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Host } from '../../src/host/host.js';
import { runDoctor } from '../../src/engine/pipeline.js';
import type { Finding, Fix, Report } from '../../src/doctor/model.js';
import type { DoctorSettings } from '../../src/doctor/settings.js';
import { goEnvProbe } from '../../src/probes/goEnv.js';
import { loginShellProbe } from '../../src/probes/loginShell.js';

const GO = '/usr/local/go/bin/go';
const haveGo = existsSync(GO);
const GOVERSION = haveGo ? execFileSync(GO, ['env', 'GOVERSION'], { encoding: 'utf8', env: { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '' } }).trim() : 'go1.26';

function scratch(): string {
  return realpathSync(mkdtempSync(path.join(os.tmpdir(), 'govarsrc-real-')));
}

/** A module and a private go env file; GOPROXY=off so that no toolchain is ever fetched. */
function setup(goLine = '1.22') {
  const dir = scratch();
  const ws = path.join(dir, 'ws');
  mkdirSync(ws);
  writeFileSync(path.join(ws, 'go.mod'), `module example.com/ws\n\ngo ${goLine}\n`);
  // A package of its own: GOPATH mode (GO111MODULE=off) cannot find it, a module build does.
  mkdirSync(path.join(ws, 'sub'));
  writeFileSync(path.join(ws, 'sub', 'sub.go'), 'package sub\n\nfunc F() {}\n');
  writeFileSync(path.join(ws, 'main.go'), 'package main\n\nimport "example.com/ws/sub"\n\nfunc main() { sub.F() }\n');
  // A module cache of its own: a GOTOOLCHAIN go cannot fetch still leaves a lock file there.
  const env: NodeJS.ProcessEnv = { ...process.env, GOENV: path.join(dir, 'env'), GOPROXY: 'off', GOMODCACHE: path.join(dir, 'modcache'), PATH: `${path.dirname(GO)}:${process.env.PATH ?? '/usr/bin:/bin'}` };
  for (const k of ['GO111MODULE', 'GOFLAGS', 'GOROOT', 'GOTOOLCHAIN', 'GOWORK', 'GOCACHE', 'GOPATH', 'GOTMPDIR']) delete env[k];
  return { dir, ws, env };
}

async function diagnose(ws: string, env: NodeJS.ProcessEnv, settings: DoctorSettings = {}): Promise<Report> {
  return runDoctor({ host: new Host(), probes: [goEnvProbe, loginShellProbe], workspaces: [ws], env, settings: { noCache: true, ...settings }, timeoutMs: 20_000 });
}

const goEnvFindings = (r: Report): Finding[] => r.causes.flatMap((c) => c.findings).filter((f) => f.probeId === 'go-env' && f.severity !== 'info');

function build(ws: string, env: NodeJS.ProcessEnv) {
  return spawnSync(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env, encoding: 'utf8', timeout: 120_000 });
}

/** Runs a terminal fix exactly as printed. */
function apply(fix: Fix | undefined, ws: string, env: NodeJS.ProcessEnv) {
  expect(fix?.kind).toBe('terminal');
  const r = spawnSync('bash', ['-c', fix!.kind === 'terminal' ? fix!.text : 'false'], { cwd: ws, env, encoding: 'utf8', timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
}

describe.skipIf(!haveGo)('a bad value in go env file: the fix printed, run as printed, mends go and the report', () => {
  it.each([
    { file: 'GOROOT=/opt/go-nowhere', text: 'GOROOT=/usr/local/go go env -u GOROOT', left: '' },
    { file: 'GOTOOLCHAIN=go1.25.0', text: 'GOTOOLCHAIN=local go env -u GOTOOLCHAIN', left: '', goLine: GOVERSION.replace(/^go/, '') },
    { file: 'GOTOOLCHAIN=go1.99.0', text: 'GOTOOLCHAIN=local go env -u GOTOOLCHAIN', left: '' },
    { file: 'GOTOOLCHAIN=garbage', text: 'GOTOOLCHAIN=local go env -u GOTOOLCHAIN', left: '' },
    { file: 'GO111MODULE=off', text: 'go env -u GO111MODULE', left: '' },
    { file: 'GO111MODULE=maybe', text: 'go env -u GO111MODULE', left: '' },
    { file: 'GOCACHE=off', text: 'go env -u GOCACHE', left: '' },
    { file: 'GOPATH=rel/go', text: `GOPATH=${process.env.HOME}/go go env -u GOPATH`, left: '' },
    { file: 'GOFLAGS=-modfile=/nonexistent/x.mod', text: 'go env -u GOFLAGS', left: '' },
    // go env -u GOFLAGS would drop the good flag too (a tester's -buildvcs=false).
    { file: 'GOFLAGS=-modfile=/nonexistent/x.mod -buildvcs=false', text: 'go env -w GOFLAGS=-buildvcs=false', left: 'GOFLAGS=-buildvcs=false' },
    { file: 'GOFLAGS=-mod=vendr -buildvcs=false', text: 'go env -w GOFLAGS=-buildvcs=false', left: 'GOFLAGS=-buildvcs=false' },
    // go env -u refuses GOWORK ("GOWORK cannot be modified"): the line goes.
    { file: 'GOWORK=/nonexistent/go.work', text: "sed -i '/^GOWORK=/d' ENVFILE", left: '' },
  ])('$file → $text', async ({ file, text, left, goLine }) => {
    const { dir, ws, env } = setup(goLine);
    try {
      writeFileSync(env.GOENV!, `${file}\n`);
      expect(build(ws, env).status).not.toBe(0);
      const before = goEnvFindings(await diagnose(ws, env));
      const name = file.split('=')[0]!;
      const f = before.find((x) => x.message.includes(name) && x.severity === 'error');
      expect(f, JSON.stringify(before.map((x) => x.message))).toBeDefined();
      // The file is named, at its line; no go.toolsEnvVars fix for the editor alone.
      expect(f!.message).toContain(env.GOENV!);
      expect(f!.evidence).toContainEqual({ source: `${env.GOENV}:1`, excerpt: file });
      expect(f!.fixes.filter((x) => x.kind === 'setting')).toEqual([]);
      const fix = f!.fixes.find((x) => x.kind === 'terminal');
      expect(fix?.kind === 'terminal' && fix.text).toBe(text.replace('ENVFILE', env.GOENV!));
      apply(fix, ws, env);
      expect(readFileSync(env.GOENV!, 'utf8').trim()).toBe(left);
      const after = build(ws, env);
      expect(after.status, after.stderr).toBe(0);
      expect(goEnvFindings(await diagnose(ws, env)).filter((x) => x.severity === 'error')).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // A tester wrote the offered {"GOROOT": ""} into settings.json: go still read the file's GOROOT,
  // and the report then said the value came from go.toolsEnvVars, under the launcher's title.
  it('an empty go.toolsEnvVars GOROOT beside the file\'s: the file is named, not the setting, and the title is not the launcher\'s', async () => {
    const { dir, ws, env } = setup();
    try {
      writeFileSync(env.GOENV!, 'GOROOT=/opt/go-nowhere\n');
      const report = await diagnose(ws, { ...env, GOROOT: '' }, { toolsEnvVarsKeys: ['GOROOT'] });
      const f = goEnvFindings(report).find((x) => x.message.includes('GOROOT'))!;
      expect(f.message).toContain(`It is set in your go env file (${env.GOENV}, line 1`);
      expect(f.message).toContain('go.toolsEnvVars sets GOROOT to an empty value');
      expect(f.message).not.toContain('comes from go.toolsEnvVars');
      expect(f.fixes.map((x) => x.id)).toEqual(['go-env-unset-goroot']);
      expect(f.headline).toBe('go-environment');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('GOROOT exported: the setting fix for the Go tools stays, as an empty value hides no file there', async () => {
    const { dir, ws, env } = setup();
    try {
      const f = goEnvFindings(await diagnose(ws, { ...env, GOROOT: '/opt/go-nowhere' })).find((x) => x.message.includes('GOROOT'))!;
      expect(f.fixes.find((x) => x.kind === 'setting')).toMatchObject({ key: 'go.toolsEnvVars', value: { GOROOT: '' } });
      expect(f.fixes.map((x) => x.id)).not.toContain('go-env-unset-goroot');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
