// guardSpawn: when the code that spawns throws after node built the ChildProcess (execa 9 does so
// when node could not make the child's pipes, EMFILE), node's later 'error' event must neither
// reach nobody (that ends the process) nor be lost (it says why). node emits a spawn's ENOENT the
// same way as its EMFILE (process.nextTick onErrorNT), so a missing program stands in for an
// exhausted descriptor table here; test/faults/39-open-files.test.ts runs the real thing.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { guardSpawn } from '../../../src/host/spawnGuard.js';
import { run } from '../../../src/host/exec.js';

describe('guardSpawn', () => {
  it('passes a value through when nothing throws', () => {
    const g = guardSpawn(() => 42);
    expect(g).toEqual({ ok: true, value: 42 });
  });

  it("catches the child node made, and resolves to node's errno, when the caller throws after spawning", async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onUncaught);
    try {
      const g = guardSpawn(() => {
        spawn('/nonexistent/go-env-doctor-test-binary', ['x']);
        throw new TypeError('subprocess.stdio is not iterable');
      });
      expect(g.ok).toBe(false);
      if (g.ok) return;
      const err = await g.error;
      expect(err.code).toBe('ENOENT');
      await new Promise((r) => setTimeout(r, 20));
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });

  it('resolves to what was thrown when no child was made', async () => {
    const g = guardSpawn(() => {
      throw new Error('bad options');
    });
    expect(g.ok).toBe(false);
    if (!g.ok) expect((await g.error).message).toBe('bad options');
  });

  it('leaves children spawned outside its call alone', async () => {
    const before = spawn('/nonexistent/go-env-doctor-other', []);
    const seen = new Promise<string | undefined>((r) => before.once('error', (e: NodeJS.ErrnoException) => r(e.code)));
    const g = guardSpawn(() => 'no spawn here');
    expect(g).toEqual({ ok: true, value: 'no spawn here' });
    expect(await seen).toBe('ENOENT');
  });
});

describe('run (exec.ts) reports a spawn that fails as a result, never a throw', () => {
  it('ENOENT', async () => {
    const r = await run('/nonexistent/go-env-doctor-test-binary', [], { timeoutMs: 5_000 });
    expect(r).toMatchObject({ failed: true, errorCode: 'ENOENT' });
  });
});
