// Mount options of every Go path (noexec, ro, network and FUSE file systems), from this process's
// /proc/self/mountinfo, and an exec canary: a copy of `true` run from the directory `go build`
// and `go test` put their binaries in. EACCES from that exec is the symptom itself.
import path from 'node:path';
import { octalMode } from '../host/fileMode.js';
import os from 'node:os';
import { promises as fs, constants as fsConst } from 'node:fs';
import type { Probe, ProbeContext, ProbeOutcome } from './probe.js';
import { skipped } from './probe.js';
import type { Evidence, Fix, FindingInput } from '../doctor/model.js';
import { lookPath } from '../facts/lookPath.js';
import { fsKind, isFuseBlock, isReadOnly, hasOption, mountOf, parseMountTable, type MountLine } from '../procfs/mountTable.js';
import { goPathsFor, nameOf, resolveExisting, userCacheDir, variableOf, type GoPathEntry, type GoPathRole } from './goPaths.js';
import { quoteForDisplay as sh } from '../host/exec.js';
import { toolsEnvFix } from '../fixes/catalog.js';
import { assessFscache, assessWorkspaceMounts, fscMounts, CACHEFILESD_CONF, FSCACHE_CACHES, FSCACHE_STATS, type WorkspaceMount } from './workspaceFs.js';
import { parseCachefilesdConf } from '../procfs/fscache.js';
import { parseProcStat } from '../procfs/procStat.js';
import { listPids, mapLimit } from '../procfs/procs.js';
import { homeDirOf, isInside } from '../host/paths.js';
import { formatBytes } from '../host/bytes.js';
import { exportedBeatsGoEnvWrite } from './exportedBeatsGoEnvWrite.js';
import { findOwnCacheDir, type OwnCacheDir } from './ownCacheDir.js';
import { ownCacheFix } from '../fixes/ownCache.js';

const MOUNTINFO = '/proc/self/mountinfo';

export interface PathMount {
  entry: GoPathEntry;
  real: string;
  exists: boolean;
  mount?: MountLine;
}

export type CanaryResult =
  | { ran: true; dir: string; ok: boolean; errorCode?: string; exitCode?: number; commandLine: string; message?: string }
  | { ran: false; dir: string; reason: string };

/** Go 1.24 and later run `go run` and `go tool` binaries straight from GOCACHE. */
export function runsFromGocache(goVersion: string | undefined): boolean {
  const m = /^go(\d+)\.(\d+)/.exec(goVersion ?? '');
  return !!m && (Number(m[1]) > 1 || Number(m[2]) >= 24);
}

function mountEvidence(m: MountLine): Evidence {
  return { source: MOUNTINFO, excerpt: m.raw, line: m.line };
}

function pathEvidence(p: PathMount): Evidence {
  const shown = p.real === p.entry.path ? p.entry.path : `${p.entry.path} → ${p.real}`;
  const variable = variableOf(p.entry);
  return { source: p.entry.origin, excerpt: `${variable ? `${variable}=` : ''}${shown}${p.exists ? '' : ' (does not exist yet)'}` };
}

/** "is on /tmp" or, when the path is the mount point itself, "is a mount". */
function onMount(real: string, m: MountLine): string {
  return real === m.mountPoint ? 'is a mount point' : `is on ${m.mountPoint}`;
}

const slug = (role: GoPathRole) => role.toLowerCase().replace(/[^a-z0-9]+/g, '-');

export function remountFix(id: string, m: MountLine, opt: 'exec' | 'rw'): Fix {
  return {
    id,
    kind: 'terminal',
    title: `Remount ${m.mountPoint} with ${opt}`,
    detail: `Lasts until reboot; to keep it, remove "${opt === 'exec' ? 'noexec' : 'ro'}" from the ${m.mountPoint} entry in /etc/fstab (or its systemd mount unit).`,
    text: `sudo mount -o remount,${opt} ${sh(m.mountPoint)}`,
    needsRoot: true,
  };
}

/**
 * A workspace on a read-only mount: the editor opens and gopls reads it, but saving, format on
 * save, go mod tidy, go get and a go build of a main package there fail with "read-only file
 * system" (a tester's read-only bind mount: "no problems found"). Pure.
 */
