// A SIGKILL a log tells of, checked against the kernel's OOM-killer records (killedKernelCheck.ts):
// a tester's plain kill -9 of gopls (f25) came first as a memory limit's kill.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FindingSchema, type FindingInput } from '../../../src/doctor/model.js';
import { rankCauses } from '../../../src/doctor/rank.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { findingsOf } from '../../../src/probes/goplsLogs.js';
import { lineTimeMs, notOomKilled } from '../../../src/probes/killedKernelCheck.js';
import type { TimedKill } from '../../../src/probes/stoppedLogs.js';
import { parseKernelOomKills } from '../../../src/procfs/oomKills.js';

const NAME = 'f25-external-sigkill.log.stderr';
const SOURCE = `/logs/${NAME}`;
const fromLog = (): FindingInput[] => findingsOf(SOURCE, analyzeText(readFileSync(path.resolve(__dirname, '../../fixtures/logs/explore2', NAME))));
// The log's last write: the editor's "[Error - 4:35:13 AM] Server process exited with signal SIGKILL." that day.
const lastWrite = new Date(2026, 11, 6, 4, 35, 13, 500).getTime();
const killAt = (ms: number, comm = 'gopls'): TimedKill => ({ atMs: ms, kill: parseKernelOomKills(`Memory cgroup out of memory: Killed process 4242 (${comm}) total-vm:2013492kB, anon-rss:12544kB, file-rss:23804kB, shmem-rss:0kB, UID:0 pgtables:256kB oom_score_adj:0`)[0]! });

describe('a plain kill -9 of gopls, read alone', () => {
  it('the killed symptom, unexplained, titled by what was seen: no "memory limit\'s OOM kill" verdict', () => {
    const [first] = rankCauses(fromLog().map((f) => FindingSchema.parse(f)));
    expect(first).toMatchObject({ id: 'memory-limit', severity: 'warning', title: 'gopls or a program it ran was killed (SIGKILL)' });
    const f = first!.findings[0]!;
    expect(f).toMatchObject({ role: 'symptom', symptom: 'killed' });
    expect(f.message).toContain('kill -9');
    expect(f.message).not.toContain("which is how a memory limit's OOM kill looks");
    expect(f.evidence[0]!.excerpt).toContain('Server process exited with signal SIGKILL.');
  });
});

describe('the kernel log asked about it', () => {
  it('reads the times the lines were written', () => {
    expect(lineTimeMs('[Error - 4:35:13 AM] Server process exited with signal SIGKILL.', lastWrite)).toBe(new Date(2026, 11, 6, 4, 35, 13).getTime());
    expect(lineTimeMs('[Error - 11:59:58 PM] x', lastWrite)).toBe(new Date(2026, 11, 5, 23, 59, 58).getTime());
    expect(lineTimeMs('2026/12/06 04:31:02 initial workspace load failed: … signal: killed', lastWrite)).toBe(new Date(2026, 11, 6, 4, 31, 2).getTime());
    expect(lineTimeMs('signal: killed', lastWrite)).toBeUndefined();
  });
  it('no OOM kill then, and the kernel log reaches back: not a memory limit, someone sent SIGKILL (gopls-launch)', () => {
    const out = notOomKilled(fromLog(), new Map([[SOURCE, lastWrite]]), [killAt(lastWrite - 3600_000)], lastWrite - 7200_000, 'dmesg');
    const k = out.find((f) => f.symptom === 'killed')!;
    expect(k.classId).toBe('gopls-launch');
    expect(k.message).toContain('the kernel log holds no OOM kill from then (04:35:13)');
    expect(k.message).toContain('another process sent SIGKILL (kill -9');
    expect(k.evidence.at(-1)).toMatchObject({ source: 'dmesg' });
    const [first] = rankCauses(out.map((f) => FindingSchema.parse(f)));
    expect(first!.id).toBe('gopls-launch');
  });
  it('an OOM kill stamped just before the line: the memory reading stays', () => {
    const out = notOomKilled(fromLog(), new Map([[SOURCE, lastWrite]]), [killAt(lastWrite - 1000)], lastWrite - 7200_000, 'dmesg');
    expect(out.find((f) => f.symptom === 'killed')!.classId).toBe('memory-limit');
  });
  // The kill record says UID:0. Whose log it is decides whether that kill can be what it tells.
  for (const [owner, stays] of [
    [0, true],
    [1000, false],
    [65534, false],
    [undefined, true],
  ] as const) {
    it(`an OOM kill of uid 0's gopls just before the line, the log owned by ${owner ?? 'no one known'}: ${stays ? 'the memory reading stays' : "another user's kill, not this log's: gopls-launch"}`, () => {
      const owners = new Map(owner === undefined ? [] : [[SOURCE, owner]]);
      const out = notOomKilled(fromLog(), new Map([[SOURCE, lastWrite]]), [killAt(lastWrite - 1000)], lastWrite - 7200_000, 'dmesg', owners);
      expect(out.find((f) => f.symptom === 'killed')!.classId).toBe(stays ? 'memory-limit' : 'gopls-launch');
    });
  }
  it('a kernel log that does not reach back that far says nothing either way', () => {
    const out = notOomKilled(fromLog(), new Map([[SOURCE, lastWrite]]), [], lastWrite - 1000, 'dmesg');
    expect(out.find((f) => f.symptom === 'killed')!.classId).toBe('memory-limit');
  });
});
