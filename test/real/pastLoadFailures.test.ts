// A log's go.mod or go.work failure, asked again on this machine (src/probes/pastLoadFailures.ts).
// Real gopls v0.23.0 traces (test/fixtures/logs: trace-newgo, a go line newer than the go that
// ran; trace-workmiss, a go.work using a folder that is gone), their folder moved to one these
// tests build, and the real go answering `go list -m` there. Fixed now: the log's failure is
// information that says so, with a restart of gopls. Still broken, or the folder not here (a
// colleague's log): the log's warnings stay.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Host } from '../../src/host/host.js';
import { createFacts } from '../../src/facts/runFacts.js';
import { goplsLogsProbe } from '../../src/probes/goplsLogs.js';
import { FindingSchema, type Finding } from '../../src/doctor/model.js';
import type { ProbeContext } from '../../src/probes/probe.js';
import { GO, ROOT } from './support.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'ged-past-'));
const baseEnv = { ...process.env, GOFLAGS: '', GOOS: '', GOARCH: '', GOTOOLCHAIN: 'local', GOWORK: '', GO111MODULE: '' };
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The fixture log with its folder moved to `dir`, written beside it. */
function logFor(name: 'newgo' | 'workmiss', dir: string): string {
  const text = readFileSync(path.join(ROOT, `test/fixtures/logs/trace-${name}.rpc.log`), 'utf8').split(`/tmp/gedlog/${name}`).join(dir);
  const p = path.join(tmp, `${path.basename(dir)}.log`);
  writeFileSync(p, text);
  return p;
}

async function diagnose(log: string, env: NodeJS.ProcessEnv = baseEnv): Promise<Finding[]> {
  const host = new Host();
  const ac = new AbortController();
  const end = performance.now() + 30_000;
  const settings = {};
  const ctx: ProbeContext = {
    host,
    env,
    workspaces: [],
    goplsLogs: [log],
    settings,
    signal: ac.signal,
    remainingMs: () => end - performance.now(),
    facts: createFacts({ host, env, settings, signal: ac.signal, timeoutMs: 20_000, workspaces: [] }),
  };
  const r = await goplsLogsProbe.run(ctx);
  return (r.findings ?? []).map((f) => FindingSchema.parse({ ...f, probeId: 'gopls-logs' }));
}

function module(dir: string, goLine: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'go.mod'), `module example.com/${path.basename(dir)}\n\ngo ${goLine}\n`);
  writeFileSync(path.join(dir, 'main.go'), 'package main\n\nfunc main() {}\n');
}

const tooOld = (fs: Finding[]) => fs.find((f) => f.classId === 'env-inheritance' && /older than the module's go line/.test(f.message));
const worst = (fs: Finding[]) => (fs.some((f) => f.severity === 'error') ? 'error' : fs.some((f) => f.severity === 'warning') ? 'warning' : 'info');

describe.skipIf(!GO)('a go.mod or go.work failure a log tells of, asked again here (real go)', () => {
  it('the go line is still newer than this go: the log keeps its warning', async () => {
    const dir = path.join(tmp, 'newgo-still');
    module(dir, '1.99.0');
    const f = tooOld(await diagnose(logFor('newgo', dir)));
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f!.message).not.toMatch(/does not happen here now/);
  });

  it('the go line was fixed since: information that go list -m loads it now, with a restart of gopls', async () => {
    const dir = path.join(tmp, 'newgo-fixed');
    module(dir, '1.22');
    const fs = await diagnose(logFor('newgo', dir));
    const f = tooOld(fs)!;
    expect(f).toMatchObject({ severity: 'info' });
    expect(f.message).toContain(`It does not happen here now: go list -m in ${dir} loads the module`);
    expect(f.evidence.some((e) => e.source.includes(`(in ${dir})`) && e.excerpt.includes('example.com/newgo-fixed'))).toBe(true);
    expect(f.fixes.map((x) => x.id)).toEqual(['gopls-restart']);
    // The load failures on the same lines say nothing more.
    expect(worst(fs.filter((x) => x.classId === 'module-resolution' || x.classId === 'env-inheritance'))).toBe('info');
  });

  it('a GOTOOLCHAIN pinned to a release (the user\'s go switches, the doctor\'s never does): not re-asked, the warning stays', async () => {
    const dir = path.join(tmp, 'newgo-pinned');
    module(dir, '1.22');
    const f = tooOld(await diagnose(logFor('newgo', dir), { ...baseEnv, GOTOOLCHAIN: 'go1.21.0' }));
    expect(f).toMatchObject({ severity: 'warning' });
  });

  it('under GOTOOLCHAIN=auto a toolchain line would switch the user\'s go: not re-asked either', async () => {
    const dir = path.join(tmp, 'newgo-toolchain-line');
    module(dir, '1.22');
    writeFileSync(path.join(dir, 'go.mod'), 'module example.com/newgo-toolchain-line\n\ngo 1.22\n\ntoolchain go1.99.0\n');
    expect(tooOld(await diagnose(logFor('newgo', dir), { ...baseEnv, GOTOOLCHAIN: 'auto' }))).toMatchObject({ severity: 'warning' });
  });

  it("a colleague's log, whose folder is not on this machine, is left as it is", async () => {
    const fs = await diagnose(logFor('newgo', path.join(tmp, 'not-here')));
    expect(tooOld(fs)).toMatchObject({ severity: 'warning' });
  });

  it('a go.work that named a missing module: an error while it is missing, information once it is there', async () => {
    const dir = path.join(tmp, 'workmiss');
    module(path.join(dir, 'a'), '1.22');
    writeFileSync(path.join(dir, 'go.work'), 'go 1.22\n\nuse (\n\t./a\n\t./gone\n)\n');
    const log = logFor('workmiss', dir);
    // Rule gowork-use-missing names the folder (it was go-mod-invalid's "cannot be used as written").
    const invalid = (fs: Finding[]) => fs.find((f) => f.classId === 'module-resolution' && /gone, which does not exist or holds no go\.mod/.test(f.message));
    expect(invalid(await diagnose(log))).toMatchObject({ severity: 'error' });
    module(path.join(dir, 'gone'), '1.22');
    const now = invalid(await diagnose(log))!;
    expect(now.severity).toBe('info');
    expect(now.message).toContain('does not happen here now');
  });
});