export function workspaceWritable(workspaces: readonly WorkspaceMount[]): FindingInput[] {
  return workspaces.flatMap((w) =>
    w.mount && isReadOnly(w.mount)
      ? [
          {
            classId: 'fs-access' as const,
            severity: 'warning' as const,
            confidence: 0.7,
            message: `The workspace ${w.real} is on a read-only mount (${w.mount.fsType} at ${w.mount.mountPoint}): gopls reads it, but saving a file, format or organize imports on save, go mod tidy, go get and go build of a main package there fail with "read-only file system".`,
            evidence: [{ source: '/proc/self/mountinfo', excerpt: w.mount.raw, line: w.mount.line }],
            fixes: [remountFix('workspace-remount-rw', w.mount, 'rw')],
          },
        ]
      : [],
  );
}

/**
 * A workspace on a noexec mount: editing, go build, go test, go run and gopls all work (go test and go
 * run execute from GOTMPDIR), but the program `go build` writes into the folder cannot be started
 * ("./prog: Permission denied"), nor a debugger's __debug_bin when delve builds it in the package's
 * folder. A tester's tmpfs nodev,nosuid,noexec workspace: nothing said. Information only: most work
 * goes on, and the mount is the user's to change (the remount is a line they run as root). Pure.
 */
export function workspaceExec(workspaces: readonly WorkspaceMount[]): FindingInput[] {
  return workspaces.flatMap((w) =>
    w.mount && hasOption(w.mount, 'noexec')
      ? [
          {
            classId: 'noexec-mount' as const,
            severity: 'info' as const,
            confidence: 0.6,
            message: `The workspace ${w.real} ${onMount(w.real, w.mount)} (${w.mount.fsType}), mounted noexec: editing, go build, go test, go run and gopls work, but a program go build writes there cannot be started ("Permission denied", exec fails with EACCES), nor a debug binary (__debug_bin) delve builds in the package's folder. go run, or go build -o / go install into a directory that allows executing, run it.`,
            evidence: [mountEvidence(w.mount)],
            fixes: [remountFix('workspace-remount-exec', w.mount, 'exec')],
          },
        ]
      : [],
  );
}

/**
 * A workspace folder this user cannot write, on a writable mount: another user's checkout, a folder
 * left to root by a `sudo git clone`. The same failures as a read-only mount, with "permission
 * denied" (a tester's, as another user: "no problems found" while go build and go mod tidy failed).
 * Not for a folder inside the module cache or GOROOT, which are read-only by design and only read.
 */
export async function workspaceOwnership(workspaces: readonly WorkspaceMount[], uid: number, readOnlyTrees: readonly string[]): Promise<FindingInput[]> {
  if (uid === 0) return [];
  const out: FindingInput[] = [];
  for (const w of workspaces) {
    if ((w.mount && isReadOnly(w.mount)) || readOnlyTrees.some((t) => isInside(w.real, t))) continue;
    const denied = await fs.access(w.real, fsConst.W_OK).then(() => undefined, (e: NodeJS.ErrnoException) => e.code);
    if (denied !== 'EACCES') continue;
    const st = await fs.stat(w.real).catch(() => undefined);
    const mode = st ? octalMode(st.mode) : undefined;
    out.push({
      classId: 'fs-access',
      severity: 'warning',
      confidence: 0.7,
      message: `The workspace ${w.real} is not writable for you (uid ${uid})${st ? `: it belongs to uid ${st.uid}, mode ${mode}` : ''}. gopls reads it, but saving a file, format or organize imports on save, go mod tidy, go get and go build of a main package there fail with "permission denied".`,
      evidence: [{ source: `access(2) W_OK on ${w.real}`, excerpt: `EACCES${st ? ` (owner uid ${st.uid}, gid ${st.gid}, mode ${mode})` : ''}` }],
      fixes: [{ id: 'workspace-chown', kind: 'terminal', title: `Make ${w.real} yours`, text: `sudo chown -R "$USER:" ${sh(w.real)}`, needsRoot: true, detail: 'Only if the folder is meant to be your working copy; otherwise clone it into a folder of your own.' }],
    });
  }
  return out;
}

/**
 * A workspace on a full file system: go mod tidy rewrites go.mod and go.sum, go build of a main
 * package writes its binary there, the editor saves there, and each fails with "no space left on
 * device" (a tester's full 3 MiB tmpfs: "no problems found"). Only nearly nothing left is said:
 * the writes are small. statfs of each folder, by its real path.
 */
