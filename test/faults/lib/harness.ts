// The fault suite's door to the machine: runs the real CLI and the real Go toolchain as a user
// would (argument arrays, a crafted environment, optionally inside a cgroup or as another user),
// and sets faults up with a restore that is verified, not assumed.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, rmdirSync, writeFileSync, mkdirSync, chmodSync, chownSync, existsSync, statSync, copyFileSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rehashLockPaths } from '../../../src/facts/rehashLocks.js';

export const REPO = path.resolve(__dirname, '../../..');
export const CLI = path.join(REPO, 'dist', 'cli.js');
export const GOPLS = path.join(REPO, '.tools', 'bin', 'gopls');
export const GOPLS_DIR = path.dirname(GOPLS);
export const GOROOT_BIN = '/usr/local/go/bin';
export const GO = path.join(GOROOT_BIN, 'go');
export const NODE = process.execPath;
/** Every temp dir, mount and cgroup of this suite carries this, so leftovers are easy to find. */
export const MARK = 'ged-fault';
export const NOBODY = { uid: 65534, gid: 65534 };

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  pid: number | undefined;
}

export interface RunOpts {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Killed (whole process group) after this long; a test failure, never a hang. */
  killAfterMs?: number;
  /** Prefix: e.g. inCgroup(dir) or asUser(NOBODY). */
  wrap?: string[];
  input?: string;
  /** Bytes of stdout/stderr kept (a flooding child must not exhaust the test). */
  keepBytes?: number;
}

/** Runs a command to completion; never throws for a failing command. */
export function runCmd(file: string, args: readonly string[], opts: RunOpts = {}): Promise<RunResult> {
  const argv = [...(opts.wrap ?? []), file, ...args];
  const started = performance.now();
  const keep = opts.keepBytes ?? 16 * 1024 * 1024;
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd: opts.cwd, env: opts.env ?? process.env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outLen = 0;
    let errLen = 0;
    child.stdout.on('data', (b: Buffer) => {
      if (outLen < keep) out.push(b);
      outLen += b.length;
    });
    child.stderr.on('data', (b: Buffer) => {
      if (errLen < keep) err.push(b);
      errLen += b.length;
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.input ?? '');
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, opts.killAfterMs ?? 120_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: null, signal: null, stdout: '', stderr: String(e), wallMs: performance.now() - started, pid: child.pid });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), wallMs: performance.now() - started, pid: child.pid });
    });
  });
}

/** A constant script: joins the cgroup given as $1 (its cgroup.procs), then execs the rest. Data stays data. */
export function inCgroup(cgroupDir: string): string[] {
  return ['/bin/sh', '-c', 'echo $$ > "$1/cgroup.procs" && shift && exec "$@"', 'sh', cgroupDir];
}

/**
 * Where another account (nobody) finds the CLI and gopls. A checkout every folder above which lets
 * others through serves as it is; a clone under a 0700 folder (`git clone . "$(mktemp -d)"`) does
 * not, and nobody would fail with "Cannot find module …/dist/cli.js" or find no gopls, which is not
 * the fault a scenario sets up. Then a 0755 copy is made once per test process: the CLI's loader
 * with the bundle it loads from beside it (src/cliLoader.ts), and gopls.
 */
