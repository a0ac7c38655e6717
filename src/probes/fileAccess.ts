// Can this user read, write and search the directories the Go tools write to? For each: access(2)
// as this process, owner and mode, the nearest existing parent when it does not exist yet (can it be
// created?), POSIX ACL masks through getfacl where installed, and free space and inodes (statfs).
// Inside a Flatpak sandbox a Go directory its grants do not expose is not the host's folder at all:
// a refusal there is the sandbox's (flatpakGrants.ts), so it is said as such, with the missing grant
// and no chown or mkdir, which would change nothing on the host.
import { promises as fs, constants as fsConst } from 'node:fs';
import { octalMode } from '../host/fileMode.js';
import type { Probe, ProbeContext, ProbeOutcome } from './probe.js';
import { skipped } from './probe.js';
import type { Evidence, Fix, FindingInput, Severity } from '../doctor/model.js';
import { lookPath } from '../facts/lookPath.js';
import { assessSpace, INODES_ERROR, type SpaceFacts, type SpaceVerdict } from '../procfs/statfs.js';
import { formatBytes } from '../host/bytes.js';
import { goPathsFor, nameOf, resolveExisting, type GoPathEntry, type GoPathRole } from './goPaths.js';
import { quoteForDisplay as sh } from '../host/exec.js';
import { goplsCacheDir, guardGoplsCacheDir } from '../fixes/goplsCache.js';
import { toolsEnvFix } from '../fixes/catalog.js';
import { flatpakAccessFindings, readFlatpakSandbox, sandboxRefusal, type DeniedLine, type FlatpakSandbox, type Grant, type Need } from './flatpakGrants.js';
import { isInside } from '../host/paths.js';
import path from 'node:path';
import { scanCacheOwners, type ForeignScan } from './cacheTreeOwners.js';
import { withXdgCause } from './xdgCacheHome.js';
import { exportedBeatsGoEnvWrite } from './exportedBeatsGoEnvWrite.js';
import { findOwnCacheDir, OWN_CACHE_ROOM_BYTES, type OwnCacheDir } from './ownCacheDir.js';
import { ownCacheFix } from '../fixes/ownCache.js';
import { cleaningFreesInodes, cleaningHelps, treeBytes, type TreeBytes } from './cacheSize.js';

export interface AccessCheck {
  ok: boolean;
  /** errno name when denied: EACCES, EROFS, EPERM… */
  code?: string;
}

export interface AclEntry {
  tag: 'user' | 'group' | 'mask' | 'other';
  /** Named user or group; empty for the owner/owning group/mask/other entries. */
  qualifier: string;
  perms: string;
  /** getfacl's "#effective:r-x" when the mask cuts the entry down. */
  effective?: string;
}

export interface AclInfo {
  entries: AclEntry[];
  mask?: string;
  /** Named entries or a mask: the mode bits alone do not tell who may write. */
  extended: boolean;
  /** The getfacl lines, for evidence. */
  text: string;
}

export interface DirFact {
  entry: GoPathEntry;
  real: string;
  exists: boolean;
  /** False when the path exists but is not a directory. */
  isDir: boolean;
  /** The directory itself, or its nearest existing parent when it does not exist. */
  checked: string;
  owner?: number;
  mode?: number;
  read: AccessCheck;
  write: AccessCheck;
  search: AccessCheck;
  dev?: number;
  space?: SpaceFacts;
  acl?: AclInfo;
  /**
   * gopls cache only: what the clear's own guard (fixes/goplsCache.ts) says about this directory,
   * so a report never offers a clear the button would refuse (issue 9 finding 3).
   */
  clearGuard?: { ok: true; path: string } | { ok: false; reason: string };
  /**
   * gopls cache only, when gopls could not create it: $TMPDIR/gopls (os.TempDir()), where gopls
   * then keeps its cache instead (filecache.getCacheDir).
   */
  fallback?: DirFact;
  /** GOCACHE, GOMODCACHE or the gopls cache that cannot be used: a directory of the user's own that can (ownCacheDir.ts). */
  ownDir?: OwnCacheDir;
  /** GOCACHE on a file system short of space: what it holds itself, so go clean is offered only where it frees something. */
  cacheBytes?: TreeBytes;
}

/** Pure: getfacl output (with or without its "# file:" header) → entries and the mask. */
export function parseGetfacl(text: string): AclInfo {
  const entries: AclEntry[] = [];
  const lines: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('default:')) continue;
    const m = /^(user|group|mask|other):([^:]*):([rwxXst-]{3})\s*(?:#effective:([rwx-]{3}))?/.exec(line);
    if (!m) continue;
    lines.push(line);
    entries.push({ tag: m[1] as AclEntry['tag'], qualifier: m[2] ?? '', perms: m[3]!, effective: m[4] });
  }
  const mask = entries.find((e) => e.tag === 'mask')?.perms;
  const extended = mask !== undefined || entries.some((e) => (e.tag === 'user' || e.tag === 'group') && e.qualifier !== '');
  return { entries, mask, extended, text: lines.join('\n') };
}

/** The mode as every message prints it (octalMode: "0755", "1777", as stat -c %04a does). */
export const formatMode = octalMode;

const slug = (role: GoPathRole) => role.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** How bad a directory the go command cannot write is, by what it is for. */
function writeSeverity(role: GoPathRole): Severity {
  switch (role) {
    case 'GOMODCACHE':
    case 'GOCACHE':
    case 'GOTMPDIR':
      return 'error';
    default:
      // GOPATH: go install and GOPATH mode. (The gopls cache is judged apart: goplsCacheFinding.)
      return 'warning';
  }
}

/** What fails, in go's words; `code` the refusal seen (EROFS is go's "read-only file system", a tester read "permission denied" beside it). */
function what(role: GoPathRole, code?: string): string {
  const refused = code === 'EROFS' ? 'read-only file system' : 'permission denied';
  switch (role) {
    case 'GOMODCACHE':
      return `the go command cannot download modules ("could not create module cache", "${refused}")`;
    case 'GOCACHE':
      return `every build fails ("could not create cache", "${refused}")`;
    case 'GOTMPDIR':
      return 'go build, go run and go test cannot create their work directory';
    case 'GOPATH':
      return 'go install and GOPATH-mode builds cannot write there';
    default:
      return 'the Go tools cannot write there';
  }
}

function ownerWords(f: DirFact, uid: number): string {
  if (f.owner === undefined || f.mode === undefined) return '';
  return `owned by uid ${f.owner}, mode ${formatMode(f.mode)}, you are uid ${uid}`;
}

function accessEvidence(f: DirFact, uid: number): Evidence {
  const checks = [`R_OK ${f.read.ok ? 'ok' : f.read.code}`, `W_OK ${f.write.ok ? 'ok' : f.write.code}`, `X_OK ${f.search.ok ? 'ok' : f.search.code}`];
  const owner = ownerWords(f, uid);
  return { source: `access(2), stat(2) on ${f.checked}`, excerpt: `${checks.join(', ')}${owner ? `; ${owner}` : ''}` };
}

