// The tool inventory's pure parts: one real `go version -m` over several files, and the
// judgement of a build against the go in use.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseGoVersionMErrors, parseGoVersionMFiles } from '../../../src/facts/buildInfo.js';
import { amd64Findings, toolFindings } from '../../../src/probes/goTools.js';
import { amd64Level, parseCpuFlags } from '../../../src/procfs/cpuinfo.js';
import type { Tool } from '../../../src/doctor/model.js';

const FIX = path.resolve(__dirname, '../../fixtures/gopls');
const read = (f: string) => readFileSync(path.join(FIX, f), 'utf8');

describe('parseGoVersionMFiles', () => {
  it('reads each Go binary of one real multi-file run, and leaves the rest out', () => {
    const m = parseGoVersionMFiles(read('go-version-m-tools.txt'));
    expect([...m.keys()]).toEqual(['/tmp/tools-try/bin/impl', '.tools/bin/gopls', '/usr/local/go/bin/gofmt']);
    expect(m.get('/tmp/tools-try/bin/impl')).toEqual({ goVersion: 'go1.24.0', packagePath: 'example.com/impl', modulePath: 'example.com/impl', version: '(devel)', amd64: 'v1' });
    expect(m.get('.tools/bin/gopls')).toMatchObject({ goVersion: 'go1.26.8', packagePath: 'golang.org/x/tools/gopls', version: 'v0.23.0' });
    // A GOROOT command has a path line but no module.
    expect(m.get('/usr/local/go/bin/gofmt')).toEqual({ goVersion: 'go1.26.8', packagePath: 'cmd/gofmt', amd64: 'v1' });
  });

  it('names each unreadable file with its own stderr line', () => {
    const errs = parseGoVersionMErrors(read('go-version-m-tools.stderr.txt'), ['/etc/hostname', '/nonexistent/dlv', '.tools/bin/gopls']);
    expect(errs.get('/nonexistent/dlv')).toMatch(/no such file/);
    expect(errs.get('/etc/hostname')).toMatch(/unrecognized file format/);
    expect(errs.has('.tools/bin/gopls')).toBe(false);
  });

  it.each([
    ['a path holding ": "', '/home/a: b/bin/dlv: go1.22.1\n\tpath\tgithub.com/go-delve/delve/cmd/dlv\n', '/home/a: b/bin/dlv', 'go1.22.1'],
    ['a source-built toolchain', '/x/staticcheck: devel go1.27-3c2a1b0 Tue Nov 3 2026\n', '/x/staticcheck', 'devel go1.27-3c2a1b0 Tue Nov 3 2026'],
    ['a release candidate', '/x/revive: go1.25rc2\n\tmod\tgithub.com/mgechev/revive\tv1.7.0\th1:x=\n', '/x/revive', 'go1.25rc2'],
  ])('%s', (_name, text, file, go) => {
    expect(parseGoVersionMFiles(text).get(file)?.goVersion).toBe(go);
  });

  it('ignores junk: no header, no tool', () => {
    expect(parseGoVersionMFiles('\tpath\tx\nnot a header\n/x: python3.12\n').size).toBe(0);
  });
});

const tool = (t: Partial<Tool> & Pick<Tool, 'name'>): Tool => ({ importPath: `example.com/${t.name}`, found: true, path: `/home/u/go/bin/${t.name}`, source: 'GOPATH/bin', ...t });

