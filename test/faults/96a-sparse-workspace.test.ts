// Issue 9 finding 5: a repository can be a few KB in git and huge on disk. A 500 MB sparse go.work
// and a 200 MB sparse .go file drove the CLI to 2.6 GB peak RSS: go.work was read whole, and the
// whole .go file went into didOpen. Every file the doctor reads is capped now, and the file it
// opens in gopls is chosen by size. The CLI's peak RSS (VmHWM of its /proc/<pid>/status, sampled
// until it exits) must stay under 300 MB. The go commands it runs are measured and printed too:
// go itself reads the whole go.work (about 740 MB here), which the doctor does not control.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, ftruncateSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, GOPLS, NODE, removeTree, tempDir, userEnv } from './lib/harness.js';

const MB = 1024 * 1024;
const LIMIT_KB = 300 * 1024;

/** A sparse file: `head` written at the start, then `size` bytes in all (the rest reads as NULs). */
function sparse(file: string, head: string, size: number): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, head);
    ftruncateSync(fd, size);
  } finally {
    closeSync(fd);
  }
}

/** Runs the CLI and samples the VmHWM of it and of every process carrying its run marker. */
function runSampled(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; peaks: Record<string, number> }> {
  return new Promise((resolve) => {
    const child = spawn(NODE, args, { cwd, env: userEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.resume();
    const peaks: Record<string, number> = {};
    const sample = () => {
      for (const n of readdirSync('/proc')) {
        if (!/^\d+$/.test(n)) continue;
        try {
          const mine = Number(n) === child.pid;
          if (!mine && !readFileSync(`/proc/${n}/environ`, 'latin1').includes(`GO_ENV_DOCTOR_PROBE=${child.pid}.`)) continue;
          const st = readFileSync(`/proc/${n}/status`, 'latin1');
          const name = mine ? 'cli' : (/Name:\s+(\S+)/.exec(st)?.[1] ?? n);
          peaks[name] = Math.max(peaks[name] ?? 0, Number(/VmHWM:\s+(\d+)/.exec(st)?.[1] ?? 0));
        } catch {
          /* gone */
        }
      }
    };
    const timer = setInterval(sample, 20);
    const killer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (code) => {
      clearInterval(timer);
      clearTimeout(killer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), peaks });
    });
  });
}

describe('a workspace with huge sparse files', () => {
  for (const how of ['--gopls', 'gopls from PATH'] as const) {
    it(`500 MB go.work and 200 MB .go file (${how}): the CLI's peak RSS stays under 300 MB`, async () => {
      const dir = tempDir('sparse');
      try {
        const ws = path.join(dir, 'ws');
        mkdirSync(path.join(ws, 'mod'), { recursive: true });
        sparse(path.join(ws, 'go.work'), 'go 1.22\n\nuse ./mod\n// ', 500 * MB);
        sparse(path.join(ws, 'mod', 'go.mod'), 'module example.com/mod\n\ngo 1.22\n', 4096);
        sparse(path.join(ws, 'mod', 'a_big.go'), 'package mod\n\n// ', 200 * MB);
        const args = [CLI, 'diagnose', '--json', '--workspace', ws, '--timeout-ms', '15000', ...(how === '--gopls' ? ['--gopls', GOPLS] : [])];
        const run = await runSampled(args, ws);
        console.log(`[sparse ${how}] exit ${run.code}, peak RSS in kB: ${JSON.stringify(run.peaks)}`);
        const report = JSON.parse(run.stdout) as { probes: Array<{ id: string; status: string }> };
        expect(report.probes.length).toBeGreaterThan(0);
        expect(run.peaks.cli).toBeGreaterThan(0);
        expect(run.peaks.cli!).toBeLessThan(LIMIT_KB);
      } finally {
        removeTree(dir);
      }
    });
  }
});
