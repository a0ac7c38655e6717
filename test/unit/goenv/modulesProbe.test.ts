import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { symlinkSync, mkdirSync } from 'node:fs';
import { modulesProbe, parseVendoredPackages, replaceFindings, useLineOf, walkWorkspace } from '../../../src/probes/modules.js';
import { fakeGo, makeCtx, okGoEnv, runProbe, tempDir, tree } from './ctx.js';

const MOD = (m: string) => `module ${m}\n\ngo 1.22\n`;

describe('walkWorkspace', () => {
  it('sees modules and .go files as go list ./... would, skipping vendor, testdata, dot- and underscore dirs', async () => {
    const root = tree(tempDir('walk'), {
      'go.mod': MOD('example.com/root'),
      'main.go': 'package main\n',
      'vendor/x/x.go': 'package x\n',
      'testdata/t.go': 'package t\n',
      '.git/hooks/h.go': 'package h\n',
      '_old/o.go': 'package o\n',
      'node_modules/n/n.go': 'package n\n',
      'tools/go.mod': MOD('example.com/tools'),
      'tools/gen/gen.go': 'package gen\n',
    });
    const w = await walkWorkspace(root, undefined, performance.now() + 10_000);
    expect(w.modules).toEqual([root, path.join(root, 'tools')]);
    expect(w.vendored).toEqual([root]);
    expect(w.goDirs.map((g) => [path.relative(root, g.dir) || '.', path.relative(root, g.module!) || '.'])).toEqual([
      ['.', '.'],
      ['tools/gen', 'tools'],
    ]);
    expect(w.truncated).toBeUndefined();
  });

  it('stops at the depth and directory limits and says so', async () => {
    const root = tree(tempDir('deep'), { 'a/b/c/d/e/f/g/h/deep.go': 'package deep\n', 'w1/x.go': '', 'w2/x.go': '', 'w3/x.go': '' });
    const byDepth = await walkWorkspace(root, undefined, performance.now() + 10_000, { depth: 3, dirs: 5000 });
    expect(byDepth.truncated).toBe('depth');
    expect(byDepth.goDirs.map((g) => path.relative(root, g.dir))).toEqual(['w1', 'w2', 'w3']);
    const byDirs = await walkWorkspace(root, undefined, performance.now() + 10_000, { depth: 6, dirs: 2 });
    expect(byDirs.truncated).toBe('dirs');
    expect(byDirs.dirs).toBe(2);
    const byTime = await walkWorkspace(root, undefined, performance.now() - 1);
    expect(byTime.truncated).toBe('time');
  });
});