describe('toolFindings', () => {
  it('a debugger built with an older minor release is a warning, with the go install that rebuilds it in place', () => {
    const { tools, findings } = toolFindings({
      goInUse: 'go1.26.8',
      commandLine: 'go version -m',
      tools: [tool({ name: 'dlv', importPath: 'github.com/go-delve/delve/cmd/dlv', packagePath: 'github.com/go-delve/delve/cmd/dlv', modulePath: 'github.com/go-delve/delve', version: 'v1.24.2', goVersion: 'go1.24.0', path: '/opt/go tools/bin/dlv' })],
    });
    expect(tools[0]!.stale).toBe(true);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ classId: 'gopls-launch', severity: 'warning' });
    expect(findings[0]!.message).toMatch(/dlv .*go1\.24\.0, older than the go in use \(go1\.26\.8\).*Delve/);
    expect(findings[0]!.evidence[0]!.source).toBe('go version -m /opt/go tools/bin/dlv');
    expect(findings[0]!.fixes![0]).toMatchObject({ kind: 'terminal', needsRoot: false, text: "GOBIN='/opt/go tools/bin' go install github.com/go-delve/delve/cmd/dlv@v1.24.2" });
  });

  it('a formatter or generator built with an older Go is only an info: it parses, it does not type-check', () => {
    const { findings } = toolFindings({ goInUse: 'go1.25.0', commandLine: 'go version -m', tools: [tool({ name: 'gomodifytags', importPath: 'github.com/fatih/gomodifytags', packagePath: 'github.com/fatih/gomodifytags', version: 'v1.17.0', goVersion: 'go1.21.13' })] });
    expect(findings[0]).toMatchObject({ severity: 'info' });
    expect(findings[0]!.fixes![0]).toMatchObject({ text: 'GOBIN=/home/u/go/bin go install github.com/fatih/gomodifytags@v1.17.0' });
  });

  it('an older patch release, the same or a newer minor, or no go at all: no finding', () => {
    for (const [goVersion, goInUse] of [['go1.26.1', 'go1.26.8'], ['go1.26.8', 'go1.26.8'], ['go1.27.0', 'go1.26.8'], ['go1.20.1', undefined], [undefined, 'go1.26.8']] as const) {
      const r = toolFindings({ goInUse, commandLine: 'go version -m', tools: [tool({ name: 'staticcheck', goVersion })] });
      expect(r.findings, `${goVersion} vs ${goInUse}`).toEqual([]);
      expect(r.tools[0]!.stale).toBeUndefined();
    }
  });

  it("gopls is marked stale but left to the gopls probe, which reports its lag in gopls's words", () => {
    const r = toolFindings({ goInUse: 'go1.26.8', commandLine: 'go version -m', tools: [tool({ name: 'gopls', goVersion: 'go1.23.4', version: 'v0.17.1' })] });
    expect(r.tools[0]!.stale).toBe(true);
    expect(r.findings).toEqual([]);
  });

  it('a source build: the same package is reinstalled @latest, another module under the name gets no fix', () => {
    const own = toolFindings({ goInUse: 'go1.26.8', commandLine: 'go version -m', tools: [tool({ name: 'staticcheck', importPath: 'honnef.co/go/tools/cmd/staticcheck', packagePath: 'honnef.co/go/tools/cmd/staticcheck', version: '(devel)', goVersion: 'go1.22.0' })] });
    expect(own.findings[0]!.fixes![0]).toMatchObject({ text: 'GOBIN=/home/u/go/bin go install honnef.co/go/tools/cmd/staticcheck@latest' });
    const foreign = toolFindings({ goInUse: 'go1.26.8', commandLine: 'go version -m', tools: [tool({ name: 'impl', importPath: 'github.com/josharian/impl', packagePath: 'example.com/impl', version: '(devel)', goVersion: 'go1.24.0' })] });
    expect(foreign.findings[0]!.fixes).toEqual([]);
  });

  it('a tool that was not found is listed, never judged', () => {
    const r = toolFindings({ goInUse: 'go1.26.8', commandLine: 'go version -m', tools: [{ name: 'golint', importPath: 'golang.org/x/lint/golint', found: false }] });
    expect(r).toEqual({ tools: [{ name: 'golint', importPath: 'golang.org/x/lint/golint', found: false }], findings: [] });
  });
});

describe('amd64Findings (a tool built for a newer x86-64 level than this CPU)', () => {
  const cpuOf = (f: string) => {
    const c = parseCpuFlags(readFileSync(path.resolve(__dirname, '../../fixtures/cpuinfo', f), 'utf8'))!;
    return { level: amd64Level(c.flags).level, model: c.model };
  };
  const gopls: Tool = { name: 'gopls', importPath: 'golang.org/x/tools/gopls', found: true, path: '/home/ann/go/bin/gopls', goVersion: 'go1.26.8', packagePath: 'golang.org/x/tools/gopls', version: 'v0.23.0' };
  const dlv: Tool = { name: 'dlv', importPath: 'github.com/go-delve/delve/cmd/dlv', found: true, path: '/home/ann/go/bin/dlv', goVersion: 'go1.26.8', packagePath: 'github.com/go-delve/delve/cmd/dlv', version: 'v1.25.0' };
  // The build line as a real go version -m prints it (GOAMD64=v3 go build, go1.26.8).
  const v3 = parseGoVersionMFiles('/home/ann/go/bin/gopls: go1.26.8\n\tpath\tgolang.org/x/tools/gopls\n\tbuild\tGOARCH=amd64\n\tbuild\tGOOS=linux\n\tbuild\tGOAMD64=v3\n').get('/home/ann/go/bin/gopls')!.amd64!;

  it('gopls built with GOAMD64=v3 on a QEMU default CPU (v1): an error, and a reinstall for v1', () => {
    const f = amd64Findings({ tools: [gopls, dlv], commandLine: 'go version -m', amd64: new Map([[gopls.path!, v3], [dlv.path!, 'v1']]), cpu: cpuOf('qemu-1.5.3.txt') });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ classId: 'gopls-launch', severity: 'error' });
    expect(f[0]!.message).toContain('was built with GOAMD64=v3, but this CPU (QEMU Virtual CPU version 1.5.3) offers only x86-64-v1');
    expect(f[0]!.fixes![0]).toMatchObject({ kind: 'terminal', text: "GOAMD64=v1 GOBIN=/home/ann/go/bin go install golang.org/x/tools/gopls@v0.23.0" });
  });
  it('dlv built for v4 on a Ryzen 3800X (v3): a warning', () => {
    const f = amd64Findings({ tools: [gopls, dlv], commandLine: 'go version -m', amd64: new Map([[gopls.path!, 'v1'], [dlv.path!, 'v4']]), cpu: cpuOf('ryzen-3800x.txt') });
    expect(f.map((x) => [x.severity, x.message.slice(0, 3)])).toEqual([['warning', 'dlv']]);
  });
  it.each([
    ['ryzen-3800x.txt', 'v3'],
    ['epyc-avx512-vm.txt', 'v4'],
    ['qemu-1.5.3.txt', 'v1'],
  ])('%s runs a %s build: nothing', (file, lvl) => {
    expect(amd64Findings({ tools: [gopls], commandLine: 'go version -m', amd64: new Map([[gopls.path!, lvl]]), cpu: cpuOf(file) })).toEqual([]);
  });
});