export interface ForOthers {
  cli: string;
  goplsDir: string;
}
let forOthersMemo: ForOthers | undefined;
export function forOthers(): ForOthers {
  if (forOthersMemo) return forOthersMemo;
  if (othersCanReach(REPO)) return (forOthersMemo = { cli: CLI, goplsDir: GOPLS_DIR });
  // One copy per run, made by the first file that needs it and removed by the run's teardown
  // (globalSetup.ts): a worker's 'exit' handler does not run when vitest ends its forks, and a
  // copy per file (43 MB with gopls) had left 151 of them in /tmp here.
  const run = process.env.GED_FAULT_RUN;
  const d = run ? path.join(os.tmpdir(), `${MARK}-for-others-${run}`) : tempDir('for-others');
  if (!run) process.once('exit', () => rmSync(d, { recursive: true, force: true }));
  const bin = path.join(d, 'bin');
  if (!existsSync(path.join(bin, 'gopls'))) {
    mkdirSync(bin, { recursive: true, mode: 0o755 });
    chmodSync(d, 0o755);
    copyFileSync(CLI, path.join(d, 'cli.js'));
    copyFileSync(path.join(path.dirname(CLI), 'cli-main.js'), path.join(d, 'cli-main.js'));
    copyFileSync(GOPLS, path.join(bin, 'gopls.tmp'));
    chmodSync(path.join(bin, 'gopls.tmp'), 0o755);
    renameSync(path.join(bin, 'gopls.tmp'), path.join(bin, 'gopls'));
  }
  return (forOthersMemo = { cli: path.join(d, 'cli.js'), goplsDir: bin });
}

/** True when every folder from / down to dir has the execute bit for others. */
function othersCanReach(dir: string): boolean {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) return false;
    if (d === path.dirname(d)) return true;
  }
}

function switchesUser(wrap: readonly string[] | undefined): boolean {
  return (wrap ?? []).some((a) => a === 'setpriv' || a.endsWith('/setpriv'));
}

export function asUser(u: { uid: number; gid: number }): string[] {
  return ['setpriv', `--reuid=${u.uid}`, `--regid=${u.gid}`, '--clear-groups', '--'];
}

/** The environment of a user whose editor was started the ordinary way: go and gopls on PATH. */
export function userEnv(over: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(VITEST|NODE_ENV|TEST|npm_)/i.test(k)) env[k] = v;
  env.PATH = [GOROOT_BIN, GOPLS_DIR, '/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'].join(':');
  delete env.GOFLAGS;
  delete env.GOWORK;
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** A separate HOME for nobody (or anyone): GOPATH, GOCACHE and a bash login that puts go on PATH. */
export function makeHome(dir: string, owner?: { uid: number; gid: number }, profileDirs: string[] = [GOROOT_BIN, forOthers().goplsDir]): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, '.bash_profile'), `export PATH="${profileDirs.join(':')}:$PATH"\n`);
  if (owner) chownTree(dir, owner);
  return dir;
}

export function chownTree(dir: string, owner: { uid: number; gid: number }): void {
  chownSync(dir, owner.uid, owner.gid);
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) chownTree(p, owner);
    else chownSync(p, owner.uid, owner.gid);
  }
}

export function tempDir(what: string): string {
  const d = mkdtempSync(path.join(os.tmpdir(), `${MARK}-${what}-`));
  chmodSync(d, 0o755);
  return d;
}

export function removeTree(d: string): void {
  rmSync(d, { recursive: true, force: true });
}

/**
 * The version managers' rehash locks (facts/rehashLocks.ts) of `env`'s login shell that do not
 * exist now. A scenario whose doctor is OOM-killed kills its login shell too, and a pyenv rehash
 * killed there leaves its lock: every later login shell on the machine then waits for it (a unit
 * run after fault 35 failed ten tests on it). `restore` removes the locks made since and returns
 * those still left (none, when the restore took).
 */
export function absentRehashLocks(env: NodeJS.ProcessEnv): { restore(): string[] } {
  const absent = rehashLockPaths([env], env.HOME).map((l) => l.path).filter((p) => !existsSync(p));
  return {
    restore: () => {
      for (const p of absent) rmSync(p, { force: true });
      return absent.filter((p) => existsSync(p));
    },
  };
}

// ---------------------------------------------------------------- the CLI

export interface DoctorRun extends RunResult {
  report?: Report;
  parseError?: string;
}

/** The subset of the JSON report (shared/TAXONOMY.md) the suite asserts on. */
export interface Report {
  schemaVersion: number;
  causes: Array<{ id: string; score: number; severity: string; title: string; findings: Array<{ classId: string; severity: string; confidence: number; message: string; evidence: Array<{ source: string; excerpt: string; line?: number }>; probeId?: string; role?: string; explainedBy?: string[] }>; fixes: Array<{ id: string; kind: string }> }>;
  probes: Array<{ id: string; status: string; durationMs: number; reason?: string; observed?: Record<string, unknown> }>;
  workspaces: string[];
  incomplete?: boolean;
}

