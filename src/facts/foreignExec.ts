// Which binaries built for another architecture this kernel runs anyway: 32-bit x86 ones on an
// x86-64 kernel (IA32 emulation), and any architecture an emulator is registered for with
// binfmt_misc (qemu-user). A GOARCH other than the machine's leaves `go test` and `go run` working
// where one of these applies (measured: GOARCH=386 go test passes on amd64; GOARCH=arm64 fails
// with "exec format error" where no qemu handler is registered).
import path from 'node:path';
import type { Host } from '../host/host.js';
import { parseBinfmtEntry, type BinfmtHandler } from '../procfs/binfmtMisc.js';

export const BINFMT_DIR = '/proc/sys/fs/binfmt_misc';

export type BinfmtState =
  /** Not mounted here (an empty directory): handlers registered elsewhere (a container's host, before Linux 6.7) may still apply. */
  | { mounted: false }
  | { mounted: true; enabled: boolean; handlers: Array<BinfmtHandler & { usable: boolean }> };

/** What the kernel says about 32-bit x86 programs; undefined off x86-64 or where nothing says. */
export interface Ia32State {
  /** /proc/sys/abi/vsyscall32 exists only in a kernel built with IA32 emulation. */
  builtIn: boolean;
  /** Off at boot: ia32_emulation=0 on the command line, or CONFIG_IA32_EMULATION_DEFAULT_DISABLED without ia32_emulation=1. */
  disabled: boolean;
  /** Where the answer was read, for evidence. */
  source: string;
  excerpt: string;
}

export interface ForeignExec {
  binfmt: BinfmtState;
  ia32?: Ia32State;
}

async function readBinfmt(host: Host): Promise<BinfmtState> {
  const names = await host.list(BINFMT_DIR);
  if (!names || !names.includes('status')) return { mounted: false };
  const enabled = (await host.readText(path.posix.join(BINFMT_DIR, 'status'), 64))?.trim() === 'enabled';
  const handlers: Array<BinfmtHandler & { usable: boolean }> = [];
  for (const name of names.filter((n) => n !== 'status' && n !== 'register').slice(0, 64)) {
    const text = await host.readText(path.posix.join(BINFMT_DIR, name), 4096);
    if (text === undefined) continue;
    const h = parseBinfmtEntry(name, text);
    // Without "F" the kernel opens the interpreter at each exec, by path: a removed qemu package
    // leaves the handler registered and every exec failing.
    const usable = h.enabled && !!h.interpreter && (h.flags.includes('F') || (await host.exists(h.interpreter)));
    handlers.push({ ...h, usable });
  }
  return { mounted: true, enabled, handlers };
}

/** kstrtobool's words, as the kernel reads ia32_emulation=. */
function bootBool(v: string): boolean | undefined {
  if (/^(?:1|y|yes|on|true)$/i.test(v)) return true;
  if (/^(?:0|n|no|off|false)$/i.test(v)) return false;
  return undefined;
}

async function readIa32(host: Host): Promise<Ia32State | undefined> {
  const builtIn = await host.exists('/proc/sys/abi/vsyscall32');
  if (!builtIn) return { builtIn, disabled: true, source: 'stat /proc/sys/abi/vsyscall32', excerpt: 'ENOENT: the kernel is built without IA32 emulation' };
  const cmdline = (await host.readText('/proc/cmdline', 64 * 1024)) ?? '';
  const arg = /(?:^|\s)ia32_emulation=(\S+)/.exec(cmdline);
  const onCmdline = arg ? bootBool(arg[1]!) : undefined;
  if (onCmdline !== undefined) return { builtIn, disabled: !onCmdline, source: '/proc/cmdline', excerpt: arg![0].trim() };
  const release = (await host.readText('/proc/sys/kernel/osrelease', 256))?.trim();
  const configFile = release ? `/boot/config-${release}` : undefined;
  const config = configFile ? await host.readText(configFile, 1024 * 1024) : undefined;
  const offByDefault = config ? /^CONFIG_IA32_EMULATION_DEFAULT_DISABLED=y$/m.test(config) : false;
  if (offByDefault) return { builtIn, disabled: true, source: configFile!, excerpt: 'CONFIG_IA32_EMULATION_DEFAULT_DISABLED=y (and no ia32_emulation=1 in /proc/cmdline)' };
  return { builtIn, disabled: false, source: 'stat /proc/sys/abi/vsyscall32', excerpt: 'present: the kernel runs 32-bit x86 programs' };
}

/** Reads what decides whether a foreign-architecture binary runs here; `hostArch` is go env GOHOSTARCH. */
export async function readForeignExec(host: Host, hostArch: string): Promise<ForeignExec> {
  const [binfmt, ia32] = await Promise.all([readBinfmt(host), hostArch === 'amd64' ? readIa32(host) : Promise.resolve(undefined)]);
  return { binfmt, ...(ia32 ? { ia32 } : {}) };
}
