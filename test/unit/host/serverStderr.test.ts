// A Go crash says why on its first stderr lines and then dumps every goroutine: the kept tail
// alone would lose the reason on a long dump, so the first 2 KiB are kept beside it.
import { describe, expect, it } from 'vitest';
import { spawnServer } from '../../../src/host/server.js';

async function stderrOf(script: string, stderrCap?: number): Promise<string> {
  const s = spawnServer('/bin/sh', ['-c', script], { env: { PATH: '/usr/bin:/bin' }, timeoutMs: 10_000, ...(stderrCap ? { stderrCap } : {}) });
  await s.exited;
  return s.stderrTail();
}

describe('spawnServer stderr', () => {
  it('keeps everything when little is written', async () => {
    expect(await stderrOf('echo "fatal error: out of memory" >&2; echo "goroutine 1 [running]:" >&2; exit 2')).toBe('fatal error: out of memory\ngoroutine 1 [running]:\n');
  });

  it.each([3, 5, 40])('keeps the first lines and the last cap bytes when %i× the cap is written', async (times) => {
    const cap = 4096;
    const out = await stderrOf(`echo "runtime: out of memory: cannot allocate 100663296-byte block" >&2; i=0; while [ $i -lt ${times * 64} ]; do echo "goroutine $i [running]: runtime.gopark(0x0, 0x0, 0x0, 0x0, 0x0)" >&2; i=$((i+1)); done; echo "the last line" >&2`, cap);
    expect(out.startsWith('runtime: out of memory: cannot allocate 100663296-byte block\n')).toBe(true);
    expect(out).toContain('\n[…]\n');
    expect(out.endsWith('the last line\n')).toBe(true);
    // Bounded: the head, the marker and the tail, whatever was written.
    expect(out.length).toBeLessThanOrEqual(2048 + 5 + cap);
  });
});
