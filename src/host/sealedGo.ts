// The doctor reads the user's workspace and must never change it. A go command can write there
// (measured with go 1.26): in module mode under -mod=mod (the user's GOFLAGS, from the environment
// or the go env file) nearly every `go list` adds go.sum lines or rewrites go.mod (a missing go line,
// a wrong // indirect); in workspace mode `go list -m all`, `go list -deps` and `go list -m M`
// create or extend go.work.sum whatever -mod says; `go mod download` writes go.sum even under the
// default -mod=readonly. Forcing -mod=readonly would stop the writes but change the answer: gopls
// and go list then fail on a go.sum the user's own go fills in silently. So each go command that
// may write is pointed at copies that hold the same text, and writes there:
// - module mode with -mod=mod: -modfile=<copy of go.mod>, go.sum copied beside it (go reads and
//   writes the go.sum next to the -modfile; the module root, vendor/ and the sources stay the
//   user's), appended after the user's own GOFLAGS so every other flag still counts;
// - workspace mode: GOWORK=<copy of go.work> with its relative paths made absolute, go.work.sum
//   copied beside it (go keeps go.work.sum beside the go.work it uses; the modules stay the user's);
// - otherwise (GOPATH mode, no go.mod, -mod=readonly or vendor) go writes nothing there: as is.
import { currentDir } from './currentDir.js';
import os from 'node:os';
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { CAP, readUserFile } from './readUserFile.js';

/** What go env says (file and environment merged): the flags the user's go runs with. */
export interface GoSettings {
  GOFLAGS?: string;
  GO111MODULE?: string;
  GOWORK?: string;
}

export interface SealedGo {
  env: NodeJS.ProcessEnv;
  /** How the workspace was kept out of reach, for a probe's observed values; undefined when nothing was needed. */
  how?: string;
  /** go's words with the copies' paths put back to the user's files (an error names the go.work it read). */
  restore(text: string): string;
  release(): Promise<void>;
}

/** Pure: GOFLAGS split as go splits it (space-separated; go ≥1.18 also takes quoted entries). */
export function splitGoFlags(goflags: string | undefined): string[] {
  const out: string[] = [];
  const re = /'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(goflags ?? ''))) out.push(m[1] ?? m[2] ?? m[3]!);
  return out;
}

/** Pure: the value of the last `-name=value` (or `--name=value`) in GOFLAGS, as go takes the last. */
export function lastGoFlag(goflags: string | undefined, name: string): string | undefined {
  let v: string | undefined;
  for (const f of splitGoFlags(goflags)) {
    const m = /^--?([^=]+)=(.*)$/.exec(f);
    if (m?.[1] === name) v = m[2];
  }
  return v;
}

