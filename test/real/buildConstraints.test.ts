// Issue 10 item 6 on the real machine: a module with a `//go:build linux && customtag` file and
// an `x_windows.go` file. Real go says which files it leaves out (go list IgnoredGoFiles), real
// gopls says "No packages found for open file" for the tagged one (and nothing at all for the
// _windows one), the CLI's --file names why, and the build each fix asks for really includes
// the file: go list with those flags lists it, and gopls with them stops complaining.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Host } from '../../src/host/host.js';
import { runGoplsSession } from '../../src/lsp/session.js';
import { classifyGoplsDiagnostic } from '../../src/lsp/goplsDiagnostics.js';
import { buildOnce, CLI, GO, GOPLS } from './support.js';

interface Finding { classId: string; severity: string; message: string; probeId?: string; evidence: Array<{ source: string; excerpt: string; line?: number }>; fixes: Array<{ id: string; kind: string; key?: string; value?: Record<string, unknown>; target?: string }> }

const ws = mkdtempSync(path.join(os.tmpdir(), 'ged-buildtags-'));
const env = { ...process.env, GOFLAGS: '', GOOS: '', GOARCH: '', GOTOOLCHAIN: 'local', GOWORK: 'off' };

function goList(extra: string[], over: NodeJS.ProcessEnv = {}): { GoFiles?: string[]; IgnoredGoFiles?: string[] } {
  const r = spawnSync(GO!, ['list', ...extra, '-json=GoFiles,IgnoredGoFiles', '.'], { cwd: ws, env: { ...env, ...over }, encoding: 'utf8' });
  return JSON.parse(r.stdout) as { GoFiles?: string[]; IgnoredGoFiles?: string[] };
}

function diagnoseFile(file: string): Finding[] {
  const r = spawnSync(process.execPath, [CLI, 'diagnose', '--json', '--workspace', ws, '--file', file, '--timeout-ms', '20000'], { cwd: ws, env, encoding: 'utf8', timeout: 60_000 });
  const report = JSON.parse(r.stdout) as { causes: Array<{ findings: Finding[] }>; probes: Array<{ id: string; status: string; observed: Record<string, unknown> }> };
  expect(report.probes.find((p) => p.id === 'build-constraints')!.status).not.toBe('skipped');
  return report.causes.flatMap((c) => c.findings).filter((f) => f.probeId === 'build-constraints');
}

async function goplsSays(file: string, over: NodeJS.ProcessEnv) {
  const r = await runGoplsSession({ host: new Host(), gopls: GOPLS, env: { ...env, ...over }, workspaces: [ws], timeoutMs: 30_000, openFile: path.join(ws, file) });
  expect(r.openedFileDiagnosed).toBe(true);
  return r.diagnostics.flatMap((d) => d.items.map((i) => i.message));
}

