// A Flatpak sandbox shows the editor, and every go and gopls it starts, only the host paths its
// [Context] filesystems= grants (flatpak-metadata(5); flatpak-run(1) --filesystem). Elsewhere the
// sandbox has its own tree, so "permission denied" on a path it does not expose is the sandbox's
// refusal, not the folder's mode: chmod on the host changes nothing, a --filesystem grant does.
// Where the path is granted, the denial is real and stays fs-access's.
//
// What each grant exposes is flatpak's own code (common/flatpak-context.c flatpak_context_export,
// common/flatpak-exports.c): `host` binds every top-level directory but dont_mount_in_root (app,
// bin, boot, dev, efi, etc, lib, lib32, lib64, proc, root, run, sbin, sys, tmp, usr, var), plus
// /run/media; `host-os` the host's /usr, /bin, /lib… under /run/host, `host-etc` its /etc as
// /run/host/etc; `home` $HOME; xdg-NAME[/sub] that XDG directory; ~/p and /p themselves; `:ro` read
// only; `!x` takes x away (a more specific entry wins, as the deeper bind mount does). /usr, /etc,
// /app, /dev, /proc and the usr-merged /bin, /lib… are never exported at their own path (dont_export_in).
// The Go of the SDK extension org.freedesktop.Sdk.Extension.golang is the sandbox's own: its
// enable.sh (flathub/org.freedesktop.Sdk.Extension.golang) exports GOROOT=/usr/lib/sdk/golang, so a
// path there is not a host path a grant would show, and a refusal there is never a missing grant.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Evidence, Fix, FindingInput } from '../doctor/model.js';
import type { ProbeContext } from './probe.js';
import { parseFlatpakInfo, FLATPAK_DOCS } from './loginShell.js';
import { gopathEntries } from '../facts/readGoEnv.js';
import { isInside } from '../host/paths.js';
import { quoteForDisplay } from '../host/shellQuote.js';

export type GrantMode = 'rw' | 'ro';

export type Grant =
  | { granted: true; by: string; mode: GrantMode }
  /** reserved: a path flatpak never exports; hiddenBy: the `!x` entry that takes it away. */
  | { granted: false; reserved?: string; hiddenBy?: string };

export interface GrantPlaces {
  home: string;
  /** XDG_RUNTIME_DIR on the host, for xdg-run. */
  runtimeDir?: string;
  /** The app's own ~/.var/app/ID, always writable. */
  appId?: string;
  /** The user's own XDG user directories (xdg-download → /home/u/Téléchargements), from user-dirs.dirs. */
  userDirs?: Readonly<Record<string, string>>;
}

/** user-dirs.dirs keys (xdg-user-dirs) and the filesystems= names flatpak gives them. */
const USER_DIR_KEYS: Readonly<Record<string, string>> = {
  DESKTOP: 'xdg-desktop',
  DOCUMENTS: 'xdg-documents',
  DOWNLOAD: 'xdg-download',
  MUSIC: 'xdg-music',
  PICTURES: 'xdg-pictures',
  PUBLICSHARE: 'xdg-public-share',
  TEMPLATES: 'xdg-templates',
  VIDEOS: 'xdg-videos',
};

/**
 * Pure: ~/.config/user-dirs.dirs (xdg-user-dirs: `XDG_DOWNLOAD_DIR="$HOME/Téléchargements"`, a
 * path either "$HOME/…" or absolute), as the filesystems= names flatpak resolves through it
 * (g_get_user_special_dir). A directory set to $HOME itself means "none" to xdg-user-dirs: left out.
 */
export function parseUserDirs(text: string, home: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^\s*XDG_([A-Z]+)_DIR\s*=\s*"([^"]*)"\s*$/.exec(line);
    const name = m && USER_DIR_KEYS[m[1]!];
    if (!name) continue;
    const raw = m[2]!;
    const abs = raw === '$HOME' ? home : raw.startsWith('$HOME/') ? path.posix.join(home, raw.slice(6)) : raw.startsWith('/') ? path.posix.normalize(raw) : undefined;
    if (abs && abs !== path.posix.normalize(home)) out[name] = abs;
  }
  return out;
}

