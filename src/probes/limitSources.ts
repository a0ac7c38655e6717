// Reads what fixes/limitsConf.ts needs to build an rlimit fix that takes effect: the user's name,
// every pam_limits rule line, shell start-up lines that run `ulimit` with the value in force, and
// whether a new session could get a higher hard limit at all (CAP_SYS_RESOURCE, ancestors' limits).
import path from 'node:path';
import type { Host } from '../host/host.js';
import { findLimit, parseLimits, type ResourceLimit } from '../procfs/limits.js';
import { procOf } from '../procfs/procs.js';
import { parseLimitsConf, ulimitLines, type LimitItem, type LimitsContext, type LimitsLine, type UlimitSite } from '../fixes/limitsConf.js';

const LIMITS_CONF = '/etc/security/limits.conf';
const LIMITS_D = '/etc/security/limits.d';
/** CAP_SYS_RESOURCE is capability 24: without it in the bounding set no process can raise a hard limit. */
const CAP_SYS_RESOURCE = 24n;
const LIMIT_NAMES: Record<LimitItem, string> = { nproc: 'Max processes', nofile: 'Max open files', as: 'Max address space', data: 'Max data size', fsize: 'Max file size' };

/** Pure: the name /etc/passwd gives a uid. */
export function userNameOf(passwd: string | undefined, uid: number): string | undefined {
  for (const line of (passwd ?? '').split('\n')) {
    const f = line.split(':');
    if (f.length >= 7 && Number(f[2]) === uid && f[0]) return f[0];
  }
  return undefined;
}

/** Pure: the home /etc/passwd gives a uid. */
function homeOf(passwd: string | undefined, uid: number): string | undefined {
  for (const line of (passwd ?? '').split('\n')) {
    const f = line.split(':');
    if (f.length >= 7 && Number(f[2]) === uid && f[5]) return f[5];
  }
  return undefined;
}

/** Pure: is CAP_SYS_RESOURCE in a /proc/PID/status CapBnd mask? Undefined when unreadable. */
export function hasSysResource(status: string | undefined): boolean | undefined {
  const hex = /^CapBnd:\s*([0-9a-f]+)$/im.exec(status ?? '')?.[1];
  return hex === undefined ? undefined : ((BigInt(`0x${hex}`) >> CAP_SYS_RESOURCE) & 1n) === 1n;
}

/** The shell start-up files a login or an interactive shell reads, the user's and the system's. */
function startupFiles(home: string | undefined, profileD: readonly string[]): string[] {
  const own = home ? ['.profile', '.bash_profile', '.bash_login', '.bashrc', '.zshenv', '.zprofile', '.zshrc', '.zlogin'].map((f) => path.join(home, f)) : [];
  return [...own, '/etc/profile', '/etc/bash.bashrc', '/etc/bashrc', '/etc/zsh/zshenv', '/etc/zsh/zprofile', '/etc/zsh/zshrc', ...profileD];
}

export async function readLimitSources(host: Host, items: Partial<Record<LimitItem, ResourceLimit>>, env: NodeJS.ProcessEnv): Promise<LimitsContext> {
  const passwd = await host.readText('/etc/passwd');
  const user = userNameOf(passwd, host.uid);
  const home = env.HOME || homeOf(passwd, host.uid);
  const dropIns = ((await host.list(LIMITS_D)) ?? []).filter((n) => n.endsWith('.conf')).sort();
  const confFiles = [LIMITS_CONF, ...dropIns.map((n) => path.join(LIMITS_D, n))];
  const lines: LimitsLine[] = [];
  for (const f of confFiles) {
    const text = await host.readText(f, 256 * 1024);
    if (text !== undefined) lines.push(...parseLimitsConf(f, text));
  }
  const profileD = ((await host.list('/etc/profile.d')) ?? []).filter((n) => n.endsWith('.sh')).sort().map((n) => path.join('/etc/profile.d', n));
  const shellTexts = await Promise.all(startupFiles(home, profileD).map(async (f) => [f, await host.readText(f, 256 * 1024)] as const));
  const ulimits: Partial<Record<LimitItem, UlimitSite[]>> = {};
  const hardCeiling: Partial<Record<LimitItem, number>> = {};
  const sysResource = hasSysResource(await host.readText(procOf(host, 'self', 'status')));
  const ancestors = await ancestorLimits(host);
  for (const [item, limit] of Object.entries(items) as Array<[LimitItem, ResourceLimit | undefined]>) {
    if (!limit) continue;
    // /proc/PID/limits says bytes; ulimit -v/-d/-f and limits.conf's as/data/fsize say KiB.
    const unit = item === 'nproc' || item === 'nofile' ? 1 : 1024;
    const value = typeof limit.soft === 'number' ? Math.floor(limit.soft / unit) : undefined;
    const hard = typeof limit.hard === 'number' ? Math.floor(limit.hard / unit) : undefined;
    const sites = shellTexts.flatMap(([f, t]) => (t === undefined ? [] : [...(value !== undefined ? ulimitLines(f, t, item, value) : []), ...(hard !== undefined && hard !== value ? ulimitLines(f, t, item, hard) : [])]));
    if (sites.length) ulimits[item] = sites;
    if (sysResource === false && hard !== undefined) {
      const above = ancestors.map((a) => findLimit(a, LIMIT_NAMES[item])?.hard).filter((h): h is number => typeof h === 'number').map((h) => Math.floor(h / unit)).filter((h) => h > hard);
      if (above.length) hardCeiling[item] = Math.min(...above);
    }
  }
  return { uid: host.uid, ...(user ? { user } : {}), lines, ulimits, ...(Object.keys(hardCeiling).length ? { hardCeiling } : {}), ...(sysResource === false ? { noSysResource: true } : {}) };
}

/** The rlimits of this process's ancestors, parent first, up to pid 1 (at most 32 steps). */
async function ancestorLimits(host: Host): Promise<ReturnType<typeof parseLimits>[]> {
  const out: ReturnType<typeof parseLimits>[] = [];
  let pid = host.pid;
  for (let i = 0; i < 32 && pid > 1; i++) {
    const status = await host.readText(procOf(host, pid, 'status'));
    const ppid = Number(/^PPid:\s*(\d+)/m.exec(status ?? '')?.[1]);
    if (!Number.isInteger(ppid) || ppid < 1) break;
    const limits = await host.readText(procOf(host, ppid, 'limits'));
    if (limits !== undefined) out.push(parseLimits(limits));
    pid = ppid;
  }
  return out;
}
