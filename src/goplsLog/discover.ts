// Where gopls logs are: files named on the command line or in the extension's settings, the
// `-logfile` in go.languageServerFlags (`auto` = <tmpdir>/gopls-<pid>.log), and the Go
// extension's persisted "gopls (server)" channel beside our own log folder, with its rolled copies.
// User paths are real paths, not re-rooted under a fixture host.
import { currentDir } from '../host/currentDir.js';
import path from 'node:path';
import os from 'node:os';
import { promises as fs } from 'node:fs';
import { logFolders } from './logFolders.js';

export type LogOrigin = 'cli' | 'setting' | 'logfile-flag' | 'logfile-auto' | 'editor-channel' | 'recorded';

export interface FoundLog {
  path: string;
  origin: LogOrigin;
}

/** The value of gopls's -logfile among its flags ("-logfile X", "-logfile=X", "--logfile X"). Pure. */
export function logfileFromFlags(flags: readonly string[]): string | undefined {
  for (let i = 0; i < flags.length; i++) {
    const m = /^--?logfile(?:=(.*))?$/.exec(flags[i]!.trim());
    if (!m) continue;
    const v = m[1] ?? flags[i + 1];
    if (v !== undefined && v !== '') return v;
  }
  return undefined;
}

/** gopls's own name for -logfile=auto (cmd/serve.go: filepath.Join(os.TempDir(), fmt.Sprintf("gopls-%d.log", pid))). */
export const AUTO_LOG_NAME = /^gopls-(\d+)\.log$/;

/**
 * Pure: whether a log gopls wrote for `folders` is about one of `workspaces`: one folder holds the
 * other (a view of a module below the workspace, or a workspace inside the view's folder). A log
 * naming no folder could be any session's, and is kept; so is any log when no workspace is named.
 */
export function aboutWorkspaces(folders: readonly string[], workspaces: readonly string[]): boolean {
  if (!folders.length || !workspaces.length) return true;
  const within = (a: string, b: string) => a === b || a.startsWith(b.endsWith(path.sep) ? b : b + path.sep);
  return folders.some((f) => workspaces.some((w) => within(path.resolve(f), path.resolve(w)) || within(path.resolve(w), path.resolve(f))));
}

/** How many of the newest -logfile=auto files are opened to see which folders they were written for. */
const AUTO_CANDIDATES = 8;

/** "gopls (server).log", its rolled copies "gopls (server).log_1"…, "gopls (server)_1.log". */
export const EDITOR_CHANNEL_NAME = /^gopls \(server\)(?:\.log(?:_\d+|\.\d+)?|_\d+\.log)$/;

/** The rolled copies after the live file, oldest last. Pure. */
export function orderEditorChannelFiles(names: readonly string[]): string[] {
  const rank = (n: string) => Number(/(\d+)(?:\.log)?$/.exec(n.replace(/^gopls \(server\)\.log$/, ''))?.[1] ?? 0);
  return names.filter((n) => EDITOR_CHANNEL_NAME.test(n)).sort((a, b) => rank(a) - rank(b));
}

export interface DiscoverInput {
  explicit: readonly string[];
  extraLogPaths?: readonly string[];
  goplsFlags?: readonly string[];
  editorLogDir?: string;
  /** The environment gopls runs with: its TMPDIR decides where -logfile=auto writes. */
  env: NodeJS.ProcessEnv;
  workspaces: readonly string[];
  /** How many -logfile=auto files to take, newest first. */
  maxAuto?: number;
  /** Whose session is diagnosed (default: this process's uid); -1 takes every owner's. */
  uid?: number;
}

export async function discoverGoplsLogs(input: DiscoverInput): Promise<FoundLog[]> {
  const out: FoundLog[] = [];
  const seen = new Set<string>();
  const add = (p: string, origin: LogOrigin) => {
    const abs = path.resolve(p);
    if (seen.has(abs)) return;
    seen.add(abs);
    out.push({ path: abs, origin });
  };
  for (const p of input.explicit) add(p, 'cli');
  for (const p of input.extraLogPaths ?? []) add(p, 'setting');
  const flag = logfileFromFlags(input.goplsFlags ?? []);
  if (flag === 'auto') {
    const tmp = input.env.TMPDIR || os.tmpdir();
    const names = (await fs.readdir(tmp).catch(() => [] as string[])).filter((n) => AUTO_LOG_NAME.test(n));
    // A shared /tmp holds every user's gopls-<pid>.log, readable (0644): the newest may be another
    // user's gopls, whose stop or failure would be told as this session's. Only this user's count.
    const uid = input.uid ?? (typeof process.getuid === 'function' ? process.getuid() : -1);
    const stats = await Promise.all(names.map(async (n) => ({ n, m: await fs.stat(path.join(tmp, n)).then((s) => (uid === -1 || s.uid === uid ? s.mtimeMs : -1), () => -1) })));
    // Every gopls of this user started with -logfile=auto writes here, for whichever folder it serves:
    // the newest may be another window's (a helper's report), whose failure is not this workspace's.
    // A log whose views name only other folders is left out; one that names none could be this one.
    const workspaces = [...input.workspaces, ...(await Promise.all(input.workspaces.map((w) => fs.realpath(w).catch(() => w))))];
    let taken = 0;
    for (const s of stats.filter((x) => x.m >= 0).sort((a, b) => b.m - a.m).slice(0, AUTO_CANDIDATES)) {
      if (taken >= (input.maxAuto ?? 2)) break;
      const file = path.join(tmp, s.n);
      if (!aboutWorkspaces(await logFolders(file), workspaces)) continue;
      add(file, 'logfile-auto');
      taken++;
    }
  } else if (flag) {
    // A relative -logfile is relative to gopls's working directory: the first workspace folder.
    const base = path.isAbsolute(flag) ? '' : (input.workspaces[0] ?? currentDir());
    if (base !== undefined) add(path.isAbsolute(flag) ? flag : path.join(base, flag), 'logfile-flag');
  }
  if (input.editorLogDir) {
    const dir = path.join(input.editorLogDir, 'golang.go');
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    for (const n of orderEditorChannelFiles(names)) add(path.join(dir, n), 'editor-channel');
  }
  return out;
}
