// Where the workspace itself lives. A folder on a Windows drive seen through WSL (9p/drvfs), on
// NFS/CIFS/sshfs or another FUSE file system edits fine but breaks in quieter ways: inotify only
// reports writes made through this kernel, so changes from the other side never reach the editor
// or gopls (file-watch); every stat is a round trip and the go command's file locks depend on the
// server (fs-access). And a mount made with `fsc` puts FS-Cache and cachefilesd under every read:
// a full or stuck cache slows or stalls the whole tree (fs-access, as TAXONOMY.md promises).
import path from 'node:path';
import { existsSync } from 'node:fs';
import type { Evidence, Fix, FindingInput } from '../doctor/model.js';
import { fsKind, isFuseBlock, type MountLine } from '../procfs/mountTable.js';
import { fscacheSpace, parseFscacheCaches, parseFscacheStats, wantsFscache, type CachefilesdConf } from '../procfs/fscache.js';
import { RESTART_GOPLS, settingFix } from '../fixes/catalog.js';
import { quoteForDisplay as sh } from '../host/shellQuote.js';

const MOUNTINFO = '/proc/self/mountinfo';
export const FSCACHE_STATS = '/proc/fs/fscache/stats';
export const FSCACHE_CACHES = '/proc/fs/fscache/caches';
export const CACHEFILESD_CONF = '/etc/cachefilesd.conf';

export interface WorkspaceMount {
  /** As given (the editor's folder, or --workspace). */
  path: string;
  /** After realpath: the mount is looked up for this. */
  real: string;
  mount?: MountLine;
}

const mountEvidence = (m: MountLine): Evidence => ({ source: MOUNTINFO, excerpt: m.raw, line: m.line });
const wsEvidence = (w: WorkspaceMount): Evidence => ({ source: 'workspace folder', excerpt: w.real === w.path ? w.path : `${w.path} → ${w.real}` });

/** WSL's drvfs names its Windows path in `path=C:\` (9p) or in the source (`C:\`, `drvfs`). */
function windowsPath(m: MountLine): string | undefined {
  const opt = m.superOptions.join(',').match(/path=([A-Za-z]:\\?)/);
  if (opt) return opt[1];
  return /^[A-Za-z]:\\?$/.test(m.source) ? m.source : undefined;
}

const VM_PRODUCT: Record<string, string> = { vboxsf: 'VirtualBox', vmhgfs: 'VMware', 'fuse.vmhgfs-fuse': 'VMware', prl_fs: 'Parallels' };