describe('modules probe (fixture host: no go list)', () => {
  it('a healthy module: no finding, observed names go.mod and the module', async () => {
    const ws = tree(tempDir('ok'), { 'go.mod': MOD('example.com/ok'), 'main.go': 'package main\n', 'internal/x/x.go': 'package x\n' });
    const r = await runProbe(modulesProbe, makeCtx({ workspaces: [ws], goEnv: okGoEnv(fakeGo()) }));
    expect(r.findings).toEqual([]);
    expect(r.observed).toMatchObject({ folders: [{ folder: ws, goMod: path.join(ws, 'go.mod'), modules: ['.'], moduleCount: 1, goDirsOutsideModules: [] }] });
  });

  // go refuses a package directory whose path holds CR or LF (a tester's was "no problems found").
  it.each([
    { where: 'the workspace folder', parts: ['new\nline', 'mod'], cache: false },
    { where: 'a folder above it', parts: ['a\r\nb', 'x', 'mod'], cache: false },
    { where: 'the module cache', parts: ['mod'], cache: true },
  ])('a line break in the path of $where: an error naming it, with the rename', async ({ parts, cache }) => {
    const root = tempDir('refused');
    const ws = tree(path.join(root, ...parts), { 'go.mod': MOD('example.com/r'), 'main.go': 'package main\n' });
    const gomodcache = path.join(root, 'go\nmod');
    const r = await runProbe(modulesProbe, makeCtx({ workspaces: [ws], goEnv: okGoEnv(fakeGo(), cache ? { GOMODCACHE: gomodcache } : {}) }));
    const refused = r.findings.filter((f) => f.message.includes('holds a line break'));
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ classId: 'module-resolution', severity: 'error' });
    expect(refused[0]!.evidence[0]!.excerpt).toBe(JSON.stringify(cache ? gomodcache : ws));
  });

  it('a folder inside a module (go.mod in a parent) is fine', async () => {
    const root = tree(tempDir('parent'), { 'go.mod': MOD('example.com/p'), 'pkg/a/a.go': 'package a\n' });
    const r = await runProbe(modulesProbe, makeCtx({ workspaces: [path.join(root, 'pkg')] }));
    expect(r.findings).toEqual([]);
  });

  it('.go files with no go.mod at or above them: an error that says gopls will report "no views"', async () => {
    const ws = tree(tempDir('loose'), { 'main.go': 'package main\n', 'cmd/tool/tool.go': 'package main\n' });
    const r = await runProbe(modulesProbe, makeCtx({ workspaces: [ws] }));
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f).toMatchObject({ classId: 'module-resolution', severity: 'error' });
    expect(f.confidence).toBeCloseTo(0.9);
    expect(f.message).toContain('no views');
    expect(f.evidence[1]!.excerpt).toContain(path.join(ws, 'cmd/tool/tool.go'));
    expect(f.fixes[0]).toMatchObject({ id: 'go-mod-init', kind: 'terminal', needsRoot: false, cwd: ws });
    expect((f.fixes[0] as { text: string }).text).toMatch(/^go mod init \S+$/);
  });

  it("loose .go files that import another module's package: the go mod init fix runs go mod tidy too, which a bare init leaves failing", async () => {
    const ws = tree(tempDir('loose-imports'), { 'main.go': 'package main\n\nimport (\n\t"fmt"\n\t"golang.org/x/sync/errgroup"\n)\n\nfunc main() { fmt.Println(errgroup.Group{}) }\n' });
    const r = await runProbe(modulesProbe, makeCtx({ workspaces: [ws] }));
    const fix = r.findings[0]!.fixes[0] as { text: string; detail: string };
    expect(fix.text).toMatch(/^go mod init \S+ && go mod tidy$/);
    expect(fix.detail).toContain('go mod tidy adds the modules its files import');
    // Standard-library imports only: nothing to add, no tidy.
    const std = tree(tempDir('loose-std'), { 'main.go': 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println() }\n' });
    expect(((await runProbe(modulesProbe, makeCtx({ workspaces: [std] }))).findings[0]!.fixes[0] as { text: string }).text).toMatch(/^go mod init \S+$/);
  });

  it('a replace to a missing folder: dropping it is offered only for a version that can be downloaded, read from the require lines', async () => {
    // The replace block first: its line also starts with the module path, and was read as the requirement ("=>").
    const gomod = (version: string) =>
      `module example.com/app\n\ngo 1.22\n\nreplace (\n\texample.com/lib => ../missinglib\n)\n\nexclude example.com/lib v1.0.0\n\nrequire example.com/lib ${version}\n`;
    const fixesFor = async (version: string) => {
      const ws = tree(tempDir('repl-missing'), { 'go.mod': gomod(version), 'main.go': 'package main\n\nimport _ "example.com/lib"\n\nfunc main() {}\n' });
      const [f] = await replaceFindings(ws, gomod(version));
      expect(f!.severity).toBe('error');
      return f!.fixes!.map((x) => (x as { text: string }).text);
    };
    expect(await fixesFor('v1.2.3')).toContain('go mod edit -dropreplace=example.com/lib');
    expect(await fixesFor('v0.0.0-00010101000000-000000000000')).not.toContain('go mod edit -dropreplace=example.com/lib');
  });

  it('loose .go files beside a module are a warning, not an error', async () => {
    const ws = tree(tempDir('beside'), { 'svc/go.mod': MOD('example.com/svc'), 'svc/s.go': 'package svc\n', 'scripts/gen.go': 'package main\n' });
    const r = await runProbe(modulesProbe, makeCtx({ workspaces: [ws] }));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ severity: 'warning' });
    // go mod init alone would leave two modules and no go.work (the next warning): the fix adds the go.work too.
    expect((r.findings[0]!.fixes![0] as { text: string }).text).toMatch(/^go mod init \S+ && go work init && go work use -r \.$/);
    expect(r.findings[0]!.message).toContain('outside the 1 module here');
  });

  it('a folder holding the module cache and GOROOT (say, $HOME) does not count them as the user\'s modules', async () => {
    const home = tree(tempDir('home'), {
      'go/pkg/mod/golang.org/x/text@v0.3.0/go.mod': MOD('golang.org/x/text'),
      'go/pkg/mod/golang.org/x/text@v0.3.0/doc.go': 'package text\n',
      'sdk/go/src/go.mod': MOD('std'),
      'proj/go.mod': MOD('example.com/proj'),
      'proj/p.go': 'package proj\n',
    });
    const g = fakeGo();
    const goEnv = okGoEnv(g, { GOPATH: path.join(home, 'go'), GOMODCACHE: path.join(home, 'go/pkg/mod'), GOROOT: path.join(home, 'sdk/go') });
    const r = await runProbe(modulesProbe, makeCtx({ workspaces: [home], goEnv }));
    expect(r.findings).toEqual([]);
    expect(r.observed).toMatchObject({ folders: [{ modules: ['proj'], moduleCount: 1 }] });
  });

  it('two modules and no go.work: a warning with go work init, run in the folder', async () => {
    const ws = tree(tempDir('two'), { 'a/go.mod': MOD('example.com/a'), 'a/a.go': 'package a\n', 'b/go.mod': MOD('example.com/b'), 'b/b.go': 'package b\n' });
    const r = await runProbe(modulesProbe, makeCtx({ workspaces: [ws] }));
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f).toMatchObject({ classId: 'module-resolution', severity: 'warning' });
    expect(f.message).toMatch(/2 modules and no go.work: gopls loads only/);
    expect(f.fixes[0]).toMatchObject({ id: 'go-work-init', kind: 'terminal', text: 'go work init && go work use -r .', needsRoot: false, cwd: ws });
  });

  it('GOWORK=off with two modules names GOWORK=off', async () => {
    const ws = tree(tempDir('off'), { 'go.work': 'go 1.22\n\nuse (\n\t./a\n\t./b\n)\n', 'a/go.mod': MOD('a'), 'b/go.mod': MOD('b') });
    const r = await runProbe(modulesProbe, makeCtx({ workspaces: [ws], env: { GOWORK: 'off' } }));
    expect(r.findings[0]!.message).toContain('GOWORK=off');
  });

  it('a go.work that covers every module: no finding', async () => {
    const ws = tree(tempDir('work'), { 'go.work': 'go 1.22\n\nuse (\n\t./a\n\t./b\n)\n', 'a/go.mod': MOD('a'), 'b/go.mod': MOD('b') });
    const r = await runProbe(modulesProbe, makeCtx({ workspaces: [ws] }));
    expect(r.findings).toEqual([]);
    expect(r.observed).toMatchObject({ folders: [{ goWork: path.join(ws, 'go.work'), goWorkUses: ['./a', './b'] }] });
  });

  it('a go.work that uses a missing module is an error; one that misses a module, a warning', async () => {
    const ws = tree(tempDir('badwork'), { 'go.work': 'go 1.22\n\nuse (\n\t./a\n\t./gone\n)\n', 'a/go.mod': MOD('a'), 'c/go.mod': MOD('c') });
    const r = await runProbe(modulesProbe, makeCtx({ workspaces: [ws] }));
    expect(r.findings.map((f) => [f.severity, f.message.includes('./gone') || f.message.includes('(c)')])).toEqual([
      ['error', true],
      ['warning', true],
    ]);
    expect(r.findings[0]!.evidence).toContainEqual({ source: `stat ${path.join(ws, 'gone', 'go.mod')}`, excerpt: 'ENOENT' });
    // The line at fault itself, numbered, not the head of the use block (which the report cuts).
    expect(r.findings[0]!.evidence[0]).toEqual({ source: path.join(ws, 'go.work'), line: 5, excerpt: './gone' });
  });

  it.each([
    ['in a block', 'go 1.22\n\nuse (\n\t./a\n\t./b // later\n\t"./c"\n)\n', './c', { line: 6, text: '"./c"' }],
    ['one line', 'go 1.22\nuse ./a\nuse ./c\n', './c', { line: 3, text: 'use ./c' }],
    ['absent', 'go 1.22\nuse ./a\n', './c', undefined],
  ])('useLineOf %s', (_, text, dir, want) => {
    expect(useLineOf(text, dir)).toEqual(want);
  });

  it('GO111MODULE=auto, no go.mod, inside GOPATH/src: GOPATH mode, a legacy project that builds: an info with go mod init of its import path; the same with the default GO111MODULE: an error', async () => {
    const gopath = tempDir('gopath');
    const ws = tree(path.join(gopath, 'src', 'example.com', 'legacy'), { 'main.go': 'package main\n\nimport "example.com/legacy/util"\n', 'util/u.go': 'package util\n' });
    const g = fakeGo();
    const auto = await runProbe(modulesProbe, makeCtx({ workspaces: [ws], goEnv: okGoEnv(g, { GOPATH: gopath, GO111MODULE: 'auto' }) }));
    expect(auto.findings).toHaveLength(1);
    expect(auto.findings[0]).toMatchObject({ severity: 'info' });
    expect(auto.findings[0]!.message).toContain('GOPATH mode');
    expect((auto.findings[0]!.fixes![0] as { text: string }).text).toBe('go mod init example.com/legacy');
    const on = await runProbe(modulesProbe, makeCtx({ workspaces: [ws], goEnv: okGoEnv(g, { GOPATH: gopath, GO111MODULE: '' }) }));
    expect(on.findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('the folder opened is in a module its go.work does not use: an error (nothing builds there), the same go.work seen from above a warning', async () => {
    const ws = tree(tempDir('outwork'), { 'go.work': 'go 1.22\n\nuse ./b\n', 'a/go.mod': MOD('a'), 'a/main.go': 'package main\n', 'b/go.mod': MOD('b') });
    const inner = await runProbe(modulesProbe, makeCtx({ workspaces: [path.join(ws, 'a')] }));
    const f = inner.findings.find((x) => /does not use/.test(x.message))!;
    expect(f.severity).toBe('error');
    expect(f.message).toMatch(/The workspace folder is in a: go build and go test there fail/);
    const outer = await runProbe(modulesProbe, makeCtx({ workspaces: [ws] }));
    expect(outer.findings.find((x) => /does not use/.test(x.message))!.severity).toBe('warning');
    // The module named, not `go work use -r .`, which also takes in testdata fixtures and failed on one
    // needing a newer go (a tester's).
    expect(f.fixes![0]).toMatchObject({ id: 'go-work-use-refresh', text: 'go work use ./a', cwd: ws });
  });

  // A tester's: two used folders declaring one module path made go refuse every folder, and the probe said ok.
  it('a go.work using two folders that declare the same module: an error naming both, with the dropuse that go accepts', async () => {
    const ws = tree(tempDir('dupwork'), { 'go.work': 'go 1.22\n\nuse (\n\t./x\n\t./y\n)\n', 'x/go.mod': MOD('example.com/same'), 'y/go.mod': MOD('example.com/same') });
    const r = await runProbe(modulesProbe, makeCtx({ workspaces: [ws] }));
    const f = r.findings.find((x) => /appears multiple times in workspace/.test(x.message))!;
    expect(f).toMatchObject({ classId: 'module-resolution', severity: 'error' });
    expect(f.message).toContain('./x and ./y');
    expect(f.fixes![0]).toMatchObject({ kind: 'terminal', text: 'go work edit -dropuse=./y', cwd: ws });
  });

  // A tester's: go build failed with "case-insensitive import collision", gopls and the report said nothing.
  it('package folders that differ only in case: a warning naming both; a lone mixed-case folder: nothing', async () => {
    const ws = tree(tempDir('caseclash'), { 'go.mod': MOD('example.com/cc'), 'util/u.go': 'package util\n', 'Util/u.go': 'package Util\n', 'Other/o.go': 'package other\n' });
    const r = await runProbe(modulesProbe, makeCtx({ workspaces: [ws] }));
    const f = r.findings.filter((x) => /differ only in case/.test(x.message));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ classId: 'module-resolution', severity: 'warning' });
    expect(f[0]!.message).toMatch(/\b(util and Util|Util and util)\b/);
  });

  it('a workspace reached through a symlink that resolves elsewhere is a warning', async () => {
    const real = tree(tempDir('real'), { 'go.mod': MOD('example.com/r'), 'r.go': 'package r\n' });
    const linkParent = tempDir('links');
    const link = path.join(linkParent, 'proj');
    symlinkSync(real, link);
    const r = await runProbe(modulesProbe, makeCtx({ workspaces: [link] }));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ severity: 'warning' });
    expect(r.findings[0]!.evidence[0]).toEqual({ source: `realpath ${link}`, excerpt: real });
  });

  it('a GOPATH entry that is a symlink is a warning', async () => {
    const g = fakeGo();
    const realGopath = tempDir('gopath-real');
    const link = path.join(tempDir('gopath-link'), 'go');
    symlinkSync(realGopath, link);
    const r = await runProbe(modulesProbe, makeCtx({ workspaces: [], goEnv: okGoEnv(g, { GOPATH: link }) }));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.message).toContain(`GOPATH entry ${link} is a symlink to ${realGopath}`);
  });

  it('in GOPATH mode (GO111MODULE=off) loose files are not reported here: go-env owns that error', async () => {
    const ws = tree(tempDir('gopathmode'), { 'main.go': 'package main\n' });
    const r = await runProbe(modulesProbe, makeCtx({ workspaces: [ws], goEnv: okGoEnv(fakeGo(), { GO111MODULE: 'off' }) }));
    expect(r.findings).toEqual([]);
    expect(r.observed).toMatchObject({ gopathMode: true });
  });

  it('a workspace folder that does not exist is recorded, not a finding', async () => {
    const missing = path.join(tempDir('x'), 'missing');
    const r = await runProbe(modulesProbe, makeCtx({ workspaces: [missing] }));
    expect(r.findings).toEqual([]);
    expect(r.observed).toMatchObject({ folders: [{ folder: missing, exists: false }] });
  });

  it('never runs go on a fixture host', async () => {
    let ran = 0;
    const ws = tree(tempDir('vend'), { 'go.mod': MOD('v'), 'vendor/modules.txt': '' });
    mkdirSync(path.join(ws, 'vendor', 'x'), { recursive: true });
    const ctx = makeCtx({ workspaces: [ws], goEnv: okGoEnv(fakeGo()) });
    const host = Object.create(ctx.host, { exec: { value: async () => (ran++, { commandLine: '', stdout: '', stderr: '', timedOut: false, canceled: false, failed: false, durationMs: 0 }) } });
    await runProbe(modulesProbe, { ...ctx, host });
    expect(ran).toBe(0);
  });
});

describe('parseVendoredPackages', () => {
  it('the package lines of vendor/modules.txt (go 1.22 go mod vendor), not its # lines', () => {
    const txt = '# golang.org/x/mod v0.20.0\n## explicit; go 1.18\ngolang.org/x/mod/semver\n# example.com/x v1.0.0 => ../x\n## explicit\nexample.com/x\nexample.com/x/sub\n# example.com/x => ../x\n';
    expect(parseVendoredPackages(txt)).toEqual(['golang.org/x/mod/semver', 'example.com/x', 'example.com/x/sub']);
  });
});