export interface DoctorOpts extends RunOpts {
  workspaces: string[];
  gopls?: string;
  timeoutMs?: number;
  format?: 'json' | 'text' | 'markdown';
  extra?: string[];
}

export async function runDoctorCli(opts: DoctorOpts): Promise<DoctorRun> {
  const args = ['diagnose'];
  if ((opts.format ?? 'json') !== 'text') args.push(`--${opts.format ?? 'json'}`);
  for (const w of opts.workspaces) args.push('--workspace', w);
  if (opts.gopls) args.push('--gopls', opts.gopls);
  if (opts.timeoutMs) args.push('--timeout-ms', String(opts.timeoutMs));
  args.push(...(opts.extra ?? []));
  const cli = switchesUser(opts.wrap) ? forOthers().cli : CLI;
  const r = await runCmd(NODE, [cli, ...args], { ...opts, killAfterMs: opts.killAfterMs ?? (opts.timeoutMs ?? 8000) + 30_000 });
  if ((opts.format ?? 'json') !== 'json') return r;
  try {
    return { ...r, report: JSON.parse(r.stdout) as Report };
  } catch (e) {
    return { ...r, parseError: (e as Error).message };
  }
}

/** One line per cause and per unhappy probe: printed with every scenario, quoted in failures. */
export function summarize(run: DoctorRun): string {
  const rep = run.report;
  if (!rep) return `no report (exit ${run.code}, ${run.parseError ?? ''}): ${run.stderr.slice(0, 800)}`;
  const causes = rep.causes.map((c) => `${c.id}/${c.severity}/${c.score}`).join(', ') || '(none)';
  const probes = rep.probes.filter((p) => p.status !== 'ok').map((p) => `${p.id}=${p.status}${p.reason ? `(${p.reason.slice(0, 120)})` : ''}`).join('; ');
  const first = rep.causes[0];
  const ev = first ? first.findings.flatMap((f) => [`  - [${f.severity}] ${f.message.slice(0, 200)}`, ...f.evidence.map((e) => `      ${e.source}: ${e.excerpt.slice(0, 160).replace(/\n/g, '⏎')}`)]).join('\n') : '';
  return `exit ${run.code}; causes: ${causes}; probes not ok: ${probes || '(none)'}\n${ev}`;
}

/** Everything a cause says about where it looked: evidence sources and excerpts, and the messages. */
export function evidenceText(cause: Report['causes'][number]): string {
  return cause.findings.flatMap((f) => [f.message, ...f.evidence.flatMap((e) => [e.source, e.excerpt])]).join('\n');
}

export function evidenceOnly(cause: Report['causes'][number]): string {
  return cause.findings.flatMap((f) => f.evidence.flatMap((e) => [e.source, e.excerpt])).join('\n');
}

// ---------------------------------------------------------------- mounts

export function mountLines(): string[] {
  return readFileSync('/proc/self/mountinfo', 'utf8').split('\n').filter(Boolean);
}

/** The mount point field (5th) of mountinfo, octal escapes decoded. */
export function isMountPoint(dir: string): boolean {
  return mountLines().some((l) => decodeOctal(l.split(' ')[4] ?? '') === dir);
}

function decodeOctal(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_m, o: string) => String.fromCharCode(parseInt(o, 8)));
}

async function must(file: string, args: string[]): Promise<void> {
  const r = await runCmd(file, args, { killAfterMs: 20_000 });
  if (r.code !== 0) throw new Error(`${file} ${args.join(' ')} failed (exit ${r.code}): ${r.stderr}`);
}

export async function mountTmpfs(dir: string, options: string): Promise<void> {
  await must('mount', ['-t', 'tmpfs', '-o', options, `${MARK}-tmpfs`, dir]);
  if (!isMountPoint(dir)) throw new Error(`tmpfs on ${dir} not in mountinfo after mount`);
}

