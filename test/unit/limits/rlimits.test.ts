// RLIMIT_AS and RLIMIT_DATA against what gopls reserves (src/probes/goNeeds.ts addressSpaceNeeds),
// the after-run phase's reading when the doctor's own gopls then died under one of them, and
// RLIMIT_FSIZE against the largest files Go tooling writes, and RLIMIT_NOFILE against the
// descriptors go build and gopls keep open.
import { describe, expect, it } from 'vitest';
import { fileSizeLimitFindings, memoryRlimitFindings, openFilesFindings } from '../../../src/probes/processLimits.js';
import { limitBitFindings, rlimitBitFindings } from '../../../src/probes/afterRun.js';
import { addressSpaceNeeds, openFileNeeds } from '../../../src/probes/goNeeds.js';
import { parseLimits } from '../../../src/procfs/limits.js';
import { FindingSchema } from '../../../src/doctor/model.js';
import { rankCauses } from '../../../src/doctor/rank.js';

// /proc/<pid>/limits as fs/proc/base.c prints it ("%-25s %-20s %-20s %-10s").
const line = (name: string, soft: string, hard = soft) => `${name.padEnd(25)} ${soft.padEnd(20)} ${hard.padEnd(20)} bytes     `;
const lim = (name: string, soft: string, hard?: string) => parseLimits(line(name, soft, hard))[0]!;
const GB = 1e9;