const RESERVED = ['/usr', '/etc', '/app', '/dev', '/proc', '/lib', '/lib32', '/lib64', '/bin', '/sbin'];
const NOT_IN_HOST = new Set(['app', 'bin', 'boot', 'dev', 'efi', 'etc', 'lib', 'lib32', 'lib64', 'proc', 'root', 'run', 'sbin', 'sys', 'tmp', 'usr', 'var']);
const HOST_OS = ['/run/host/usr', '/run/host/bin', '/run/host/lib', '/run/host/lib32', '/run/host/lib64', '/run/host/sbin'];
/** Inside every app's sandbox, these are its own directories under ~/.var/app/ID, not the host's. */
const APP_VAR_BINDS: ReadonlyArray<[string, string]> = [
  ['/var/cache', 'cache'],
  ['/var/data', 'data'],
  ['/var/config', 'config'],
  ['/var/tmp', 'cache/tmp'],
];
/** xdg-user-dirs' defaults and the base directories' (flatpak reads the user's user-dirs.dirs; these are what it falls back to). */
const XDG: Record<string, string> = {
  'xdg-desktop': 'Desktop',
  'xdg-documents': 'Documents',
  'xdg-download': 'Downloads',
  'xdg-music': 'Music',
  'xdg-pictures': 'Pictures',
  'xdg-public-share': 'Public',
  'xdg-templates': 'Templates',
  'xdg-videos': 'Videos',
  'xdg-config': '.config',
  'xdg-cache': '.cache',
  'xdg-data': '.local/share',
  'xdg-state': '.local/state',
};

interface Entry {
  raw: string;
  mode: GrantMode | 'none';
  /** Directories it binds; 'host' is decided per path. */
  roots: string[] | 'host';
}

function parseEntry(raw: string, places: GrantPlaces): { key: string; entry: Entry } | undefined {
  let body = raw.trim();
  const negated = body.startsWith('!');
  if (negated) body = body.slice(1);
  let mode: GrantMode = 'rw';
  const suffix = /:(ro|rw|create|reset)$/.exec(body);
  if (suffix) {
    if (suffix[1] === 'reset') return undefined; // "!host:reset" clears earlier layers' grants: the effective list is what is left
    if (suffix[1] === 'ro') mode = 'ro';
    body = body.slice(0, -suffix[0].length);
  }
  const roots = rootsOf(body, places);
  if (!roots) return undefined;
  return { key: body, entry: { raw: raw.trim(), mode: negated ? 'none' : mode, roots } };
}

function rootsOf(body: string, places: GrantPlaces): string[] | 'host' | undefined {
  if (body === 'host') return 'host';
  if (body === 'host-os') return HOST_OS;
  if (body === 'host-etc') return ['/run/host/etc'];
  if (body === 'home' || body === '~') return [places.home];
  if (body.startsWith('~/')) return [path.posix.join(places.home, body.slice(2))];
  if (body.startsWith('/')) return [path.posix.normalize(body)];
  const xdg = /^(xdg-[a-z-]+)(?:\/(.*))?$/.exec(body);
  if (xdg) {
    const own = places.userDirs?.[xdg[1]!];
    const base = xdg[1] === 'xdg-run' ? places.runtimeDir : own ? own : XDG[xdg[1]!] !== undefined ? path.posix.join(places.home, XDG[xdg[1]!]!) : undefined;
    return base ? [xdg[2] ? path.posix.join(base, xdg[2]) : base] : undefined;
  }
  return undefined;
}

const depth = (p: string) => p.split('/').filter(Boolean).length;

/** Where runtime SDK extensions are mounted inside the sandbox (the golang one at /usr/lib/sdk/golang). */
export const SDK_EXTENSIONS = '/usr/lib/sdk';

/** What the refused operation needed: to read (open, list) or to write (create, write, lock). */
export type Need = 'read' | 'write';

