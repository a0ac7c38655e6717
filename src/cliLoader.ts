// The `go-env-doctor` command: loads the CLI bundle (cli-main.js, built from cli.ts) through V8's
// code cache. Node compiles each function of a 1.5 MB bundle the first time it runs; in a one-shot
// CLI that is every function, and those compiles ran while gopls started (~25 ms of the thread in
// the run, ~80 ms before it). The cache holds what the last run compiled, so later runs skip it.
// Node 22 has module.enableCompileCache for this; the doctor supports Node 20, hence vm.Script.
//
// The cache is keyed by the bundle's content, Node's version and the CPU (V8 itself only checks a
// length), lives in the doctor's cache directory under the same trust rule as the login-shell
// cache (ours, not writable by others), and is only an optimisation: anything wrong with it (absent,
// foreign, corrupt, rejected by V8, unwritable) means a normal compile, never a failure.
import { createHash, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, writeFileSync, type Stats } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { cacheDir, untrusted } from './host/userCache.js';
import { ownMemoryLimit, tightLimitWarning } from './host/ownMemoryLimit.js';

const MAIN = path.join(__dirname, 'cli-main.js');
/** Larger than any cache of this bundle (~1.4 MB): a bigger file is not ours. */
const MAX_CACHE_BYTES = 16 * 1024 * 1024;
/** Our own bundle is ~1.5 MB. */
const MAX_BUNDLE_BYTES = 64 * 1024 * 1024;
const PREFIX = 'cli-v8-';
/** Caches of other builds kept beside this one's. */
const KEEP_OTHERS = 3;

const uid = typeof process.getuid === 'function' ? process.getuid() : -1;
const off = process.env.GO_ENV_DOCTOR_CODE_CACHE === 'off';

/**
 * The file's bytes, if `accept` takes its stat and it is no larger than `cap`. A file whose stat
 * says size 0 (/proc's) is read up to `cap`, whatever it holds.
 */
function readFile(file: string, flags: number, cap: number, accept: (st: Stats) => boolean = () => true): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, flags);
    const st = fstatSync(fd);
    if (!accept(st) || st.size > cap) return undefined;
    const size = st.size || cap;
    const buf = Buffer.allocUnsafe(size);
    let n = 0;
    while (n < size) {
      const got = readSync(fd, buf, n, size - n, n);
      if (got === 0) break;
      n += got;
    }
    return buf.subarray(0, n);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readTrusted(file: string): Buffer | undefined {
  return readFile(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK, MAX_CACHE_BYTES, (st) => !untrusted({ uid: st.uid, mode: st.mode, isFile: st.isFile() }, uid, 'file'));
}

function dirTrusted(dir: string): boolean {
  try {
    const st = lstatSync(dir);
    return st.isDirectory() && !untrusted({ uid: st.uid, mode: st.mode, isFile: false }, uid, 'directory');
  } catch {
    return false;
  }
}

