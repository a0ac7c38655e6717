import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ctxFor, fixtureHost, FIXTURES, parsed } from './ctx.js';
import { Host } from '../../../src/host/host.js';
import { taskNeeds } from '../../../src/probes/goNeeds.js';
import { processLimitFindings, runProcessLimits, type ProcessLimitsInput } from '../../../src/probes/processLimits.js';
import { parseLimits } from '../../../src/procfs/limits.js';
import { FindingSchema } from '../../../src/doctor/model.js';

describe('process-limits probe on fixture hosts', () => {
  it('inotify-exhausted (uid 65534, nproc 64, nofile 1024): RLIMIT_NPROC at 81% is a warning; 1024 open files is room enough', async () => {
    const out = await runProcessLimits(ctxFor(fixtureHost('inotify-exhausted', 11959, 65534)));
    expect(out.observed).toMatchObject({ uid: 65534, userProcesses: 2, userTasks: 52, maxProcesses: { soft: 64, hard: 64 }, maxOpenFiles: { soft: 1024, hard: 1024 }, pidMax: 32768 });
    const findings = parsed(out.findings);
    expect(findings.map((f) => f.severity)).toEqual(['warning']);
    expect(findings[0]!.message).toMatch(/uid 65534 runs 52 tasks against its RLIMIT_NPROC of 64 \(81%\)/);
    expect(findings[0]!.evidence[0]).toMatchObject({ source: '/proc/11959/limits', excerpt: expect.stringMatching(/^Max processes\s+64\s+64\s+processes$/) });
    expect(findings[0]!.fixes[0]).toMatchObject({ id: 'rlimit-raise-nproc', needsRoot: true });
    expect(JSON.stringify(findings)).not.toMatch(/Max open files/);
  });

  it('root on this VM: no finding, and says why RLIMIT_NPROC is not judged', async () => {
    const out = await runProcessLimits(ctxFor(fixtureHost('cgroup-hybrid-vm', 30684, 0)));
    expect(out.findings).toEqual([]);
    expect(out.observed).toMatchObject({ uid: 0, nprocNote: expect.stringContaining('exempt'), maxProcesses: { soft: 96364 } });
  });
});

describe('process-limits when its own read of the limits fails (out of descriptors)', () => {
  // A hard RLIMIT_NOFILE of 20: by the time this probe reads /proc/self/limits the other probes'
  // pipes hold every descriptor. The host read it once at start; that reading stands in.
  class OutOfFiles extends Host {
    override readText(p: string, cap?: number): Promise<string | undefined> {
      return p.endsWith('/limits') ? Promise.resolve(undefined) : super.readText(p, cap);
    }
  }
  const root = path.join(FIXTURES, 'inotify-exhausted');
  it('the limits read at start are judged, and the report says where they came from', async () => {
    const host = Object.assign(new OutOfFiles({ root, pid: 11959, uid: 65534 }), { limitsAtStart: readFileSync(path.join(root, 'proc/11959/limits'), 'utf8') });
    const out = await runProcessLimits(ctxFor(host));
    expect(out.observed).toMatchObject({ maxProcesses: { soft: 64 }, maxOpenFiles: { soft: 1024 }, limitsRead: expect.stringContaining('as read when the doctor started') });
    expect(parsed(out.findings).map((f) => f.severity)).toEqual(['warning']);
  });
  it('with neither, the report says the rlimits were not judged instead of passing them', async () => {
    const out = await runProcessLimits(ctxFor(new OutOfFiles({ root, pid: 11959, uid: 65534 })));
    expect(out.observed).toMatchObject({ limitsUnreadable: expect.stringContaining('not judged') });
    expect(out).toMatchObject({ status: 'warn', reason: expect.stringContaining('RLIMIT_NOFILE, RLIMIT_NPROC and the memory rlimits were not judged') });
    expect((out.observed as Record<string, unknown>).maxOpenFiles).toBeUndefined();
  });
});

const base: ProcessLimitsInput = { pidMax: 32768, threadsMax: 192729, tasks: 110, uid: 1000, userTasks: 50, limitsFile: '/proc/self/limits' };
const limit = (line: string) => parseLimits(line)[0]!;

describe('processLimitFindings', () => {
  const rows: Array<{ name: string; in: Partial<ProcessLimitsInput>; want: Array<[string, RegExp]> }> = [
    { name: 'healthy', in: {}, want: [] },
    { name: 'tasks at 95% of threads-max', in: { threadsMax: 1000, tasks: 950 }, want: [['error', /950 tasks exist against kernel.threads-max 1000 \(95%\)/]] },
    { name: 'tasks at 85% of pid_max', in: { pidMax: 1000, tasks: 850 }, want: [['warning', /kernel.pid_max 1000/]] },
    { name: 'NPROC reached', in: { userTasks: 4090, nproc: limit('Max processes             4096                 4096                 processes ') }, want: [['error', /4090 tasks against its RLIMIT_NPROC of 4096/]] },
    { name: 'NPROC small but idle', in: { userTasks: 20, nproc: limit('Max processes             512                  512                  processes ') }, want: [['warning', /RLIMIT_NPROC is only 512/]] },
    { name: 'NPROC unlimited', in: { userTasks: 20000, nproc: limit('Max processes             unlimited            unlimited            processes ') }, want: [] },
    { name: 'root is exempt from NPROC', in: { uid: 0, userTasks: 4096, nproc: limit('Max processes             4096                 4096                 processes ') }, want: [] },
    { name: 'soft nofile low, hard high: go and node raise soft to hard', in: { nofile: limit('Max open files            1024                 524288               files     ') }, want: [] },
    { name: 'nofile hard 48 on 2 CPUs: less than twice the need', in: { needs: taskNeeds(2), nofile: limit('Max open files            48                   48                   files     ') }, want: [['warning', /Max open files is 48 \(RLIMIT_NOFILE, hard\), less than twice the 30/]] },
    { name: 'nofile hard 26 on 2 CPUs: below the need', in: { needs: taskNeeds(2), nofile: limit('Max open files            26                   26                   files     ') }, want: [['error', /below the 30/]] },
    { name: 'system file table at 95%', in: { fileNr: { allocated: 95_000, max: 100_000 } }, want: [['error', /95000 file handles are open on this machine against fs.file-max 100000 \(95%\)/]] },
    { name: 'system file table at 85%', in: { fileNr: { allocated: 85_000, max: 100_000 } }, want: [['warning', /ENFILE/]] },
    { name: 'system file table ordinary', in: { fileNr: { allocated: 316, max: 2_466_093 } }, want: [] },
    { name: 'nofile fine', in: { nofile: limit('Max open files            20000                20000                files     ') }, want: [] },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const got = processLimitFindings({ ...base, ...r.in }).map((f) => FindingSchema.parse(f));
      expect(got.map((f) => f.severity)).toEqual(r.want.map(([s]) => s));
      r.want.forEach(([, re], i) => expect(got[i]!.message).toMatch(re));
      for (const f of got) expect(f.evidence.length).toBeGreaterThan(0);
    });
  }
});
