// The sysctl.d files that set a key at boot, as systemd-sysctl reads them (sysctl.d(5)): every
// *.conf in /etc/sysctl.d, /run/sysctl.d, /usr/local/lib/sysctl.d, /usr/lib/sysctl.d (and
// /lib/sysctl.d), a name in an earlier directory masking the same name in a later one, all read
// in the lexicographic order of their names, so the last file that sets a key wins. A fix that
// writes 60-inotify-watches.conf is undone at the next boot by a 99-*.conf setting it lower (a
// tester checked with systemd-sysctl: the value went back to 12).
import path from 'node:path';
import type { Host } from '../host/host.js';

export const SYSCTL_DIRS = ['/etc/sysctl.d', '/run/sysctl.d', '/usr/local/lib/sysctl.d', '/usr/lib/sysctl.d', '/lib/sysctl.d'];
const MAX_FILES = 200;

export interface SysctlFile {
  path: string;
  text: string;
  /** The file a symlink names (Debian's /etc/sysctl.d/99-sysctl.conf → /etc/sysctl.conf). */
  linksTo?: string;
}

/**
 * procps's `sysctl --system` reads it after every sysctl.d directory, so a key it sets wins over any
 * drop-in there whatever its name; systemd-sysctl reads it only through a sysctl.d link to it
 * (Debian's 99-sysctl.conf). A tester's zz-inotify-watches.conf was undone by `sysctl --system`.
 */
export const SYSCTL_CONF = '/etc/sysctl.conf';

/** Pure: the value the last line setting `key` in a sysctl file's text gives it. */
export function valueIn(text: string, key: string): string | undefined {
  let value: string | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    // "-key = value" ignores a failure to set it; keys may be written with / for .
    const m = /^-?([^=\s]+)\s*=\s*(.*)$/.exec(line);
    if (m && m[1]!.replace(/\//g, '.') === key) value = m[2]!.trim();
  }
  return value;
}

export interface SysctlSetter {
  path: string;
  value: string;
  linksTo?: string;
}

/** Pure: the files that set `key`, in the order systemd-sysctl applies them (the last wins). */
export function sysctlSetters(files: readonly SysctlFile[], key: string): SysctlSetter[] {
  const byName = new Map<string, SysctlFile>();
  // Earlier directories mask later ones' files of the same name.
  for (const dir of SYSCTL_DIRS) for (const f of files) if (path.dirname(f.path) === dir && !byName.has(path.basename(f.path))) byName.set(path.basename(f.path), f);
  const out: SysctlSetter[] = [];
  for (const name of [...byName.keys()].sort()) {
    const f = byName.get(name)!;
    const value = valueIn(f.text, key);
    if (value !== undefined) out.push({ path: f.path, value, ...(f.linksTo ? { linksTo: f.linksTo } : {}) });
  }
  return out;
}

/**
 * The /etc/sysctl.d name a fix writes `key` to: `wanted` unless a file applied after it sets the
 * key too, then one that sorts after every such file (and the setters it must outlast).
 */
export function dropInName(wanted: string, setters: readonly SysctlSetter[]): { name: string; later: SysctlSetter[] } {
  const later = setters.filter((s) => path.basename(s.path) >= wanted && s.path !== path.join('/etc/sysctl.d', wanted));
  if (!later.length) return { name: wanted, later: [] };
  const last = later.map((s) => path.basename(s.path)).sort().at(-1)!;
  // "zz-…" sorts after the digits every distribution's names start with; after a "zz…" name too.
  let name = `zz-${wanted.replace(/^\d+-/, '')}`;
  while (name <= last) name = `z${name}`;
  return { name, later };
}

/** The *.conf files of the sysctl.d directories, read through the host (fixture trees too). */
export async function readSysctlFiles(host: Host): Promise<SysctlFile[]> {
  const out: SysctlFile[] = [];
  for (const dir of SYSCTL_DIRS) {
    const names = ((await host.list(dir)) ?? []).filter((n) => n.endsWith('.conf')).slice(0, MAX_FILES);
    for (const n of names) {
      const p = path.join(dir, n);
      const text = await host.readText(p, 64 * 1024);
      const link = host.readlinkSync(p);
      if (text !== undefined) out.push({ path: p, text, ...(link ? { linksTo: path.resolve(dir, link) } : {}) });
    }
  }
  const conf = await host.readText(SYSCTL_CONF, 64 * 1024);
  if (conf !== undefined) out.push({ path: SYSCTL_CONF, text: conf });
  return out;
}
