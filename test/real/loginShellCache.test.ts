// The login shell's cache between runs, with a real bash (and fish where installed) on a temp
// HOME: the second run takes the environment from the cache and says so; an edit of a start-up
// file, or of a file it sources, is seen by the very next run; a corrupt or foreign cache file is
// not trusted and is replaced.
import { afterAll, describe, expect, it } from 'vitest';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import which from 'which';
import { Host } from '../../src/host/host.js';
import { runDoctor } from '../../src/engine/pipeline.js';
import { loginShellProbe } from '../../src/probes/loginShell.js';
import { CACHE_FILE_NAME } from '../../src/facts/loginShellCache.js';
import type { ProbeRecord } from '../../src/doctor/model.js';

const BASH = which.sync('bash', { nothrow: true });
const FISH = which.sync('fish', { nothrow: true });
if (!FISH) console.error('\n!!! test/real/loginShellCache.test.ts: no fish on PATH: its cases are SKIPPED' + (process.env.CI ? ' and FAIL under CI=true' : '') + '\n');

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function tempHome(files: Record<string, string>): string {
  const home = mkdtempSync(path.join(os.tmpdir(), 'lsc-real-'));
  roots.push(home);
  for (const [rel, text] of Object.entries(files)) write(home, rel, text);
  return home;
}

function write(home: string, rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(home, rel)), { recursive: true });
  writeFileSync(path.join(home, rel), text);
}

interface Seen {
  status: string;
  why?: string;
  reason?: string;
  GOFLAGS?: string;
  GOPROXY?: string;
  evidence: string[];
}

/** One run of the login-shell probe as the editor would start it, without GOFLAGS of its own. */
async function run(shell: string, home: string, settings: { noCache?: boolean } = {}): Promise<Seen> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, SHELL: shell, USER: os.userInfo().username };
  const report = await runDoctor({ host: new Host(), probes: [loginShellProbe], workspaces: [home], env, settings, timeoutMs: 20_000 });
  const rec = report.probes[0] as ProbeRecord;
  expect(rec.status, JSON.stringify(rec)).not.toMatch(/crashed|timeout/);
  const o = rec.observed as { loginShell: { ok: boolean; reason?: string; cache: { status: string; why?: string } }; loginGoVars?: Record<string, string> };
  expect(o.loginShell.ok, o.loginShell.reason).toBe(true);
  const evidence = report.causes.flatMap((c) => c.findings.flatMap((f) => f.evidence.map((e) => `${e.source}: ${e.excerpt}`)));
  return { status: o.loginShell.cache.status, why: o.loginShell.cache.why, reason: rec.reason, GOFLAGS: o.loginGoVars?.GOFLAGS, GOPROXY: o.loginGoVars?.GOPROXY, evidence };
}

const cacheFile = (home: string) => path.join(home, '.cache', 'go-env-doctor', CACHE_FILE_NAME);

