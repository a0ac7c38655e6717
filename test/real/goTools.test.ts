// The tool inventory on the real machine: tiny tools built by the real go into a temp GOBIN and
// GOPATH/bin, one of them with an older real toolchain (go1.24.0, fetched through the module
// proxy once; taken from the module cache only, so this suite never downloads), then the CLI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildOnce, CLI, GO, GOPLS, ROOT } from './support.js';

const OLD_GO = 'go1.24.0';

interface Tool {
  name: string;
  found: boolean;
  path?: string;
  source?: string;
  version?: string;
  goVersion?: string;
  packagePath?: string;
  stale?: boolean;
}
interface Report {
  causes: Array<{ id: string; severity: string; findings: Array<{ severity: string; message: string; probeId?: string; fixes: Array<{ kind: string; text?: string }> }> }>;
  tools?: Tool[];
  probes: Array<{ id: string; status: string }>;
}

let tmp: string;

/** A one-file module whose binary is called `name`, installed by the real go into `gobin`. */
function installTool(name: string, gobin: string, env: NodeJS.ProcessEnv = {}): void {
  const dir = path.join(tmp, 'src', `${name}-${path.basename(path.dirname(gobin))}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'go.mod'), `module example.com/${name}\n\ngo 1.22\n`);
  writeFileSync(path.join(dir, 'main.go'), 'package main\n\nfunc main() {}\n');
  execFileSync(GO!, ['install', '.'], { cwd: dir, env: { ...process.env, GOBIN: gobin, GOFLAGS: '-buildvcs=false', ...env }, stdio: 'pipe', timeout: 120_000 });
}

/** The older toolchain, if the module cache has it: GOPROXY=off, so nothing is fetched here. */
function oldGoCached(): boolean {
  const r = spawnSync(GO!, ['version'], { env: { ...process.env, GOTOOLCHAIN: OLD_GO, GOPROXY: 'off' }, encoding: 'utf8', timeout: 60_000 });
  return r.status === 0 && r.stdout.includes(OLD_GO);
}

const OLD = GO ? oldGoCached() : false;

function diagnose(format: '--json' | '--markdown', env: NodeJS.ProcessEnv, ws: string): string {
  const r = spawnSync(process.execPath, [CLI, 'diagnose', format, '--workspace', ws, '--gopls', GOPLS, '--timeout-ms', '30000'], { env, encoding: 'utf8', timeout: 120_000 });
  if (!r.stdout) throw new Error(`no output (exit ${r.status}): ${r.stderr.slice(0, 2000)}`);
  return r.stdout;
}

describe.skipIf(!GO)('go-tools probe on the real machine', () => {
  let gobin: string;
  let gopath: string;
  let ws: string;
  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'go-tools-real-'));
    execFileSync(process.execPath, [path.join(ROOT, 'test/setup/install-gopls.mjs')], { stdio: 'inherit' });
    await buildOnce();
    gobin = path.join(tmp, 'gobin', 'bin');
    gopath = path.join(tmp, 'gopath');
    ws = path.join(tmp, 'ws');
    mkdirSync(ws, { recursive: true });
    writeFileSync(path.join(ws, 'go.mod'), 'module example.com/ws\n\ngo 1.22\n');
    writeFileSync(path.join(ws, 'a.go'), 'package ws\n');
    // gotests in both GOBIN and GOPATH/bin: the Go extension takes GOBIN's.
    installTool('gotests', gobin);
    installTool('gotests', path.join(gopath, 'bin'));
    installTool('gomodifytags', path.join(gopath, 'bin'));
    if (OLD) installTool('dlv', gobin, { GOTOOLCHAIN: OLD_GO, GOPROXY: 'off' });
    else console.error(`\n!!! test/real/goTools.test.ts: ${OLD_GO} is not in the module cache (GOTOOLCHAIN=${OLD_GO} go version once, with the network, fetches it): the older-Go case is SKIPPED here and covered by the go-version-m-tools.txt fixture\n`);
  }, 300_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const env = () => ({ ...process.env, GOBIN: gobin, GOPATH: gopath, GOFLAGS: '' });

  it('lists every tool in the lookup order with the version and Go that built it', () => {
    const report = JSON.parse(diagnose('--json', env(), ws)) as Report;
    const goVersion = execFileSync(GO!, ['env', 'GOVERSION'], { encoding: 'utf8' }).trim();
    const probe = report.probes.find((p) => p.id === 'go-tools');
    expect(probe?.status, JSON.stringify(probe)).toMatch(/ok|warn/);
    const tools = new Map(report.tools!.map((t) => [t.name, t]));
    expect(tools.get('gotests')).toMatchObject({ found: true, source: 'GOBIN', path: path.join(gobin, 'gotests'), goVersion, packagePath: 'example.com/gotests', version: '(devel)' });
    expect(tools.get('gomodifytags')).toMatchObject({ found: true, source: 'GOPATH/bin', path: path.join(gopath, 'bin', 'gomodifytags'), goVersion });
    expect(tools.get('gopls')).toMatchObject({ found: true, source: 'go.alternateTools', path: GOPLS, version: 'v0.23.0' });
    expect(tools.get('golint')).toEqual({ name: 'golint', importPath: 'golang.org/x/lint/golint', found: false });
    for (const t of ['gotests', 'gomodifytags', 'gopls']) expect(tools.get(t)!.stale, t).toBeUndefined();
    // Nothing built by the go in use is a finding.
    expect(report.causes.flatMap((c) => c.findings).filter((f) => f.probeId === 'go-tools').filter((f) => !/\bdlv\b/.test(f.message))).toEqual([]);
  }, 180_000);

  it('a GOFLAGS go rejects does not hide what built the tools (reading build info needs no flags)', () => {
    const e = { ...env(), GOFLAGS: '-nosuchflag' };
    expect(spawnSync(GO!, ['version', '-m', GOPLS], { env: e, encoding: 'utf8' }).stderr).toContain('parsing $GOFLAGS: unknown flag -nosuchflag');
    const report = JSON.parse(diagnose('--json', e, ws)) as Report;
    const tools = new Map(report.tools!.map((t) => [t.name, t]));
    expect(tools.get('gopls')).toMatchObject({ found: true, version: 'v0.23.0' });
    expect(tools.get('gotests')).toMatchObject({ found: true, packagePath: 'example.com/gotests' });
  }, 180_000);

  it.runIf(OLD)(`a tool built with ${OLD_GO} is a warning with the go install that rebuilds it in place`, () => {
    const report = JSON.parse(diagnose('--json', env(), ws)) as Report;
    const dlv = report.tools!.find((t) => t.name === 'dlv')!;
    expect(dlv).toMatchObject({ found: true, source: 'GOBIN', goVersion: OLD_GO, stale: true });
    const f = report.causes.flatMap((c) => c.findings).find((x) => x.probeId === 'go-tools')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toContain(`built with ${OLD_GO}, older than the go in use`);
    // A stand-in from another module under dlv's name is not replaced with Delve.
    expect(f.fixes).toEqual([]);
    const md = diagnose('--markdown', env(), ws);
    expect(md).toContain('### Go tools');
    expect(md.split('\n').find((l) => l.startsWith('| dlv |'))).toContain(`${OLD_GO} **(older Go)** | GOBIN |`);
  }, 180_000);
});
