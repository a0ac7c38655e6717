import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findLimit, parseFileNr, parseLimits, parseLoadAvg, parseSysctlInt } from '../../../src/procfs/limits.js';
import { parseStatus } from '../../../src/procfs/status.js';
import { parseMemInfo } from '../../../src/procfs/meminfo.js';
import { countInotifyWatches, isInotifyLink } from '../../../src/procfs/fdinfo.js';

const fixture = (p: string) => readFileSync(path.resolve(__dirname, '../../fixtures/hosts', p), 'utf8');

describe('parseLimits', () => {
  it('reads every row of a real /proc/<pid>/limits, names with spaces and empty units included', () => {
    const limits = parseLimits(fixture('inotify-exhausted/proc/11959/limits'));
    expect(limits).toHaveLength(16);
    expect(findLimit(limits, 'Max processes')).toMatchObject({ soft: 64, hard: 64, units: 'processes' });
    expect(findLimit(limits, 'Max open files')).toMatchObject({ soft: 1024, hard: 1024, units: 'files' });
    expect(findLimit(limits, 'Max cpu time')).toMatchObject({ soft: 'unlimited', hard: 'unlimited', units: 'seconds' });
    expect(findLimit(limits, 'Max nice priority')).toMatchObject({ soft: 0, hard: 0, units: '' });
    expect(findLimit(limits, 'Max realtime timeout')).toMatchObject({ soft: 'unlimited', units: 'us' });
  });
  it('falls back to two-space splitting when the padding is gone', () => {
    expect(parseLimits('Max open files  512  4096  files')[0]).toMatchObject({ name: 'Max open files', soft: 512, hard: 4096 });
  });
  it('ignores the header and junk', () => expect(parseLimits('Limit                     Soft Limit           Hard Limit           Units     \nnonsense\n')).toEqual([]));
});

describe('small /proc files', () => {
  it.each([
    ['32768\n', 32768],
    ['', undefined],
    [undefined, undefined],
    ['abc', undefined],
  ])('parseSysctlInt(%j)', (t, want) => expect(parseSysctlInt(t)).toBe(want));

  it.each([
    ['316\t0\t2466093\n', { allocated: 316, max: 2466093 }],
    ['1024 0 9223372036854775807', { allocated: 1024, max: 9223372036854775807 }],
    ['316\t0', undefined],
    ['garbage', undefined],
    [undefined, undefined],
  ])('parseFileNr(%j): allocated handles and fs.file-max', (t, want) => expect(parseFileNr(t)).toEqual(want));

  it('parseLoadAvg takes the task count from the 4th field', () => {
    expect(parseLoadAvg('0.00 0.01 0.05 1/123 4567\n')).toEqual({ running: 1, tasks: 123, lastPid: 4567 });
    expect(parseLoadAvg(fixture('cgroup-hybrid-vm/proc/loadavg'))?.tasks).toBeGreaterThan(0);
    expect(parseLoadAvg('garbage')).toBeUndefined();
  });

  it('parseMemInfo converts kB to bytes', () => {
    const m = parseMemInfo('MemTotal:       24683656 kB\nMemAvailable:   24091116 kB\nHugePages_Total:       0\n');
    expect(m.get('MemAvailable')).toEqual({ bytes: 24091116 * 1024, line: 'MemAvailable:   24091116 kB' });
    expect(m.get('HugePages_Total')?.bytes).toBe(0);
    expect(parseMemInfo(fixture('cgroup-hybrid-vm/proc/meminfo')).get('MemAvailable')!.bytes).toBeGreaterThan(0);
  });

  it('parseStatus reads name, uids and threads of a real gopls', () => {
    expect(parseStatus(fixture('cgroup-v1-oom/proc/30177/status'))).toMatchObject({ name: 'gopls', pid: 30177, uids: [0, 0, 0, 0], threads: 6 });
    expect(parseStatus(fixture('inotify-exhausted/proc/11959/status'))).toMatchObject({ name: 'python3', uids: [65534, 65534, 65534, 65534], threads: 45 });
    expect(parseStatus('Name:\tx\nUid:\t1\t2\n')).toMatchObject({ name: 'x', uids: undefined });
  });
});

describe('inotify fdinfo', () => {
  it('counts one watch per "inotify wd:" line of a real fdinfo', () => {
    expect(countInotifyWatches(fixture('inotify-exhausted/proc/11959/fdinfo/3'))).toBe(6900);
    expect(countInotifyWatches(fixture('inotify-exhausted/proc/11942/fdinfo/18'))).toBe(400);
    expect(countInotifyWatches('pos:\t0\nflags:\t02004000\nmnt_id:\t17\nino:\t1038\n')).toBe(0);
  });
  it.each([
    ['anon_inode:inotify', true],
    ['anon_inode:[eventpoll]', false],
    ['/dev/null', false],
    [undefined, false],
  ])('isInotifyLink(%j)', (l, want) => expect(isInotifyLink(l)).toBe(want));
});