/**
 * Pure: is a refusal on path p, needing `need`, the sandbox's doing? The grant that explains it
 * (not exposed, taken away, reserved for the runtime, or read-only where a write was needed), or
 * undefined when the sandbox is not why: the path is exposed with the access needed (the refusal
 * is the host's), or it is in an SDK extension's tree (the sandbox's own Go, never granted).
 */
export function sandboxRefusal(p: string, need: Need, filesystems: readonly string[], places: GrantPlaces): Grant | undefined {
  if (isInside(path.posix.normalize(p), SDK_EXTENSIONS)) return undefined;
  const grant = filesystemGrant(p, filesystems, places);
  if (grant.granted && (grant.mode === 'rw' || need === 'read')) return undefined;
  return grant;
}

/** Pure: does a sandbox with these filesystems= entries show the host's path p, and how. */
export function filesystemGrant(p: string, filesystems: readonly string[], places: GrantPlaces): Grant {
  const target = path.posix.normalize(p);
  const reserved = RESERVED.find((r) => isInside(target, r));
  if (reserved) return { granted: false, reserved };
  // One entry per filesystem (flatpak keeps them in a table: a later one replaces an earlier).
  const byKey = new Map<string, Entry>();
  for (const raw of filesystems) {
    const e = parseEntry(raw, places);
    if (e) byKey.set(e.key, e.entry);
  }
  if (places.appId) {
    const own = path.posix.join(places.home, '.var/app', places.appId);
    byKey.set(`~/.var/app/${places.appId}`, { raw: `(the app's own ~/.var/app/${places.appId})`, mode: 'rw', roots: [own] });
    // flatpak-run.c (flatpak_run_setup_base_argv) binds the app's own cache, data, config and
    // cache/tmp at /var/cache, /var/data, /var/config and /var/tmp, "nice to have as a fixed path".
    for (const [at, sub] of APP_VAR_BINDS) byKey.set(at, { raw: `(the app's own ${at}, ~/.var/app/${places.appId}/${sub})`, mode: 'rw', roots: [at] });
  }
  let best: { entry: Entry; depth: number } | undefined;
  for (const entry of byKey.values()) {
    const roots = entry.roots === 'host' ? hostRoots(target) : entry.roots;
    for (const r of roots) {
      if (!isInside(target, r)) continue;
      const d = depth(r);
      if (!best || d >= best.depth) best = { entry, depth: d };
    }
  }
  if (!best) return { granted: false };
  if (best.entry.mode === 'none') return { granted: false, hiddenBy: best.entry.raw };
  return { granted: true, by: best.entry.raw, mode: best.entry.mode };
}

/** The directory `host` binds that would hold p: its top-level one, unless flatpak keeps that for itself. */
function hostRoots(p: string): string[] {
  if (isInside(p, '/run/media')) return ['/run/media'];
  const top = p.split('/').filter(Boolean)[0];
  return top && !NOT_IN_HOST.has(top) ? [`/${top}`] : [];
}

/** A refused path: a "permission denied" line and the path it names, or a failed access(2) check. */
export interface DeniedLine {
  path: string;
  op?: string;
  source: string;
  /** The log line; absent for a check the doctor made itself. */
  line?: number;
  excerpt: string;
  /** What the refusal needed; a log line does not say, so a read-only grant counts as refusing it. */
  need?: Need;
  /** The refusal in words, when the excerpt is not a line worth quoting (an access(2) result). */
  said?: string;
}

/** The sandbox the doctor runs in, as /.flatpak-info describes it. */
export interface FlatpakSandbox {
  app: string;
  filesystems: readonly string[];
  /** /.flatpak-info's filesystems= line, as evidence. */
  infoEvidence: Evidence;
  places: GrantPlaces;
}

export interface FlatpakAccessInput extends FlatpakSandbox {
  denied: readonly DeniedLine[];
  /** Go's own directories (GOPATH entries, GOMODCACHE, GOCACHE): a denied path in one asks for all of it. */
  goDirs?: readonly string[];
  /** Grants named at most (a log may refuse many folders); default MAX_GRANTS. */
  maxGrants?: number;
}

