// Re-entrancy: 50 back-to-back runs of the whole pipeline (diagnose(), every probe, the live host)
// in one process, as the extension does when asked again and again. Alternating a healthy
// workspace with the real gopls and a broken one (no go.mod, a gopls without the execute bit), so
// both the success and the failure paths are repeated. Same answer every time; no growth in open
// fds or child processes.
import { chmodSync, copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/engine/diagnose.js';
import { GOPLS, childPidsOf, removeTree, sleep, tempDir, userEnv, writeSmallModule } from './lib/harness.js';

const RUNS = 50;

function openFds(): number {
  return readdirSync('/proc/self/fd').length;
}

describe('re-entrancy', () => {
  it(`${RUNS} runs in one process: same causes, no fd or child growth`, async () => {
    const dir = tempDir('reentry');
    try {
      const healthy = writeSmallModule(path.join(dir, 'healthy'));
      const broken = path.join(dir, 'broken');
      mkdirSync(broken);
      writeFileSync(path.join(broken, 'main.go'), 'package main\n\nimport "example.com/b"\n\nfunc main() { b.Hello() }\n');
      const badGopls = path.join(dir, 'gopls-noexec');
      copyFileSync(GOPLS, badGopls);
      chmodSync(badGopls, 0o644);
      const env = userEnv();
      const kinds = {
        healthy: { workspaces: [healthy], settings: { alternateGopls: GOPLS } },
        broken: { workspaces: [broken], settings: { alternateGopls: badGopls } },
      };
      const once = async (kind: keyof typeof kinds) => (await diagnose({ ...kinds[kind], env, timeoutMs: 15_000 })).report;

      // Warm-up: module loading, lazily created handles.
      const first = { healthy: await once('healthy'), broken: await once('broken') };
      await sleep(200);
      const fdsBefore = openFds();
      const childrenBefore = childPidsOf(process.pid).length;
      const answer = (r: typeof first.healthy) => r.causes.map((c) => `${c.id}/${c.severity}`).join(',');
      const want = { healthy: answer(first.healthy), broken: answer(first.broken) };
      console.log(`[re-entrancy] healthy → ${want.healthy || '(none)'}; broken → ${want.broken}; fds ${fdsBefore}`);
      expect(want.broken).toContain('gopls-launch/error');

      const fdTrail: number[] = [];
      const started = performance.now();
      for (let i = 0; i < RUNS; i++) {
        const kind = i % 2 === 0 ? 'healthy' : 'broken';
        const r = await once(kind);
        expect(answer(r), `run ${i} (${kind})`).toBe(want[kind]);
        expect(r.probes.filter((p) => p.status === 'crashed' || p.status === 'timeout').map((p) => `${p.id}: ${p.reason}`), `run ${i}`).toEqual([]);
        fdTrail.push(openFds());
      }
      const secs = (performance.now() - started) / 1000;
      await sleep(300);
      const fdsAfter = openFds();
      const childrenAfter = childPidsOf(process.pid).length;
      console.log(`[re-entrancy] ${RUNS} runs in ${secs.toFixed(1)} s; fds ${fdsBefore} → ${fdsAfter} (max during ${Math.max(...fdTrail)}); children ${childrenBefore} → ${childrenAfter}`);
      expect(fdsAfter).toBeLessThanOrEqual(fdsBefore + 2);
      expect(childrenAfter).toBeLessThanOrEqual(childrenBefore);
    } finally {
      removeTree(dir);
    }
  });
});
