// The cgo probe on this machine: real go, real gcc (or its absence from PATH), real temp modules.
// Each case first shows the symptom with the real go command, as a user would meet it.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import which from 'which';
import { Host } from '../../src/host/host.js';
import { runDoctor } from '../../src/engine/pipeline.js';
import type { Finding } from '../../src/doctor/model.js';
import { cgoProbe, importsC, ccProgram } from '../../src/probes/cgo.js';
import { goplsProbe } from '../../src/probes/gopls.js';
import { GO, GOPLS } from './support.js';

const GCC = which.sync('gcc', { nothrow: true });

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cgo-real-'));
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(root, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return root;
}

const CGO_MODULE = {
  'go.mod': 'module example.com/c\n\ngo 1.22\n',
  'c.go': 'package c\n\n// int two(void) { return 2; }\nimport "C"\n\nfunc Two() int { return int(C.two()) }\n',
};

function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '', ...extra };
  for (const k of ['CGO_ENABLED', 'CC']) if (!(k in extra)) delete e[k];
  return e;
}

function goBuild(ws: string, e: NodeJS.ProcessEnv): string {
  const r = spawnSync(GO!, ['build', './...'], { cwd: ws, env: e, encoding: 'utf8', timeout: 120_000 });
  return `${r.stdout}${r.stderr}`;
}

async function cgoFindings(ws: string, e: NodeJS.ProcessEnv): Promise<{ findings: Finding[]; observed: Record<string, unknown> }> {
  const report = await runDoctor({ host: new Host(), probes: [cgoProbe], workspaces: [ws], env: e, timeoutMs: 20_000 });
  return { findings: report.causes.flatMap((c) => c.findings), observed: report.probes[0]!.observed };
}

describe('cgo parsers', () => {
  it.each([
    ['package c\n\n// #include <stdio.h>\nimport "C"\n', true],
    ['package c\n\n/*\n#include <stdio.h>\n*/\nimport "C"\n\nimport "fmt"\n', true],
    ['package c\n\nimport (\n\t// #include <x.h>\n\t"C"\n\t"fmt"\n)\n', true],
    ['package c\n\nimport "fmt"\n\n// import "C" is what cgo needs\nvar s = "C"\n', false],
    ['package c\n\nimport "Cfoo"\n', false],
  ])('importsC(%j) = %s', (src, want) => expect(importsC(src)).toBe(want));

  it.each([
    ['gcc', 'gcc'],
    ['  clang -m64 ', 'clang'],
    ['"/opt/my cc/bin/gcc" -O2', '/opt/my cc/bin/gcc'],
    ['', undefined],
  ])('ccProgram(%j) = %j', (cc, want) => expect(ccProgram(cc)).toBe(want));
});