export async function bindReadOnly(src: string, dir: string): Promise<void> {
  await must('mount', ['--bind', src, dir]);
  await must('mount', ['-o', 'remount,bind,ro', dir]);
}

/** Unmounts (lazily if something still holds it) and verifies that mountinfo no longer lists it. */
export async function unmountVerified(dir: string): Promise<void> {
  for (let i = 0; i < 5 && isMountPoint(dir); i++) {
    const r = await runCmd('umount', [dir], { killAfterMs: 20_000 });
    if (r.code !== 0) await runCmd('umount', ['-l', dir], { killAfterMs: 20_000 });
  }
  if (isMountPoint(dir)) throw new Error(`restore failed: ${dir} is still a mount point`);
}

// ---------------------------------------------------------------- cgroups (v1 on this machine)

export interface Cgroup {
  dir: string;
  read(file: string): string;
  write(file: string, value: string): void;
}

export function makeCgroup(controller: 'pids' | 'memory', name: string): Cgroup {
  const dir = path.join('/sys/fs/cgroup', controller, `${MARK}-${name}-${process.pid}`);
  if (!existsSync(dir)) mkdirSync(dir);
  return {
    dir,
    read: (f) => readFileSync(path.join(dir, f), 'utf8'),
    write: (f, v) => writeFileSync(path.join(dir, f), v),
  };
}

/** Kills whatever is left in the cgroup, removes it and verifies it is gone. */
export async function removeCgroupVerified(cg: Cgroup): Promise<void> {
  for (let i = 0; i < 50 && existsSync(cg.dir); i++) {
    const pids = cg.read('cgroup.procs').split('\n').filter(Boolean).map(Number);
    for (const p of pids) {
      try {
        process.kill(p, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    try {
      // rmdir(2), never rm -r: a cgroup's files cannot be unlinked.
      rmdirSync(cg.dir);
    } catch {
      await sleep(100);
    }
  }
  if (existsSync(cg.dir)) throw new Error(`restore failed: cgroup ${cg.dir} still exists`);
}

// ---------------------------------------------------------------- sysctls

export function readSysctl(name: string): string {
  return readFileSync(path.join('/proc/sys', name.replace(/\./g, '/')), 'utf8').trim();
}

export function writeSysctl(name: string, value: string): void {
  writeFileSync(path.join('/proc/sys', name.replace(/\./g, '/')), value);
}

export function restoreSysctlVerified(name: string, value: string): void {
  writeSysctl(name, value);
  const now = readSysctl(name);
  if (now !== value) throw new Error(`restore failed: ${name} is ${now}, expected ${value}`);
}

// ---------------------------------------------------------------- processes

export function pidsWithMarker(marker: string): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'latin1');
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      if (state !== 'Z' && cmd.includes(marker)) out.push(Number(name));
    } catch {
      /* gone */
    }
  }
  return out;
}

export function childPidsOf(pid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(rest[1]) === pid && rest[0] !== 'Z') out.push(Number(name));
    } catch {
      /* gone */
    }
  }
  return out;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

// ---------------------------------------------------------------- Go modules

/** A small module with a test: enough for go build / go test to exec something. */
export function writeSmallModule(dir: string, module = 'example.com/faultmod'): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'go.mod'), `module ${module}\n\ngo 1.22\n`);
  writeFileSync(path.join(dir, 'main.go'), 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println(Greeting()) }\n\n// Greeting is what main prints.\nfunc Greeting() string { return "hello" }\n');
  writeFileSync(path.join(dir, 'main_test.go'), 'package main\n\nimport "testing"\n\nfunc TestGreeting(t *testing.T) {\n\tif Greeting() != "hello" {\n\t\tt.Fatal("wrong greeting")\n\t}\n}\n');
  return dir;
}

