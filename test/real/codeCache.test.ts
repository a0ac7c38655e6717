// The command loads the CLI bundle through V8's code cache (src/cliLoader.ts): the cache is kept
// in the doctor's cache directory, private to the user; a corrupt or foreign cache file is never
// used and is replaced, and the output is the same with or without it.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, CLI } from './support.js';

let tmp: string;
beforeAll(async () => {
  await buildOnce();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'code-cache-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = (cacheHome: string, extra: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [CLI, '--version'], { env: { ...process.env, XDG_CACHE_HOME: cacheHome, ...extra }, encoding: 'utf8', timeout: 60_000 });
const cacheFiles = (cacheHome: string) => {
  const dir = path.join(cacheHome, 'go-env-doctor');
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.startsWith('cli-v8-')).map((n) => path.join(dir, n)) : [];
};

describe('the CLI’s code cache', () => {
  it('is written on the first run, private, and read on the next with the same output', () => {
    const home = path.join(tmp, 'a');
    const first = run(home);
    expect(first.status).toBe(0);
    const files = cacheFiles(home);
    expect(files).toHaveLength(1);
    expect(statSync(files[0]!).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(files[0]!)).mode & 0o777).toBe(0o700);
    const bytes = readFileSync(files[0]!);
    const second = run(home);
    expect(second.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    // Used, not rewritten.
    expect(readFileSync(files[0]!).equals(bytes)).toBe(true);
  });

  it('a corrupt cache file is not used, the run is the same, and the file is replaced', () => {
    const home = path.join(tmp, 'b');
    const want = run(home).stdout;
    const [file] = cacheFiles(home);
    writeFileSync(file!, 'not a code cache');
    const r = run(home);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(want);
    expect(readFileSync(file!, 'utf8')).not.toBe('not a code cache');
  });

  it('a cache file others can write is not read, and is replaced by a private one', () => {
    const home = path.join(tmp, 'c');
    const want = run(home).stdout;
    const [file] = cacheFiles(home);
    // A valid cache: read, it would be used and left as it is. Not read, it is written anew, private.
    chmodSync(file!, 0o666);
    const r = run(home);
    expect(r.stdout).toBe(want);
    expect(statSync(file!).mode & 0o777).toBe(0o600);
  });

  it('keeps a few other builds’ caches, the newest, and removes the rest', () => {
    const home = path.join(tmp, 'e');
    const dir = path.join(home, 'go-env-doctor');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const old = ['1', '2', '3', '4', '5'].map((n, i) => {
      const f = path.join(dir, `cli-v8-other${n}.bin`);
      writeFileSync(f, 'x', { mode: 0o600 });
      utimesSync(f, new Date(Date.UTC(2026, 0, 1 + i)), new Date(Date.UTC(2026, 0, 1 + i)));
      return f;
    });
    expect(run(home).status).toBe(0);
    expect(old.map((f) => existsSync(f))).toEqual([false, false, true, true, true]);
    expect(cacheFiles(home)).toHaveLength(4);
  });

  it('GO_ENV_DOCTOR_CODE_CACHE=off writes nothing', () => {
    const home = path.join(tmp, 'd');
    const r = run(home, { GO_ENV_DOCTOR_CODE_CACHE: 'off' });
    expect(r.status).toBe(0);
    expect(cacheFiles(home)).toEqual([]);
  });
});