/**
 * The variable a directory came from, as the user set it: go's temporary directory is GOTMPDIR
 * only when that is set; otherwise it is $TMPDIR (or /tmp), and "GOTMPDIR /usr is not writable"
 * named a variable nobody had set (a tester's TMPDIR=/usr).
 */
function varOf(f: DirFact): string {
  return nameOf(f.entry);
}

function entryEvidence(f: DirFact): Evidence {
  const shown = f.real === f.entry.path ? f.entry.path : `${f.entry.path} → ${f.real}`;
  const name = varOf(f);
  return { source: f.entry.origin, excerpt: `${name === 'the temporary directory' ? '' : `${name}=`}${shown}${f.exists ? '' : ' (does not exist)'}` };
}

function aclWords(f: DirFact): { words: string; evidence?: Evidence } {
  const acl = f.acl;
  if (!acl?.extended) return { words: '' };
  const masked = acl.mask !== undefined && !acl.mask.includes('w');
  return {
    words: masked ? ` Its ACL mask is ${acl.mask}, which strips write from every named user and group entry.` : ' It has an extended ACL.',
    evidence: { source: `getfacl -p ${f.checked}`, excerpt: acl.text },
  };
}

/**
 * Whose home the Go directories' defaults derive from (GOPATH is $HOME/go, the caches
 * $HOME/.cache/…): its path as the process received it, and whether it exists.
 */
export interface HomeFact {
  path: string;
  exists: boolean;
  /** Can this user create files in it (access W_OK)? A container run with -u and no HOME gets /, which it cannot. */
  writable?: boolean;
  /** Its owner's uid: HOME=/root given to nobody is another user's home, not a broken one. */
  owner?: number;
  /**
   * A directory of this uid's own under the temporary directory (go-<uid>), for the Go directories
   * an unusable HOME holds: absent, or already this uid's (/tmp is shared; one someone else made is theirs).
   */
  tmpBase?: string;
  /** Set by assessAccess: the one fix that moves every Go directory under the unusable HOME into tmpBase. */
  tmpFix?: Fix;
}

/**
 * Top-level and well-known shared directories: a `chown -R` of one of them hands the system's files
 * to one user (a service account's HOME=/nonexistent put `chown -R "$USER:" /` in the report: the
 * nearest existing parent of every default Go directory was /).
 */
const SHARED_DIRS = new Set(['/usr/local', '/usr/lib', '/usr/share', '/usr/src', '/var/lib', '/var/cache', '/var/tmp', '/var/log', '/opt/local']);

/**
 * May the report offer `chown -R` of `dir`? Only of a directory that is the Go tools' or lies
 * under the user's home: strictly below an existing home, or (the role's own directory, which
 * exists) anywhere but the file system's top two levels' shared directories and the home's own
 * ancestors. Never the parent that merely happens to be the nearest existing one outside the
 * home: that is somebody else's directory, and -R would take everything in it.
 */
export function chownIsSafe(dir: string, ownDir: boolean, home?: HomeFact): boolean {
  // HOME=/ (a container run with -u, a system account): every folder is "below" it, /tmp and /usr
  // too, so below-home says nothing about whose a folder is (a helper found chown offered for /tmp/x).
  const belowHome = home?.exists === true && home.path !== '/' && isInside(dir, home.path) && dir !== home.path;
  if (belowHome) return true;
  if (!ownDir) return false;
  const depth = dir.split('/').filter(Boolean).length;
  if (depth < 2 || SHARED_DIRS.has(dir)) return false;
  return !(home && isInside(home.path, dir));
}

/** Is this Go directory under a home that does not exist or that this user cannot write (HOME=/ in a container run with -u)? */
function underUnusableHome(f: DirFact, home?: HomeFact): boolean {
  return !!home && (!home.exists || home.writable === false) && isInside(f.entry.path, home.path);
}

/** " It lies under HOME=…, which does not exist." or "…, which you cannot write.", for a directory under such a home. */
function homeWords(f: DirFact, home?: HomeFact, uid?: number): string {
  if (!underUnusableHome(f, home)) return '';
  // Another user's home (nobody given HOME=/root) is not to be repaired but left: the words say whose.
  if (home!.exists && home!.owner !== undefined && uid !== undefined && home!.owner !== uid) return ` It lies under HOME=${home!.path}, the home of another user (uid ${home!.owner}), which you (uid ${uid}) cannot write.`;
  return ` It lies under HOME=${home!.path}, which ${home!.exists ? 'you cannot write' : 'does not exist'}.`;
}

/**
 * Pure: GOCACHE, GOPATH, GOMODCACHE and GOPLSCACHE, each of those under an unusable HOME, moved
 * into a directory of this uid's own under the temporary directory: one fix for them all, with the
 * id the go-env probe gives a run with no HOME (a tester's nobody with HOME=/root got four links
 * saying "a directory you can write" and no directory).
 */
export function homeTmpFix(facts: readonly DirFact[], home: HomeFact | undefined, uid: number): Fix | undefined {
  const base = home?.tmpBase;
  if (!base) return undefined;
  const roles = new Set(facts.filter((f) => underUnusableHome(f, home) && f.entry.role !== 'GOTMPDIR').map((f) => f.entry.role));
  if (!roles.size) return undefined;
  const value: Record<string, string> = {};
  if (roles.has('GOCACHE')) value.GOCACHE = path.join(base, 'go-build');
  if (roles.has('GOPATH') || roles.has('GOMODCACHE')) value.GOPATH = path.join(base, 'go');
  if (roles.has('GOMODCACHE')) value.GOMODCACHE = path.join(base, 'go', 'pkg', 'mod');
  if (roles.has('gopls cache')) value.GOPLSCACHE = path.join(base, 'gopls-cache');
  const names = Object.keys(value);
  const whose = home!.exists && home!.owner !== undefined && home!.owner !== uid ? `HOME=${home!.path} is another user's (uid ${home!.owner})` : `HOME=${home!.path} ${home!.exists ? 'is not writable by uid ' + uid : 'does not exist'}`;
  return toolsEnvFix('toolsenv-gocache-gopath', `Give the Go tools ${names.join(', ')} in ${base}, a directory of your own`, value, `${whose}. go.toolsEnvVars applies this to gopls and every go command the extension runs; ${base} is emptied on reboot. HOME set to a directory of your own where the editor starts (a container's ENV HOME=…, a service's Environment=) lasts and covers terminals too.`);
}