export async function workspaceSpace(workspaces: readonly WorkspaceMount[]): Promise<FindingInput[]> {
  const out: FindingInput[] = [];
  for (const w of workspaces) {
    const st = await fs.statfs(w.real).catch(() => undefined);
    if (!st) continue;
    const bytesFree = st.bavail * st.bsize;
    const noBytes = st.blocks > 0 && bytesFree < WORKSPACE_ERROR_BYTES;
    const noInodes = st.files > 0 && st.ffree < WORKSPACE_ERROR_INODES;
    if (!noBytes && !noInodes) continue;
    const said = [...(noBytes ? [`${formatBytes(bytesFree)} free of ${formatBytes(st.blocks * st.bsize)}`] : []), ...(noInodes ? [`${st.ffree} inodes free of ${st.files}`] : [])];
    out.push({
      classId: 'fs-access',
      severity: 'error',
      confidence: 0.85,
      message: `The workspace ${w.real} is on a full file system${w.mount ? ` (${w.mount.fsType} at ${w.mount.mountPoint})` : ''}: ${said.join(', ')}. Saving a file, go mod tidy, go get and go build of a main package there fail with "no space left on device".`,
      evidence: [{ source: `statfs(2) on ${w.real}`, excerpt: said.join(', ') }],
      fixes: fullWorkspaceFixes(w.mount?.mountPoint ?? w.real, w.mount?.fsType, { noBytes, noInodes, totalBytes: st.blocks * st.bsize, totalInodes: st.files, usedBytes: (st.blocks - st.bfree) * st.bsize, usedInodes: st.files - st.ffree }),
    });
  }
  return out;
}
const WORKSPACE_ERROR_BYTES = 4 * 1024 * 1024;
const WORKSPACE_ERROR_INODES = 64;

/**
 * Pure: the fixes for a full workspace file system (a tester's tmpfs of a few inodes got none):
 * first what fills it, largest last, counted in what is short (du -x stays on that file system);
 * then, for a tmpfs, a remount with more room, which tmpfs takes live (size and nr_inodes both), as
 * root: twice what it has, and at least four times this check's threshold free after what is used,
 * so the check passes after it (twice a tmpfs of 6 inodes would still be full). Other file systems
 * are grown or cleaned their own way: no command is guessed.
 */
export function fullWorkspaceFixes(mountPoint: string, fsType: string | undefined, s: { noBytes: boolean; noInodes: boolean; totalBytes: number; totalInodes: number; usedBytes: number; usedInodes: number }): Fix[] {
  const fixes: Fix[] = [];
  const where = sh(mountPoint);
  fixes.push(
    s.noInodes && !s.noBytes
      ? { id: 'workspace-full-show-inodes', kind: 'terminal', title: `Show what holds the inodes of ${mountPoint}`, text: `du -x --inodes --max-depth=2 ${where} 2>/dev/null | sort -n | tail -15`, needsRoot: false, detail: 'Counts files and directories per folder on that file system only; delete or move what you do not need there.' }
      : { id: 'workspace-full-show-space', kind: 'terminal', title: `Show what fills ${mountPoint}`, text: `du -xh --max-depth=2 ${where} 2>/dev/null | sort -h | tail -15`, needsRoot: false, detail: 'Sizes per folder on that file system only; delete or move what you do not need there.' },
  );
  if (fsType === 'tmpfs') {
    const opts = [
      ...(s.noBytes && s.totalBytes > 0 ? [`size=${Math.ceil(Math.max(2 * s.totalBytes, s.usedBytes + 4 * WORKSPACE_ERROR_BYTES) / (1024 * 1024))}m`] : []),
      ...(s.noInodes && s.totalInodes > 0 ? [`nr_inodes=${Math.max(2 * s.totalInodes, s.usedInodes + 4 * WORKSPACE_ERROR_INODES)}`] : []),
    ];
    if (opts.length) fixes.push({ id: 'workspace-full-tmpfs-grow', kind: 'terminal', title: `Give the tmpfs at ${mountPoint} more room (${opts.join(', ')})`, text: `sudo mount -o remount,${opts.join(',')} ${where}`, needsRoot: true, detail: `tmpfs takes a new size and nr_inodes on remount, keeping its files. Lasts until reboot; to keep it, change the ${mountPoint} entry in /etc/fstab (or its systemd mount unit). A tmpfs lives in memory: its files are lost at unmount.` });
  }
  return fixes;
}

