// FS-Cache, the local disk cache under NFS/9p/AFS/Ceph mounts made with `fsc` (kernel
// Documentation/filesystems/caching/fscache.rst), and its user-space half cachefilesd. Pure:
// text in, records out.
//
// /proc/fs/fscache/stats (a symlink to /proc/fs/netfs since 5.17) is lines of
// "Name   : key=value key=value". A name can repeat ("RdHelp :", "Netfs  :"); their keys differ.
//   5.17+:  NoSpace: nwr=0 ncr=0 cull=0        (writes/creates refused for lack of space, objects culled)
//   older:  CacheEv: nsp=0 stl=0 rtr=0 cul=0   (no space, stale, retired, culled)
//           Ops    : pend=0 run=0 enq=0 can=0 rej=0
// /proc/fs/fscache/caches (5.17+) lists the bound caches under a two-line header; a header
// alone means no cache is bound (cachefilesd is not running), so `fsc` caches nothing.

export type FscacheStats = Map<string, Map<string, number>>;

const MAX_LINE = 512;

/** Every "Name : k=v …" line; repeated names merge their keys. Mail archives' "=3D" is decoded. */
export function parseFscacheStats(text: string): FscacheStats {
  const out: FscacheStats = new Map();
  for (const raw of text.split('\n')) {
    // Real lines are under 100 characters; a longer one is not a stats line (and stays linear).
    if (raw.length > MAX_LINE) continue;
    const line = raw.replace(/=3D/g, '=').replace(/^[>\s]+/, '').trimEnd();
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!/^[A-Za-z][A-Za-z ]*$/.test(name)) continue;
    const pairs = [...line.slice(colon + 1).matchAll(/([A-Za-z0-9]+)=(\d+)/g)];
    if (pairs.length === 0) continue;
    const map = out.get(name) ?? new Map<string, number>();
    for (const p of pairs) map.set(p[1]!, Number(p[2]));
    out.set(name, map);
  }
  return out;
}

export interface FscacheSpace {
  /** Writes to the cache refused for lack of space (NoSpace nwr, or CacheEv nsp on older kernels). */
  noWriteSpace: number;
  /** Cache objects not created for lack of space (NoSpace ncr). */
  noCreateSpace: number;
  /** Objects culled to make room (NoSpace cull, CacheEv cul). */
  culled: number;
  /** Operations waiting to run (Ops pend, before 5.17). */
  pendingOps?: number;
  /** Cookies in use: anything being cached at all. */
  cookies?: number;
}

/** The counters that say the cache is out of room or backed up, whichever kernel printed them. */
export function fscacheSpace(stats: FscacheStats): FscacheSpace | undefined {
  const ns = stats.get('NoSpace');
  const ev = stats.get('CacheEv');
  if (!ns && !ev) return undefined;
  return {
    noWriteSpace: ns?.get('nwr') ?? ev?.get('nsp') ?? 0,
    noCreateSpace: ns?.get('ncr') ?? 0,
    culled: ns?.get('cull') ?? ev?.get('cul') ?? 0,
    pendingOps: stats.get('Ops')?.get('pend'),
    cookies: stats.get('Cookies')?.get('n'),
  };
}

export interface BoundCache {
  name: string;
  /** The state letter the kernel prints (fscache_cache_states: "-" inactive, "P" preparing, "A" active, "W" withdrawn). */
  state: string;
  raw: string;
}

/** /proc/fs/fscache/caches: the rows under the "CACHE REF …" header and its "====" rule. */
export function parseFscacheCaches(text: string): BoundCache[] {
  const out: BoundCache[] = [];
  for (const raw of text.split('\n')) {
    if (raw.length > MAX_LINE) continue;
    const line = raw.trim();
    if (!line || line.startsWith('CACHE') || line.startsWith('=')) continue;
    const f = line.split(/\s+/);
    // CACHE REF VOLS OBJS ACCES S NAME
    if (f.length >= 7 && /^[0-9a-f]+$/i.test(f[0]!)) out.push({ state: f[5]!, name: f.slice(6).join(' '), raw: line });
  }
  return out;
}

export interface CachefilesdConf {
  dir: string;
  /** Percent of the cache's file system that must stay free: culling starts below bcull, caching stops below bstop. */
  brun: number;
  bcull: number;
  bstop: number;
}

/** cachefilesd.conf(5); its defaults (dir /var/cache/fscache, brun 10%, bcull 7%, bstop 3%) where unset. */
export function parseCachefilesdConf(text: string | undefined): CachefilesdConf {
  const conf: CachefilesdConf = { dir: '/var/cache/fscache', brun: 10, bcull: 7, bstop: 3 };
  for (const raw of (text ?? '').split('\n')) {
    if (raw.length > MAX_LINE) continue;
    const line = raw.replace(/#.*/, '').trim();
    const m = /^(dir|brun|bcull|bstop)\s+(\S+)/.exec(line);
    if (!m) continue;
    if (m[1] === 'dir') conf.dir = m[2]!;
    else {
      const n = Number(m[2]!.replace(/%$/, ''));
      if (Number.isFinite(n) && n >= 0 && n < 100) conf[m[1] as 'brun' | 'bcull' | 'bstop'] = n;
    }
  }
  return conf;
}

/** The mount options that ask for FS-Cache: NFS and Ceph `fsc`, 9p `cache=fscache`. */
export function wantsFscache(superOptions: readonly string[], options: readonly string[] = []): boolean {
  return [...superOptions, ...options].some((o) => o === 'fsc' || o.startsWith('fsc=') || o === 'cache=fscache');
}