function ownershipFixes(f: DirFact, uid: number, home?: HomeFact): Fix[] {
  const fixes: Fix[] = [];
  const role = f.entry.role;
  const dir = f.exists ? f.real : f.checked;
  if (f.owner !== undefined && f.owner !== uid && uid !== 0 && chownIsSafe(dir, f.exists, home)) {
    fixes.push({ id: `fs-access-chown-${slug(role)}`, kind: 'terminal', text: `sudo chown -R "$USER:" ${sh(dir)}`, needsRoot: true, title: `Take ownership of ${dir}`, detail: 'Usually needed after a `sudo go …` created it as root.' });
  }
  // Without root: a cache of one's own, at a directory checked to be writable with room (testers
  // with a read-only or root-owned cache got only remount or chown, both root's).
  if ((role === 'GOCACHE' || role === 'GOMODCACHE') && f.ownDir) fixes.push(ownCacheFix(`fs-access-own-dir-${slug(role)}`, role, f.ownDir, f.entry.fromEnvironment ? f.entry.path : undefined));
  if (!f.exists && !f.ownDir) {
    // What is left when nothing may be taken over: the variable pointed at a directory this user can write.
    const badHome = homeWords(f, home, uid);
    if (badHome && home?.tmpFix) fixes.push(home.tmpFix);
    else fixes.push({
      id: `fs-access-set-${slug(role)}`,
      kind: 'link',
      url: 'https://pkg.go.dev/cmd/go#hdr-Environment_variables',
      title: `Set ${role === 'GOMODCACHE' || role === 'GOCACHE' || role === 'GOTMPDIR' ? role : 'GOPATH'} to a directory you can write`,
      detail: badHome
        ? `${badHome.trim()} Set HOME to a directory you own, or set GOPATH, GOMODCACHE and GOCACHE in the environment the tools start with (a container's ENV or -e, a service's Environment=).`
        : `${f.checked} is not yours to write; set it in the environment the tools start with (a container's ENV or -e, a service's Environment=).`,
    });
  }
  // go clean removes files in the directory: of no use where the directory itself cannot be written.
  const cleanable = f.exists && f.write.ok;
  if (role === 'GOMODCACHE' && cleanable) fixes.push({ id: 'fs-access-go-clean-modcache', kind: 'terminal', text: 'go clean -modcache', needsRoot: false, title: 'Empty the module cache', detail: 'Modules are downloaded again on the next build.' });
  if (role === 'GOCACHE' && cleanable) fixes.push({ id: 'fs-access-go-clean-cache', kind: 'terminal', text: 'go clean -cache', needsRoot: false, title: 'Empty the build cache' });
  if (role === 'gopls cache' && f.exists) fixes.push(...clearCacheFix(f, 'fs-access-clear-gopls-cache'));
  // go's temporary directory needs no particular place: one of the user's own does.
  if (role === 'GOTMPDIR') {
    fixes.push({ id: 'gotmpdir-own', kind: 'terminal', title: 'Give go a temporary directory of your own (GOTMPDIR)', text: 'mkdir -p "$HOME/.cache/go-tmp" && go env -w GOTMPDIR="$HOME/.cache/go-tmp"', needsRoot: false, detail: 'go build, go run and go test create their work directories there; the editor\'s go picks it up from the go env file.' });
    return fixes;
  }
  // The page of the directory in question: a tester's read-only GOCACHE got the module cache's.
  if (role === 'GOCACHE') fixes.push({ id: 'fs-access-build-cache-docs', kind: 'link', url: 'https://pkg.go.dev/cmd/go#hdr-Build_and_test_caching', title: 'The build cache (go help cache)' });
  else if (role !== 'gopls cache') fixes.push({ id: 'fs-access-module-cache-docs', kind: 'link', url: 'https://go.dev/ref/mod#module-cache', title: 'The module cache and its permissions' });
  return fixes;
}

/**
 * Directories inside GOCACHE or GOMODCACHE another user owns and this one cannot write. An error:
 * go fails on the first build or download that lands in one, whatever the top directory says.
 */
export function foreignTreeFindings(f: DirFact, scan: ForeignScan, uid: number, home?: HomeFact): FindingInput[] {
  if (!scan.foreignCount) return [];
  const role = f.entry.role;
  const owners = [...new Set(scan.foreign.map((d) => d.uid))];
  const shown = scan.foreign.slice(0, 3).map((d) => path.relative(scan.root, d.path) || '.');
  const effect = role === 'GOCACHE'
    ? 'go build, go test and gopls fail when a result lands in one ("open …/go-build/xx/…: permission denied", often followed by misleading lines such as "package net is not in std")'
    : 'go get, go mod download and gopls fail to lock or fetch a module under one ("…/@v/vX.lock: permission denied")';
  const dir = f.real;
  const fixes: Fix[] = [];
  // Root's directories are a `sudo go …`'s, and taking them back is the fix. Another user's are a
  // cache shared between users (a 1777 directory, one user's umask 077): a chown to one breaks the
  // other (a tester's), so each gets a cache of their own.
  const byRoot = owners.every((o) => o === 0);
  if (byRoot && chownIsSafe(dir, true, home)) fixes.push({ id: `fs-access-chown-inside-${slug(role)}`, kind: 'terminal', text: `sudo chown -R "$USER:" ${sh(dir)}`, needsRoot: true, title: `Take back ownership of everything in ${dir}`, detail: 'A `sudo go …` wrote them as root. go clean cannot remove what you cannot write.' });
  if (!byRoot && (role === 'GOCACHE' || role === 'GOMODCACHE')) {
    const own = role === 'GOCACHE' ? '$HOME/.cache/go-build' : '$HOME/go/pkg/mod';
    fixes.push(
      f.entry.fromEnvironment
        ? toolsEnvFix(`fs-access-own-${slug(role)}`, `Give the Go tools a ${role === 'GOCACHE' ? 'build' : 'module'} cache of your own`, { [role]: '' }, `An empty ${role} is unset to go, which then uses your own (under your home). ${role}=${f.entry.path} is exported where the editor was started: change that too, for terminals.`)
        : { id: `fs-access-own-${slug(role)}`, kind: 'terminal', text: `go env -w ${role}="${own}"`, needsRoot: false, title: `Use a ${role === 'GOCACHE' ? 'build' : 'module'} cache of your own`, detail: `Shared between users, a cache breaks as soon as one of them writes with umask 077; go fills a new one as it builds.` },
    );
  }
  fixes.push(role === 'GOCACHE' ? { id: 'fs-access-build-cache-docs', kind: 'link', url: 'https://pkg.go.dev/cmd/go#hdr-Build_and_test_caching', title: 'The build cache (go help cache)' } : { id: 'fs-access-module-cache-docs', kind: 'link', url: 'https://go.dev/ref/mod#module-cache', title: 'The module cache and its permissions' });
  const top = f.owner === uid ? 'The top directory is yours, but' : f.mode !== undefined && (f.mode & 0o1000) !== 0 ? `The top directory is shared (mode ${formatMode(f.mode)}), and` : 'And';
  return [
    {
      classId: 'fs-access',
      severity: 'error',
      confidence: 0.9,
      message: `${scan.foreignCount}${scan.truncated ? '+' : ''} director${scan.foreignCount === 1 ? 'y' : 'ies'} inside ${role} (${dir}) ${scan.foreignCount === 1 ? 'is' : 'are'} owned by uid ${owners.join(', uid ')} and not writable by you (uid ${uid}): ${shown.join(', ')}${scan.foreignCount > shown.length ? ', …' : ''}. ${top} ${effect}.`,
      evidence: [{ source: `stat(2), access(2) W_OK inside ${dir} (${scan.checked} directories looked at)`, excerpt: scan.foreign.slice(0, 6).map((d) => `${d.path}: uid ${d.uid}, mode ${formatMode(d.mode)}, not writable`).join('\n') }],
      fixes,
    },
  ];
}

