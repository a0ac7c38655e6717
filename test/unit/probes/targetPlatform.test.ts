import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { excludedWords, runsHere, runWords, type Platform } from '../../../src/probes/targetPlatform.js';
import { readForeignExec, type ForeignExec } from '../../../src/facts/foreignExec.js';
import { Host } from '../../../src/host/host.js';

const p = (s: string): Platform => ({ goos: s.split('/')[0]!, goarch: s.split('/')[1]! });
const ia32On: ForeignExec['ia32'] = { builtIn: true, disabled: false, source: 'stat /proc/sys/abi/vsyscall32', excerpt: 'present' };
const none: ForeignExec = { binfmt: { mounted: true, enabled: true, handlers: [] }, ia32: ia32On };
const handler = (goarch: string, usable = true) => ({ name: `qemu-${goarch}`, enabled: true, interpreter: `/usr/bin/qemu-${goarch}-static`, flags: 'F', goarch, usable });
const qemu = (goarch: string, usable = true): ForeignExec => ({ binfmt: { mounted: true, enabled: true, handlers: [handler(goarch, usable)] } });

describe('can a binary for GOOS/GOARCH run on this machine', () => {
  it.each([
    // target, host, kernel facts, verdict
    ['linux/amd64', 'linux/amd64', none, 'yes'],
    ['linux/386', 'linux/amd64', none, 'yes'],
    ['linux/386', 'linux/amd64', { ...none, ia32: { ...ia32On, disabled: true } }, 'no'],
    ['linux/386', 'linux/amd64', { ...none, ia32: { ...ia32On, builtIn: false } }, 'no'],
    ['linux/arm64', 'linux/amd64', none, 'no'],
    ['linux/arm64', 'linux/amd64', qemu('arm64'), 'yes'],
    ['linux/arm64', 'linux/amd64', qemu('arm64', false), 'no'],
    ['linux/riscv64', 'linux/amd64', qemu('arm64'), 'no'],
    ['linux/arm64', 'linux/amd64', { binfmt: { mounted: false } }, 'unknown'],
    ['linux/arm64', 'linux/amd64', { binfmt: { mounted: true, enabled: false, handlers: [handler('arm64')] } }, 'no'],
    ['linux/arm', 'linux/arm64', { binfmt: { mounted: true, enabled: true, handlers: [] } }, 'unknown'],
    ['linux/arm', 'linux/arm64', qemu('arm'), 'yes'],
    ['linux/amd64', 'linux/arm64', qemu('amd64'), 'yes'],
    ['linux/amd64', 'linux/386', none, 'no'],
    ['windows/amd64', 'linux/amd64', none, 'no'],
    ['darwin/arm64', 'linux/amd64', qemu('arm64'), 'no'],
    ['windows/386', 'linux/amd64', none, 'no'],
  ] as Array<[string, string, ForeignExec, string]>)('%s on %s: %s', (target, host, facts, want) => {
    const v = runsHere(p(target), p(host), facts);
    expect(v.runs).toBe(want);
  });

  it('says how or why, with the handler file as evidence', () => {
    const yes = runsHere(p('linux/arm64'), p('linux/amd64'), qemu('arm64'));
    expect(runWords(p('linux/arm64'), yes)).toBe('go test and go run still work: they build linux/arm64 binaries, and the kernel hands arm64 programs to /usr/bin/qemu-arm64-static (binfmt_misc handler qemu-arm64)');
    expect(yes.evidence[0]!.source).toBe('/proc/sys/fs/binfmt_misc/qemu-arm64');
    expect(runWords(p('windows/amd64'), runsHere(p('windows/amd64'), p('linux/amd64'), none))).toMatch(/binaries this machine cannot run \(windows programs do not run on linux\): they fail with "exec format error"$/);
    expect(runWords(p('linux/386'), runsHere(p('linux/386'), p('linux/amd64'), none))).toMatch(/still work: .*IA32 emulation/);
    expect(runWords(p('linux/arm64'), runsHere(p('linux/arm64'), p('linux/amd64'), { binfmt: { mounted: false } }))).toMatch(/only through an emulator registered with binfmt_misc .*not mounted here$/);
  });
});

