// Issue 10 item 5: is the go that installs the tools new enough to build the installed gopls?
// Real go, real gopls (.tools/bin, v0.23.0, whose go.mod says "go 1.26.0"), and a real older Go
// toolchain from the module cache (golang.org/toolchain, fetched once through the Go module proxy
// if absent). The doctor reads gopls's go.mod from the module cache and never downloads anything.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Host } from '../../src/host/host.js';
import { runDoctor } from '../../src/engine/pipeline.js';
import { goplsProbe } from '../../src/probes/gopls.js';
import { GO, GOPLS } from './support.js';

const ARCH = process.arch === 'arm64' ? 'arm64' : 'amd64';

function goEnv(name: string): string {
  return spawnSync(GO!, ['env', name], { encoding: 'utf8' }).stdout.trim();
}

/** A Go toolchain older than `need` (e.g. "1.26.0") from the module cache, downloaded if none is there. */
function olderGo(need: string): string | undefined {
  const root = path.join(goEnv('GOMODCACHE'), 'golang.org');
  const minor = Number(need.split('.')[1]);
  const have = existsSync(root) ? readdirSync(root).filter((d) => d.startsWith('toolchain@v0.0.1-go1.') && d.endsWith(`.linux-${ARCH}`)) : [];
  const pick = have.find((d) => Number(/go1\.(\d+)/.exec(d)![1]) < minor);
  if (pick) return allowExec(path.join(root, pick));
  const want = `golang.org/toolchain@v0.0.1-go1.${minor - 2}.0.linux-${ARCH}`;
  const r = spawnSync(GO!, ['mod', 'download', '-json', want], { encoding: 'utf8', timeout: 300_000, env: { ...process.env, GOFLAGS: '' } });
  if (r.status !== 0) return undefined;
  return allowExec((JSON.parse(r.stdout) as { Dir: string }).Dir);
}

/**
 * A module zip keeps no file modes, so a toolchain fetched with `go mod download` (not through
 * GOTOOLCHAIN switching, which does this on first use: cmd/go/internal/toolchain allowExec) has
 * no execute bits. Set them the same way, on bin/ and pkg/tool/, and return the go binary.
 */
function allowExec(dir: string): string | undefined {
  const bin = path.join(dir, 'bin', 'go');
  if (!existsSync(bin)) return undefined;
  if ((statSync(bin).mode & 0o111) !== 0) return bin;
  const tools = path.join(dir, 'pkg', 'tool');
  const dirs = [path.join(dir, 'bin'), ...(existsSync(tools) ? readdirSync(tools).map((d) => path.join(tools, d)) : [])];
  for (const d of dirs) for (const f of readdirSync(d)) chmodSync(path.join(d, f), statSync(path.join(d, f)).mode | 0o555);
  return bin;
}

const gomodcache = GO ? goEnv('GOMODCACHE') : '';
const goplsMod = path.join(gomodcache, 'cache/download/golang.org/x/tools/gopls/@v/v0.23.0.mod');
const haveGopls = !!GO && existsSync(GOPLS) && existsSync(goplsMod);

describe.skipIf(!haveGopls)('the go that installs the tools vs gopls go line (real go, real gopls)', () => {
  const ws = mkdtempSync(path.join(os.tmpdir(), 'ged-toolinstall-'));
  writeFileSync(path.join(ws, 'go.mod'), 'module example.com/ti\n\ngo 1.22\n');
  writeFileSync(path.join(ws, 'ti.go'), 'package ti\n');

  async function diagnose(env: NodeJS.ProcessEnv, toolsGo?: string) {
    const report = await runDoctor({ host: new Host(), probes: [goplsProbe], workspaces: [ws], env, settings: { alternateGopls: GOPLS, ...(toolsGo ? { toolsGo } : {}) }, timeoutMs: 20_000 });
    const rec = report.probes[0]!;
    return { findings: report.causes.flatMap((c) => c.findings).filter((f) => f.message.includes('needs go')), observed: rec.observed.toolInstall as Record<string, unknown> };
  }

  it('the go in use (1.26) builds gopls v0.23.0: nothing to say, and the go line was read from the module cache', async () => {
    const { findings, observed } = await diagnose({ ...process.env });
    expect(findings).toEqual([]);
    expect(observed).toMatchObject({ modFile: goplsMod, goplsNeedsGo: '1.26.0' });
  });

  it('an older go on PATH with GOTOOLCHAIN=local: go install really fails, and the doctor quotes the same words', async () => {
    const old = olderGo('1.26.0');
    if (!old) return console.warn('no older Go toolchain in the module cache and none could be fetched: skipped');
    const oldVersion = spawnSync(old, ['env', 'GOVERSION'], { encoding: 'utf8', env: { ...process.env, GOTOOLCHAIN: 'local' } }).stdout.trim();
    const gobin = mkdtempSync(path.join(os.tmpdir(), 'ged-gobin-'));
    try {
      const env = { ...process.env, PATH: `${path.dirname(old)}:${process.env.PATH}`, GOTOOLCHAIN: 'local' };
      const install = spawnSync(old, ['install', 'golang.org/x/tools/gopls@v0.23.0'], { encoding: 'utf8', env: { ...env, GOBIN: gobin, GOPROXY: 'off', GOFLAGS: '' }, timeout: 120_000 });
      expect(install.status).not.toBe(0);
      const said = `golang.org/x/tools/gopls@v0.23.0 requires go >= 1.26.0 (running go ${oldVersion.replace(/^go/, '')}; GOTOOLCHAIN=local)`;
      expect(install.stderr).toContain(said);

      const { findings } = await diagnose(env);
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ classId: 'gopls-launch', severity: 'warning' });
      expect(findings[0]!.message).toContain(said);
      expect(findings[0]!.evidence[0]).toEqual({ source: goplsMod, excerpt: 'go 1.26.0' });
      expect(findings[0]!.fixes.map((x) => x.id)).toEqual(['install-newer-go', 'gopls-install-gotoolchain-auto']);

      // The same older go named by go.toolsManagement.go, with the current go on PATH.
      const viaSetting = await diagnose({ ...process.env, GOTOOLCHAIN: 'local' }, old);
      expect(viaSetting.findings).toHaveLength(1);
      expect(viaSetting.findings[0]!.evidence[1]!.source).toMatch(/env GOVERSION \(go\.toolsManagement\.go\)$/);
      expect(viaSetting.observed).toMatchObject({ installGo: old, installGoVersion: oldVersion });
    } finally {
      rmSync(gobin, { recursive: true, force: true });
    }
  });
});