export interface AltTmp {
  dir: string;
  verified: 'canary' | 'mount-options';
}

/** Pure: the findings for a set of resolved Go paths, the canary's result and an alternative temp dir. */
export interface MountContext {
  canary?: CanaryResult;
  /** A verified exec-able directory to suggest as GOTMPDIR. */
  alt?: AltTmp;
  goVersion?: string;
  /** The user's home, for suggesting local cache directories. */
  home?: string;
  /**
   * For a GOCACHE on a noexec mount: a build cache of the user's own where programs may run, and
   * GOCACHE's exported value (go env -w cannot override it). `searched`: what was passed over when
   * none was found, for the finding's words.
   */
  ownGocache?: { found?: OwnCacheDir & { verified: AltTmp['verified'] }; exported?: string; searched: Array<{ dir: string; why: string }> };
}

export function assessMounts(paths: readonly PathMount[], mc: MountContext = {}): FindingInput[] {
  const { canary, alt, goVersion, home, ownGocache } = mc;
  const findings: FindingInput[] = [];
  const tmp = paths.find((p) => p.entry.role === 'GOTMPDIR');
  const canaryDenied = canary?.ran === true && canary.errorCode === 'EACCES';
  const canaryEvidence: Evidence[] = canary?.ran
    ? [{ source: canary.commandLine, excerpt: canary.ok ? 'exit 0' : canary.errorCode ? `spawn ${canary.errorCode}${canary.message ? `: ${canary.message}` : ''}` : `exit ${canary.exitCode ?? '?'}` }]
    : [];

  // 1. The temp dir: binaries of go run/go test/dlv are linked there and executed.
  if (tmp && (tmp.mount && hasOption(tmp.mount, 'noexec') || canaryDenied)) {
    const fixes: Fix[] = [];
    if (alt) {
      const how = alt.verified === 'canary' ? 'a test executable ran there' : 'its mount has no noexec';
      fixes.push(
        toolsEnvFix('gotmpdir-toolsenv', `Set GOTMPDIR=${alt.dir} for the Go tools`, { GOTMPDIR: alt.dir }, `Checked: ${how}. The directory is created if it does not exist.`),
        // (The setting above writes go.testEnvVars too: no separate "tests only" button.) Not an
        // `export`: it would change one terminal, which neither the editor nor the re-check sees.
        // go env -w changes every go command of this user, and the re-check reads it back.
        {
          id: 'noexec-gotmpdir-go-env',
          kind: 'terminal',
          text: `mkdir -p ${sh(alt.dir)} && go env -w GOTMPDIR=${sh(alt.dir)}`,
          needsRoot: false,
          title: `Set GOTMPDIR=${alt.dir} for every go command (go env -w)`,
          detail: "Written to go's own config file (go env GOENV), so terminals and the editor see it; a GOTMPDIR environment variable still wins over it.",
        },
      );
    }
    if (tmp.mount && hasOption(tmp.mount, 'noexec')) fixes.push(remountFix('noexec-remount-exec', tmp.mount, 'exec'));
    fixes.push({ id: 'noexec-go-issue', kind: 'link', url: 'https://github.com/golang/go/issues/52941', title: 'cmd/go: noexec temp directories (golang/go#52941)' });
    const evidence: Evidence[] = [pathEvidence(tmp)];
    if (tmp.mount) evidence.push(mountEvidence(tmp.mount));
    evidence.push(...canaryEvidence);
    const byMount = tmp.mount && hasOption(tmp.mount, 'noexec');
    findings.push({
      classId: 'noexec-mount',
      severity: 'error',
      confidence: canaryDenied ? (byMount ? 0.97 : 0.88) : 0.9,
      message: byMount
        ? `${nameOf(tmp.entry)} ${tmp.real} ${onMount(tmp.real, tmp.mount!)}, mounted noexec: go run, go test and the debugger fail with "fork/exec ${path.join(tmp.real, 'go-build…')}: permission denied".${canaryDenied ? ' A test executable copied there could not be run (EACCES).' : ''}`
        : `Executing a file in ${tmp.real} is denied (EACCES) although its mount has no noexec: a security policy (SELinux, AppArmor, fapolicyd) blocks execution there, so go run and go test fail with "permission denied".`,
      evidence,
      fixes,
    });
  }

  for (const p of paths) {
    const m = p.mount;
    if (!m) continue;
    const role = p.entry.role;
    // 2. Binaries that are executed from where they live.
    if (hasOption(m, 'noexec') && (role === 'GOPATH/bin' || role === 'GOBIN' || role === 'gopls binary dir')) {
      findings.push({
        classId: 'noexec-mount',
        severity: 'error',
        confidence: role === 'gopls binary dir' ? 0.93 : 0.85,
        message:
          role === 'gopls binary dir'
            ? `gopls lives in ${p.real}, which ${onMount(p.real, m)} mounted noexec: the editor cannot start it (spawn EACCES).`
            : `${role} ${p.real} ${onMount(p.real, m)}, mounted noexec: tools installed with go install (gopls, dlv, staticcheck) cannot be executed from there.`,
        evidence: [pathEvidence(p), mountEvidence(m)],
        fixes: [remountFix(`noexec-remount-exec-${slug(role)}`, m, 'exec')],
        explains: role === 'gopls binary dir' ? ['gopls-launch'] : undefined,
      });
    }
    if (hasOption(m, 'noexec') && role === 'GOCACHE') {
      const direct = runsFromGocache(goVersion);
      findings.push({
        classId: 'noexec-mount',
        severity: direct ? 'error' : 'warning',
        confidence: direct ? 0.8 : 0.4,
        message:
          (direct
            ? `GOCACHE ${p.real} ${onMount(p.real, m)}, mounted noexec: ${goVersion} runs go run and go tool binaries straight from the build cache, so they fail with "fork/exec ${path.join(p.real, '…-d', '…')}: permission denied" once the binary is cached (the first go run of a package builds and runs it from GOTMPDIR; every later one runs the cached copy). go build and go test are not affected; GOTMPDIR does not help.`
            : `GOCACHE ${p.real} ${onMount(p.real, m)}, mounted noexec; Go 1.24 and later run go run and go tool binaries from there.`) +
          (ownGocache && !ownGocache.found ? ` No directory of your own where programs may run was found for a build cache (${ownGocache.searched.map((r) => `${r.dir} ${r.why}`).join('; ') || 'no HOME to look in'}): only the remount mends it.` : ''),
        evidence: [pathEvidence(p), mountEvidence(m)],
        fixes: [
          // A remount needs root and may be forbidden by policy: a cache of the user's own comes first.
          ...(ownGocache?.found ? [ownCacheFix('noexec-own-gocache', 'GOCACHE', ownGocache.found, ownGocache.exported, `Use a build cache where programs may run: ${ownGocache.found.dir}`)].map((f) => ({ ...f, detail: `${f.detail} ${ownGocache.found!.verified === 'canary' ? 'A test executable ran there.' : 'Its mount has no noexec.'}` })) : []),
          remountFix('noexec-remount-exec-gocache', m, 'exec'),
        ],
      });
    }
    // 3. Read-only: the caches and the temp dir must be written.
    if (isReadOnly(m) && role !== 'gopls binary dir' && role !== 'GOPATH') {
      // The module cache is only written to download (a filled one mounted read-only builds fine);
      // the build cache and the temp dir are written by every build.
      const mustWrite = role === 'GOCACHE' || role === 'GOTMPDIR';
      findings.push({
        classId: 'fs-access',
        severity: mustWrite ? 'error' : 'warning',
        confidence: mustWrite ? 0.92 : 0.6,
        message: mustWrite
          ? `${role} ${p.real} ${onMount(p.real, m)}, mounted read-only: the go command fails with "read-only file system" when it writes there.`
          : role === 'GOMODCACHE'
            ? `${role} ${p.real} ${onMount(p.real, m)}, mounted read-only: go and gopls use the modules already there, and every download fails with "read-only file system".`
            : `${role} ${p.real} ${onMount(p.real, m)}, mounted read-only: go install cannot put tools there.`,
        evidence: [pathEvidence(p), mountEvidence(m)],
        fixes: [remountFix(`fs-remount-rw-${slug(role)}`, m, 'rw')],
      });
    }
    // 4. Network and FUSE file systems under the caches: slow, and file locks may not work.
    const kind = fsKind(m);
    if ((kind === 'network' || kind === 'fuse' || kind === 'wsl-windows' || kind === 'vm-shared') && (role === 'GOMODCACHE' || role === 'GOCACHE' || role === 'GOTMPDIR')) {
      const what = kind === 'wsl-windows' ? `a Windows drive seen through WSL (${m.fsType})` : kind === 'vm-shared' ? `a folder shared from the virtual machine's host (${m.fsType})` : kind === 'fuse' ? `a FUSE file system (${m.fsType})` : `a network file system (${m.fsType})`;
      findings.push({
        classId: 'fs-access',
        severity: 'warning',
        confidence: 0.5,
        // A local disk through FUSE (ntfs-3g, exfat-fuse) has no server to lose a lock to: the kernel keeps them.
        message: isFuseBlock(m)
          ? `${role} ${p.real} is on a disk in a Windows format driven through FUSE (${m.fsType}, from ${m.source}) at ${m.mountPoint}: builds and gopls's loading are slower there, and the permission bits go sets (read-only module files, executable test binaries) follow the mount options, not go.`
          : `${role} ${p.real} is on ${what} at ${m.mountPoint}: builds and gopls's loading are much slower there, and the go command's file locks can hang or fail.`,
        evidence: [pathEvidence(p), mountEvidence(m)],
        fixes: home
          ? [toolsEnvFix(`fs-local-${slug(role)}`, `Move ${role} to a local disk`, { [role]: localAlternative(role, home) }, 'Any directory on a local file system works; this one is the usual default.')]
          : [],
      });
    }
  }
  return findings;
}

