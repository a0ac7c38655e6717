// GOOS/GOARCH naming another platform than this machine: what gopls then leaves out, and whether
// the binaries go test and go run build can still run here. Pure: the go env values and the
// kernel's facts (facts/foreignExec.ts) in, words out. A tester's GOARCH=arm64 on linux/amd64 was
// told "files with //go:build linux tags are excluded" (GOOS was linux: they are not), and
// GOARCH=386 "binaries this machine cannot run" (GOARCH=386 go test passes on amd64).
import type { Evidence } from '../doctor/model.js';
import { BINFMT_DIR, type ForeignExec } from '../facts/foreignExec.js';

export interface Platform {
  goos: string;
  goarch: string;
}

export type RunsHere =
  | { runs: 'yes'; how: string; evidence: Evidence[] }
  | { runs: 'no'; why: string; evidence: Evidence[] }
  /** Nothing this process can read decides it (a CPU feature, handlers it cannot see). */
  | { runs: 'unknown'; why: string; evidence: Evidence[] };

/** GOOS values that satisfy //go:build unix (go/build's unixOS list). */
const UNIX_OS = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'linux', 'netbsd', 'openbsd', 'solaris']);

/**
 * Pure: can a program built for `target` run on `host`. Only a program for the same OS can (the
 * kernel's system calls are the OS's); of those, one for the machine's own architecture, a 32-bit
 * x86 one on an x86-64 kernel with IA32 emulation on, and a Linux one for any architecture an
 * enabled binfmt_misc handler (qemu-user) takes.
 */
export function runsHere(target: Platform, host: Platform, facts: ForeignExec): RunsHere {
  if (target.goos !== host.goos) return { runs: 'no', why: `${target.goos} programs do not run on ${host.goos}`, evidence: [] };
  if (target.goarch === host.goarch) return { runs: 'yes', how: 'this is its own architecture', evidence: [] };
  const b = facts.binfmt;
  const handler = b.mounted && b.enabled && target.goos === 'linux' ? b.handlers.find((h) => h.goarch === target.goarch && h.usable) : undefined;
  if (handler) {
    return {
      runs: 'yes',
      how: `the kernel hands ${target.goarch} programs to ${handler.interpreter} (binfmt_misc handler ${handler.name})`,
      evidence: [{ source: `${BINFMT_DIR}/${handler.name}`, excerpt: `enabled\ninterpreter ${handler.interpreter}\nflags: ${handler.flags}` }],
    };
  }
  if (host.goarch === 'amd64' && target.goarch === '386' && facts.ia32) {
    const ev: Evidence[] = [{ source: facts.ia32.source, excerpt: facts.ia32.excerpt }];
    return facts.ia32.builtIn && !facts.ia32.disabled
      ? { runs: 'yes', how: 'the x86-64 kernel runs 32-bit x86 programs (IA32 emulation)', evidence: ev }
      : { runs: 'no', why: `the kernel's IA32 emulation is ${facts.ia32.builtIn ? 'switched off' : 'not built in'}`, evidence: ev };
  }
  const emulatorWords = (mounted: string) => `no binfmt_misc handler (qemu-user) for ${target.goarch}; ${mounted}`;
  const binfmtEv: Evidence[] = b.mounted
    ? [{ source: BINFMT_DIR, excerpt: b.handlers.length ? `${b.enabled ? 'enabled' : 'disabled'}; handlers: ${b.handlers.map((h) => `${h.name}${h.goarch ? ` (${h.goarch}${h.usable ? '' : ', unusable'})` : ''}`).join(', ')}` : `${b.enabled ? 'enabled' : 'disabled'}; no handler registered` }]
    : [{ source: BINFMT_DIR, excerpt: 'not mounted (empty)' }];
  if (host.goarch === 'arm64' && target.goarch === 'arm') {
    // Whether the CPU executes AArch32 at EL0 is not in any file a process can read (many recent
    // Arm server and Apple cores do not); the kernel needs CONFIG_COMPAT as well.
    return { runs: 'unknown', why: `run here only if this CPU executes 32-bit Arm code (many recent Arm cores do not) or an emulator is registered: ${emulatorWords(b.mounted ? 'none is registered' : `${BINFMT_DIR} is not mounted here`)}`, evidence: binfmtEv };
  }
  if (!b.mounted) {
    // Handlers registered outside this mount namespace (a container's host, before Linux 6.7) still apply.
    return { runs: 'unknown', why: `run here only through an emulator registered with binfmt_misc (qemu-user), and none is visible: ${BINFMT_DIR} is not mounted here`, evidence: binfmtEv };
  }
  return { runs: 'no', why: b.enabled ? emulatorWords('none is registered') : `binfmt_misc is disabled (${BINFMT_DIR}/status)`, evidence: binfmtEv };
}

/**
 * Pure: what gopls leaves out when it type-checks for `target` instead of `host`, worded by what
 * differs: an OS drops the OS's files (name suffix, //go:build tag, and unix when the target is
 * not one), an architecture drops the architecture's (.go and assembly).
 */
export function excludedWords(target: Platform, host: Platform, cgoOffForCross: boolean): string {
  const os = target.goos !== host.goos;
  const arch = target.goarch !== host.goarch;
  const files: string[] = [];
  const tags: string[] = [];
  if (os) {
    files.push(`*_${host.goos}.go`);
    tags.push(host.goos);
    if (UNIX_OS.has(host.goos) && !UNIX_OS.has(target.goos)) tags.push('unix');
  }
  if (arch) {
    files.push(`*_${host.goarch}.go`, `*_${host.goarch}.s`);
    tags.push(host.goarch);
  }
  const what = [os ? host.goos : '', arch ? host.goarch : ''].filter(Boolean).join(' and ');
  const instead = [os ? target.goos : '', arch ? target.goarch : ''].filter(Boolean).join(' and ');
  const cgo = cgoOffForCross ? '; cgo is off for this cross build (go env CGO_ENABLED=0), so files that import "C" are left out too' : '';
  return `files for ${what} (${files.join(', ')}, //go:build ${tags.join(' or ')}) are left out and those for ${instead} taken in, so names declared only in the left-out files show as undefined${cgo}`;
}

/** Pure: the sentence on go test and go run for a verdict. */
export function runWords(target: Platform, verdict: RunsHere): string {
  const t = `${target.goos}/${target.goarch}`;
  switch (verdict.runs) {
    case 'yes':
      return `go test and go run still work: they build ${t} binaries, and ${verdict.how}`;
    case 'no':
      return `go test and go run build ${t} binaries this machine cannot run (${verdict.why}): they fail with "exec format error"`;
    case 'unknown':
      return `go test and go run build ${t} binaries, which ${verdict.why}`;
    default: {
      const never: never = verdict;
      return never;
    }
  }
}