/** A module importing every public std package: heavy enough for gopls to need hundreds of MB. */
export async function writeBigModule(dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const r = await runCmd(GO, ['list', 'std'], { env: userEnv(), cwd: dir });
  const pkgs = r.stdout.split('\n').filter((p) => p && !/internal|vendor|^cmd|syscall\/js|plugin|^testing\/synctest|^simd/.test(p));
  writeFileSync(path.join(dir, 'go.mod'), 'module example.com/big\n\ngo 1.22\n');
  writeFileSync(path.join(dir, 'big.go'), `package big\n\nimport (\n${pkgs.map((p) => `\t_ "${p}"`).join('\n')}\n)\n`);
  return dir;
}

/** An ELF64 executable header for AArch64 (e_machine 183): the kernel refuses it with ENOEXEC here. */
export function aarch64Elf(): Buffer {
  const b = Buffer.alloc(64 + 56 + 8);
  b.write('\x7fELF', 0, 'latin1');
  b[4] = 2; // ELFCLASS64
  b[5] = 1; // little endian
  b[6] = 1; // EV_CURRENT
  b.writeUInt16LE(2, 16); // ET_EXEC
  b.writeUInt16LE(183, 18); // EM_AARCH64
  b.writeUInt32LE(1, 20);
  b.writeBigUInt64LE(0x400078n, 24); // e_entry
  b.writeBigUInt64LE(64n, 32); // e_phoff
  b.writeUInt16LE(64, 52); // e_ehsize
  b.writeUInt16LE(56, 54); // e_phentsize
  b.writeUInt16LE(1, 56); // e_phnum
  b.writeUInt32LE(1, 64); // PT_LOAD
  b.writeUInt32LE(5, 68); // R+X
  b.writeBigUInt64LE(0n, 72);
  b.writeBigUInt64LE(0x400000n, 80);
  b.writeBigUInt64LE(0x400000n, 88);
  b.writeBigUInt64LE(BigInt(b.length), 96);
  b.writeBigUInt64LE(BigInt(b.length), 104);
  b.writeBigUInt64LE(0x10000n, 112);
  // mov x0,#0 ; ret (never runs on x86-64)
  b.writeUInt32LE(0xd2800000, 120);
  b.writeUInt32LE(0xd65f03c0, 124);
  return b;
}

// ---------------------------------------------------------------- the verdict

/**
 * The diagnosis a scenario expects: causes[0] is one of `ids`, and its evidence (where it was read
 * and what was read there) names at least one of `needles` (the mount point, cgroup file, sysctl…).
 * The failure message says which part went wrong: no report, wrong class first, or missing evidence.
 */
export function expectDiagnosis(run: DoctorRun, ids: string[], needles: Array<string | RegExp>): void {
  const why = summarize(run);
  if (!run.report) throw new Error(`NO REPORT: ${why}`);
  const first = run.report.causes[0];
  if (!first) throw new Error(`NO CAUSE AT ALL (wanted ${ids.join(' or ')}): ${why}`);
  if (!ids.includes(first.id)) {
    const where = run.report.causes.findIndex((c) => ids.includes(c.id));
    const wanted = run.report.causes[where];
    const wantedEv = wanted ? `; its evidence ${needles.some((n) => (typeof n === 'string' ? evidenceOnly(wanted).includes(n) : n.test(evidenceOnly(wanted)))) ? 'does' : 'does NOT'} name the broken thing: ${evidenceOnly(wanted).slice(0, 600).replace(/\n/g, ' | ')}` : '';
    throw new Error(`WRONG CLASS FIRST: ${first.id} (wanted ${ids.join(' or ')}, which is ${where < 0 ? 'absent' : `at position ${where}, score ${wanted!.score} vs ${first.score}`})${wantedEv}: ${why}`);
  }
  const text = evidenceOnly(first);
  const hit = needles.some((n) => (typeof n === 'string' ? text.includes(n) : n.test(text)));
  if (!hit) throw new Error(`MISSING EVIDENCE: causes[0]=${first.id} but no evidence names ${needles.map(String).join(' or ')}: ${why}`);
  for (const f of first.findings) if (f.evidence.length === 0) throw new Error(`FINDING WITHOUT EVIDENCE in ${first.id}: ${f.message}`);
}

