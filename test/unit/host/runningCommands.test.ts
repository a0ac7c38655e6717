// A probe stopped at its deadline says what the run was still waiting for: a tester's go on PATH
// hung, and ten probes read only "did not finish: probe deadline of 5000 ms".
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Host } from '../../../src/host/host.js';
import { runDoctor } from '../../../src/engine/pipeline.js';
import { newRunMarker, withRunMarker } from '../../../src/host/runMarker.js';
import { noteRunning, runningNow, runningWords } from '../../../src/host/runningCommands.js';

describe('runningWords', () => {
  const cases = [
    { name: 'nothing running', list: [], now: 1000, want: undefined },
    { name: 'one command', list: [{ commandLine: 'go env -json', started: 0 }], now: 5000, want: 'still running then: go env -json (for 5.0 s)' },
    {
      name: 'oldest first, the rest counted',
      list: [
        { commandLine: 'c', started: 300 },
        { commandLine: 'a', started: 100 },
        { commandLine: 'b', started: 200 },
        { commandLine: 'd', started: 400 },
      ],
      now: 1100,
      want: 'still running then: a (for 1.0 s); b (for 0.9 s); and 2 more',
    },
    { name: 'a long command line is cut', list: [{ commandLine: `x${'y'.repeat(300)}`, started: 0 }], now: 0, want: `still running then: x${'y'.repeat(98)}… (for 0.0 s)` },
  ];
  for (const c of cases) it(c.name, () => expect(runningWords(c.list, c.now)).toBe(c.want));
});

describe('the run keeps its own list', () => {
  it('a command noted in one run is not seen in another, and is gone once forgotten', async () => {
    await withRunMarker(newRunMarker(), async () => {
      const forget = noteRunning('go env -json');
      expect(runningNow()).toContain('go env -json');
      await withRunMarker(newRunMarker(), async () => expect(runningNow()).toBeUndefined());
      forget();
      expect(runningNow()).toBeUndefined();
    });
    expect(noteRunning('outside a run')).toBeTypeOf('function');
    expect(runningNow()).toBeUndefined();
  });
});

describe('a probe that times out waiting for a hanging program', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'running-cmds-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // Different names and deadlines: the reason names whatever program it is, at whatever deadline.
  for (const { name, deadlineMs } of [
    { name: 'go', deadlineMs: 300 },
    { name: 'hung-wrapper', deadlineMs: 700 },
  ])
    it(`${name}, deadline ${deadlineMs} ms`, async () => {
      const prog = path.join(dir, name);
      // Ignores SIGTERM, as a wedged wrapper may: only the group's SIGKILL ends it.
      writeFileSync(prog, `#!/bin/sh\ntrap '' TERM\nsleep 300 # ${dir}\n`);
      chmodSync(prog, 0o755);
      const host = new Host();
      const report = await withRunMarker(newRunMarker(), () =>
        runDoctor({
          host,
          workspaces: [],
          timeoutMs: 10_000,
          probes: [{ id: 'waits', title: 'waits', classes: ['env-inheritance'], timeoutMs: deadlineMs, run: async (ctx) => ((await ctx.host.exec(prog, ['env', '-json'], { timeoutMs: 60_000, signal: ctx.signal })), {}) }],
        }),
      );
      const rec = report.probes[0]!;
      expect(rec.status).toBe('timeout');
      expect(rec.reason).toContain(`probe deadline of ${deadlineMs} ms`);
      expect(rec.reason).toContain(`still running then: ${prog} env -json (for `);
      // Nothing of it survives the run.
      await new Promise((r) => setTimeout(r, 500));
      const left = readdirSync('/proc').filter((p) => /^\d+$/.test(p) && (() => { try { return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(dir); } catch { return false; } })());
      expect(left).toEqual([]);
    });
});