describe('memoryRlimitFindings', () => {
  const needs = addressSpaceNeeds(2, 317);
  const rows: Array<{ name: string; as?: string; data?: string; cpus?: number; packages?: number; want: Array<[string, RegExp]> }> = [
    { name: 'unlimited: nothing', as: 'unlimited', data: 'unlimited', want: [] },
    { name: 'far above every need: nothing', as: String(8 * GB), data: String(4 * GB), want: [] },
    { name: 'below the go command: an error, nothing Go starts', as: String(0.7 * GB), want: [['error', /a build of a hello world needs, so go build, go test and go run fail/]] },
    { name: 'between the go command and gopls start: gopls cannot start', as: String(1.5 * GB), want: [['error', /gopls cannot start.*pthread_create failed/]] },
    { name: 'above start, below the need for 317 packages: a warning naming them', as: String(2.1 * GB), want: [['warning', /these workspaces' 317 packages/]] },
    { name: 'the same limit on 64 CPUs: gopls reserves more per CPU and cannot start', as: String(2.1 * GB), cpus: 64, want: [['error', /on 64 CPUs, so gopls cannot start/]] },
    { name: 'packages unknown: judged against the start alone', as: String(2.1 * GB), packages: -1, want: [] },
    { name: 'a data limit below gopls start heap: an error', data: String(0.15 * GB), want: [['error', /RLIMIT_DATA.*gopls cannot start/]] },
    { name: 'a data limit below the cold load of 317 packages: a warning', data: String(0.5 * GB), want: [['warning', /first load of these workspaces' 317 packages/]] },
    { name: 'both low: one finding each', as: String(1.5 * GB), data: String(0.15 * GB), want: [['error', /RLIMIT_AS/], ['error', /RLIMIT_DATA/]] },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const n = r.cpus || r.packages ? addressSpaceNeeds(r.cpus ?? 2, r.packages === -1 ? undefined : (r.packages ?? 317)) : needs;
      const out = memoryRlimitFindings({ as: r.as ? lim('Max address space', r.as) : undefined, data: r.data ? lim('Max data size', r.data) : undefined, limitsFile: '/proc/self/limits', needs: n });
      expect(out.map((f) => [f.severity, f.message])).toEqual(r.want.map(([sev, re]) => [sev, expect.stringMatching(re)]));
      for (const f of out) {
        expect(FindingSchema.safeParse(f).success).toBe(true);
        expect(f.classId).toBe('memory-limit');
        expect(f.evidence[0]).toMatchObject({ source: '/proc/self/limits', excerpt: expect.stringMatching(/^Max (address space|data size)\s+\d+/) });
        expect(f.evidence[1]!.excerpt).toMatch(/measured here by bisecting ulimit -v and ulimit -d/i);
        expect(f.fixes?.[0]).toMatchObject({ kind: 'terminal', needsRoot: true, text: expect.stringMatching(/'\* soft (as|data) unlimited'/) });
      }
    });
  }

  it("gopls's death under the limit (its stderr's out of memory, the client's closed connection) is explained by it", () => {
    const [cause] = memoryRlimitFindings({ as: lim('Max address space', String(1.5 * GB)), limitsFile: '/proc/self/limits', needs });
    const oom = FindingSchema.parse({ classId: 'memory-limit', severity: 'error', role: 'symptom', symptom: 'out-of-memory', confidence: 0.9, message: 'gopls died with "fatal error: runtime: out of memory"', evidence: [{ source: 'gopls (stderr)', excerpt: 'runtime: out of memory: cannot allocate 100663296-byte block (8028160 in use)' }] });
    const thread = FindingSchema.parse({ classId: 'process-limit', severity: 'error', role: 'symptom', symptom: 'thread-create', confidence: 0.85, message: 'pthread_create failed: Resource temporarily unavailable', evidence: [{ source: 'gopls (stderr)', excerpt: 'runtime/cgo: pthread_create failed: Resource temporarily unavailable' }] });
    const died = FindingSchema.parse({ classId: 'gopls-launch', severity: 'error', role: 'symptom', symptom: 'died', confidence: 0.9, message: 'gopls exited with code 2 during start-up', evidence: [{ source: 'gopls', excerpt: 'exit 2' }] });
    const ranked = rankCauses([died, thread, oom, FindingSchema.parse(cause)]);
    expect(ranked[0]).toMatchObject({ id: 'memory-limit', severity: 'error' });
    for (const c of ranked.slice(1)) for (const f of c.findings) expect(f.explainedBy).toContain('memory-limit');
  });
});

describe('rlimitBitFindings: a warning-level rlimit that bit during the run', () => {
  const [warn] = memoryRlimitFindings({ as: lim('Max address space', String(2.1 * GB)), limitsFile: '/proc/self/limits', needs: addressSpaceNeeds(2, 317) });
  const oom = { probeId: 'gopls', role: 'symptom' as const, symptom: 'out-of-memory' as const, classId: 'memory-limit' as const, severity: 'error' as const, message: 'gopls died with "fatal error: runtime: out of memory". More.', evidence: [{ source: 'gopls (stderr)', excerpt: 'fatal error: out of memory' }] };
  it("is an error when the doctor's gopls died of memory or of a refused thread under it", () => {
    const out = rlimitBitFindings([{ ...warn!, probeId: 'process-limits', role: undefined, symptom: undefined, fixes: warn!.fixes ?? [] }, oom]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ classId: 'memory-limit', severity: 'error', message: expect.stringMatching(/^During this diagnosis the doctor's own gopls died under RLIMIT_AS \(ulimit -v\)/) });
    expect(out[0]!.evidence[0]!.excerpt).toMatch(/^Max address space/);
  });
  it('says nothing when gopls lived, when the death was another probe’s, or when there is no rlimit finding', () => {
    const limit = { ...warn!, probeId: 'process-limits', role: undefined, symptom: undefined, fixes: warn!.fixes ?? [] };
    expect(rlimitBitFindings([limit])).toEqual([]);
    expect(rlimitBitFindings([limit, { ...oom, probeId: 'gopls-logs' }])).toEqual([]);
    expect(rlimitBitFindings([oom])).toEqual([]);
    // A cgroup memory finding is not an rlimit.
    expect(rlimitBitFindings([{ ...limit, evidence: [{ source: '/sys/fs/cgroup/memory.max', excerpt: '115343360' }] }, oom])).toEqual([]);
  });
});

describe('fileSizeLimitFindings', () => {
  it.each([
    ['unlimited', 'unlimited', undefined],
    ['1 GB', String(1e9), undefined],
    ['48 MB, the need itself', String(48e6), undefined],
    ['20 MB: gopls\'s own binary and large test binaries cannot be written', String(20e6), ['warning', /installing gopls/]],
    ['12 MB: a hello world builds only with a warm cache', String(12e6), ['error', /hello world's build writes with a cold build cache/]],
    ['1 MiB (bash ulimit -f 1024): nothing builds', String(1024 * 1024), ['error', /file too large/]],
  ] as const)('%s', (_name, soft, want) => {
    const out = fileSizeLimitFindings(parseLimits(line('Max file size', soft))[0], '/proc/self/limits');
    if (!want) return expect(out).toEqual([]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ classId: 'fs-access', severity: want[0], message: expect.stringMatching(want[1]) });
    expect(FindingSchema.safeParse(out[0]).success).toBe(true);
    expect(out[0]!.evidence[0]!.excerpt).toMatch(/^Max file size\s+\d+/);
    expect(out[0]!.fixes?.[0]).toMatchObject({ text: expect.stringContaining("'* soft fsize unlimited'"), needsRoot: true });
  });
});

describe('openFilesFindings: RLIMIT_NOFILE, hard, against go build -p CPUs and gopls', () => {
  const files = (soft: string, hard = soft) => parseLimits(`${'Max open files'.padEnd(25)} ${soft.padEnd(20)} ${hard.padEnd(20)} files     `)[0]!;
  it.each([
    ['2 CPUs, 1048576', 2, '1048576', '1048576', undefined],
    ['2 CPUs, 1024 (a common hard limit): room enough', 2, '1024', '1024', undefined],
    ['2 CPUs, soft 64 under a hard 524288: go and node raise their soft limit to the hard one', 2, '64', '524288', undefined],
    ['2 CPUs, 48: less than twice the need', 2, '48', '48', ['warning', /less than twice the 30/]],
    ['2 CPUs, 24: below what gopls keeps open', 2, '24', '24', ['error', /below the 30 that go build/]],
    ['2 CPUs, 60: twice the need', 2, '60', '60', undefined],
    ['64 CPUs, 100: go build -p 64 alone keeps about 149 open', 64, '100', '100', ['error', /below the 149/]],
    ['64 CPUs, 200: a warning', 64, '200', '200', ['warning', /twice the 149/]],
    ['unlimited', 2, 'unlimited', 'unlimited', undefined],
  ] as const)('%s', (_name, cpus, soft, hard, want) => {
    const out = openFilesFindings(files(soft, hard), '/proc/self/limits', openFileNeeds(cpus));
    if (!want) return expect(out).toEqual([]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ classId: 'process-limit', severity: want[0], message: expect.stringMatching(want[1]) });
    expect(FindingSchema.safeParse(out[0]).success).toBe(true);
    expect(out[0]!.evidence[0]!.excerpt).toMatch(/^Max open files\s+\d+/);
    expect(out[0]!.evidence[1]!.excerpt).toMatch(/measured here by bisecting prlimit --nofile/i);
    expect(out[0]!.fixes?.[0]).toMatchObject({ id: 'rlimit-raise-nofile', needsRoot: true });
  });

  it('a go or gopls that could not be spawned for want of descriptors is a symptom the limit explains, ranked after it', () => {
    const [cause] = openFilesFindings(files('24'), '/proc/self/limits', openFileNeeds(2));
    const spawn = FindingSchema.parse({ classId: 'gopls-launch', severity: 'error', role: 'symptom', symptom: 'out-of-files', confidence: 0.8, message: '/usr/local/go/bin/go could not be started (EMFILE)', evidence: [{ source: '/usr/local/go/bin/go env -json', excerpt: 'spawn /usr/local/go/bin/go EMFILE' }] });
    const ranked = rankCauses([spawn, FindingSchema.parse(cause)]);
    expect(ranked.map((c) => c.id)).toEqual(['process-limit', 'gopls-launch']);
    expect(ranked[1]!.findings[0]!.explainedBy).toContain('process-limit');
  });

  it('alone, such a symptom stays unexplained and names the open-files checks', () => {
    const spawn = FindingSchema.parse({ classId: 'gopls-launch', severity: 'error', role: 'symptom', symptom: 'out-of-files', confidence: 0.8, message: 'gopls could not be started (ENFILE)', evidence: [{ source: 'gopls', excerpt: 'spawn gopls ENFILE' }] });
    const [only] = rankCauses([spawn]);
    expect(only!.findings[0]!.explainedBy ?? []).toEqual([]);
    expect(JSON.stringify(only)).toMatch(/RLIMIT_NOFILE/);
  });
});

describe('limitBitFindings: an open-files warning under which go or gopls could not be spawned', () => {
  const files = parseLimits(`${'Max open files'.padEnd(25)} ${'48'.padEnd(20)} ${'48'.padEnd(20)} files     `)[0]!;
  const [warn] = openFilesFindings(files, '/proc/self/limits', openFileNeeds(2));
  const limit = { ...warn!, probeId: 'process-limits', role: undefined, symptom: undefined, fixes: warn!.fixes ?? [] };
  const refused = { probeId: 'go-env', role: 'symptom' as const, symptom: 'out-of-files' as const, classId: 'gopls-launch' as const, severity: 'error' as const, message: '/usr/local/go/bin/go could not be started (EMFILE), so the Go extension and gopls cannot run go: too many open files.', evidence: [{ source: 'go env -json', excerpt: 'spawn /usr/local/go/bin/go EMFILE' }] };
  it('is an error naming the limit and the refused spawn', () => {
    const out = limitBitFindings([limit, refused]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ classId: 'process-limit', severity: 'error', message: expect.stringMatching(/^During this diagnosis the open-files limit \(RLIMIT_NOFILE\) bit: \/usr\/local\/go\/bin\/go could not be started \(EMFILE\)/) });
    expect(out[0]!.evidence.map((e) => e.excerpt)).toEqual([expect.stringMatching(/^Max open files/), 'spawn /usr/local/go/bin/go EMFILE']);
  });
  it('says nothing without a refused spawn, without the limit, or when the limit is already an error', () => {
    expect(limitBitFindings([limit])).toEqual([]);
    expect(limitBitFindings([refused])).toEqual([]);
    expect(limitBitFindings([{ ...limit, severity: 'error' }, refused])).toEqual([]);
    expect(limitBitFindings([limit, { ...refused, probeId: 'gopls-logs' }])).toEqual([]);
  });
});

describe('limitBitFindings: RLIMIT_NPROC that refused the doctor\'s go a thread', () => {
  const nproc = parseLimits(`${'Max processes'.padEnd(25)} ${'35'.padEnd(20)} ${'35'.padEnd(20)} processes `)[0]!;
  const warn = { probeId: 'process-limits', classId: 'process-limit' as const, severity: 'warning' as const, message: 'RLIMIT_NPROC of uid 65534 is 35 with 11 tasks in use', evidence: [{ source: '/proc/self/limits', excerpt: nproc.line.trim() }], fixes: [] };
  const thread = { probeId: 'gopls', role: 'symptom' as const, symptom: 'thread-create' as const, classId: 'process-limit' as const, severity: 'error' as const, message: 'The Go runtime could not create a thread: a process or thread limit was reached.', evidence: [{ source: 'gopls (packages.Load error)', excerpt: 'runtime: failed to create new OS thread (have 4 already; errno=11)' }] };
  it('is an error naming the limit', () => {
    const out = limitBitFindings([warn, thread]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ classId: 'process-limit', severity: 'error', message: expect.stringMatching(/^During this diagnosis the task limit of this user \(RLIMIT_NPROC\) bit: The Go runtime could not create a thread/) });
  });
  it('is left to the memory rlimits when one could have refused the stack', () => {
    const as = { probeId: 'process-limits', classId: 'memory-limit' as const, severity: 'warning' as const, message: 'RLIMIT_AS', evidence: [{ source: '/proc/self/limits', excerpt: 'Max address space         2100000000           2100000000           bytes' }], fixes: [] };
    expect(limitBitFindings([warn, as, thread])).toEqual([]);
  });
});