function localAlternative(role: GoPathRole, home: string): string {
  switch (role) {
    case 'GOCACHE':
      return path.join(home, '.cache', 'go-build');
    case 'GOMODCACHE':
      return path.join(home, 'go', 'pkg', 'mod');
    default:
      return path.join(home, '.cache', 'go-tmp');
  }
}

async function findTrue(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const onPath = await lookPath('true', env);
  if (onPath) return onPath;
  for (const p of ['/bin/true', '/usr/bin/true']) if (await fs.access(p).then(() => true, () => false)) return p;
  return undefined;
}

/** Copies `true` into a fresh directory under dir, runs it, removes the directory. Live machines only. */
export async function runCanary(ctx: ProbeContext, dir: string): Promise<CanaryResult> {
  const exists = await fs.stat(dir).then((s) => s.isDirectory(), () => false);
  if (!exists) return { ran: false, dir, reason: `${dir} does not exist` };
  const source = await findTrue(ctx.env);
  if (!source) return { ran: false, dir, reason: 'no `true` executable to copy' };
  let work: string | undefined;
  try {
    try {
      work = await fs.mkdtemp(path.join(dir, 'go-env-doctor-canary-'));
    } catch (e) {
      return { ran: false, dir, reason: `cannot create a directory in ${dir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
    }
    const bin = path.join(work, 'canary');
    await fs.copyFile(source, bin);
    await fs.chmod(bin, 0o755);
    const timeoutMs = Math.max(100, Math.min(2000, ctx.remainingMs() - 300));
    const r = await ctx.host.exec(bin, [], { timeoutMs, signal: ctx.signal, env: ctx.env });
    return { ran: true, dir, ok: !r.failed, errorCode: r.errorCode, exitCode: r.exitCode, commandLine: r.commandLine, message: r.failed ? r.message : undefined };
  } catch (e) {
    return { ran: false, dir, reason: `canary could not be prepared: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
  } finally {
    if (work) await fs.rm(work, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function resolveAll(entries: readonly GoPathEntry[], table: readonly MountLine[]): Promise<PathMount[]> {
  return Promise.all(
    entries.map(async (entry) => {
      const r = await resolveExisting(entry.path);
      return { entry, real: r.real, exists: r.exists, mount: mountOf(table, r.real) };
    }),
  );
}

/**
 * A build cache of the user's own for a GOCACHE on a noexec mount: writable, with room
 * (ownCacheDir.ts), and where programs may run, by its mount's options and, live, by the canary
 * (a policy may forbid executing where the mount allows it).
 */
async function ownExecGocache(ctx: ProbeContext, table: readonly MountLine[], gocache: PathMount): Promise<NonNullable<MountContext['ownGocache']>> {
  let verified: AltTmp['verified'] = 'mount-options';
  const search = await findOwnCacheDir('GOCACHE', ctx.env, gocache.real, async (existing) => {
    const m = mountOf(table, existing);
    if (m && hasOption(m, 'noexec')) return `is on ${m.mountPoint}, mounted noexec`;
    if (!ctx.host.live) return undefined;
    const c = await runCanary(ctx, existing);
    verified = 'canary';
    return c.ran && !c.ok ? `a test executable could not run in ${existing} (${c.errorCode ?? `exit ${c.exitCode ?? '?'}`})` : undefined;
  });
  return { ...(search.found ? { found: { ...search.found, verified } } : {}), ...(gocache.entry.fromEnvironment ? { exported: gocache.entry.path } : {}), searched: search.rejected };
}

/** An exec-able, writable directory to suggest as GOTMPDIR, checked by mount options and, live, by running the canary. */
async function alternativeTmp(ctx: ProbeContext, table: readonly MountLine[], exclude: string): Promise<AltTmp | undefined> {
  const cache = userCacheDir(ctx.env);
  const home = homeDirOf(ctx.env);
  const candidates = [cache && path.join(cache, 'go-tmp'), home && path.join(home, '.go-tmp')].filter((c): c is string => !!c);
  for (const dir of candidates) {
    const r = await resolveExisting(dir);
    if (r.real === exclude || r.real.startsWith(exclude + '/')) continue;
    const m = mountOf(table, r.real);
    if (m && (hasOption(m, 'noexec') || isReadOnly(m))) continue;
    if (ctx.host.live) {
      // The candidate may not exist yet: try its nearest existing ancestor (the same mount).
      const c = await runCanary(ctx, r.exists ? r.real : r.existing);
      if (c.ran && c.ok) return { dir, verified: 'canary' };
      continue;
    }
    return { dir, verified: 'mount-options' };
  }
  return undefined;
}

async function resolveWorkspaces(dirs: readonly string[], table: readonly MountLine[]): Promise<WorkspaceMount[]> {
  return Promise.all(
    dirs.map(async (d) => {
      const r = await resolveExisting(d);
      return { path: d, real: r.real, mount: mountOf(table, r.real) };
    }),
  );
}

/** What FS-Cache and cachefilesd say, read only when an fsc mount holds something Go uses. */
async function readFscache(ctx: ProbeContext, mounts: ReturnType<typeof fscMounts>): Promise<Parameters<typeof assessFscache>[0]> {
  const stats = await ctx.host.readText(FSCACHE_STATS, 64 * 1024);
  const caches = await ctx.host.readText(FSCACHE_CACHES, 64 * 1024);
  const confText = await ctx.host.readText(CACHEFILESD_CONF, 64 * 1024);
  const conf = parseCachefilesdConf(confText);
  let cacheDirPctFree: number | undefined;
  if (ctx.host.live) {
    const s = await fs.statfs(conf.dir).catch(() => undefined);
    // The kernel's cachefiles_has_space() compares f_bavail with the brun/bcull/bstop percentages.
    if (s && s.blocks > 0) cacheDirPctFree = Math.round((s.bavail / s.blocks) * 1000) / 10;
  }
  const { pids } = await listPids(ctx.host);
  const stats_ = await mapLimit(pids, 64, async (pid) => {
    const text = await ctx.host.readText(`/proc/${pid}/stat`, 4096);
    return text ? parseProcStat(text) : undefined;
  });
  const cachefilesd = stats_.filter((s) => s?.comm === 'cachefilesd').map((s) => ({ pid: s!.pid, state: s!.state }));
  return { mounts, stats, caches, conf, confRead: confText !== undefined, cacheDirPctFree, cachefilesd };
}

export const mountsProbe: Probe = {
  id: 'mounts',
  title: 'Mount options of Go paths and the workspace, FS-Cache, exec canary',
  classes: ['noexec-mount', 'fs-access', 'file-watch'],
  async run(ctx): Promise<ProbeOutcome> {
    if (ctx.host.platform !== 'linux') return skipped(`not Linux (${ctx.host.platform})`);
    const paths = await goPathsFor(ctx);
    const watched = paths.entries.filter((e) => e.role !== 'GOPATH' && e.role !== 'gopls cache');
    const mi = await ctx.host.read(MOUNTINFO);
    const table = mi.ok ? parseMountTable(mi.text) : [];
    if (!mi.ok && !ctx.host.live) return skipped(`cannot read ${MOUNTINFO}: ${mi.code}`, { paths: watched });
    const resolved = await resolveAll(watched, table);
    const tmp = resolved.find((p) => p.entry.role === 'GOTMPDIR');
    const canary = ctx.host.live && tmp ? await runCanary(ctx, tmp.real) : undefined;
    const tmpBad = !!tmp && ((tmp.mount && hasOption(tmp.mount, 'noexec')) || (canary?.ran === true && canary.errorCode === 'EACCES'));
    const alt = tmpBad && tmp ? await alternativeTmp(ctx, table, tmp.real) : undefined;
    const home = ctx.env.HOME && path.isAbsolute(ctx.env.HOME) && ctx.env.HOME !== '/' ? ctx.env.HOME : undefined;
    const gocache = resolved.find((p) => p.entry.role === 'GOCACHE' && p.mount && hasOption(p.mount, 'noexec'));
    const ownGocache = gocache ? await ownExecGocache(ctx, table, gocache) : undefined;
    const findings = assessMounts(resolved, { canary, alt, goVersion: paths.goVersion, home, ...(ownGocache ? { ownGocache } : {}) });
    const workspaces = await resolveWorkspaces(ctx.workspaces, table);
    findings.push(...assessWorkspaceMounts(workspaces, home));
    findings.push(...workspaceWritable(workspaces));
    findings.push(...workspaceExec(workspaces));
    if (ctx.host.live) {
      findings.push(...(await workspaceSpace(workspaces)));
      const goEnv = await ctx.facts.goEnv();
      const byDesign = goEnv.ok ? [goEnv.values.GOMODCACHE, goEnv.values.GOROOT].filter((d): d is string => !!d) : [];
      findings.push(...(await workspaceOwnership(workspaces, ctx.host.uid, byDesign)));
    }
    const fsc = fscMounts([...workspaces.map((w) => ({ who: `the workspace ${w.real}`, mount: w.mount })), ...resolved.map((p) => ({ who: `${p.entry.role} ${p.real}`, mount: p.mount }))]);
    const fscache = fsc.length ? await readFscache(ctx, fsc) : undefined;
    if (fscache) findings.push(...assessFscache(fscache));
    // An exported variable beats a go env -w fix built here (exportedBeatsGoEnvWrite.ts).
    return exportedBeatsGoEnvWrite(ctx, {
      findings,
      observed: {
        workspaces: workspaces.map((w) => ({ path: w.path, real: w.real, mountPoint: w.mount?.mountPoint, fsType: w.mount?.fsType, kind: w.mount ? fsKind(w.mount) : undefined })),
        fscache: fscache && { mounts: fsc.map((m) => m.mount.mountPoint), stats: fscache.stats !== undefined, cachesBound: fscache.caches?.split('\n').filter((l) => /^[0-9a-f]+\s/i.test(l.trim())).length, cacheDirPctFree: fscache.cacheDirPctFree, cachefilesd: fscache.cachefilesd },
        source: paths.source,
        goEnvProblem: paths.goEnvReason,
        mountinfo: mi.ok ? { lines: table.length } : { error: mi.code },
        paths: resolved.map((p) => ({
          role: p.entry.role,
          path: p.entry.path,
          real: p.real,
          exists: p.exists,
          mountPoint: p.mount?.mountPoint,
          fsType: p.mount?.fsType,
          options: p.mount?.options,
          kind: p.mount ? fsKind(p.mount) : undefined,
        })),
        canary: canary ?? (ctx.host.live ? undefined : 'not run: not the live machine'),
        alternativeTmp: alt,
        ownGocache: ownGocache && { found: ownGocache.found?.dir ?? null, passedOver: ownGocache.searched },
        ignored: paths.ignored.length ? paths.ignored : undefined,
      },
    });
  },
};