describe.skipIf(!BASH)('login-shell cache with a real bash', () => {
  it('hit on the second run (said in the reason and the evidence), miss after an edit of ~/.profile', async () => {
    const home = tempHome({ '.profile': 'export GOFLAGS=-tags=first\n' });
    const first = await run(BASH!, home);
    expect(first).toMatchObject({ status: 'miss', why: 'no cache yet', GOFLAGS: '-tags=first' });
    expect(first.reason).toBeUndefined();
    expect(statSync(cacheFile(home)).mode & 0o777).toBe(0o600);

    const second = await run(BASH!, home);
    expect(second).toMatchObject({ status: 'hit', GOFLAGS: '-tags=first' });
    expect(second.reason).toMatch(/^cached environment of \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(under a minute ago\); --no-cache reads it afresh$/);
    // Whole on the text report's probe line, which cuts a reason at 100 characters.
    expect(second.reason!.length).toBeLessThanOrEqual(100);
    // The GOFLAGS difference is still reported, and its evidence names the cached read.
    expect(second.evidence.some((e) => /, as cached at .* UTC: GOFLAGS=-tags=first/.test(e))).toBe(true);

    // Same size, same second: only the content tells the two apart.
    write(home, '.profile', 'export GOFLAGS=-tags=other\n');
    const third = await run(BASH!, home);
    expect(third).toMatchObject({ status: 'miss', GOFLAGS: '-tags=other' });
    expect(await run(BASH!, home)).toMatchObject({ status: 'hit', GOFLAGS: '-tags=other' });
  });

  it('a profile that exports a credential in a value is read afresh each run and never written to disk', async () => {
    const secret = 'ghp_' + 'Q7x'.repeat(12);
    const home = tempHome({ '.profile': `export GOPROXY=https://alice:${secret}@goproxy.corp.example,direct\nexport DATABASE_URL=postgres://svc:${'Pw9'.repeat(5)}@db.corp.example/app\n` });
    const first = await run(BASH!, home);
    expect(first.status).toBe('miss');
    // The probes still see the real value (go must be run with it); the file never holds it.
    expect(first.GOPROXY).toContain(secret);
    expect(existsSync(cacheFile(home)) ? readFileSync(cacheFile(home), 'utf8') : '').not.toContain(secret);
    expect((await run(BASH!, home)).status).toBe('miss');
    // Without it, the same profile is cached as before.
    write(home, '.profile', 'export GOPROXY=https://goproxy.corp.example,direct\n');
    await run(BASH!, home);
    expect((await run(BASH!, home)).status).toBe('hit');
  });

  it('an edit of a file the profile sources, and a new ~/.bash_profile, are each seen at once', async () => {
    const home = tempHome({ '.profile': '. "$HOME/.goenvrc"\n', '.goenvrc': 'export GOPROXY=https://one.example\n' });
    expect(await run(BASH!, home)).toMatchObject({ status: 'miss', GOPROXY: 'https://one.example' });
    expect(await run(BASH!, home)).toMatchObject({ status: 'hit', GOPROXY: 'https://one.example' });
    write(home, '.goenvrc', 'export GOPROXY=https://two.example\n');
    expect(await run(BASH!, home)).toMatchObject({ status: 'miss', GOPROXY: 'https://two.example' });
    // bash -l reads ~/.bash_profile instead of ~/.profile once it exists.
    write(home, '.bash_profile', 'export GOPROXY=off\n');
    expect(await run(BASH!, home)).toMatchObject({ status: 'miss', GOPROXY: 'off' });
  });

  it('noCache (the CLI --no-cache) runs the shell and refreshes the entry', async () => {
    const home = tempHome({ '.profile': 'export GOFLAGS=-tags=first\n' });
    await run(BASH!, home);
    expect(await run(BASH!, home, { noCache: true })).toMatchObject({ status: 'miss', why: expect.stringMatching(/--no-cache/), GOFLAGS: '-tags=first' });
    expect(await run(BASH!, home)).toMatchObject({ status: 'hit' });
  });

  it('a corrupt cache file is a miss, and is replaced by a good one', async () => {
    const home = tempHome({ '.profile': 'export GOFLAGS=-tags=first\n' });
    await run(BASH!, home);
    writeFileSync(cacheFile(home), '{"version":1,"entries":{"x":', { mode: 0o600 });
    expect(await run(BASH!, home)).toMatchObject({ status: 'miss', why: expect.stringMatching(/not JSON/), GOFLAGS: '-tags=first' });
    expect(JSON.parse(readFileSync(cacheFile(home), 'utf8'))).toMatchObject({ version: 1 });
    expect(await run(BASH!, home)).toMatchObject({ status: 'hit' });
  });

  it.skipIf(process.getuid?.() !== 0)("a cache file another user owns, planted with a false GOFLAGS, is not believed", async () => {
    const home = tempHome({ '.profile': 'export GOFLAGS=-tags=first\n' });
    await run(BASH!, home);
    const text = readFileSync(cacheFile(home), 'utf8').replaceAll('-tags=first', '-tags=planted');
    writeFileSync(cacheFile(home), text, { mode: 0o600 });
    chownSync(cacheFile(home), 65534, 65534);
    expect(await run(BASH!, home)).toMatchObject({ status: 'miss', why: expect.stringMatching(/owned by uid 65534/), GOFLAGS: '-tags=first' });
    expect(statSync(cacheFile(home)).uid).toBe(0);
    expect(await run(BASH!, home)).toMatchObject({ status: 'hit', GOFLAGS: '-tags=first' });
  });
});

describe.skipIf(!FISH)('login-shell cache with a real fish', () => {
  it('hit, then a miss after an edit of config.fish, and after `set -Ux` writes fish_variables', async () => {
    const home = tempHome({ '.config/fish/config.fish': 'set -gx GOFLAGS -tags=first\n' });
    expect(await run(FISH!, home)).toMatchObject({ status: 'miss', GOFLAGS: '-tags=first' });
    expect(await run(FISH!, home)).toMatchObject({ status: 'hit', GOFLAGS: '-tags=first' });
    write(home, '.config/fish/config.fish', 'set -gx GOFLAGS -tags=other\n');
    expect(await run(FISH!, home)).toMatchObject({ status: 'miss', GOFLAGS: '-tags=other' });
    expect(await run(FISH!, home)).toMatchObject({ status: 'hit' });
    // A universal variable lives in fish_variables, not in any config file.
    const { execFileSync } = await import('node:child_process');
    execFileSync(FISH!, ['-c', 'set -Ux GOPROXY off'], { env: { PATH: process.env.PATH, HOME: home } });
    expect(await run(FISH!, home)).toMatchObject({ status: 'miss', GOPROXY: 'off' });
  });
});
