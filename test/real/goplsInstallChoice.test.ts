// A tester's S11: `go install golang.org/x/tools/gopls@latest` failed as typed ("gopls@v0.24.0
// requires go >= 1.27.0 (running go 1.26.8; GOTOOLCHAIN=local)", from this Go's go.env) and was
// offered again although the failure had left v0.24.0.mod in the module cache. Real go, the real
// doctor, a private copy of the module cache's download tree served to go as a file:// GOPROXY (no
// network, and /root/go/pkg/mod untouched); the offered fix is typed exactly as printed.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Host } from '../../src/host/host.js';
import { runDoctor } from '../../src/engine/pipeline.js';
import { goplsProbe } from '../../src/probes/gopls.js';
import { parseGoDirectives } from '../../src/probes/modules.js';
import { GO } from './support.js';

function goEnv(name: string): string {
  return spawnSync(GO!, ['env', name], { encoding: 'utf8' }).stdout.trim();
}

const download = GO ? path.join(goEnv('GOMODCACHE'), 'cache/download') : '';
const atV = path.join(download, 'golang.org/x/tools/gopls/@v');
const goLine = (v: string) => (existsSync(path.join(atV, `${v}.mod`)) ? parseGoDirectives(readFileSync(path.join(atV, `${v}.mod`), 'utf8')).go : undefined);
const goVersion = GO ? goEnv('GOVERSION').replace(/^go/, '') : '';
// The machine this was measured on: v0.24.0 needs go 1.27.0, v0.23.0 (with every dependency cached) 1.26.0.
const shaped = !!GO && goLine('v0.24.0') === '1.27.0' && goLine('v0.23.0') === '1.26.0' && /^1\.26\./.test(goVersion) && existsSync(path.join(atV, 'v0.23.0.zip'));

describe.skipIf(!shaped)('gopls install fix: a version this go can build (real go, private module cache)', () => {
  it('@latest fails on its go line; the doctor offers v0.23.0, which installs, and then finds gopls', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ged-goplsinstall-'));
    try {
      const mod = path.join(dir, 'mod');
      mkdirSync(path.join(mod, 'cache'), { recursive: true });
      cpSync(download, path.join(mod, 'cache', 'download'), { recursive: true });
      const home = path.join(dir, 'home');
      mkdirSync(home);
      const ws = path.join(dir, 'ws');
      mkdirSync(ws);
      writeFileSync(path.join(ws, 'go.mod'), 'module example.com/gi\n\ngo 1.22\n');
      writeFileSync(path.join(ws, 'gi.go'), 'package gi\n');
      // No gopls anywhere go.alternateTools, GOBIN, GOPATH/bin, GOROOT/bin or PATH would find it.
      const env: NodeJS.ProcessEnv = { HOME: home, PATH: `${path.dirname(GO!)}:/usr/bin:/bin`, GOPATH: path.join(home, 'go'), GOMODCACHE: mod, GOPROXY: `file://${path.join(mod, 'cache', 'download')}`, GOFLAGS: '', GONOSUMDB: '*', GOSUMDB: 'off' };
      const typed = (text: string) => spawnSync('/bin/sh', ['-c', text], { cwd: ws, env, encoding: 'utf8', timeout: 600_000 });

      // The file:// proxy serves what the cache holds; v0.24.0's zip is not there (go stopped at its
      // go line when it was tried). A stand-in holding its real go.mod gets go to that same check.
      const copyAtV = path.join(mod, 'cache/download/golang.org/x/tools/gopls/@v');
      if (!existsSync(path.join(copyAtV, 'v0.24.0.zip'))) {
        const zip = spawnSync('python3', ['-c', 'import sys,zipfile\nd=sys.argv[1]\np="golang.org/x/tools/gopls@v0.24.0/"\nz=zipfile.ZipFile(d+"/v0.24.0.zip","w")\nz.writestr(p+"go.mod",open(d+"/v0.24.0.mod").read())\nz.writestr(p+"main.go","package main\\nfunc main() {}\\n")\nz.close()', copyAtV], { encoding: 'utf8' });
        expect(zip.status, zip.stderr).toBe(0);
      }
      const latest = typed('go install golang.org/x/tools/gopls@latest');
      expect(latest.status).not.toBe(0);
      expect(latest.stderr).toMatch(/gopls@v0\.24\.0 requires go >= 1\.27\.0 \(running go 1\.26\.\d+; GOTOOLCHAIN=local\)/);

      const before = await runDoctor({ host: new Host(), probes: [goplsProbe], workspaces: [ws], env, settings: {}, timeoutMs: 20_000 });
      const fixes = before.causes.flatMap((c) => c.fixes);
      const install = fixes.find((f) => f.id === 'gopls-install');
      expect(install && install.kind === 'terminal' && install.text).toBe('go install golang.org/x/tools/gopls@v0.23.0');
      expect(install!.detail).toMatch(/@latest` \(and the Go extension's Install\/Update Tools\) fails here: gopls v0\.24\.0 needs go 1\.27\.0/);
      // Never the command known to fail.
      for (const f of fixes) if (f.kind === 'terminal') expect(f.text).not.toMatch(/gopls@latest/);
      // GOPROXY is not off: the one-command toolchain switch for the newest is offered after it.
      expect(fixes.find((f) => f.id === 'gopls-install-newest-gotoolchain')).toMatchObject({ text: 'GOTOOLCHAIN=go1.27.0+auto go install golang.org/x/tools/gopls@v0.24.0' });

      const applied = typed(install!.kind === 'terminal' ? install!.text : '');
      expect(applied.status, applied.stderr).toBe(0);
      expect(existsSync(path.join(home, 'go', 'bin', 'gopls'))).toBe(true);

      const after = await runDoctor({ host: new Host(), probes: [goplsProbe], workspaces: [ws], env, settings: {}, timeoutMs: 20_000 });
      expect(after.probes[0]!.status, JSON.stringify(after.causes.map((c) => c.findings.map((f) => f.message)))).toBe('ok');
      expect(after.causes).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
