// A probe whose command the kernel would not run (a task limit, EAGAIN) has not checked anything: it
// must not say "ok". The refusal is real: go run as nobody under RLIMIT_NPROC 1 (root is exempt
// from RLIMIT_NPROC), whose runtime cannot start its threads, as a tester's `go version -m` could
// not under pids.max 15.
import { describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Host } from '../../../src/host/host.js';
import { runDoctor } from '../../../src/engine/pipeline.js';
import { refusalOf } from '../../../src/host/refusedCommands.js';
import type { Probe } from '../../../src/probes/probe.js';
import which from 'which';

const host = new Host();
const asRoot = process.getuid?.() === 0;
const GO = which.sync('go', { nothrow: true }) ?? undefined;
/** go as nobody with one task allowed: it starts, and dies making its first thread. */
const REFUSED = ['setpriv', '--reuid', '65534', '--regid', '65534', '--clear-groups', 'prlimit', '--nproc=1', GO ?? 'go'];

function probe(id: string, run: Probe['run']): Probe {
  return { id, title: id, classes: ['process-limit'], run };
}

describe('refusalOf', () => {
  it.each([
    ['a spawn refused with EAGAIN', { errorCode: 'EAGAIN', stderr: '' }, 'EAGAIN'],
    ['a spawn refused with EMFILE', { errorCode: 'EMFILE', stderr: '' }, 'EMFILE'],
    ['a spawn refused with ENOMEM', { errorCode: 'ENOMEM', stderr: '' }, 'ENOMEM'],
    ['a program not found is an answer, not a refusal', { errorCode: 'ENOENT', stderr: '' }, undefined],
    ['a program not executable is an answer too', { errorCode: 'EACCES', stderr: '' }, undefined],
    ['the Go runtime could not start its threads', { exitCode: 2, stderr: 'runtime: failed to create new OS thread (have 2 already; errno=11)\nruntime: may need to increase max user processes (ulimit -u)\nfatal error: newosproc\n' }, 'EAGAIN'],
    ['cgo could not start a thread', { exitCode: 2, stderr: 'runtime/cgo: pthread_create failed: Resource temporarily unavailable\nSIGABRT: abort\n' }, 'EAGAIN'],
    ["go's compile was refused a fork", { exitCode: 1, stderr: '# runtime\nfork/exec /usr/local/go/pkg/tool/linux_amd64/compile: resource temporarily unavailable\n' }, 'EAGAIN'],
    ['a build that failed for its own reasons', { exitCode: 1, stderr: './main.go:3:1: syntax error: non-declaration statement outside function body\n' }, undefined],
    ['the words in a successful output are not a refusal', { exitCode: 0, stderr: 'runtime: failed to create new OS thread\n' }, undefined],
  ])('%s', (_name, r, want) => {
    expect(refusalOf(r)).toBe(want);
  });
});

describe.skipIf(!asRoot || !GO)('a probe whose command was refused', () => {
  it('is skipped with the errno and the command as its reason, not ok', async () => {
    const report = await runDoctor({
      host,
      workspaces: [],
      probes: [
        probe('refused', async (ctx) => {
          const r = await ctx.host.exec(REFUSED[0]!, [...REFUSED.slice(1), 'version'], { timeoutMs: 20_000, signal: ctx.signal });
          // The symptom is real: the Go runtime's own words.
          expect(r.stderr).toMatch(/failed to create new OS thread/);
          return { observed: { version: r.stdout.trim() } };
        }),
        probe('fine', async (ctx) => {
          await ctx.host.exec(GO!, ['version'], { timeoutMs: 20_000, signal: ctx.signal });
          return {};
        }),
      ],
    });
    const refused = report.probes.find((p) => p.id === 'refused')!;
    expect(refused.status).toBe('skipped');
    expect(refused.reason).toMatch(/^could not check: EAGAIN running setpriv .* \(resource temporarily unavailable/);
    expect(refused.observed).toMatchObject({ commandsRefused: [expect.stringMatching(/go version: EAGAIN$/)] });
    // The refusal is the probe's own: the other probe's command ran.
    expect(report.probes.find((p) => p.id === 'fine')!.status).toBe('ok');
  });

  it('keeps what a probe found, and says what it could not check', async () => {
    const report = await runDoctor({
      host,
      workspaces: [],
      probes: [
        probe('found', async (ctx) => {
          await ctx.host.exec(REFUSED[0]!, [...REFUSED.slice(1), 'env', 'GOROOT'], { timeoutMs: 20_000, signal: ctx.signal });
          return { findings: [{ classId: 'process-limit', severity: 'warning', confidence: 0.5, message: 'A limit.', evidence: [{ source: 'test', excerpt: 'x' }], fixes: [] }] };
        }),
      ],
    });
    expect(report.probes[0]).toMatchObject({ status: 'warn', reason: expect.stringMatching(/^not all checked: EAGAIN running /) });
  });

  it('marks every probe that reads a fact whose command was refused, not only the first', async () => {
    // A go on PATH that is the real go, refused its threads: go env, a fact, is computed once.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'refused-go-'));
    try {
      const wrapper = path.join(dir, 'go');
      writeFileSync(wrapper, `#!/bin/sh\nexec ${REFUSED.map((a) => `'${a}'`).join(' ')} "$@"\n`);
      chmodSync(wrapper, 0o755);
      const readsGoEnv = (id: string) =>
        probe(id, async (ctx) => {
          const g = await ctx.facts.goEnv();
          return { observed: { ok: g.ok } };
        });
      const report = await runDoctor({ host, workspaces: [], env: { ...process.env, PATH: `${dir}:${process.env.PATH ?? ''}` }, probes: [readsGoEnv('first'), readsGoEnv('second')] });
      for (const p of report.probes) {
        expect(p.status, p.id).toBe('skipped');
        expect(p.reason, p.id).toMatch(/^could not check: EAGAIN running go env/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