/** The cache clear, only when its guard accepted the directory; never a path the guard did not see. */
function clearCacheFix(f: DirFact, id: string): Fix[] {
  return f.clearGuard?.ok ? [{ id, kind: 'clearGoplsCache', path: f.clearGuard.path, title: "Delete gopls's cache directory" }] : [];
}

/** Why no clear is offered, as evidence beside the finding. */
function clearGuardEvidence(f: DirFact): Evidence[] {
  return f.entry.role === 'gopls cache' && f.exists && f.clearGuard && !f.clearGuard.ok ? [{ source: 'gopls cache clear: not offered', excerpt: f.clearGuard.reason }] : [];
}

/** An access failure the sandbox explains: the fact, what it needed, and the grant behind it. */
export interface SandboxRefused {
  fact: DirFact;
  need: Need;
  grant: Grant;
}

/**
 * Pure: is this directory's access failure the sandbox's? Only a failure is (a private /tmp that
 * works is fine, exposed or not); a read that failed needs read, anything else (creating it,
 * writing into it) write. Undefined when the grants expose the path with that access (the refusal
 * is the host's and today's findings stand) or it is in an SDK extension's tree.
 */
export function refusedBySandbox(f: DirFact, sandbox: Pick<FlatpakSandbox, 'filesystems' | 'places'>): SandboxRefused | undefined {
  if (f.exists && !f.isDir) return undefined;
  const readFailed = f.exists && (!f.read.ok || !f.search.ok);
  const writeFailed = f.exists ? !f.write.ok : f.entry.role === 'GOTMPDIR' || !f.write.ok || !f.search.ok;
  if (!readFailed && !writeFailed) return undefined;
  const need: Need = readFailed ? 'read' : 'write';
  for (const p of new Set([f.entry.path, f.real])) {
    const grant = sandboxRefusal(p, need, sandbox.filesystems, sandbox.places);
    if (grant) return { fact: f, need, grant };
  }
  return undefined;
}

/**
 * Pure: findings for the facts gathered about each directory. uid is who the checks ran as.
 * In a Flatpak sandbox, a failure its grants explain becomes an access-denied symptom with no fix
 * of its own, explained by the sandbox's env-inheritance cause that names the missing grant.
 */
export function assessAccess(facts: readonly DirFact[], uid: number, sandbox?: FlatpakSandbox, homeRead?: HomeFact): FindingInput[] {
  const tmpFix = homeTmpFix(facts, homeRead, uid);
  const home = tmpFix ? { ...homeRead!, tmpFix } : homeRead;
  const refused = new Map<DirFact, SandboxRefused>();
  if (sandbox) for (const f of facts) {
    const r = refusedBySandbox(f, sandbox);
    if (r) refused.set(f, r);
  }
  const findings: FindingInput[] = [];
  for (const f of facts) {
    const start = findings.length;
    assessOne(f, uid, findings, home);
    // A cache XDG_CACHE_HOME chose, with GOCACHE or GOPLSCACHE unset: that variable is the one to change.
    if (f.entry.xdgCacheHome) for (let k = start; k < findings.length; k++) findings[k] = withXdgCause(findings[k]!, f.entry, home);
    const r = refused.get(f);
    if (r && sandbox) for (let k = start; k < findings.length; k++) findings[k] = asSandboxSymptom(findings[k]!, r, sandbox.app);
  }
  if (sandbox && refused.size) findings.push(...sandboxCauses([...refused.values()], sandbox, uid));
  findings.push(...spaceFindings(facts.filter((f) => !refused.has(f))));
  return findings;
}

/** The fs-access finding of a directory the sandbox refuses: what was observed, not what to change. */
function asSandboxSymptom(f: FindingInput, r: SandboxRefused, app: string): FindingInput {
  const why = r.grant.granted ? 'exposes it read-only' : 'does not expose it';
  return {
    ...f,
    role: 'symptom',
    symptom: 'access-denied',
    message: `${f.message} This is what the Flatpak sandbox (${app}) shows, which ${why}: not the folder on the host.`,
    fixes: [],
  };
}

/** The sandbox's cause for each refused directory: grouped under the outermost refused one, so GOPATH covers its pkg/mod. */
function sandboxCauses(refused: readonly SandboxRefused[], sandbox: FlatpakSandbox, uid: number): FindingInput[] {
  const paths = refused.map((r) => r.fact.entry.path);
  const outermost = paths.filter((p) => !paths.some((q) => q !== p && isInside(p, q)));
  // The outer directory first: its refusal is the one each group's finding quotes.
  const denied: DeniedLine[] = [...refused].sort((a, b) => a.fact.entry.path.length - b.fact.entry.path.length).map(({ fact: f, need }) => {
    const check = accessEvidence(f, uid);
    const code = need === 'read' ? (!f.read.ok ? f.read.code : f.search.code) : f.exists ? f.write.code : !f.write.ok ? f.write.code : f.search.ok ? 'ENOENT' : f.search.code;
    const state = need === 'read' ? 'not being readable' : f.exists ? 'not being writable' : code === 'ENOENT' ? 'being missing' : 'being missing and not creatable';
    return { path: f.entry.path, source: check.source, excerpt: check.excerpt, need, said: `${f.entry.role} ${f.entry.path} ${state} there (${code})` };
  });
  return flatpakAccessFindings({ ...sandbox, denied, goDirs: outermost, maxGrants: denied.length });
}

/** Would gopls's MkdirAll of this directory fail (so that it goes to $TMPDIR/gopls instead)? */
export function goplsCannotCreate(f: DirFact): boolean {
  return f.exists ? !f.isDir : !f.write.ok || !f.search.ok;
}

/** Could gopls create its per-binary subdirectory in this directory (or create the directory and then it)? */
function goplsCanUse(f: DirFact): boolean {
  return (!f.exists || f.isDir) && f.write.ok && f.search.ok;
}

/** Why gopls cannot use a directory, in words: "is a file", "is not writable (EACCES): owned by …", "cannot be created: …". */
function goplsRefusalWords(f: DirFact, uid: number): string {
  if (f.exists && !f.isDir) return `${f.real} is a file, not a directory`;
  const code = !f.write.ok ? f.write.code : f.search.code;
  if (f.exists) return `${f.real} is not writable (${code}): ${ownerWords(f, uid)}`;
  return `${f.real} ${cannotCreateWords(f, uid, code)}`;
}

