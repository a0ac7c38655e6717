// The doctor's own gopls runs at a lower CPU priority than the doctor, and so do the go list
// processes it forks: on a large module it would otherwise take both cores while the probes that
// decide the verdict wait.
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { spawnServer } from '../../../src/host/server.js';
import { yieldCpu } from '../../../src/host/yieldCpu.js';

describe.runIf(process.platform === 'linux')('the doctor’s servers yield the CPU', () => {
  it('a server, and what it forks, run 10 steps nicer than the doctor', async () => {
    const own = os.getPriority();
    // The child reports its own niceness and its child's (field 19 of /proc/PID/stat is nice).
    const server = spawnServer('sh', ['-c', 'sleep 0.3; sh -c "cut -d\\" \\" -f19 /proc/self/stat"; cut -d" " -f19 /proc/self/stat'], { env: { PATH: process.env.PATH }, timeoutMs: 10_000 });
    let out = '';
    server.stdout.on('data', (b: Buffer) => (out += b.toString()));
    const exit = await server.exited;
    expect(exit.exitCode).toBe(0);
    const want = String(Math.min(19, own + 10));
    expect(out.trim().split('\n')).toEqual([want, want]);
  });

  it('a child that is already gone is no error', () => {
    expect(() => yieldCpu(2 ** 22 + 7)).not.toThrow();
    expect(() => yieldCpu(undefined)).not.toThrow();
  });
});
