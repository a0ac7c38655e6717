// A tester's item 30: go 1.26.8 under GOTOOLCHAIN=local, a module cache holding gopls v0.18.1's
// go.mod (go 1.23.4) and @latest's (v0.24.0, go 1.27.0). The doctor offered "gopls v0.18.1, the
// newest this go 1.26.8 can build", and typed it failed in x/tools's internal/tokeninternal. The
// same cache shape, made here by go itself from the module proxy into a private module cache: the
// doctor must not call the old release buildable, and what it offers first must install, typed
// exactly as printed in the user's environment. Needs the module proxy (skipped offline).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Host } from '../../src/host/host.js';
import { runDoctor } from '../../src/engine/pipeline.js';
import { goplsProbe } from '../../src/probes/gopls.js';
import { parseGoDirectives } from '../../src/probes/modules.js';
import { compareGoVersions, parseGoVersion } from '../../src/facts/readGoEnv.js';
import { GO } from './support.js';

const OLD = 'v0.18.1';
const dir = mkdtempSync(path.join(os.tmpdir(), 'ged-goplsolder-'));
const home = path.join(dir, 'home');
const mod = path.join(dir, 'mod');
const base: NodeJS.ProcessEnv = { HOME: home, PATH: `${GO ? path.dirname(GO) : ''}:/usr/bin:/bin`, GOPATH: path.join(home, 'go'), GOMODCACHE: mod, GOFLAGS: '-modcacherw', GOTOOLCHAIN: 'local', GOPROXY: 'https://proxy.golang.org' };

/** What go list -m wrote for a gopls query (its .mod lands in the module cache, as a failed install leaves it), or undefined offline. */
function resolve(query: string): { version: string; go?: string } | undefined {
  if (!GO) return undefined;
  mkdirSync(home, { recursive: true });
  const r = spawnSync(GO, ['list', '-m', '-json', `golang.org/x/tools/gopls@${query}`], { cwd: home, env: base, encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) return undefined;
  const version = (JSON.parse(r.stdout) as { Version: string }).Version;
  const file = path.join(mod, 'cache/download/golang.org/x/tools/gopls/@v', `${version}.mod`);
  return { version, go: existsSync(file) ? parseGoDirectives(readFileSync(file, 'utf8')).go : undefined };
}

const goVersion = GO ? spawnSync(GO, ['env', 'GOVERSION'], { env: base, encoding: 'utf8' }).stdout.trim() : '';
const old = resolve(OLD);
const latest = old ? resolve('latest') : undefined;
const have = parseGoVersion(goVersion.replace(/^go/, ''));
const newer = (line?: string) => !!(have && line && parseGoVersion(line) && compareGoVersions(have, parseGoVersion(line)!) < 0);
const older = (line?: string) => !!(have && line && parseGoVersion(line) && parseGoVersion(line)!.minor < have.minor);
// The shape: the old release's go line is of an older Go release, @latest needs a newer go.
const shaped = !!old && !!latest && older(old.go) && newer(latest.go);
if (!shaped) rmSync(dir, { recursive: true, force: true });

describe.skipIf(!shaped)(`gopls install fix: only ${OLD} (an older Go's) and @latest (a newer go's) cached, GOTOOLCHAIN=local`, () => {
  it('does not call the old release buildable, and the first fix, typed as printed, installs gopls', async () => {
    try {
      const ws = path.join(dir, 'ws');
      mkdirSync(ws);
      writeFileSync(path.join(ws, 'go.mod'), 'module example.com/gi\n\ngo 1.22\n');
      writeFileSync(path.join(ws, 'gi.go'), 'package gi\n');
      // No gopls anywhere go.alternateTools, GOBIN, GOPATH/bin, GOROOT/bin or PATH would find it.
      const report = await runDoctor({ host: new Host(), probes: [goplsProbe], workspaces: [ws], env: base, settings: {}, timeoutMs: 20_000 });
      const fixes = report.causes.flatMap((c) => c.fixes);
      const terminal = fixes.flatMap((f) => (f.kind === 'terminal' && f.text.includes('golang.org/x/tools/gopls') ? [f] : []));
      const line = latest!.go!;
      expect(terminal.map((f) => f.text)).toEqual([`GOTOOLCHAIN=go${line}+auto go install golang.org/x/tools/gopls@${latest!.version}`, `go install golang.org/x/tools/gopls@${OLD}`]);
      const tryOld = terminal[1]!;
      expect(tryOld.title).toMatch(new RegExp(`^Try gopls ${OLD.replace(/\./g, '\\.')} .*may not compile with go ${goVersion.slice(2).replace(/\./g, '\\.')}`));
      for (const f of fixes) expect(f.title).not.toMatch(/newest this go/);

      const typed = spawnSync('/bin/sh', ['-c', terminal[0]!.text], { cwd: ws, env: base, encoding: 'utf8', timeout: 1_500_000 });
      expect(typed.status, typed.stderr.slice(-2000)).toBe(0);
      const gopls = path.join(home, 'go', 'bin', 'gopls');
      expect(spawnSync(gopls, ['version'], { encoding: 'utf8' }).stdout).toContain(`golang.org/x/tools/gopls ${latest!.version}`);
    } finally {
      spawnSync('chmod', ['-R', 'u+w', dir]);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 1_600_000);
});