/** What goes wrong on each kind of remote file system, in the user's words. */
function whatBreaks(m: MountLine, kind: 'network' | 'fuse' | 'wsl-windows' | 'vm-shared'): { where: string; why: string } {
  if (kind === 'wsl-windows') {
    const drive = windowsPath(m);
    const metadata = m.superOptions.some((o) => /(^|;)metadata($|;)/.test(o));
    return {
      where: `a Windows drive${drive ? ` (${drive})` : ''} seen through WSL (${m.fsType}${m.fsType === '9p' ? ', aname=drvfs' : ''}) at ${m.mountPoint}`,
      why:
        'every file access crosses into Windows through the 9p server, so gopls loading packages, go list and go build are many times slower than on the Linux file system; ' +
        'file names are case-insensitive (unless the folder was made case-sensitive with fsutil.exe), so two imports differing in case name one file; ' +
        (metadata
          ? 'Linux permission bits are kept (metadata), '
          : 'without the metadata mount option the permission bits are synthesized (files look 0777, chmod does nothing, so a script loses or gains its exec bit by Windows rules), ') +
        'and modification times come from Windows, so tools that compare them can see changes late.',
    };
  }
  if (kind === 'vm-shared') {
    return {
      where: `a folder shared from the virtual machine's host (${m.fsType}${VM_PRODUCT[m.fsType] ? `, ${VM_PRODUCT[m.fsType]}` : ''}, from ${m.source}) at ${m.mountPoint}`,
      why:
        'every file access crosses to the host through the hypervisor, so gopls loading packages, go list and go build are many times slower than on the guest\'s own disk; ' +
        'owners and permission bits come from the mount options (uid=, gid=, dmode=, fmode=), not the files, and symbolic links may be refused.',
    };
  }
  if (kind === 'fuse' && isFuseBlock(m)) {
    // Measured on exfat-fuse 1.3.0: chmod 600 exits 0 and the file stays -rwxrwxrwx.
    return {
      where: `a disk in a Windows format driven through FUSE (${m.fsType}, from ${m.source}: ntfs-3g or exfat-fuse) at ${m.mountPoint}`,
      why:
        'every stat and read goes through a user-space driver, so gopls loading packages and go build are slower than on a Linux file system; ' +
        'it keeps no Unix owners or permission bits: every file has the owner and mode the mount options give (uid=, umask=, fmask=), chmod succeeds and changes nothing, ' +
        'so exec bits and the read-only files go makes follow the mount, not the file.',
    };
  }
  if (kind === 'fuse') {
    const sshfs = m.fsType === 'fuse.sshfs';
    return {
      where: `a FUSE file system (${m.fsType}, from ${m.source}) at ${m.mountPoint}`,
      why:
        `every stat and read goes through a user-space daemon${sshfs ? ' and then over SSH' : ''}, so gopls loading packages and go build are slow; ` +
        `file locks (the go command locks go.mod and go.sum when it rewrites them) are only as good as the daemon makes them${sshfs ? ' (sshfs keeps them on this machine only)' : ''}, ` +
        'and permission and exec bits are whatever the daemon reports.',
    };
  }
  const nfs = /^nfs/.test(m.fsType);
  const nolock = m.superOptions.includes('nolock') || m.superOptions.some((o) => o === 'local_lock=all' || o === 'local_lock=posix');
  const v3 = m.superOptions.includes('vers=3') || m.fsType === 'nfs';
  return {
    where: `a network file system (${m.fsType}, from ${m.source}) at ${m.mountPoint}`,
    why:
      'every stat and read is a round trip to the server, so gopls loading packages, go list and go build are slow and hang while the server does; ' +
      (nfs
        ? nolock
          ? "its locks are local to this machine (nolock/local_lock), so another client's go command does not see the lock on go.mod and go.sum; "
          : v3
            ? 'the go command locks go.mod and go.sum when it rewrites them, and NFSv3 locks need the lock service (lockd/rpc.statd) on both ends: without it go fails with "no locks available"; '
            : 'the go command locks go.mod and go.sum when it rewrites them through the server\'s NFSv4 locks; '
        : "the go command's locks on go.mod and go.sum depend on the server's lock support; ") +
      'attribute caching can hide another machine\'s change for several seconds.',
  };
}

/**
 * A folder for the copy that does not exist yet: `cp -a A B` into an existing B makes B/A (a
 * tester's sshfs export of ~/src/gin itself: the copy would have nested gin inside the checkout).
 */
function freeTarget(dir: string, base: string, exists: (p: string) => boolean): string {
  for (const name of [base, `${base}-local`, ...Array.from({ length: 8 }, (_, i) => `${base}-local-${i + 2}`)]) {
    const p = path.join(dir, name);
    if (!exists(p)) return p;
  }
  return path.join(dir, `${base}-local-${Date.now()}`);
}

function moveFix(w: WorkspaceMount, home: string | undefined, exists: (p: string) => boolean = existsSync): Fix[] {
  if (!home) return [];
  const target = freeTarget(path.join(home, 'src'), path.basename(w.real), exists);
  return [
    {
      id: 'workspace-move-local',
      kind: 'terminal',
      needsRoot: false,
      title: `Copy the workspace to ${target} (a Linux-native folder) and open that`,
      text: `mkdir -p ${sh(path.dirname(target))} && cp -a ${sh(w.real)} ${sh(target)}`,
      detail: 'Then open the copy in the editor and work there (a git checkout: clone it there instead). The Go caches and gopls then read a local disk, and inotify sees every change.',
    },
  ];
}

const WSL_FILES_DOCS: Fix = {
  id: 'wsl-filesystems-docs',
  kind: 'link',
  title: 'WSL: keep project files in the Linux file system for speed',
  url: 'https://learn.microsoft.com/windows/wsl/filesystems#file-storage-and-performance-across-file-systems',
};

const WSL_POLLING = settingFix({
  id: 'wsl-filewatcher-polling',
  title: 'Have VS Code poll for changes under /mnt (remote.WSL.fileWatcher.polling)',
  key: 'remote.WSL.fileWatcher.polling',
  value: true,
  detail: "The WSL extension's setting: VS Code then polls folders on Windows drives, so edits made by Windows programs reach the editor and gopls (at some CPU cost).",
});