/** "does not exist and cannot be created: its nearest existing parent … is not writable (…)": for a missing directory whose parent refuses. */
function cannotCreateWords(f: DirFact, uid: number, code: string | undefined): string {
  // A file where a parent directory should be (GOPATH set to a file, and GOMODCACHE under it):
  // mkdir fails with ENOTDIR whoever owns it; access(2)'s X_OK on a file without x said EACCES,
  // and a tester read "not writable" of a file the evidence showed writable.
  if (throughFile(f)) return `does not exist and cannot be created: ${f.checked}, on its path, is a file, not a directory (mkdir fails with ENOTDIR)`;
  return `does not exist and cannot be created: its nearest existing parent ${f.checked} ${code === 'EROFS' ? 'is on a read-only file system' : `is not writable (${code}): ${ownerWords(f, uid)}`}`;
}

/** A missing directory whose nearest existing ancestor is a file, not a directory. */
function throughFile(f: DirFact): boolean {
  return !f.exists && f.mode !== undefined && !f.isDir;
}

const GOPLS_STOPS = 'gopls (v0.16 and later) stops at start ("gopls cannot access its persistent index"), so the editor has no language server';

/**
 * gopls's cache, judged as gopls's filecache.getCacheDir uses it: a gopls directory that exists is
 * used as it is (MkdirAll succeeds on it), so one it cannot write stops gopls when it makes its
 * per-binary subdirectory; one it cannot create sends it to $TMPDIR/gopls, which stops gopls in
 * turn when that cannot be used either (another user's 0700 copy, a read-only /tmp). Measured with
 * gopls v0.23.0 as nobody: a root-owned ~/.cache/gopls, and HOME=/nonexistent beside a root-owned
 * /tmp/gopls, each made `gopls version` exit 1 with that line. Undefined when gopls can use it.
 */
function goplsCacheFinding(f: DirFact, uid: number, home?: HomeFact): FindingInput | undefined {
  const fb = f.fallback;
  const evidence = [entryEvidence(f), accessEvidence(f, uid), ...clearGuardEvidence(f)];
  if (!goplsCannotCreate(f)) {
    if (goplsCanUse(f)) return undefined;
    return {
      classId: 'fs-access',
      severity: 'error',
      confidence: 0.88,
      message: `gopls cache ${goplsRefusalWords(f, uid)}: gopls uses an existing cache directory as it is and cannot make its subdirectory in this one, so ${GOPLS_STOPS}.`,
      evidence,
      explains: ['gopls-launch'],
      fixes: [...ownershipFixes(f, uid, home), goplsCacheVarFix(f, home)],
    };
  }
  if (fb && !goplsCanUse(fb)) {
    return {
      classId: 'fs-access',
      severity: 'error',
      confidence: 0.88,
      message: `gopls cache ${goplsRefusalWords(f, uid)}, and where gopls goes then, ${goplsRefusalWords(fb, uid)}: ${GOPLS_STOPS}.${homeWords(f, home)}`,
      evidence: [...evidence, entryEvidence(fb), accessEvidence(fb, uid)],
      explains: ['gopls-launch'],
      fixes: [goplsCacheVarFix(f, home)],
    };
  }
  return {
    classId: 'fs-access',
    severity: 'warning',
    confidence: 0.8,
    message: `gopls cache ${goplsRefusalWords(f, uid)}: gopls keeps its index in ${fb ? fb.real : 'a temporary directory'} instead, which is emptied on reboot or shared with other users.${homeWords(f, home, uid)}`,
    evidence,
    fixes: [goplsCacheVarFix(f, home)],
  };
}

/** GOPLSCACHE, which gopls reads before os.UserCacheDir(): the one setting that moves its cache alone. */
function goplsCacheVarFix(f: DirFact, home?: HomeFact): Fix {
  // A directory checked to be writable: the setting names it (a tester had only a link).
  if (f.ownDir) return ownCacheFix('fs-access-set-goplscache', 'gopls cache', f.ownDir, undefined);
  if (home?.tmpFix && underUnusableHome(f, home)) return home.tmpFix;
  return {
    id: 'fs-access-set-goplscache',
    kind: 'link',
    url: 'https://github.com/golang/tools/blob/0602b30930e307645a5b43697b316a5599dea9a1/gopls/internal/filecache/filecache.go',
    title: 'Set GOPLSCACHE to a directory you own',
    detail: `gopls keeps its cache in $GOPLSCACHE/gopls when GOPLSCACHE is set.${homeWords(f, home)} Set it in the environment the editor starts with (a container's ENV, a service's Environment=).`,
  };
}

function assessOne(f: DirFact, uid: number, findings: FindingInput[], home?: HomeFact): void {
  const role = f.entry.role;
  if (role === 'gopls cache') {
    const g = goplsCacheFinding(f, uid, home);
    if (g) findings.push(g);
    return;
  }
  const sev = writeSeverity(role);
  if (f.exists && !f.isDir) {
    findings.push({ classId: 'fs-access', severity: sev, confidence: 0.9, message: `${varOf(f)} ${f.real} is a file, not a directory: ${what(role)}.`, evidence: [entryEvidence(f), accessEvidence(f, uid)], fixes: [] });
    return;
  }
  if (f.exists) {
    if (!f.read.ok || !f.search.ok) {
      const acl = aclWords(f);
      findings.push({
        classId: 'fs-access',
        severity: 'error',
        confidence: 0.9,
        message: `${varOf(f)} ${f.real} cannot be ${!f.read.ok ? 'read' : 'searched'} (${!f.read.ok ? f.read.code : f.search.code}): ${ownerWords(f, uid)}.${acl.words}`,
        evidence: [entryEvidence(f), accessEvidence(f, uid), ...(acl.evidence ? [acl.evidence] : [])],
        fixes: ownershipFixes(f, uid, home),
      });
    } else if (!f.write.ok) {
      const acl = aclWords(f);
      const why = f.write.code === 'EROFS' ? 'is on a read-only file system' : `is not writable (${f.write.code}): ${ownerWords(f, uid)}`;
      // A module cache that can be read is used as it is: builds and gopls work from what is in it
      // (measured: go build with every module cached on a read-only bind mount exits 0; an image's
      // pre-filled cache is often made so). Only a download fails; the module-downloads probe says
      // when one is needed, as an error.
      const readOnlyCache = role === 'GOMODCACHE';
      findings.push({
        classId: 'fs-access',
        severity: readOnlyCache ? 'warning' : sev,
        confidence: f.write.code === 'EROFS' ? 0.92 : 0.88,
        message: readOnlyCache
          ? `${role} ${f.real} ${why}: go and gopls use the modules already in it, but cannot download any other (go get, go mod tidy or download, a new requirement fail with "${f.write.code === 'EROFS' ? 'read-only file system' : 'permission denied'}").${acl.words}`
          : `${varOf(f)} ${f.real} ${why}; ${what(role, f.write.code)}.${acl.words}`,
        evidence: [entryEvidence(f), accessEvidence(f, uid), ...(acl.evidence ? [acl.evidence] : [])],
        fixes: f.write.code === 'EROFS' ? ownershipFixes({ ...f, owner: undefined }, uid, home) : ownershipFixes(f, uid, home),
      });
    }
  } else if (role === 'GOTMPDIR') {
    // The go command creates neither GOTMPDIR nor TMPDIR.
    findings.push({
      classId: 'fs-access',
      severity: 'error',
      confidence: 0.9,
      // Named as the user set it: TMPDIR when GOTMPDIR is unset (goPaths.ts's origin says so).
      message: `${f.entry.origin.startsWith('$TMPDIR') ? 'TMPDIR' : role} ${f.real} does not exist, and the go command does not create it: ${what(role)}.`,
      evidence: [entryEvidence(f), accessEvidence(f, uid)],
      fixes: [{ id: 'fs-access-mkdir-gotmpdir', kind: 'terminal', text: `mkdir -p ${sh(f.real)}`, needsRoot: false, title: `Create ${f.real}` }],
    });
  } else if (!f.write.ok || !f.search.ok) {
    const code = !f.write.ok ? f.write.code : f.search.code;
    findings.push({
      classId: 'fs-access',
      severity: sev,
      confidence: 0.85,
      message: `${varOf(f)} ${f.real} ${cannotCreateWords(f, uid, code)}; ${what(role, code)}.${throughFile(f) ? '' : homeWords(f, home, uid)}`,
      evidence: [entryEvidence(f), accessEvidence(f, uid)],
      // No owner or mode makes a file a directory: the variable that put it on the path is the fix.
      fixes: throughFile(f) ? [] : ownershipFixes(f, uid, home),
    });
  }
}

