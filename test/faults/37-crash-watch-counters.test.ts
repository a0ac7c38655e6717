// The editor's crash path (src/vscode/engine.ts explainGoplsDeath with the counters read when gopls
// was first seen, src/probes/crashCounters.ts) on a real memory cgroup: the extension host's
// stand-in (node, running the built engine bundle) and its gopls in a cgroup v1 memory child.
// When the limit kills gopls, the kill counted while it ran makes the verdict an OOM kill; when
// gopls is killed by hand in a cgroup whose oom_kill already counts an earlier kill, the verdict
// is not a memory kill. The limits are the measured needs of fault 35 (gopls ~555 MB on the large
// module), varied rather than tuned.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOPLS, REPO, NODE, inCgroup, makeCgroup, removeCgroupVerified, removeTree, runCmd, tempDir, userEnv, writeBigModule, writeSmallModule } from './lib/harness.js';

const MiB = 1024 * 1024;
const ENGINE = path.join(REPO, 'dist', 'engine.js');

function oomKills(text: string): number {
  return Number(/^oom_kill (\d+)/m.exec(text)?.[1] ?? NaN);
}

/** A constant script: the baseline, a gopls, its death, the engine's explanation as JSON on stdout. Data comes in argv. */
const WATCHER = `
const [engine, gopls, file, mode] = process.argv.slice(1);
const e = require(engine);
const { spawn } = require('node:child_process');
const fs = require('node:fs');
(async () => {
  const before = await e.countersNow();
  const t0 = Date.now();
  const g = spawn(gopls, ['check', file], { cwd: require('node:path').dirname(file), env: process.env, stdio: 'ignore' });
  // The OOM killer's first choice is gopls, as for the doctor's own children (src/host/oomFirst.ts).
  try { fs.writeFileSync('/proc/' + g.pid + '/oom_score_adj', '1000'); } catch {}
  if (mode === 'hand') setTimeout(() => g.kill('SIGKILL'), 1500);
  g.on('exit', async (code, signal) => {
    const v = await e.explainGoplsDeath({ pid: g.pid, ranMs: Date.now() - t0, starts: [t0], settings: {}, env: process.env, workspaces: [], budgetMs: 3000, ...(before ? { countersBefore: before } : {}) });
    process.stdout.write(JSON.stringify({ code, signal, baseline: !!before, verdict: { kind: v.kind, classId: v.classId, role: v.role, evidence: v.evidence }, attribution: e.attributeCrash(v) }));
  });
})();
`;

interface Seen {
  code: number | null;
  signal: string | null;
  baseline: boolean;
  verdict: { kind: string; classId: string; role: string; evidence: Array<{ source: string; excerpt: string }> };
  attribution: { classId?: string; explained: boolean; line: string };
}

describe('fault: the editor crash path compares counters across a gopls life', () => {
  for (const limitMb of [160, 220]) {
    it(`a ${limitMb} MiB memory limit kills gopls on the large module: oom_kill rose while it ran, so the crash is an OOM kill`, async () => {
      const dir = tempDir(`crashwatch-${limitMb}`);
      const ws = await writeBigModule(path.join(dir, 'big'));
      const cg = makeCgroup('memory', `crashwatch-${limitMb}`);
      try {
        cg.write('memory.limit_in_bytes', String(limitMb * MiB));
        const before = oomKills(cg.read('memory.oom_control'));
        const env = userEnv({ XDG_CACHE_HOME: path.join(dir, 'xdg-cache') });
        const r = await runCmd(NODE, ['-e', WATCHER, ENGINE, GOPLS, path.join(ws, 'big.go'), 'limit'], { env, wrap: inCgroup(cg.dir), killAfterMs: 120_000 });
        const after = oomKills(cg.read('memory.oom_control'));
        console.log(`[crash-watch ${limitMb}MiB] oom_kill ${before}→${after} exit=${r.code}/${r.signal} ${r.stdout.slice(0, 400)} ${r.stderr.slice(0, 300)}`);
        expect(after, 'the limit killed something').toBeGreaterThan(before);
        const seen = JSON.parse(r.stdout) as Seen;
        expect(seen.signal).toBe('SIGKILL');
        expect(seen.baseline).toBe(true);
        expect(seen.verdict).toMatchObject({ kind: 'oom-kill', classId: 'memory-limit', role: 'cause' });
        expect(seen.verdict.evidence[0]!.source).toBe(path.join(cg.dir, 'memory.oom_control'));
        expect(seen.verdict.evidence[0]!.excerpt).toBe(`oom_kill ${before} → ${after}`);
        expect(seen.attribution).toMatchObject({ explained: true, classId: 'memory-limit' });
      } finally {
        await removeCgroupVerified(cg);
        removeTree(dir);
      }
      expect(existsSync(cg.dir)).toBe(false);
    });
  }

  it('gopls killed by hand in a cgroup whose oom_kill counts an earlier kill: not put down to memory', async () => {
    const dir = tempDir('crashwatch-hand');
    const big = await writeBigModule(path.join(dir, 'big'));
    const small = writeSmallModule(path.join(dir, 'small'));
    const cg = makeCgroup('memory', 'crashwatch-hand');
    try {
      // An earlier kill: the cumulative counter is 1 or more before the watched gopls starts.
      cg.write('memory.limit_in_bytes', String(160 * MiB));
      const env = userEnv({ XDG_CACHE_HOME: path.join(dir, 'xdg-cache') });
      await runCmd(GOPLS, ['check', path.join(big, 'big.go')], { cwd: big, env, wrap: inCgroup(cg.dir), killAfterMs: 120_000 });
      const past = oomKills(cg.read('memory.oom_control'));
      expect(past).toBeGreaterThan(0);
      // Room enough now: what ends gopls is a SIGKILL sent by hand.
      cg.write('memory.force_empty', '0');
      cg.write('memory.limit_in_bytes', String(2048 * MiB));
      const r = await runCmd(NODE, ['-e', WATCHER, ENGINE, GOPLS, path.join(small, 'main.go'), 'hand'], { env, wrap: inCgroup(cg.dir), killAfterMs: 120_000 });
      const now = oomKills(cg.read('memory.oom_control'));
      console.log(`[crash-watch hand] oom_kill ${past}→${now} exit=${r.code}/${r.signal} ${r.stdout.slice(0, 400)} ${r.stderr.slice(0, 300)}`);
      expect(now).toBe(past);
      const seen = JSON.parse(r.stdout) as Seen;
      expect(seen.signal).toBe('SIGKILL');
      expect(seen.verdict.kind).not.toBe('oom-kill');
      expect(seen.verdict.classId).not.toBe('memory-limit');
      expect(seen.attribution.classId).not.toBe('memory-limit');
    } finally {
      await removeCgroupVerified(cg);
      removeTree(dir);
    }
    expect(existsSync(cg.dir)).toBe(false);
  });
});