/** Pure: findings for workspace folders on WSL Windows drives, network and FUSE file systems. */
export function assessWorkspaceMounts(workspaces: readonly WorkspaceMount[], home?: string): FindingInput[] {
  const findings: FindingInput[] = [];
  for (const w of workspaces) {
    const m = w.mount;
    if (!m) continue;
    const kind = fsKind(m);
    if (kind !== 'network' && kind !== 'fuse' && kind !== 'wsl-windows' && kind !== 'vm-shared') continue;
    const { where, why } = whatBreaks(m, kind);
    const evidence = [wsEvidence(w), mountEvidence(m)];
    const move = moveFix(w, home);
    findings.push({
      classId: 'fs-access',
      // Reads and writes work there: titled by what it is, not by the class's "cannot read or write" (a tester's).
      headline: 'remote-workspace',
      // As before it had a headline: what such a file system refuses or hangs on is its doing.
      explains: ['fs-access'],
      severity: 'warning',
      confidence: kind === 'wsl-windows' ? 0.7 : 0.55,
      message: `The workspace ${w.real} is on ${where}: ${why}`,
      evidence,
      fixes: [...move, ...(kind === 'wsl-windows' ? [WSL_FILES_DOCS] : [])],
    });
    // A local disk through FUSE: nothing but this kernel writes to it while it is mounted.
    if (isFuseBlock(m)) continue;
    // On WSL and in a VM with a host folder the other side is the user's own editor or git there: it happens every day.
    const daily = kind === 'wsl-windows' || kind === 'vm-shared';
    const other = kind === 'wsl-windows' ? 'Windows programs' : kind === 'vm-shared' ? 'programs on the host (the editor or git there)' : kind === 'fuse' ? `the other side of ${m.source}` : `other machines using ${m.source}`;
    findings.push({
      classId: 'file-watch',
      severity: daily ? 'warning' : 'info',
      confidence: daily ? 0.7 : 0.4,
      // No watch is used up: titled by what it is, not by the class's "run out of inotify watches".
      headline: 'unwatched-mount',
      explains: ['file-watch'],
      message:
        `The workspace ${w.real} is on ${m.fsType} at ${m.mountPoint}: inotify reports only changes made through this machine's kernel, so files changed by ${other} produce no event. ` +
        'The editor and gopls (which learns of new files and go.mod edits from the editor\'s watcher) keep stale contents until the file is reopened or gopls restarts.',
      evidence,
      fixes: [...(kind === 'wsl-windows' ? [WSL_POLLING] : []), ...move, RESTART_GOPLS],
    });
  }
  return findings;
}

// ------------------------------------------------------------------------------------------ FS-Cache

export interface FscacheInput {
  /** Mounts made with fsc that hold the workspace or a Go path, with who lives there. */
  mounts: Array<{ who: string; mount: MountLine }>;
  /** /proc/fs/fscache/stats, undefined when absent (no FS-Cache in this kernel). */
  stats?: string;
  /** /proc/fs/fscache/caches (5.17+), undefined when absent. */
  caches?: string;
  conf: CachefilesdConf;
  /** Was /etc/cachefilesd.conf read (else defaults). */
  confRead: boolean;
  /** statfs of conf.dir, percent of blocks free for the cache daemon (root). */
  cacheDirPctFree?: number;
  /** cachefilesd processes and their state letter; undefined when not looked for. */
  cachefilesd?: Array<{ pid: number; state: string }>;
}

const RESTART_CACHEFILESD: Fix = {
  id: 'cachefilesd-restart',
  kind: 'terminal',
  needsRoot: true,
  title: 'Restart cachefilesd',
  text: 'systemctl restart cachefilesd',
  detail: 'It binds the cache again and culls it down to its brun limit on start. If it fills again, give its cache directory room (dir in /etc/cachefilesd.conf).',
};