/** A file system smaller than this cannot hold the build cache of one build: the cache belongs elsewhere. */
const BUILD_ROOM_BYTES = OWN_CACHE_ROOM_BYTES;
/** Inodes a build of a one-file program took in an empty GOCACHE (go1.26.8: 256 directories, 214 files, the root). */
const ONE_BUILD_INODES = 471;
/** Fewer inodes than this in all, and the file system cannot hold the cache of a small module's build (one of three dependencies took 746). */
const BUILD_ROOM_INODES = INODES_ERROR;

/**
 * Space and inodes, once per file system. Not for a directory the sandbox refuses: its statfs is
 * of the sandbox's own tree (a small tmpfs at /), not of the host's folder.
 */
function spaceFindings(facts: readonly DirFact[]): FindingInput[] {
  const findings: FindingInput[] = [];
  const byDev = new Map<string, { facts: DirFact[]; verdict: SpaceVerdict }>();
  for (const f of facts) {
    if (!f.space) continue;
    const key = f.dev !== undefined ? String(f.dev) : f.checked;
    const g = byDev.get(key);
    if (g) g.facts.push(f);
    else byDev.set(key, { facts: [f], verdict: assessSpace(f.space) });
  }
  for (const { facts: group, verdict } of byDev.values()) {
    if (verdict.level === 'ok') continue;
    const roles = group.map((f) => `${f.entry.role} ${f.real}`).join(', ');
    const fixes: Fix[] = [];
    const gocache = group.find((f) => f.entry.role === 'GOCACHE');
    const withholds: string[] = [];
    const said: string[] = [];
    const sizeEvidence: Evidence[] = [];
    if (gocache) {
      // Cleaning frees what the cache holds, nothing more: a tester's tmpfs full of another file
      // (GOCACHE 0 B) got go clean first, which freed nothing. And a file system smaller than one
      // build refills at once: on a 1 MiB tmpfs go clean freed it and the next go test filled it
      // again. There the move comes first.
      // Bytes and inodes are judged apart: a tester's tmpfs mounted with nr_inodes=40 had 64 MiB
      // free and no inode left, GOCACHE's 256 empty subdirectories holding them all, and was told
      // the cache held "only 4 KiB" and "other files fill the file system".
      const used = Math.max(0, verdict.bytesTotal - verdict.bytesFree);
      const inodesUsed = verdict.inodesTotal !== undefined && verdict.inodesFree !== undefined ? Math.max(0, verdict.inodesTotal - verdict.inodesFree) : 0;
      const size = gocache.cacheBytes;
      const helps = (verdict.bytesShort && cleaningHelps(size, used)) || (verdict.inodesShort && cleaningFreesInodes(size, inodesUsed));
      const fewInodes = verdict.inodesTotal !== undefined && verdict.inodesTotal < BUILD_ROOM_INODES;
      const tooSmall = verdict.bytesTotal < BUILD_ROOM_BYTES || fewInodes;
      const held = size ? `${formatBytes(size.bytes)}${size.truncated ? ' or more' : ''}` : undefined;
      const heldInodes = size?.inodes !== undefined ? `${size.inodes}${size.truncated ? ' or more' : ''} inodes` : undefined;
      if (size) sizeEvidence.push({ source: `size of GOCACHE ${gocache.real} (st_blocks of its files)`, excerpt: `${held} in ${size.files}${size.truncated ? '+' : ''} files${heldInodes ? ` (${heldInodes} with its directories)` : ''}; ${formatBytes(used)}${verdict.inodesTotal !== undefined ? ` and ${inodesUsed} inodes` : ''} used on its file system` });
      if (size && !helps) said.push(verdict.inodesShort && !verdict.bytesShort && heldInodes ? `GOCACHE itself holds only ${heldInodes} of the ${inodesUsed} in use: emptying it frees almost none, other files fill the file system` : `GOCACHE itself holds only ${held}: emptying it frees almost nothing, other files fill the file system`);
      if (fewInodes) said.push(`the file system has ${verdict.inodesTotal} inodes in all, fewer than one build takes in an empty cache (go first creates 256 directories there; a build of a one-file program took ${ONE_BUILD_INODES} inodes)`);
      if (verdict.bytesTotal < BUILD_ROOM_BYTES && (verdict.bytesShort || !fewInodes)) said.push(`the file system holds ${formatBytes(verdict.bytesTotal)} in all, less than one build writes to the cache (a go test of a one-file package wrote 57 MB to an empty GOCACHE)`);
      const clean: Fix | undefined = helps
        ? { id: 'fs-space-go-clean-cache', kind: 'terminal', text: 'go clean -cache', needsRoot: false, title: 'Empty the build cache to free space', detail: `It is rebuilt on demand.${held ? ` It holds ${held} of the ${formatBytes(used)} used there.` : ' It often holds several GiB.'}${tooSmall ? ' On a file system this small the next build fills it again: move the cache instead.' : ''}` }
        : undefined;
      if (!helps) withholds.push('fs-space-go-clean-cache');
      const move: Fix = gocache.ownDir
        ? ownCacheFix('fs-space-move-gocache', 'GOCACHE', gocache.ownDir, gocache.entry.fromEnvironment ? gocache.entry.path : undefined, `${clean && !tooSmall ? 'Or move' : 'Move'} the build cache to ${gocache.ownDir.dir}, on a file system with room`)
        : { id: 'fs-space-move-gocache', kind: 'link', url: 'https://pkg.go.dev/cmd/go#hdr-Build_and_test_caching', title: `Move the build cache to a file system with room (${gocache.entry.fromEnvironment ? 'GOCACHE=DIR where it is exported' : 'go env -w GOCACHE=DIR'})`, detail: 'No directory of yours with room was found to name here.' };
      fixes.push(...(clean && !tooSmall ? [clean, move] : clean ? [move, clean] : [move]));
    }
    // A module cache short of room: moved to one of the user's own (go downloads the modules again
    // there). A tester's GOMODCACHE on a tmpfs of 200 inodes, where x/sys failed to unzip, got no fix.
    const gomodcache = group.find((f) => f.entry.role === 'GOMODCACHE');
    if (gomodcache?.ownDir) fixes.push(ownCacheFix('fs-space-move-gomodcache', 'GOMODCACHE', gomodcache.ownDir, gomodcache.entry.fromEnvironment ? gomodcache.entry.path : undefined, `Move the module cache to ${gomodcache.ownDir.dir}, on a file system with room`));
    else if (gomodcache) fixes.push({ id: 'fs-space-move-gomodcache', kind: 'link', url: 'https://go.dev/ref/mod#module-cache', title: `Move the module cache to a file system with room (${gomodcache.entry.fromEnvironment ? 'GOMODCACHE=DIR where it is exported' : 'go env -w GOMODCACHE=DIR'})`, detail: 'No directory of yours with room was found to name here.' });
    const goplsCache = group.find((f) => f.entry.role === 'gopls cache' && f.exists);
    if (goplsCache) fixes.push(...clearCacheFix(goplsCache, 'fs-space-clear-gopls-cache'));
    // The build cache's page only where the build cache is on it (a tester's GOTMPDIR got it alone).
    if (gocache) fixes.push({ id: 'fs-space-docs', kind: 'link', url: 'https://pkg.go.dev/cmd/go#hdr-Build_and_test_caching', title: 'Where the go command keeps build output (go help cache)' });
    const gotmp = group.find((f) => f.entry.role === 'GOTMPDIR');
    if (gotmp) fixes.push({ id: 'fs-space-gotmpdir-docs', kind: 'link', url: 'https://pkg.go.dev/cmd/go#hdr-Environment_variables', title: 'GOTMPDIR: where go writes temporary build files and binaries (point it at a file system with room)' });
    findings.push({
      classId: 'fs-access',
      severity: verdict.level,
      confidence: verdict.level === 'error' ? 0.9 : 0.5,
      message: `${verdict.level === 'error' ? 'Not enough space' : 'Little space left'} for ${roles}: ${verdict.reasons.join('; ')}${verdict.level === 'error' ? ' — builds fail with "no space left on device"' : ''}.${said.map((x) => ` ${x[0]!.toUpperCase()}${x.slice(1)}.`).join('')}`,
      evidence: [...group.slice(0, 1).map((f) => ({ source: `statfs(2) on ${f.checked}`, excerpt: `${formatBytes(verdict.bytesFree)} available of ${formatBytes(verdict.bytesTotal)} (${verdict.pctFree}%)${verdict.inodesFree !== undefined ? `; ${verdict.inodesFree} inodes free (${verdict.pctInodesFree}%)` : ''}` })), ...sizeEvidence],
      fixes,
      ...(withholds.length ? { withholds } : {}),
    });
  }
  return findings;
}