/** The user-facing environment of another account (nobody) with its own HOME. */
export function userEnvFor(home: string, user: string, over: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = userEnv({
    HOME: home,
    USER: user,
    LOGNAME: user,
    SHELL: '/bin/bash',
    GOPATH: path.join(home, 'go'),
    GOCACHE: path.join(home, '.cache', 'go-build'),
    GOMODCACHE: undefined,
    XDG_CACHE_HOME: undefined,
    XDG_CONFIG_HOME: undefined,
    TMPDIR: undefined,
    ...over,
  });
  // Another account finds gopls where it can reach it (forOthers); an explicit PATH in `over` stays.
  if (over.PATH === undefined) env.PATH = env.PATH!.split(':').map((d) => (d === GOPLS_DIR ? forOthers().goplsDir : d)).join(':');
  return env;
}

/** The h1: hash go records in go.sum for a go.mod file (dirhash.Hash1 over the one file "go.mod"). */
export function goModSum(text: string): string {
  return `h1:${createHash('sha256').update(`${createHash('sha256').update(text).digest('hex')}  go.mod\n`).digest('base64')}`;
}

/**
 * A workspace module (example.com/app) requiring one module of the module cache (as
 * layOutCachedModule laid it out), whose main.go prints `use` from its package `pkg`.
 */
export function writeAppRequiring(ws: string, mod: string, version: string, goSum: string, pkg: string, use: string): void {
  mkdirSync(ws, { recursive: true });
  writeFileSync(path.join(ws, 'go.mod'), `module example.com/app\n\ngo 1.22\n\nrequire ${mod} ${version}\n`);
  writeFileSync(path.join(ws, 'go.sum'), goSum);
  writeFileSync(path.join(ws, 'main.go'), `package main\n\nimport (\n\t"fmt"\n\n\t"${mod}"\n)\n\nfunc main() { fmt.Println(${pkg}.${use}) }\n`);
}

/**
 * The environment of a user whose HOME is `home` and whose module cache is `cache` (laid out by
 * layOutCachedModule): offline (GOPROXY=off) and with a build cache under `dir`; `over` on top.
 */
export function offlineModuleEnv(dir: string, home: string, cache: string, over: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return userEnv({ HOME: home, SHELL: '/bin/bash', GOPATH: path.join(home, 'go'), GOMODCACHE: cache, GOCACHE: path.join(dir, 'gocache'), GOPROXY: 'off', GOFLAGS: '-modcacherw', ...over });
}

/**
 * A module laid out in a module cache by hand, as go lays it out after a download (cache/download/
 * …/@v/V.{mod,info,ziphash} and the extracted m@v/), so a scenario runs offline. The recorded zip
 * hash is arbitrary: go compares it with go.sum and never re-hashes the files. Returns the two
 * go.sum lines that agree with it.
 */
export function layOutCachedModule(cache: string, mod: string, version: string, files: Record<string, string>): { goSum: string; zipSum: string; modSum: string } {
  const dl = path.join(cache, 'cache', 'download', mod, '@v');
  const extracted = path.join(cache, `${mod}@${version}`);
  mkdirSync(dl, { recursive: true });
  mkdirSync(extracted, { recursive: true });
  const gomod = `module ${mod}\n\ngo 1.21\n`;
  const zipSum = `h1:${createHash('sha256').update(`${mod}@${version}`).digest('base64')}`;
  writeFileSync(path.join(dl, `${version}.mod`), gomod);
  writeFileSync(path.join(dl, `${version}.info`), `{"Version":"${version}","Time":"2025-06-01T00:00:00Z"}`);
  writeFileSync(path.join(dl, `${version}.ziphash`), zipSum);
  writeFileSync(path.join(extracted, 'go.mod'), gomod);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(extracted, name), text);
  const modSum = goModSum(gomod);
  return { goSum: `${mod} ${version} ${zipSum}\n${mod} ${version}/go.mod ${modSum}\n`, zipSum, modSum };
}