describe.skipIf(!GO)('cgo on the real machine', () => {
  it('CC names no compiler while CGO_ENABLED=1: go build fails, the doctor says why (was "no problems found")', async () => {
    const ws = tree(CGO_MODULE);
    const e = env({ CC: '/nonexistent/cc', CGO_ENABLED: '1' });
    expect(goBuild(ws, e)).toContain('cgo: C compiler "/nonexistent/cc" not found');
    const { findings, observed } = await cgoFindings(ws, e);
    const f = findings.find((x) => x.probeId === 'cgo');
    expect(f).toMatchObject({ classId: 'env-inheritance', severity: 'error' });
    expect(f!.message).toContain('C compiler "/nonexistent/cc" (go env CC) is not found');
    expect(f!.message).toContain('CGO_ENABLED=1 (from the environment)');
    expect(f!.evidence.map((x) => x.excerpt).join('\n')).toContain(path.join(ws, 'c.go'));
    // gcc is installed: naming it is the fix, not installing it again.
    if (GCC) {
      expect(f!.message).toContain(`CC=/nonexistent/cc comes from the environment the editor was started with; without it go would run its default, gcc, which is at ${GCC}`);
      expect(f!.fixes.map((x) => x.id)).toEqual(['cgo-cc-path']);
    } else expect(f!.fixes.map((x) => x.id)).toContain('cgo-install-c-compiler');
    expect(observed).toMatchObject({ CGO_ENABLED: '1', CC: '/nonexistent/cc', ccFound: null, cgoFileCount: 1 });
  });

  // A CC that exists and runs but fails (a wrapper whose license server is down): go build says only
  // "# runtime/cgo" and the wrapper's line, and a tester's report said "unexplained symptom". The
  // compiler run on an empty C file fails the same way: that is the cause.
  it('CC is a wrapper that exits 1: the compiler named as failing even on an empty C file, with its words', async () => {
    const ws = tree(CGO_MODULE);
    const cc = path.join(ws, 'badcc.sh');
    writeFileSync(cc, '#!/bin/sh\necho "wrapper: license server unreachable" >&2\nexit 1\n', { mode: 0o755 });
    const e = env({ CC: cc, CGO_ENABLED: '1' });
    expect(goBuild(ws, e)).toContain('wrapper: license server unreachable');
    const { findings } = await cgoFindings(ws, e);
    const f = findings.find((x) => x.message.includes('fails even on an empty C file'));
    expect(f, JSON.stringify(findings.map((x) => x.message))).toMatchObject({ classId: 'env-inheritance', severity: 'error' });
    expect(f!.message).toContain(`cgo's C compiler ${JSON.stringify(cc)} (go env CC, from the environment) fails even on an empty C file (exit 1: "wrapper: license server unreachable")`);
    // A working compiler is not called broken.
    if (GCC) expect((await cgoFindings(ws, env({ CC: GCC, CGO_ENABLED: '1' }))).findings.filter((x) => x.message.includes('fails even on an empty C file'))).toEqual([]);
  });

  // A user who once tried clang (exported CC=clang in a profile, or go env -w CC=clang-17) and
  // removed it: the doctor said "no C compiler is installed" and offered apt-get install gcc.
  it.skipIf(!GCC)('CC=clang exported but clang not installed, gcc is: the fix names gcc, and with it go builds', async () => {
    const ws = tree(CGO_MODULE);
    const e = env({ CC: 'clang-no-such-version' });
    expect(goBuild(ws, e)).toContain('cgo: C compiler "clang-no-such-version" not found');
    const { findings } = await cgoFindings(ws, e);
    const f = findings.find((x) => x.probeId === 'cgo')!;
    expect(f.severity).toBe('error');
    expect(f.message).not.toContain('no C compiler is installed');
    expect(f.message).toContain(`without it go would run its default, gcc, which is at ${GCC}`);
    expect(f.fixes.map((x) => x.id)).not.toContain('cgo-install-c-compiler');
    const fix = f.fixes[0]!;
    expect(fix).toMatchObject({ id: 'cgo-cc-path', kind: 'setting', key: 'go.toolsEnvVars' });
    // The setting applied, as the Go extension applies go.toolsEnvVars: go builds.
    const applied = { ...e, ...((fix as { value: Record<string, string> }).value) };
    expect(goBuild(ws, applied)).toBe('');
  });

  // The same CC exported from ~/.profile: the setting fixed the editor alone, and go build in a
  // terminal kept failing (a tester's). The line that sets it is offered first, and after it a
  // login shell's go builds.
  it.skipIf(!GCC)('CC exported by the login shell names a missing compiler: removing the ~/.profile line is offered first, and after it a login shell builds', async () => {
    const ws = tree(CGO_MODULE);
    const home = mkdtempSync(path.join(os.tmpdir(), 'cgo-home-'));
    try {
      writeFileSync(path.join(home, '.profile'), `export PATH=${path.dirname(GO!)}:$PATH\n# a compiler tried once\nexport CC=/nonexistent/cc\n`);
      const e = env({ CC: '/nonexistent/cc', HOME: home, SHELL: '/bin/bash', XDG_CACHE_HOME: path.join(home, '.cache') });
      const login = (cmd: string) => spawnSync('/bin/bash', ['-l', '-c', cmd], { cwd: ws, env: { PATH: '/usr/bin:/bin', HOME: home, GOTOOLCHAIN: 'local', GOFLAGS: '' }, encoding: 'utf8', timeout: 120_000 });
      expect(`${login('go build ./...').stderr}`).toContain('cgo: C compiler "/nonexistent/cc" not found');
      const { findings } = await cgoFindings(ws, e);
      const f = findings.find((x) => x.probeId === 'cgo')!;
      expect(f.evidence).toContainEqual({ source: path.join(home, '.profile'), line: 3, excerpt: 'export CC=/nonexistent/cc' });
      const fix = f.fixes[0] as { id: string; kind: string; text: string; needsRoot: boolean; title: string };
      expect(fix).toMatchObject({ kind: 'terminal', needsRoot: false, title: 'Remove the CC setting from ~/.profile (line 3)' });
      expect(f.fixes.map((x) => x.id)).toContain('cgo-cc-path');
      expect(spawnSync('/bin/bash', ['-c', fix.text], { env: { PATH: '/usr/bin:/bin' } }).status).toBe(0);
      const r = login('go build ./...');
      expect(`${r.stdout}${r.stderr}`).toBe('');
      expect(r.status).toBe(0);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it.skipIf(!GCC)('CC from go.toolsEnvVars names a missing compiler: said to be that setting, with no start-up file line to remove', async () => {
    const ws = tree(CGO_MODULE);
    const e = env({ CC: '/nonexistent/cc' });
    const report = await runDoctor({ host: new Host(), probes: [cgoProbe], workspaces: [ws], env: e, timeoutMs: 20_000, settings: { toolsEnvVarsKeys: ['CC'] } });
    const f = report.causes.flatMap((c) => c.findings).find((x) => x.probeId === 'cgo')!;
    expect(f.message).toContain('CC=/nonexistent/cc comes from go.toolsEnvVars in your editor settings');
    expect(f.message).toContain("reaches the editor's tools only");
    expect(f.fixes.map((x) => x.id).filter((id) => id.startsWith('remove-export'))).toEqual([]);
  });

  it.skipIf(!GCC)('CC written with go env -w names a missing compiler: go env -u CC is offered, and after it go builds', async () => {
    const ws = tree(CGO_MODULE);
    const goenv = path.join(mkdtempSync(path.join(os.tmpdir(), 'cgo-goenv-')), 'env');
    const e = env({ GOENV: goenv });
    execFileSync(GO!, ['env', '-w', 'CC=clang-17-gone'], { env: e });
    expect(goBuild(ws, e)).toContain('cgo: C compiler "clang-17-gone" not found');
    const { findings } = await cgoFindings(ws, e);
    const f = findings.find((x) => x.probeId === 'cgo')!;
    expect(f.message).toContain(`CC=clang-17-gone comes from your go env file (${goenv}, go env -w)`);
    expect(f.fixes[0]).toMatchObject({ id: 'cgo-cc-unset', kind: 'terminal', text: 'go env -u CC', needsRoot: false });
    expect(f.fixes.map((x) => x.id)).not.toContain('cgo-install-c-compiler');
    execFileSync('bash', ['-c', (f.fixes[0] as { text: string }).text], { env: e });
    expect(goBuild(ws, e)).toBe('');
  });

  it('CGO_ENABLED=1 and CC missing with no cgo file in the workspace: still an error (runtime/cgo under net), and CGO_ENABLED=0 is offered', async () => {
    const ws = tree({ 'go.mod': 'module example.com/n\n\ngo 1.22\n', 'main.go': 'package main\n\nimport "net"\n\nfunc main() { _ = net.IPv4len }\n' });
    const e = env({ CC: 'no-such-cc', CGO_ENABLED: '1' });
    expect(goBuild(ws, e)).toContain('cgo: C compiler "no-such-cc" not found');
    const { findings } = await cgoFindings(ws, e);
    const f = findings.find((x) => x.probeId === 'cgo');
    expect(f?.severity).toBe('error');
    expect(f!.fixes.map((x) => x.id)).toContain('cgo-disable');
  });

  it.skipIf(!GCC)("gcc only on the login shell's PATH: go turns cgo off by itself, and the cgo files drop out of the build", async () => {
    // The editor's PATH holds go alone; a login bash (a crafted HOME's .bash_profile) adds /usr/bin.
    const bin = mkdtempSync(path.join(os.tmpdir(), 'cgo-bin-'));
    symlinkSync(GO!, path.join(bin, 'go'));
    const home = tree({ '.bash_profile': `export PATH="${path.dirname(GCC!)}:$PATH"\n` });
    const ws = tree({ ...CGO_MODULE, 'd.go': 'package c\n\nfunc Three() int { return Two() + 1 }\n' });
    const e = env({ PATH: bin, HOME: home, SHELL: '/bin/bash' });
    execFileSync(GO!, ['env', 'CGO_ENABLED'], { env: e }); // go runs with that PATH
    expect(execFileSync(GO!, ['env', 'CGO_ENABLED'], { env: e, encoding: 'utf8' }).trim()).toBe('0');
    expect(goBuild(ws, e)).toContain('undefined: Two');
    const { findings } = await cgoFindings(ws, e);
    const f = findings.find((x) => x.probeId === 'cgo');
    expect(f).toMatchObject({ classId: 'env-inheritance', severity: 'warning', explains: ['module-resolution'] });
    expect(f!.message).toContain('go turned cgo off by itself because its C compiler "gcc" is not on the editor\'s PATH');
    expect(f!.message).toContain(`Your login shell finds it at ${GCC}`);
    expect(f!.fixes.map((x) => x.id)).toEqual(['login-path-to-profile', 'cgo-cc-path']);
  });

  // A tester's: gcc off the editor's PATH and a package of cgo files alone. go build fails outright
  // ("build constraints exclude all Go files"), but the report was a warning (exit 1), and gopls's
  // finding offered build.env CGO_ENABLED=1, which then fails with 'cgo: C compiler "gcc" not found'.
  it.skipIf(!GCC)('gcc off the PATH and a package made only of cgo files: an error quoting go, and no CGO_ENABLED=1 while gcc is missing', async () => {
    const bin = mkdtempSync(path.join(os.tmpdir(), 'cgo-bin-'));
    symlinkSync(GO!, path.join(bin, 'go'));
    const ws = tree({ ...CGO_MODULE, 'main/go.mod': 'module example.com/m\n\ngo 1.22\n', 'main/main.go': 'package main\n\n/*\nstatic int add(int a, int b) { return a + b; }\n*/\nimport "C"\nimport "fmt"\n\nfunc main() { fmt.Println(C.add(1, 2)) }\n' });
    const main = path.join(ws, 'main');
    const e = env({ PATH: bin });
    expect(execFileSync(GO!, ['env', 'CGO_ENABLED'], { env: e, encoding: 'utf8' }).trim()).toBe('0');
    const build = (x: NodeJS.ProcessEnv) => spawnSync(GO!, ['build', '-o', os.devNull, '.'], { cwd: main, env: x, encoding: 'utf8', timeout: 120_000 }).stderr;
    expect(build(e)).toContain(`build constraints exclude all Go files in ${main}`);
    expect(build({ ...e, CGO_ENABLED: '1' })).toContain('cgo: C compiler "gcc" not found');
    const report = await runDoctor({ host: new Host(), probes: [goplsProbe, cgoProbe], workspaces: [main], env: e, settings: { alternateGopls: GOPLS }, timeoutMs: 30_000 });
    const findings = report.causes.flatMap((c) => c.findings);
    const f = findings.find((x) => x.probeId === 'cgo');
    expect(f, JSON.stringify(findings.map((x) => x.message), null, 1)).toMatchObject({ classId: 'env-inheritance', severity: 'error' });
    expect(f!.message).toContain(`${main} is such a package: go build fails there with "build constraints exclude all Go files in ${main}"`);
    expect(report.causes[0]!.severity).toBe('error');
    const offered = report.causes.flatMap((c) => c.fixes.map((x) => x.id));
    expect(offered).not.toContain('gopls-build-env');
    const gopls = findings.find((x) => x.probeId === 'gopls' && x.message.includes('imports "C" and cgo is off'));
    expect(gopls, JSON.stringify(findings.map((x) => x.message), null, 1)).toBeDefined();
    expect(gopls!.message).toContain('cgo\'s C compiler "gcc" (go env CC) is not found either');
  });

  it('CGO_ENABLED=0 set in the environment over a cgo file: a finding naming the file, with CGO_ENABLED=1 offered', async () => {
    const ws = tree(CGO_MODULE);
    const e = env({ CGO_ENABLED: '0' });
    expect(goBuild(ws, e)).toMatch(/matched no packages|build constraints exclude all Go files/);
    const { findings } = await cgoFindings(ws, e);
    const f = findings.find((x) => x.probeId === 'cgo');
    expect(f?.message).toContain("CGO_ENABLED=0 is set in the editor's environment");
    expect(f?.message).toContain('1 file in the workspace imports "C"');
    if (GCC) expect(f!.fixes.map((x) => x.id)).toEqual(['cgo-enable']);
  });

  it.skipIf(!GCC)('a healthy cgo module with gcc on PATH: nothing to say, and no walk', async () => {
    const ws = tree(CGO_MODULE);
    const { findings, observed } = await cgoFindings(ws, env({ CGO_ENABLED: '1' }));
    expect(findings).toEqual([]);
    expect(observed).toMatchObject({ CGO_ENABLED: '1', ccFound: GCC });
    expect(observed).not.toHaveProperty('cgoFiles');
  });

  // A tester's: go build and gopls failed on every C.x, and the report said "should work here".
  it.skipIf(!GCC)('CGO_CFLAGS with a flag gcc rejects: gopls\'s cgo failure names the variable, and its offered value builds', async () => {
    const ws = tree({ ...CGO_MODULE, 'main/main.go': 'package main\n\n// static int add(int a, int b) { return a + b; }\nimport "C"\n\nfunc main() { println(C.add(1, 2)) }\n' });
    const e = env({ CGO_ENABLED: '1', CGO_CFLAGS: '-fno-such-flag-for-the-doctor' });
    expect(goBuild(ws, e)).toMatch(/unrecognized command[- ]line option '-fno-such-flag-for-the-doctor'/);
    const report = await runDoctor({ host: new Host(), probes: [goplsProbe, cgoProbe], workspaces: [ws], env: e, settings: { alternateGopls: GOPLS, activeFile: path.join(ws, 'main/main.go') }, timeoutMs: 30_000 });
    const first = report.causes[0];
    expect(first).toMatchObject({ id: 'env-inheritance', severity: 'error', title: 'cgo cannot build the packages that import "C"' });
    const f = first!.findings.find((x) => x.message.startsWith('CGO_CFLAGS=-fno-such-flag-for-the-doctor'))!;
    expect(f.message).toContain('from the environment the editor was started with');
    const fix = f.fixes.find((x) => x.kind === 'setting' && x.key === 'go.toolsEnvVars') as { value: Record<string, string> } | undefined;
    expect(fix?.value).toEqual({ CGO_CFLAGS: '-O2 -g' });
    expect(goBuild(ws, { ...e, ...fix!.value })).toBe('');
  }, 60_000);

  // A tester's: CC on a noexec mount was "not found / no executable file there"; go said "permission denied".
  it.skipIf(!GCC || process.getuid?.() !== 0)('CC on a tmpfs mounted noexec: a noexec-mount error naming the mount, and after the offered remount go builds', async () => {
    const ws = tree(CGO_MODULE);
    const mnt = mkdtempSync(path.join(os.tmpdir(), 'cgo-noexec-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'noexec,nosuid,nodev,size=1m', 'tmpfs', mnt]);
    try {
      const cc = path.join(mnt, 'mycc');
      writeFileSync(cc, `#!/bin/sh\nexec ${GCC} "$@"\n`, { mode: 0o755 });
      const e = env({ CGO_ENABLED: '1', CC: cc });
      expect(goBuild(ws, e)).toContain(`cgo: C compiler "${cc}" not found: exec: "${cc}": permission denied`);
      const { findings, observed } = await cgoFindings(ws, e);
      expect(observed).toMatchObject({ ccNoexecMount: mnt });
      const [f, ...rest] = findings.filter((x) => x.probeId === 'cgo');
      expect(rest).toEqual([]);
      expect(f).toMatchObject({ classId: 'noexec-mount', severity: 'error' });
      expect(f!.message).toContain(`is on ${mnt}, mounted noexec`);
      expect(f!.fixes.map((x) => x.id)).toEqual(['cgo-cc-path', 'cgo-cc-remount-exec']);
      execFileSync('mount', ['-o', 'remount,exec', mnt]);
      expect(goBuild(ws, e)).toBe('');
    } finally {
      execFileSync('umount', [mnt]);
      rmSync(mnt, { recursive: true, force: true });
    }
  }, 60_000);
});
