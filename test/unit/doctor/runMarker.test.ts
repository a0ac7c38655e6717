// Issue 9 finding 9: the run marker reaches every child the run starts, through the async context,
// and the sweep recognises exactly this run's marker in a NUL-separated environ.
import { describe, expect, it } from 'vitest';
import { currentRunMarker, markedEnv, newRunMarker, PROBE_ENV_MARKER, withRunMarker } from '../../../src/host/runMarker.js';
import { environHasMarker, findMarked } from '../../../src/procfs/sweepMarked.js';
import { run } from '../../../src/host/exec.js';

describe('run marker', () => {
  it('is unique per run and only present inside it', async () => {
    const a = newRunMarker();
    const b = newRunMarker();
    expect(a).not.toBe(b);
    expect(currentRunMarker()).toBeUndefined();
    expect(markedEnv({ X: '1' })).toEqual({ X: '1' });
    await withRunMarker(a, async () => {
      await Promise.resolve();
      expect(markedEnv({ X: '1' })).toEqual({ X: '1', [PROBE_ENV_MARKER]: a });
    });
  });

  it('reaches a real child through exec.run, and the sweep finds that child by it', async () => {
    const m = newRunMarker();
    const r = await withRunMarker(m, () => run('/usr/bin/env', [], { timeoutMs: 5000, env: { PATH: '/usr/bin:/bin' } }));
    expect(r.stdout).toContain(`${PROBE_ENV_MARKER}=${m}\n`);
    // No process of this marker is left once run() returned.
    expect(await findMarked(m)).toEqual([]);
  });

  it('environHasMarker matches the whole NAME=value entry only', () => {
    const m = '123.abcdef';
    expect(environHasMarker(`A=1\0${PROBE_ENV_MARKER}=${m}\0B=2\0`, m)).toBe(true);
    expect(environHasMarker(`${PROBE_ENV_MARKER}=${m}\0`, m)).toBe(true);
    expect(environHasMarker(`A=1\0${PROBE_ENV_MARKER}=${m}`, m)).toBe(true);
    expect(environHasMarker(`A=1\0${PROBE_ENV_MARKER}=${m}0\0`, m)).toBe(false);
    expect(environHasMarker(`A=1\0X${PROBE_ENV_MARKER}=${m}\0`, m)).toBe(false);
    expect(environHasMarker(`A=${PROBE_ENV_MARKER}=${m}\0`, m)).toBe(false);
  });
});
