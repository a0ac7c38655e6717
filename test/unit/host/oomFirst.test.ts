// The doctor's children are the OOM killer's first choice, so a tight memory limit takes gopls
// and not the doctor that must report it.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markOomFirst } from '../../../src/host/oomFirst.js';
import { run } from '../../../src/host/exec.js';

const adj = (pid: number | 'self') => Number(readFileSync(`/proc/${pid}/oom_score_adj`, 'utf8'));

describe.runIf(process.platform === 'linux')('children die first under memory pressure', () => {
  it('raises a child above the doctor', () => {
    const child = spawn('sleep', ['5'], { stdio: 'ignore' });
    try {
      markOomFirst(child.pid);
      expect(adj(child.pid!)).toBe(Math.min(1000, adj('self') + 500));
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('every command the probes run is marked', async () => {
    const r = await run('sh', ['-c', 'sleep 0.2; cat /proc/self/oom_score_adj'], { timeoutMs: 5000 });
    expect(Number(r.stdout.trim())).toBe(Math.min(1000, adj('self') + 500));
  });

  it('a child that is already gone is no error', () => {
    expect(() => markOomFirst(2 ** 22 + 7)).not.toThrow();
  });
});
