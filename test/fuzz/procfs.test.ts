// Fuzzing the /proc and /sys parsers (src/procfs): NUM_RUNS hostile inputs per parser, built from
// the real files in test/fixtures/hosts. Each returns a value (or undefined, an empty list), never
// throws, never hangs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMountInfo, parseMountInfoLine, unescapeMountField } from '../../src/procfs/mountinfo.js';
import { parseMountTable } from '../../src/procfs/mountTable.js';
import { parseProcCgroup, parseCgroupLimit, parseCgroupNumber, parseFlatKeyed } from '../../src/procfs/cgroup.js';
import { parseLimits, parseSysctlInt, parseLoadAvg } from '../../src/procfs/limits.js';
import { countInotifyWatches } from '../../src/procfs/fdinfo.js';
import { parseMemInfo } from '../../src/procfs/meminfo.js';
import { parseStatus, parseStatusFields } from '../../src/procfs/status.js';
import { parseSelinuxEnforce, parseAppArmorLabel, parseSeccompStatus, parseDenials } from '../../src/procfs/lsm.js';
import { parseFscacheStats, parseFscacheCaches, parseCachefilesdConf } from '../../src/procfs/fscache.js';
import { hangBudgetMs, NUM_RUNS, check, hostileText, samplesMatching, timed } from './lib/hostileText.js';

/** Runs every parser on the input under the hang guard; returns what they gave. */
function each(input: string, parsers: Record<string, (s: string) => unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(parsers)) {
    const { value, ms } = timed(() => p(input));
    if (ms > hangBudgetMs(input.length)) throw new Error(`${name} took ${Math.round(ms)} ms on a ${input.length}-char input`);
    out[name] = value;
  }
  return out;
}

const opts = { numRuns: NUM_RUNS };

// 10,000 runs of CPU-bound properties: under a loaded 2-core CI the default 60 s per test is not enough (a budget, not a speed claim).
describe('fuzz: procfs parsers', { timeout: 300_000 }, () => {
  const mountinfo = samplesMatching(/\/mountinfo$/);
  const cgroupFiles = samplesMatching(/\/cgroup$|\/(memory|pids)\.[a-z_.]+$|cgroup\.(controllers|procs)$/);
  const limits = samplesMatching(/\/limits$|\/loadavg$|\/sys\/(kernel|fs)\//);
  const fdinfo = samplesMatching(/\/fdinfo\/\d+$/);
  const status = samplesMatching(/\/status$|\/meminfo$|\/attr\/|\/enforce$|audit|kern\.log|dmesg/);
  const mounts = samplesMatching(/\/mounts$|\/fstab$/);

  it('has real samples to start from', () => {
    expect(mountinfo.length).toBeGreaterThan(0);
    expect(cgroupFiles.length).toBeGreaterThan(0);
    expect(limits.length).toBeGreaterThan(0);
    expect(fdinfo.length).toBeGreaterThan(0);
    expect(status.length).toBeGreaterThan(0);
    // And the parsers understand the untouched samples (so "never throws" is not "never parses").
    expect(mountinfo.every((s) => parseMountInfo(s).length > 0)).toBe(true);
    expect(fdinfo.some((s) => countInotifyWatches(s) > 0)).toBe(true);
  });

  it('mountinfo: parseMountInfo, parseMountInfoLine, unescapeMountField, parseMountTable', () => {
    fc.assert(
      fc.property(hostileText([...mountinfo, ...mounts]), (s) => {
        const r = each(s, { parseMountInfo, parseMountInfoLine, unescapeMountField, parseMountTable });
        check(Array.isArray(r.parseMountInfo), 'Array.isArray(r.parseMountInfo)');
        check(Array.isArray(r.parseMountTable), 'Array.isArray(r.parseMountTable)');
        check(typeof r.unescapeMountField === 'string', 'r.unescapeMountField is a string');
        for (const m of r.parseMountInfo as Array<{ mountPoint?: unknown }>) check(typeof m.mountPoint === 'string', 'mountPoint is a string');
      }),
      opts,
    );
  });

  it('FS-Cache: parseFscacheStats, parseFscacheCaches, parseCachefilesdConf', () => {
    const fscache = samplesMatching(/\/fs\/fscache\//);
    expect(fscache.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(hostileText(fscache), (s) => {
        const r = each(s, { parseFscacheStats, parseFscacheCaches, parseCachefilesdConf });
        check(r.parseFscacheStats instanceof Map, 'r.parseFscacheStats is a Map');
        check(Array.isArray(r.parseFscacheCaches), 'Array.isArray(r.parseFscacheCaches)');
        check(typeof (r.parseCachefilesdConf as { dir?: unknown }).dir === 'string', 'conf.dir is a string');
      }),
      opts,
    );
  });

  it('cgroup files: parseProcCgroup, parseCgroupLimit, parseCgroupNumber, parseFlatKeyed', () => {
    fc.assert(
      fc.property(hostileText(cgroupFiles), (s) => {
        const r = each(s, { parseProcCgroup, parseCgroupLimit, parseCgroupNumber, parseFlatKeyed });
        check(Array.isArray(r.parseProcCgroup), 'Array.isArray(r.parseProcCgroup)');
        check(r.parseCgroupLimit === undefined || r.parseCgroupLimit === 'max' || typeof r.parseCgroupLimit === 'number', "r.parseCgroupLimit === undefined || r.parseCgroupLimit === 'max' || typeof r.parseCgroupLimit === 'number'");
        check(r.parseCgroupNumber === undefined || Number.isFinite(r.parseCgroupNumber), 'r.parseCgroupNumber === undefined || Number.isFinite(r.parseCgroupNumber)');
        check(r.parseFlatKeyed instanceof Map, 'r.parseFlatKeyed is a Map');
      }),
      opts,
    );
  });

  it('/proc/*/limits and sysctls: parseLimits, parseSysctlInt, parseLoadAvg', () => {
    fc.assert(
      fc.property(hostileText(limits), (s) => {
        const r = each(s, { parseLimits, parseSysctlInt, parseLoadAvg });
        check(Array.isArray(r.parseLimits), 'Array.isArray(r.parseLimits)');
        check(r.parseSysctlInt === undefined || Number.isFinite(r.parseSysctlInt), 'r.parseSysctlInt === undefined || Number.isFinite(r.parseSysctlInt)');
      }),
      opts,
    );
  });

  it('fdinfo: countInotifyWatches', () => {
    fc.assert(
      fc.property(hostileText(fdinfo), (s) => {
        const n = each(s, { countInotifyWatches }).countInotifyWatches as number;
        check(Number.isInteger(n) && n >= 0, 'Number.isInteger(n) && n >= 0');
        check(n <= s.split('\n').length, 'no more watches than lines');
      }),
      opts,
    );
  });

  it('status, meminfo and security modules: parseStatus, parseStatusFields, parseMemInfo, parseSelinuxEnforce, parseAppArmorLabel, parseSeccompStatus, parseDenials', () => {
    fc.assert(
      fc.property(hostileText(status), (s) => {
        const r = each(s, { parseStatus, parseStatusFields, parseMemInfo, parseSelinuxEnforce, parseAppArmorLabel, parseSeccompStatus, parseDenials });
        check(r.parseStatusFields instanceof Map, 'r.parseStatusFields is a Map');
        check(r.parseMemInfo instanceof Map, 'r.parseMemInfo is a Map');
        check(Array.isArray(r.parseDenials), 'Array.isArray(r.parseDenials)');
      }),
      opts,
    );
  });
});