/** Pure: one GOFLAGS entry, quoted only when it must be (older go splits on spaces and knows no quotes). */
export function goFlagEntry(flag: string): string {
  return /[\s'"]/.test(flag) ? `'${flag.replace(/'/g, '')}'` : flag;
}

/**
 * Pure: a go.work's text with every relative path (use directories, replace targets) made absolute
 * against `dir`, the go.work's folder, so a copy elsewhere names the same modules.
 */
export function workFileWithAbsolutePaths(text: string, dir: string): string {
  const abs = (p: string): string => (path.isAbsolute(p) ? p : path.join(dir, p));
  const quoteIfNeeded = (p: string): string => (/[\s"'`]/.test(p) ? JSON.stringify(p) : p);
  const pathToken = (tok: string): string => {
    const q = /^"((?:[^"\\]|\\.)*)"$|^`([^`]*)`$/.exec(tok);
    const raw = q ? (q[1] !== undefined ? (JSON.parse(`"${q[1]}"`) as string) : q[2]!) : tok;
    return quoteIfNeeded(abs(raw));
  };
  const TOKEN = String.raw`("(?:[^"\\]|\\.)*"|\x60[^\x60]*\x60|[^\s"\x60]+)`;
  let block: 'use' | 'replace' | undefined;
  return text
    .split('\n')
    .map((line) => {
      const body = line.replace(/\/\/.*$/, '');
      if (block && /^\s*\)\s*$/.test(body)) {
        block = undefined;
        return line;
      }
      const open = /^\s*(use|replace)\s*\(\s*$/.exec(body);
      if (open) {
        block = open[1] as 'use' | 'replace';
        return line;
      }
      const use = block === 'use' ? new RegExp(String.raw`^(\s*)${TOKEN}(.*)$`).exec(line) : new RegExp(String.raw`^(\s*use\s+)${TOKEN}(.*)$`).exec(line);
      if (use && body.trim()) return `${use[1]}${pathToken(use[2]!)}${use[3]}`;
      // replace old [v] => new [v]: only a target without a version is a directory.
      const rep = new RegExp(String.raw`^(${block === 'replace' ? '' : String.raw`\s*replace\s+`}.*=>\s*)${TOKEN}(\s*(?://.*)?)$`).exec(line);
      if ((block === 'replace' || /^\s*replace\s/.test(body)) && rep && /^(\.{1,2}[/\\]|["`]\.{1,2}[/\\])/.test(rep[2]!)) return `${rep[1]}${pathToken(rep[2]!)}${rep[3]}`;
      return line;
    })
    .join('\n');
}

const exists = (p: string) => fs.stat(p).then((s) => s.isFile(), () => false);

/** The nearest go.mod and the nearest go.work at or above a directory, whatever GOWORK says. */
export interface FilesAbove {
  mod?: string;
  work?: string;
}

/**
 * The nearest go.mod and go.work at or above `cwd`: every level's two files are looked at at once
 * (one after another, the walk cost a go command, and gopls's start, a few ms a level while the
 * other probes kept the thread pool busy). Needs nothing of go env, so a caller can start it
 * while `go env` still runs and hand it to sealedGo.
 */
export async function filesAbove(cwd: string): Promise<FilesAbove> {
  const dirs: string[] = [];
  for (let d = path.resolve(cwd); ; d = path.dirname(d)) {
    dirs.push(d);
    if (path.dirname(d) === d) break;
  }
  const nearest = async (name: string) => {
    const found = await Promise.all(dirs.map((d) => exists(path.join(d, name))));
    const i = found.indexOf(true);
    return i < 0 ? undefined : path.join(dirs[i]!, name);
  };
  const [mod, work] = await Promise.all([nearest('go.mod'), nearest('go.work')]);
  return { ...(work ? { work } : {}), ...(mod ? { mod } : {}) };
}

/** The go.work and go.mod that govern a go command run in `cwd`, as go finds them (`above`: filesAbove(cwd), if already asked). */
async function governingFiles(cwd: string, env: NodeJS.ProcessEnv, settings: GoSettings, above: Promise<FilesAbove> = filesAbove(cwd)): Promise<{ work?: string; mod?: string }> {
  const gowork = env.GOWORK !== undefined ? env.GOWORK : settings.GOWORK === 'off' ? 'off' : undefined;
  const found = await above;
  // GOWORK names the go.work (an absolute path), or turns the search off ("off", or a relative
  // path, which go rejects); unset, empty or "auto" (modload.FindGoWork), the nearest go.work above counts.
  const work = gowork && gowork !== 'auto' ? (gowork !== 'off' && path.isAbsolute(gowork) ? gowork : undefined) : found.work;
  return { ...(work ? { work } : {}), ...(found.mod ? { mod: found.mod } : {}) };
}

/** Copies `from` to `to` through a capped read; false when it is too large or unreadable. */
async function copyCapped(from: string, to: string, cap: number, transform?: (t: string) => string): Promise<boolean | 'absent'> {
  const r = await readUserFile(from, cap);
  if (!r.ok) return r.code === 'ENOENT' ? 'absent' : false;
  if (r.truncated) return false;
  await fs.writeFile(to, transform ? transform(r.text) : r.text, { mode: 0o600 });
  return true;
}

/** The copies' directories: `go-env-doctor-sealed-<pid>-XXXXXX` in TMPDIR, the pid the doctor's that made it. */
export const SEALED_PREFIX = 'go-env-doctor-sealed-';
/** A copy is kept this long after its maker is gone: another pid namespace sharing TMPDIR (a container's) may hold a live maker with that pid number. */
const STALE_AFTER_MS = 15 * 60_000;

/**
 * Pure: whether a directory in TMPDIR is a copy a doctor left when it was killed before it could
 * remove it (SIGKILL at a deadline, an editor's extension host that crashed): ours by name and
 * owner, its maker's pid not running here, and older than any run.
 */
export function isStaleCopy(name: string, st: { uid: number; mtimeMs: number }, me: { uid: number; now: number; alive: (pid: number) => boolean }): boolean {
  const m = new RegExp(`^${SEALED_PREFIX}(\\d+)-`).exec(name);
  return !!m && st.uid === me.uid && me.now - st.mtimeMs > STALE_AFTER_MS && !me.alive(Number(m[1]));
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes the copies killed doctors left in `tmp` (a run that ends removes its own); returns their names. */
export async function removeStaleCopies(tmp: string, now = Date.now()): Promise<string[]> {
  const uid = typeof process.getuid === 'function' ? process.getuid() : -1;
  const names = (await fs.readdir(tmp).catch(() => [] as string[])).filter((n) => n.startsWith(SEALED_PREFIX)).slice(0, 200);
  const removed: string[] = [];
  for (const n of names) {
    const st = await fs.lstat(path.join(tmp, n)).catch(() => undefined);
    if (!st?.isDirectory() || !isStaleCopy(n, st, { uid, now, alive })) continue;
    await fs.rm(path.join(tmp, n), { recursive: true, force: true }).catch(() => undefined);
    removed.push(n);
  }
  return removed;
}

let swept: { at: number; done: Promise<unknown> } | undefined;
/**
 * Before a copy, at most once per STALE_AFTER_MS: a CLI run sweeps once, and a long-lived
 * extension host, whose first sweep could not yet see a copy killed later (its own crashed
 * worker's, another window's), sweeps again once such a copy can be stale.
 */
const sweepStaleCopies = (now = Date.now()) => {
  if (!swept || now - swept.at >= STALE_AFTER_MS) swept = { at: now, done: removeStaleCopies(os.tmpdir(), now) };
  return swept.done;
};

const unsealed = (env: NodeJS.ProcessEnv): SealedGo => ({ env, restore: (t) => t, release: async () => undefined });

/**
 * Pure: the pairs, and each as go may print it (base.ShortPath: relative to the directory it runs
 * in when that is shorter, as "../go-env-doctor-sealed-…/go.work" beside a workspace in TMPDIR).
 */
export function withRelative(pairs: ReadonlyArray<readonly [string, string]>, cwd: string): Array<readonly [string, string]> {
  const rel = pairs.map(([c, o]) => [path.relative(cwd, c), path.relative(cwd, o) || o] as const).filter(([c]) => c && !c.startsWith('/'));
  return [...pairs, ...rel];
}

/** Pure: `text` with each copy's path replaced by the original's (longest first). */
export function restorePaths(text: string, copies: ReadonlyArray<readonly [copy: string, original: string]>): string {
  return [...copies].sort((a, b) => b[0].length - a[0].length).reduce((t, [c, o]) => t.split(c).join(o), text);
}

/**
 * The environment for a go command (or a gopls) the doctor runs in `cwd` that cannot write to the
 * workspace but sees what the user's go sees. `settings` are go env's values (GOFLAGS from the go
 * env file count: the environment's GOFLAGS, if set here, replaces the file's, so the effective
 * value is written out in full). Call release() once the command has ended.
 */
/** `keepGoWork`: leave workspace mode as it is (gopls: see session.ts). `above`: filesAbove(cwd), started earlier. */
export async function sealedGo(env: NodeJS.ProcessEnv, cwd: string, settings: GoSettings, opts: { modMod?: boolean; keepGoWork?: boolean; above?: Promise<FilesAbove> } = {}): Promise<SealedGo> {
  if ((env.GO111MODULE ?? settings.GO111MODULE) === 'off') return unsealed(env);
  const { work, mod } = await governingFiles(cwd, env, settings, opts.above);
  if (work && opts.keepGoWork) return unsealed(env);
  // modMod: the caller lists past missing go.sum lines (-mod=mod), which go refuses in workspace mode.
  const userFlags = env.GOFLAGS !== undefined ? env.GOFLAGS : settings.GOFLAGS;
  const goflags = opts.modMod && mod && !work ? [userFlags?.trim(), '-mod=mod'].filter(Boolean).join(' ') : userFlags;
  if (!work && (!mod || lastGoFlag(goflags, 'mod') !== 'mod')) return unsealed(env);
  let dir: string | undefined;
  try {
    await sweepStaleCopies();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), `${SEALED_PREFIX}${process.pid}-`));
    if (work) {
      const copy = path.join(dir, 'go.work');
      // A go.work past the cap cannot be copied faithfully; go itself reads it whole (test 96a).
      if ((await copyCapped(work, copy, CAP.goModFile, (t) => workFileWithAbsolutePaths(t, path.dirname(work)))) !== true) throw new Error('go.work not copied');
      if (!(await copyCapped(`${work}.sum`, `${copy}.sum`, CAP.goSum))) throw new Error('go.work.sum not copied');
      const d = dir;
      const pairs = withRelative([[`${copy}.sum`, `${work}.sum`], [copy, work]], cwd);
      return { env: { ...env, GOWORK: copy }, how: `GOWORK=${copy} (a copy of ${work})`, restore: (t) => restorePaths(t, pairs), release: () => fs.rm(d, { recursive: true, force: true }) };
    }
    // The user's own -modfile, if any, is the go.mod go would read (and its .sum the go.sum).
    const userModfile = lastGoFlag(goflags, 'modfile');
    const from = userModfile ? path.resolve(cwd, userModfile) : mod!;
    const copy = path.join(dir, 'go.mod');
    if ((await copyCapped(from, copy, CAP.goModFile)) !== true) throw new Error('go.mod not copied');
    if (!(await copyCapped(`${from.replace(/\.mod$/, '')}.sum`, path.join(dir, 'go.sum'), CAP.goSum))) throw new Error('go.sum not copied');
    const d = dir;
    const pairs = withRelative([[path.join(dir, 'go.sum'), `${from.replace(/\.mod$/, '')}.sum`], [copy, from]], cwd);
    return { env: { ...env, GOFLAGS: [goflags?.trim(), goFlagEntry(`-modfile=${copy}`)].filter(Boolean).join(' ') }, how: `-modfile=${copy} (a copy of ${from})`, restore: (t) => restorePaths(t, pairs), release: () => fs.rm(d, { recursive: true, force: true }) };
  } catch {
    if (dir) await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
    // No faithful copy (too large, unreadable, no room in TMPDIR): never write rather than see
    // exactly the user's view. In workspace mode -mod=readonly does not stop go.work.sum: as is.
    if (!work) return { env: { ...env, GOFLAGS: [goflags?.trim(), '-mod=readonly'].filter(Boolean).join(' ') }, how: '-mod=readonly (no copy of go.mod could be made)', restore: (t) => t, release: async () => undefined };
    return unsealed(env);
  }
}

/** Runs `fn` with a sealed environment and releases it afterwards, whatever happens. */
export async function withSealedGo<T>(env: NodeJS.ProcessEnv, cwd: string | undefined, settings: GoSettings | undefined, fn: (env: NodeJS.ProcessEnv) => Promise<T>): Promise<T> {
  // Without a working directory (removed under the process) no go.mod is above it: nothing to seal.
  const s = await sealedGo(env, cwd ?? currentDir() ?? '/', settings ?? {});
  try {
    const r = await fn(s.env);
    // A command's result (ExecResult) quotes go: its words name the user's files, not the copies.
    if (r && typeof r === 'object' && 'stdout' in r && 'stderr' in r) {
      const o = r as unknown as { stdout: unknown; stderr: unknown; message?: unknown };
      return { ...r, stdout: typeof o.stdout === 'string' ? s.restore(o.stdout) : o.stdout, stderr: typeof o.stderr === 'string' ? s.restore(o.stderr) : o.stderr, ...(typeof o.message === 'string' ? { message: s.restore(o.message) } : {}) } as T;
    }
    return r;
  } finally {
    await s.release().catch(() => undefined);
  }
}
