// GOTMPDIR exported on a noexec mount, on this machine as root: the go env -w fix the doctor prints
// is run as printed (bash -c), then a new login (the export gone) must run go test, and the
// mounts probe must find nothing (src/probes/exportedBeatsGoEnvWrite.ts).
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Host } from '../../src/host/host.js';
import { runDoctor } from '../../src/engine/pipeline.js';
import { mountsProbe } from '../../src/probes/mounts.js';

const GO = '/usr/local/go/bin/go';
const haveGo = existsSync(GO);
const isRoot = process.getuid?.() === 0;
const GOCACHE_NOW = haveGo ? execFileSync(GO, ['env', 'GOCACHE'], { encoding: 'utf8', env: { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '' } }).trim() : '';

function setup() {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'goenvw-real-')));
  const ws = path.join(dir, 'ws');
  mkdirSync(ws);
  writeFileSync(path.join(ws, 'go.mod'), 'module example.com/ws\n\ngo 1.22\n');
  writeFileSync(path.join(ws, 'main.go'), 'package main\n\nfunc main() {}\n');
  const env: NodeJS.ProcessEnv = { ...process.env, GOENV: path.join(dir, 'env'), GOPROXY: 'off', PATH: `${path.dirname(GO)}:${process.env.PATH ?? '/usr/bin:/bin'}` };
  for (const k of ['GO111MODULE', 'GOFLAGS', 'GOROOT', 'GOTOOLCHAIN', 'GOWORK', 'GOTMPDIR']) delete env[k];
  return { dir, ws, env };
}

function apply(text: string, ws: string, env: NodeJS.ProcessEnv) {
  const r = spawnSync('bash', ['-c', text], { cwd: ws, env, encoding: 'utf8', timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
}

// A tester's GOTMPDIR exported on a noexec mount got `go env -w GOTMPDIR=…`, which go refuses to
// let override the export ("does not override conflicting OS environment variable"), and then the
// same fix again.
describe.skipIf(!haveGo || !isRoot)('GOTMPDIR exported from ~/.profile on a noexec mount', () => {
  it('the go env -w fix removes the export first; after a new login go test works and the report is clean', async () => {
    const { dir, ws, env } = setup();
    const noexec = path.join(dir, 'noexec');
    const home = path.join(dir, 'home');
    mkdirSync(noexec);
    mkdirSync(home);
    writeFileSync(path.join(ws, 'x_test.go'), 'package main\n\nimport "testing"\n\nfunc TestX(t *testing.T) {}\n');
    writeFileSync(path.join(home, '.profile'), `export GOTMPDIR=${noexec}\n`);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'noexec,nosuid,nodev,size=16m', 'tmpfs', noexec]);
    try {
      // The usual build cache: a fresh one under the new HOME would rebuild testing's every dependency.
      const shell = { ...env, HOME: home, SHELL: '/bin/bash', GOTMPDIR: noexec, GOCACHE: GOCACHE_NOW };
      const test = (e: NodeJS.ProcessEnv) => spawnSync(GO, ['test', '.'], { cwd: ws, env: e, encoding: 'utf8', timeout: 120_000 });
      expect(test(shell).status).not.toBe(0);
      const run = (e: NodeJS.ProcessEnv) => runDoctor({ host: new Host(), probes: [mountsProbe], workspaces: [ws], env: e, settings: { noCache: true }, timeoutMs: 20_000 });
      const f = (await run(shell)).causes.flatMap((c) => c.findings).find((x) => x.classId === 'noexec-mount')!;
      expect(f.message).toContain(`GOTMPDIR=${noexec} is exported, and go env -w cannot override it`);
      expect(f.message).toContain('It is set in ~/.profile (line 1)');
      expect(f.fixes.map((x) => x.id)).not.toContain('noexec-gotmpdir-go-env');
      expect(f.fixes.find((x) => x.kind === 'setting')).toMatchObject({ key: 'go.toolsEnvVars' });
      const fix = f.fixes.find((x) => x.id.startsWith('noexec-gotmpdir-go-env-unexported'));
      expect(fix?.kind === 'terminal' && fix.text).toMatch(/^sed -i '1\{\/GOTMPDIR\/d\}' \S+\/\.profile && mkdir -p \S+ && go env -w GOTMPDIR=\S+$/);
      apply(fix?.kind === 'terminal' ? fix.text : 'false', ws, shell);
      expect(readFileSync(path.join(home, '.profile'), 'utf8')).toBe('');
      // A new login: the export is gone, and go takes GOTMPDIR from its env file.
      const login: NodeJS.ProcessEnv = { ...shell };
      delete login.GOTMPDIR;
      const t = test(login);
      expect(t.status, t.stderr).toBe(0);
      expect((await run(login)).causes.flatMap((c) => c.findings).filter((x) => x.classId === 'noexec-mount')).toEqual([]);
    } finally {
      execFileSync('umount', ['-l', noexec]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