async function check(p: string, mode: number): Promise<AccessCheck> {
  try {
    await fs.access(p, mode);
    return { ok: true };
  } catch (e) {
    return { ok: false, code: (e as NodeJS.ErrnoException).code ?? 'EIO' };
  }
}

/** Reads the real file system (user paths are not re-rooted). */
export async function gatherDirFact(entry: GoPathEntry): Promise<DirFact> {
  const r = await resolveExisting(entry.path);
  const checked = r.exists ? r.real : r.existing;
  const st = await fs.stat(checked).catch(() => undefined);
  const sfs = await fs.statfs(checked).catch(() => undefined);
  return {
    entry,
    real: r.real,
    exists: r.exists,
    isDir: st?.isDirectory() ?? false,
    checked,
    owner: st?.uid,
    mode: st?.mode,
    dev: st?.dev,
    read: await check(checked, fsConst.R_OK),
    write: await check(checked, fsConst.W_OK),
    search: await check(checked, fsConst.X_OK),
    space: sfs ? { bsize: sfs.bsize, blocks: sfs.blocks, bavail: sfs.bavail, files: sfs.files, ffree: sfs.ffree } : undefined,
  };
}

async function addAcls(ctx: ProbeContext, facts: DirFact[]): Promise<string | undefined> {
  if (!ctx.host.live) return undefined;
  const getfacl = await lookPath('getfacl', ctx.env);
  if (!getfacl) return undefined;
  for (const f of facts) {
    if (f.read.ok && f.write.ok && f.search.ok) continue;
    if (ctx.remainingMs() < 300) break;
    const r = await ctx.host.exec(getfacl, ['-p', '-n', '--', f.checked], { timeoutMs: Math.min(1000, ctx.remainingMs() - 200), signal: ctx.signal, env: ctx.env });
    if (!r.failed) f.acl = parseGetfacl(r.stdout);
  }
  return getfacl;
}

/** A Go cache this user cannot use where it is (or, GOCACHE, short of space there): one of their own is looked for. */
function needsOwnDir(f: DirFact): boolean {
  const role = f.entry.role;
  if (role === 'gopls cache') return !goplsCanUse(f);
  if (role !== 'GOCACHE' && role !== 'GOMODCACHE') return false;
  const unusable = f.exists ? !f.isDir || !f.write.ok || !f.read.ok || !f.search.ok : !f.write.ok || !f.search.ok;
  // Short of space (or inodes) too: a module cache on a small file system fails to extract a module
  // ("unzip …: no space left on device") as a build cache fails to write.
  return unusable || (!!f.space && assessSpace(f.space).level !== 'ok');
}

/** os.TempDir() + /gopls: $TMPDIR when set (Go takes it as it is), else /tmp. */
export function goplsFallbackEntry(env: NodeJS.ProcessEnv): GoPathEntry {
  const tmp = env.TMPDIR && path.isAbsolute(env.TMPDIR) ? env.TMPDIR : '/tmp';
  return { role: 'gopls cache', path: path.join(tmp, 'gopls'), origin: `gopls's fallback when it cannot create its cache: ${env.TMPDIR ? '$TMPDIR' : '/tmp'} + /gopls` };
}