/** Directories granted a finding each, at most. */
const MAX_GRANTS = 3;

/**
 * Pure: for each denied path the sandbox does not expose (or exposes read-only), an env-inheritance
 * cause naming the path and the grant that is missing, which explains the fs-access symptom.
 * Nothing for a path the sandbox exposes read-write: that refusal is the host's.
 */
export function flatpakAccessFindings(i: FlatpakAccessInput): FindingInput[] {
  const groups = new Map<string, { grant: Grant; lines: DeniedLine[] }>();
  for (const d of i.denied) {
    const grant = sandboxRefusal(d.path, d.need ?? 'write', i.filesystems, i.places);
    if (!grant) continue;
    const target = !grant.granted && grant.reserved ? grant.reserved : grantTarget(d, i.goDirs ?? []);
    const g = groups.get(target) ?? { grant, lines: [] };
    g.lines.push(d);
    groups.set(target, g);
  }
  const listed = i.filesystems.length ? i.filesystems.join(';') : '(none)';
  return [...groups.entries()].slice(0, i.maxGrants ?? MAX_GRANTS).map(([target, { grant, lines }]) => {
    const first = lines[0]!;
    const refusal = first.said ?? `"${quoteShort(first.excerpt)}"`;
    // Two Go directories checked at one existing parent read the same: said once.
    const shown = new Map<string, Evidence>();
    for (const l of lines) {
      const e: Evidence = { source: l.source, ...(l.line !== undefined ? { line: l.line } : {}), excerpt: l.excerpt };
      shown.set(JSON.stringify(e), e);
    }
    const evidence: Evidence[] = [...[...shown.values()].slice(0, 3), i.infoEvidence];
    const docs: Fix = { id: 'flatpak-go-docs', kind: 'link', title: 'Flathub: language SDKs and flatpak-spawn --host for VS Code', url: FLATPAK_DOCS };
    if (!grant.granted && grant.reserved) {
      return {
        classId: 'env-inheritance' as const,
        severity: 'warning' as const,
        confidence: 0.6,
        explains: ['fs-access' as const],
        message: `The editor runs in a Flatpak sandbox (${i.app}), where ${grant.reserved} is the sandbox's own (its runtime's, read-only), never the host's: Flatpak exports no host path there, whatever the grants, so ${refusal} is about ${first.path} inside the sandbox, not on the host. A Go or tool the host keeps under ${grant.reserved} is seen as /run/host${grant.reserved}/… with --filesystem=host-os; or run it on the host (flatpak-spawn --host), or use the Go SDK extension.`,
        evidence,
        fixes: [docs, { id: 'install-native-editor', kind: 'link' as const, title: 'Or install the editor from the .deb/.rpm package, outside the sandbox', url: 'https://code.visualstudio.com/docs/setup/linux' }],
      };
    }
    const how = grant.granted ? `exposes it read-only (${grant.by})` : grant.hiddenBy ? `takes it away (${grant.hiddenBy})` : `do not cover it (filesystems=${listed})`;
    const why = grant.granted ? 'a write there is refused by the sandbox' : 'inside the sandbox that path is not the host\'s';
    return {
      classId: 'env-inheritance' as const,
      severity: 'warning' as const,
      confidence: 0.7,
      explains: ['fs-access' as const],
      message: `The editor runs in a Flatpak sandbox (${i.app}) whose filesystem grants ${how}: ${target} is refused, and ${why}, so ${refusal} is the sandbox's refusal, not the folder's mode. Changing its owner or mode on the host changes nothing; the missing grant is --filesystem=${target}.`,
      evidence,
      fixes: [
        {
          // One id per folder: a cause lists its fixes by id, so each folder's grant is its own
          // button, and the same folder refused in the logs and by the file-access probe is one.
          id: grantFixId(target),
          kind: 'terminal' as const,
          title: `Let ${i.app} see ${target} (flatpak override --filesystem)`,
          text: `flatpak override --user --filesystem=${quoteForDisplay(target)} ${quoteForDisplay(i.app)}`,
          needsRoot: false,
          detail: `Run it in a terminal on the host (the editor's own terminal is inside the sandbox: there, put flatpak-spawn --host in front), then restart the editor. ${lines.length > 1 ? `${lines.length} refused paths are under it.` : ''}`.trim(),
        },
        docs,
      ],
    };
  });
}