describe('what gopls leaves out for another target', () => {
  it('an architecture drops its files and tag, never the OS\'s', () => {
    const w = excludedWords(p('linux/arm64'), p('linux/amd64'), false);
    expect(w).toBe('files for amd64 (*_amd64.go, *_amd64.s, //go:build amd64) are left out and those for arm64 taken in, so names declared only in the left-out files show as undefined');
    expect(w).not.toContain('linux');
    expect(excludedWords(p('linux/amd64'), p('linux/riscv64'), false)).toContain('*_riscv64.go, *_riscv64.s, //go:build riscv64');
  });

  it('an OS drops its files and tag, and unix only when the target is not one', () => {
    expect(excludedWords(p('windows/amd64'), p('linux/amd64'), false)).toMatch(/^files for linux \(\*_linux\.go, \/\/go:build linux or unix\) are left out and those for windows taken in/);
    expect(excludedWords(p('darwin/amd64'), p('linux/amd64'), false)).toMatch(/^files for linux \(\*_linux\.go, \/\/go:build linux\) are left out and those for darwin/);
    expect(excludedWords(p('windows/arm64'), p('freebsd/amd64'), false)).toMatch(/^files for freebsd and amd64 \(\*_freebsd\.go, \*_amd64\.go, \*_amd64\.s, \/\/go:build freebsd or unix or amd64\) are left out and those for windows and arm64/);
  });

  it('names cgo only when go turned it off for the cross build', () => {
    expect(excludedWords(p('linux/386'), p('linux/amd64'), true)).toMatch(/; cgo is off for this cross build \(go env CGO_ENABLED=0\), so files that import "C" are left out too$/);
  });
});

describe('reading the kernel facts through a host', () => {
  function host(files: Record<string, string>, dirs: string[] = []): Host {
    const root = mkdtempSync(path.join(os.tmpdir(), 'foreign-exec-'));
    for (const d of dirs) mkdirSync(path.join(root, d), { recursive: true });
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    }
    return new Host({ root, pid: 1, uid: 0 });
  }
  const aarch64 = 'enabled\ninterpreter /usr/bin/qemu-aarch64-static\nflags: \noffset 0\nmagic 7f454c460201010000000000000000000200b700\nmask ffffffffffffff00fffffffffffffffffeffffff\n';

  it('an empty binfmt_misc directory is "not mounted"; a handler whose interpreter is gone without F is unusable', async () => {
    expect((await readForeignExec(host({}, ['proc/sys/fs/binfmt_misc']), 'amd64')).binfmt).toEqual({ mounted: false });
    const gone = await readForeignExec(host({ 'proc/sys/fs/binfmt_misc/status': 'enabled\n', 'proc/sys/fs/binfmt_misc/register': '', 'proc/sys/fs/binfmt_misc/qemu-aarch64': aarch64 }), 'amd64');
    expect(gone.binfmt).toMatchObject({ mounted: true, enabled: true, handlers: [{ name: 'qemu-aarch64', goarch: 'arm64', usable: false }] });
    const there = await readForeignExec(host({ 'proc/sys/fs/binfmt_misc/status': 'enabled\n', 'proc/sys/fs/binfmt_misc/qemu-aarch64': aarch64, 'usr/bin/qemu-aarch64-static': '' }), 'amd64');
    expect(there.binfmt).toMatchObject({ handlers: [{ usable: true }] });
    expect(runsHere(p('linux/arm64'), p('linux/amd64'), there).runs).toBe('yes');
  });

  it.each([
    [{}, 'not built in', true],
    [{ 'proc/sys/abi/vsyscall32': '1\n', 'proc/cmdline': 'quiet\n' }, 'on', false],
    [{ 'proc/sys/abi/vsyscall32': '1\n', 'proc/cmdline': 'quiet ia32_emulation=false\n' }, 'off on the command line', true],
    [{ 'proc/sys/abi/vsyscall32': '1\n', 'proc/cmdline': 'quiet\n', 'proc/sys/kernel/osrelease': '6.8.0-x\n', 'boot/config-6.8.0-x': 'CONFIG_IA32_EMULATION=y\nCONFIG_IA32_EMULATION_DEFAULT_DISABLED=y\n' }, 'off by default', true],
    [{ 'proc/sys/abi/vsyscall32': '1\n', 'proc/cmdline': 'ia32_emulation=1\n', 'proc/sys/kernel/osrelease': '6.8.0-x\n', 'boot/config-6.8.0-x': 'CONFIG_IA32_EMULATION_DEFAULT_DISABLED=y\n' }, 'on again from the command line', false],
  ] as Array<[Record<string, string>, string, boolean]>)('IA32 emulation %#: %s', async (files, _what, disabled) => {
    const f = await readForeignExec(host(files), 'amd64');
    expect(f.ia32!.disabled).toBe(disabled);
    expect(runsHere(p('linux/386'), p('linux/amd64'), f).runs).toBe(disabled ? 'no' : 'yes');
  });

  it('reads no IA32 state off x86-64', async () => {
    expect((await readForeignExec(host({ 'proc/sys/abi/vsyscall32': '1\n' }), 'arm64')).ia32).toBeUndefined();
  });
});