/** Pure: is the FS-Cache under an fsc mount full, stuck or missing? */
export function assessFscache(input: FscacheInput): FindingInput[] {
  if (input.mounts.length === 0) return [];
  const on = input.mounts.map((x) => `${x.who} (${x.mount.mountPoint}, ${x.mount.fsType})`).join(', ');
  const mountEv = input.mounts.map((x) => mountEvidence(x.mount)).filter((e, i, a) => a.findIndex((o) => o.line === e.line) === i);
  const findings: FindingInput[] = [];
  if (input.stats === undefined) {
    findings.push({
      classId: 'fs-access',
      severity: 'info',
      confidence: 0.3,
      message: `${on} is mounted with fsc, but this kernel has no FS-Cache (${FSCACHE_STATS} is absent): nothing is cached locally, every read goes to the server.`,
      evidence: mountEv,
      fixes: [],
    });
    return findings;
  }
  const stats = parseFscacheStats(input.stats);
  const space = fscacheSpace(stats);
  const caches = input.caches !== undefined ? parseFscacheCaches(input.caches) : undefined;
  const statsLines = input.stats.split('\n').filter((l) => /^(NoSpace|CacheEv|Ops|Cookies)\s*:/.test(l.trim()));
  const statsEv: Evidence[] = statsLines.map((l) => ({ source: FSCACHE_STATS, excerpt: l.trim() }));
  const daemons = input.cachefilesd;
  const stuck = daemons?.filter((d) => d.state === 'D') ?? [];

  if (stuck.length > 0) {
    findings.push({
      classId: 'fs-access',
      severity: 'warning',
      confidence: 0.6,
      message: `cachefilesd (pid ${stuck.map((d) => d.pid).join(', ')}) is in uninterruptible sleep (state D): reads of ${on} wait on the cache, so gopls and go build can hang there.`,
      evidence: [...mountEv, ...stuck.map((d) => ({ source: `/proc/${d.pid}/stat`, excerpt: `cachefilesd state ${d.state}` })), ...statsEv],
      fixes: [RESTART_CACHEFILESD],
    });
  }
  const refused = space ? space.noWriteSpace + space.noCreateSpace : 0;
  const belowCull = input.cacheDirPctFree !== undefined && input.cacheDirPctFree < input.conf.bcull;
  if (refused > 0 || belowCull) {
    const reasons: string[] = [];
    if (space && refused > 0) reasons.push(`the kernel refused ${space.noWriteSpace} writes and ${space.noCreateSpace} new objects for lack of space${space.culled ? ` and culled ${space.culled} objects` : ''}`);
    if (input.cacheDirPctFree !== undefined && belowCull)
      reasons.push(
        `${input.conf.dir} has ${input.cacheDirPctFree}% free, below bcull ${input.conf.bcull}%${input.cacheDirPctFree < input.conf.bstop ? ` and below bstop ${input.conf.bstop}%: caching has stopped` : ': cachefilesd culls without pause'}`,
      );
    findings.push({
      classId: 'fs-access',
      severity: 'warning',
      confidence: 0.5,
      message: `The FS-Cache under ${on} is out of room: ${reasons.join('; ')}. Reads then go to the server while the cache churns, which makes a large module slow to load.`,
      evidence: [
        ...mountEv,
        ...statsEv,
        ...(input.cacheDirPctFree !== undefined ? [{ source: `statfs(2) on ${input.conf.dir}`, excerpt: `${input.cacheDirPctFree}% free` }] : []),
        { source: input.confRead ? CACHEFILESD_CONF : `${CACHEFILESD_CONF} (absent: defaults)`, excerpt: `dir ${input.conf.dir}; brun ${input.conf.brun}% bcull ${input.conf.bcull}% bstop ${input.conf.bstop}%` },
      ],
      fixes: [RESTART_CACHEFILESD],
    });
  }
  // Without the caches table (before 5.17) a missing daemon is the sign, unless cookies show caching at work.
  const noCache = (caches !== undefined && caches.length === 0) || (daemons !== undefined && daemons.length === 0 && caches === undefined && !(space?.cookies));
  if (noCache && stuck.length === 0) {
    findings.push({
      classId: 'fs-access',
      severity: 'info',
      confidence: 0.3,
      message: `${on} is mounted with fsc, but no cache is bound (${caches !== undefined ? `${FSCACHE_CACHES} lists none` : 'no cachefilesd runs'}): fsc does nothing, every read goes to the server.`,
      evidence: [...mountEv, ...(input.caches !== undefined ? [{ source: FSCACHE_CACHES, excerpt: input.caches.trim().split('\n').slice(0, 3).join(' ⏎ ') || '(empty)' }] : [])],
      fixes: [{ id: 'cachefilesd-start', kind: 'terminal', needsRoot: true, title: 'Start cachefilesd', text: 'systemctl enable --now cachefilesd', detail: 'Debian/Ubuntu also need RUN=yes in /etc/default/cachefilesd.' }],
    });
  }
  return findings;
}

/** The fsc mounts among these, once each. */
export function fscMounts(entries: ReadonlyArray<{ who: string; mount?: MountLine }>): Array<{ who: string; mount: MountLine }> {
  return entries.filter((e): e is { who: string; mount: MountLine } => !!e.mount && wantsFscache(e.mount.superOptions, e.mount.options));
}