/** The grant fix's id for a folder: the path's words, so it names one folder in any probe. */
export function grantFixId(target: string): string {
  const words = target.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  // The panel takes fix ids of at most 200 characters (protocol/panel.ts): a long path keeps its
  // first words and a digest of the whole, still one id per folder.
  const tail = words.length > MAX_ID_WORDS ? `${words.slice(0, MAX_ID_WORDS - 13)}-${createHash('sha256').update(target).digest('hex').slice(0, 12)}` : words;
  return `flatpak-grant-filesystem${tail ? `-${tail}` : ''}`;
}

const MAX_ID_WORDS = 120;

/** What to grant: the Go directory the path is in, else the folder being made or the file's folder. */
function grantTarget(d: DeniedLine, goDirs: readonly string[]): string {
  const inGo = goDirs.filter((g) => isInside(d.path, g)).sort((a, b) => b.length - a.length)[0];
  if (inGo) return inGo;
  return d.op === 'mkdir' ? d.path : path.posix.dirname(d.path);
}

function quoteShort(s: string): string {
  const t = s.trim();
  return t.length > 140 ? `${t.slice(0, 140)}…` : t;
}

/**
 * The sandbox the doctor runs in: /.flatpak-info read through the host (a fixture tree in tests).
 * Undefined outside one, and without HOME (the grants `home`, `~/…` and `xdg-*` are relative to
 * it); FLATPAK_ID alone does not say what is granted.
 */
export async function readFlatpakSandbox(ctx: Pick<ProbeContext, 'host' | 'env' | 'facts'>): Promise<FlatpakSandbox | undefined> {
  const text = await ctx.facts.flatpakInfo();
  if (text === undefined) return undefined;
  const home = ctx.env.HOME ?? '';
  if (!home) return undefined;
  const info = parseFlatpakInfo(text);
  // The user's own names for Downloads, Documents…: readable when home or xdg-config is granted;
  // without it flatpak's defaults stand (its own reading is the host's file, the same one).
  const dirsText = await ctx.host.readText(path.posix.join(home, '.config', 'user-dirs.dirs'), 16 * 1024);
  const userDirs = dirsText === undefined ? undefined : parseUserDirs(dirsText, home);
  const line = text.split('\n').find((l) => /^\s*filesystems\s*=/.test(l))?.trim() ?? 'filesystems= (absent: no host path granted)';
  return {
    app: info.app ?? ctx.env.FLATPAK_ID ?? 'the app',
    filesystems: info.filesystems,
    infoEvidence: { source: '/.flatpak-info', excerpt: `[Context]\n${line}` },
    places: { home, runtimeDir: ctx.env.XDG_RUNTIME_DIR, ...(info.app ? { appId: info.app } : {}), ...(userDirs ? { userDirs } : {}) },
  };
}

/** The findings for refused paths in the logs when the doctor runs inside a Flatpak sandbox. */
export async function flatpakDeniedFindings(ctx: Pick<ProbeContext, 'host' | 'env' | 'facts'>, denied: readonly DeniedLine[]): Promise<FindingInput[]> {
  if (!denied.length) return [];
  const sandbox = await readFlatpakSandbox(ctx);
  if (!sandbox) return [];
  let goDirs: string[] = [];
  if (ctx.host.live) {
    const goEnv = await ctx.facts.goEnv();
    if (goEnv.ok) goDirs = [...gopathEntries(goEnv.values), goEnv.values.GOMODCACHE, goEnv.values.GOCACHE].filter((d): d is string => !!d && path.isAbsolute(d));
  }
  return flatpakAccessFindings({ ...sandbox, denied, goDirs });
}