/** Written under a new name and renamed over, like the login-shell cache; all but a few other builds' caches go. */
function store(dir: string, file: string, data: Buffer): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!dirTrusted(dir)) return;
    const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}`);
    writeFileSync(tmp, data, { mode: 0o600, flag: 'wx' });
    try {
      renameSync(tmp, file);
    } catch {
      rmSync(tmp, { force: true });
      return;
    }
    // Other builds' caches (several checkouts may share the directory): the newest few stay.
    const others = readdirSync(dir)
      .filter((n) => n.startsWith(PREFIX) && n !== path.basename(file))
      .map((n) => ({ n, t: lstatSync(path.join(dir, n)).mtimeMs }))
      .sort((a, b) => b.t - a.t);
    for (const { n } of others.slice(KEEP_OTHERS)) rmSync(path.join(dir, n), { force: true });
  } catch {
    // No cache this time.
  }
}

/**
 * Under a small address-space limit (ulimit -v: exactly when gopls dies of "out of memory") V8's
 * default heap reservations do not fit, and node aborted with "Fatal process out of memory: Zone"
 * before any report (a tester's ulimit -v 1000000, 2 runs of 3). With a small old space it runs in
 * well under 1 GiB (the doctor needs about 80 MB): the loader starts itself again so, once.
 */
const AS_ROOM = 2 * 1024 ** 3;
function addressSpaceLimit(): number | undefined {
  const m = /^Max address space\s+(\d+)\s/m.exec(readFile('/proc/self/limits', constants.O_RDONLY, 64 * 1024)?.toString('utf8') ?? '');
  return m ? Number(m[1]) : undefined;
}
const SMALL = 'GO_ENV_DOCTOR_SMALL_HEAP';
const ARENA_WAS = 'GO_ENV_DOCTOR_MALLOC_ARENA_MAX_WAS';
// Under a small memory cgroup the run may be OOM-killed before it reports: the cause goes to
// stderr first (ownMemoryLimit.ts). Once, in the first process, and only for a diagnosis.
if (process.platform === 'linux' && process.env[SMALL] === undefined && process.argv.slice(2).includes('diagnose')) {
  const warning = tightLimitWarning(ownMemoryLimit());
  if (warning) process.stderr.write(`${warning}\n`);
}
if (process.env[SMALL] !== undefined) {
  // The restarted process: what it runs (go, gopls, the login shell) gets the user's environment.
  delete process.env[SMALL];
  if (process.env[ARENA_WAS] !== undefined) process.env.MALLOC_ARENA_MAX = process.env[ARENA_WAS];
  else delete process.env.MALLOC_ARENA_MAX;
  delete process.env[ARENA_WAS];
} else {
  const asLimit = process.platform === 'linux' && !process.execArgv.some((a) => a.startsWith('--max-old-space-size')) ? addressSpaceLimit() : undefined;
  if (asLimit !== undefined && asLimit < AS_ROOM) {
    // A small heap, and one malloc arena: each thread's own arena reserves 64 MiB of address space
    // (measured: with them, 4 runs of 4 under ulimit -v 800000; without, 1 of 4 under 1000000).
    const env = { ...process.env, [SMALL]: '1', MALLOC_ARENA_MAX: '1', ...(process.env.MALLOC_ARENA_MAX !== undefined ? { [ARENA_WAS]: process.env.MALLOC_ARENA_MAX } : {}) };
    const r = spawnSync(process.execPath, ['--max-old-space-size=192', '--max-semi-space-size=1', ...process.execArgv, __filename, ...process.argv.slice(2)], { stdio: 'inherit', env });
    if (r.status === null || r.status > 3) {
      // Even so node could not run (below about 750 MB here): say why, as nothing else will.
      process.stderr.write(`go-env-doctor: node could not run under the address-space limit RLIMIT_AS (ulimit -v) of ${Math.round(asLimit / 1024 ** 2)} MiB${r.signal ? ` (${r.signal})` : ''}; gopls, which reserves about 1.7 GiB before it loads anything, cannot either. Raise it (ulimit -v unlimited, or the LimitAS= of the service that starts the editor).\n`);
      process.exit(3);
    }
    process.exit(r.status);
  }
}

const bundle = readFile(MAIN, constants.O_RDONLY, MAX_BUNDLE_BYTES);
if (!bundle) throw new Error(`go-env-doctor: cannot read ${MAIN}`);
const source = bundle.toString('utf8');
const dir = off ? undefined : cacheDir(process.env);
const key = createHash('sha256').update(`${process.version}\0${process.arch}\0${process.execArgv.join(' ')}\0`).update(source).digest('hex').slice(0, 32);
const file = dir && path.join(dir, `${PREFIX}${key}.bin`);
const cachedData = file && dirTrusted(dir!) ? readTrusted(file) : undefined;
const script = new vm.Script(Module.wrap(source), {
  filename: MAIN,
  cachedData,
  importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
if (file && (!cachedData || script.cachedDataRejected)) {
  // At exit the cache also holds every function the run compiled, not only the top level.
  process.once('exit', () => store(dir!, file, script.createCachedData()));
}
const main = new Module(MAIN, module);
main.filename = MAIN;
(script.runInThisContext() as (...a: unknown[]) => void).call(main.exports, main.exports, createRequire(MAIN), main, MAIN, path.dirname(MAIN));