describe.skipIf(!GO || !existsSync(GOPLS))('build constraints of the open file (real go, real gopls)', () => {
  beforeAll(async () => {
    await buildOnce();
    writeFileSync(path.join(ws, 'go.mod'), 'module example.com/bc\n\ngo 1.22\n');
    writeFileSync(path.join(ws, 'a.go'), 'package bc\n\nfunc A() int { return 1 }\n');
    writeFileSync(path.join(ws, 'tagged.go'), '// Package bc, the part only built with customtag.\n\n//go:build linux && customtag\n\npackage bc\n\nfunc Tagged() int { return A() }\n');
    writeFileSync(path.join(ws, 'x_windows.go'), 'package bc\n\nfunc Win() int { return A() }\n');
  });
  afterAll(() => rmSync(ws, { recursive: true, force: true }));

  it('go list leaves both files out here, as the doctor does', () => {
    expect(goList([]).IgnoredGoFiles).toEqual(['tagged.go', 'x_windows.go']);
  });

  it('tagged.go: gopls says "No packages found", the doctor quotes the line and offers build.buildFlags -tags=customtag, which includes it', async () => {
    const said = await goplsSays('tagged.go', {});
    expect(said.map((m) => classifyGoplsDiagnostic(m)?.kind)).toContain('build-constraints');

    const [f] = diagnoseFile('tagged.go');
    expect(f).toMatchObject({ classId: 'module-resolution', severity: 'warning' });
    expect(f!.message).toContain('`go:build linux && customtag` is false for GOOS=linux');
    expect(f!.evidence[0]).toEqual({ source: path.join(ws, 'tagged.go'), excerpt: '//go:build linux && customtag', line: 3 });
    const fix = f!.fixes.find((x) => x.id === 'gopls-build-tags')!;
    expect(fix).toMatchObject({ kind: 'setting', key: 'gopls', target: 'workspace' });
    const flags = fix.value!['build.buildFlags'] as string[];
    expect(flags).toEqual(['-tags=customtag']);

    // The build the fix asks for: go list includes the file, and gopls (given the same flag
    // through GOFLAGS, which its go list calls read as they would build.buildFlags) no longer complains.
    expect(goList(flags).GoFiles).toContain('tagged.go');
    const after = await goplsSays('tagged.go', { GOFLAGS: flags.join(' ') });
    expect(after.map((m) => classifyGoplsDiagnostic(m)?.kind)).not.toContain('build-constraints');
  });

  // gopls v0.15+ builds an open file of another port in a view of its own: a type error in
  // x_windows.go is reported with "[windows]". The doctor had called the file unchecked (a warning)
  // and offered build.env GOOS=windows, which would leave every linux file out instead.
  it('x_windows.go: gopls checks it in a windows build of its own, and the doctor says so as an info, with no GOOS fix', async () => {
    writeFileSync(path.join(ws, 'x_windows.go'), 'package bc\n\nfunc Win() int { return "not an int" }\n');
    try {
      expect((await goplsSays('x_windows.go', {})).join('\n')).toMatch(/cannot use "not an int".*\[windows\]/);
    } finally {
      writeFileSync(path.join(ws, 'x_windows.go'), 'package bc\n\nfunc Win() int { return A() }\n');
    }
    const [f] = diagnoseFile('x_windows.go');
    expect(f).toMatchObject({ severity: 'info', fixes: [] });
    expect(f!.message).toMatch(/name ends in a GOOS\/GOARCH suffix other than linux\//);
    expect(f!.message).toContain('gopls v0.15 and later check an open file like this in a build of its own (windows/');
  });

  it('a file in the build: nothing to say', () => {
    expect(diagnoseFile('a.go')).toEqual([]);
  });

  // The CLI has no live editor configuration: it reads the settings files the editor would, so a
  // workspace whose gopls already builds with -tags=customtag is judged by that build, not by
  // gopls's defaults (which would tell the user to set what is already set).
  it("the CLI judges tagged.go by the workspace's own gopls build.buildFlags from .vscode/settings.json", () => {
    const dir = path.join(ws, '.vscode');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'settings.json'), '{\n  // as the user wrote it, comments and all\n  "gopls": { "build.buildFlags": ["-tags=customtag"] },\n}\n');
    try {
      expect(goList(['-tags=customtag']).GoFiles).toContain('tagged.go');
      expect(diagnoseFile('tagged.go')).toEqual([]);
      // The other file is still judged, by the same settings: -tags does not change GOOS.
      expect(diagnoseFile('x_windows.go')[0]!.message).toMatch(/name ends in a GOOS\/GOARCH suffix other than linux\//);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// The gopls probe on its own (no --file): a module whose only file is `//go:build integration`,
// so the file the handshake opens is one gopls leaves out. gopls's "No packages found for open
// file" is judged by the same code as --file and offers the same build.buildFlags setting.
describe.skipIf(!GO || !existsSync(GOPLS))('gopls probe: the file it opened is excluded by a tag (real go, real gopls)', () => {
  const mod = mkdtempSync(path.join(os.tmpdir(), 'ged-integration-'));
  beforeAll(async () => {
    await buildOnce();
    writeFileSync(path.join(mod, 'go.mod'), 'module example.com/it\n\ngo 1.22\n');
    writeFileSync(path.join(mod, 'it.go'), '//go:build integration\n\npackage it\n\nfunc Run() int { return 1 }\n');
  });
  afterAll(() => rmSync(mod, { recursive: true, force: true }));

  it('names the //go:build line and offers gopls build.buildFlags -tags=integration, which go list and gopls accept', async () => {
    const r = spawnSync(process.execPath, [CLI, 'diagnose', '--json', '--workspace', mod, '--gopls', GOPLS, '--timeout-ms', '30000'], { cwd: mod, env, encoding: 'utf8', timeout: 90_000 });
    const report = JSON.parse(r.stdout) as { causes: Array<{ findings: Finding[] }>; probes: Array<{ id: string; observed: Record<string, unknown> }> };
    expect(report.probes.find((p) => p.id === 'gopls')!.observed.openedFile).toBe(path.join(mod, 'it.go'));
    const f = report.causes.flatMap((c) => c.findings).find((x) => x.probeId === 'gopls' && x.evidence.some((e) => classifyGoplsDiagnostic(e.excerpt)?.kind === 'build-constraints'));
    expect(f, JSON.stringify(report.causes.flatMap((c) => c.findings).map((x) => x.message))).toBeDefined();
    expect(f!.classId).toBe('module-resolution');
    expect(f!.message).toContain('`go:build integration` is false for GOOS=linux');
    expect(f!.evidence).toContainEqual({ source: path.join(mod, 'it.go'), excerpt: '//go:build integration', line: 1 });
    const fix = f!.fixes.find((x) => x.id === 'gopls-build-tags')!;
    expect(fix).toMatchObject({ kind: 'setting', key: 'gopls', target: 'workspace', value: { 'build.buildFlags': ['-tags=integration'] } });

    const flags = fix.value!['build.buildFlags'] as string[];
    const listed = spawnSync(GO!, ['list', ...flags, '-json=GoFiles', '.'], { cwd: mod, env, encoding: 'utf8' });
    expect((JSON.parse(listed.stdout) as { GoFiles?: string[] }).GoFiles).toEqual(['it.go']);
    const after = await runGoplsSession({ host: new Host(), gopls: GOPLS, env: { ...env, GOFLAGS: flags.join(' ') }, workspaces: [mod], timeoutMs: 30_000, openFile: path.join(mod, 'it.go') });
    expect(after.diagnostics.flatMap((d) => d.items.map((i) => classifyGoplsDiagnostic(i.message)?.kind))).not.toContain('build-constraints');
  });
});

// A tester's --file of a loose file (no go.mod above it) that imports golang.org/x/sync, beside a
// healthy workspace: go build of it fails, and the report said nothing.
describe.skipIf(!GO || !existsSync(GOPLS))('--file of a file in no module (real go)', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ged-loosefile-'));
  const loose = path.join(root, 'loose');
  const healthy = path.join(root, 'ws');
  beforeAll(async () => {
    await buildOnce();
    mkdirSync(loose);
    mkdirSync(healthy);
    writeFileSync(path.join(healthy, 'go.mod'), 'module example.com/ok\n\ngo 1.22\n');
    writeFileSync(path.join(healthy, 'main.go'), 'package main\n\nfunc main() {}\n');
    writeFileSync(path.join(loose, 'x.go'), 'package main\n\nimport (\n\t"fmt"\n\n\t"golang.org/x/sync/errgroup"\n)\n\nfunc main() { var g errgroup.Group; fmt.Println(g.Wait()) }\n');
    writeFileSync(path.join(loose, 'hello.go'), 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hi") }\n');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const run = (file: string) => {
    const r = spawnSync(process.execPath, [CLI, 'diagnose', '--json', '--workspace', healthy, '--file', file, '--timeout-ms', '20000'], { cwd: healthy, env, encoding: 'utf8', timeout: 60_000 });
    return (JSON.parse(r.stdout) as { causes: Array<{ findings: Finding[] }> }).causes.flatMap((c) => c.findings).filter((f) => f.probeId === 'build-constraints');
  };

  it('importing another module: go build fails, and the doctor warns, naming the import, with go mod init && go mod tidy', () => {
    const build = spawnSync(GO!, ['build', '-o', os.devNull, 'x.go'], { cwd: loose, env: { ...env, GOPROXY: 'off' }, encoding: 'utf8' });
    expect(build.status).not.toBe(0);
    const [f, ...rest] = run(path.join(loose, 'x.go'));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ classId: 'module-resolution', severity: 'warning' });
    expect(f!.message).toContain('golang.org/x/sync/errgroup');
    expect(f!.fixes[0]).toMatchObject({ id: 'go-mod-init', kind: 'terminal' });
    expect((f!.fixes[0] as unknown as { text: string }).text).toMatch(/^go mod init \S+ && go mod tidy$/);
  });

  it('standard-library imports only: it builds as it is, nothing to say', () => {
    expect(spawnSync(GO!, ['build', '-o', os.devNull, 'hello.go'], { cwd: loose, env, encoding: 'utf8' }).status).toBe(0);
    expect(run(path.join(loose, 'hello.go'))).toEqual([]);
  });
});