/** HOME as the tools received it, resolved through symlinks when it exists (the facts' paths are). */
async function homeFact(home: string | undefined, uid: number, env: NodeJS.ProcessEnv): Promise<HomeFact | undefined> {
  if (!home || !home.startsWith('/')) return undefined;
  const real = await fs.realpath(home).catch(() => undefined);
  const fact: HomeFact = real ? { path: real, exists: true, writable: (await check(real, fsConst.W_OK)).ok, owner: (await fs.stat(real).catch(() => undefined))?.uid } : { path: home, exists: false };
  if (fact.exists && fact.writable !== false) return fact;
  // Where go-env's fix for a run with no HOME puts them (goEnv.ts noHomeCacheFixes).
  const base = path.join(env.TMPDIR && path.isAbsolute(env.TMPDIR) ? env.TMPDIR : '/tmp', `go-${uid}`);
  const st = await fs.lstat(base).catch(() => undefined);
  const parentOk = await check(path.dirname(base), fsConst.W_OK | fsConst.X_OK).then((r) => r.ok, () => false);
  return (st ? st.isDirectory() && st.uid === uid : parentOk) ? { ...fact, tmpBase: base } : fact;
}

/** The guard the extension runs before it deletes, run here before the fix is offered. */
async function cacheClearGuard(ctx: ProbeContext): Promise<DirFact['clearGuard']> {
  if (!ctx.host.live) return { ok: false, reason: 'not the live machine' };
  const d = goplsCacheDir(ctx.env);
  if (!d.ok) return { ok: false, reason: d.reason };
  const uid = typeof process.getuid === 'function' ? process.getuid() : ctx.host.uid;
  const g = await guardGoplsCacheDir(d.dir, ctx.env, uid);
  return g.ok ? { ok: true, path: d.dir } : { ok: false, reason: g.reason };
}

export const fileAccessProbe: Probe = {
  id: 'file-access',
  title: 'Access, ownership and space of Go directories',
  // env-inheritance: a Flatpak sandbox that does not expose a Go directory (flatpakGrants.ts).
  classes: ['fs-access', 'env-inheritance'],
  async run(ctx): Promise<ProbeOutcome> {
    if (ctx.host.platform !== 'linux') return skipped(`not Linux (${ctx.host.platform})`);
    const paths = await goPathsFor(ctx);
    const wanted = paths.entries.filter((e) => e.role === 'GOPATH' || e.role === 'GOMODCACHE' || e.role === 'GOCACHE' || e.role === 'GOTMPDIR' || e.role === 'gopls cache');
    if (wanted.length === 0) return skipped('no Go directory to check (no go env, no HOME)');
    const facts = await Promise.all(wanted.map(gatherDirFact));
    const ownDirSearches: Array<{ role: GoPathRole; found: string | null; passedOver: Array<{ dir: string; why: string }> }> = [];
    const getfacl = await addAcls(ctx, facts);
    for (const f of facts) if (f.entry.role === 'gopls cache' && f.exists) f.clearGuard = await cacheClearGuard(ctx);
    for (const f of facts) if (f.entry.role === 'gopls cache' && goplsCannotCreate(f)) f.fallback = await gatherDirFact(goplsFallbackEntry(ctx.env));
    // A cache that cannot be used where it is: a directory of the user's own that can, and for a
    // build cache short of space, what it holds itself (whether go clean can free anything).
    for (const f of facts) {
      if (needsOwnDir(f)) {
        const search = await findOwnCacheDir(f.entry.role as 'GOCACHE' | 'GOMODCACHE' | 'gopls cache', ctx.env, f.real);
        f.ownDir = search.found;
        ownDirSearches.push({ role: f.entry.role, found: search.found?.dir ?? null, passedOver: search.rejected });
      }
      if (f.entry.role === 'GOCACHE' && f.exists && f.space && assessSpace(f.space).level !== 'ok' && ctx.remainingMs() > 800) f.cacheBytes = await treeBytes(f.real, Math.min(1500, ctx.remainingMs() - 600));
    }
    // access(2) answers for this process's real uid, which is what the Go tools run as.
    const uid = typeof process.getuid === 'function' ? process.getuid() : ctx.host.uid;
    const sandbox = await readFlatpakSandbox(ctx);
    const home = await homeFact(ctx.env.HOME, uid, ctx.env);
    // Inside a cache this user may write at the top: directories a `sudo go …` left to root.
    const scans = uid === 0 || !ctx.host.live
      ? []
      : await Promise.all(facts.filter((f) => (f.entry.role === 'GOCACHE' || f.entry.role === 'GOMODCACHE') && f.exists && f.write.ok).map(async (f) => ({ f, scan: await scanCacheOwners(f.entry.role as 'GOCACHE' | 'GOMODCACHE', f.real, uid, ctx.signal) })));
    // An exported variable beats a go env -w fix built here (exportedBeatsGoEnvWrite.ts).
    return exportedBeatsGoEnvWrite(ctx, {
      findings: [...assessAccess(facts, uid, sandbox, home), ...scans.flatMap(({ f, scan }) => foreignTreeFindings(f, scan, uid, home))],
      observed: {
        source: paths.source,
        ...(sandbox ? { flatpak: { app: sandbox.app, filesystems: sandbox.filesystems, refused: facts.filter((f) => refusedBySandbox(f, sandbox)).map((f) => f.entry.path) } } : {}),
        goEnvProblem: paths.goEnvReason,
        uid,
        getfacl: getfacl ?? 'not used',
        dirs: facts.map((f) => ({
          role: f.entry.role,
          path: f.entry.path,
          real: f.real,
          exists: f.exists,
          checked: f.checked,
          owner: f.owner,
          mode: f.mode !== undefined ? formatMode(f.mode) : undefined,
          access: { read: f.read.ok || f.read.code, write: f.write.ok || f.write.code, search: f.search.ok || f.search.code },
          space: f.space ? (() => { const v = assessSpace(f.space); return { free: formatBytes(v.bytesFree), pctFree: v.pctFree, inodesFree: v.inodesFree, pctInodesFree: v.pctInodesFree }; })() : undefined,
          acl: f.acl?.extended ? f.acl.text : undefined,
        })),
        ...(ownDirSearches.length ? { ownCacheDirs: ownDirSearches } : {}),
        ...(facts.some((f) => f.cacheBytes) ? { gocacheHolds: facts.flatMap((f) => (f.cacheBytes ? [{ bytes: f.cacheBytes.bytes, files: f.cacheBytes.files, truncated: f.cacheBytes.truncated }] : [])) } : {}),
        ...(scans.length ? { insideCaches: scans.map(({ scan }) => ({ root: scan.root, dirsChecked: scan.checked, notYours: scan.foreignCount, truncated: scan.truncated })) } : {}),
      },
    });
  },
};
