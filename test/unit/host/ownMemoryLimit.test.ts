import { describe, expect, it } from 'vitest';
import { limitBytes, memoryCgroupPath, ownMemoryLimit, tightLimitWarning } from '../../../src/host/ownMemoryLimit.js';

describe('the memory limit the doctor runs under', () => {
  it.each([
    // cgroup v1 (this VM), hybrid, v2 only, and no memory controller.
    ['12:pids:/user.slice\n9:memory:/user.slice/session-3.scope\n1:name=systemd:/user.slice\n0::/user.slice', { version: 1, path: '/user.slice/session-3.scope' }],
    ['4:cpu,cpuacct:/\n3:memory,hugetlb:/docker/abc\n0::/', { version: 1, path: '/docker/abc' }],
    ['0::/user.slice/user-1000.slice/session-2.scope', { version: 2, path: '/user.slice/user-1000.slice/session-2.scope' }],
    ['2:pids:/\n1:name=systemd:/', undefined],
  ])('%j', (text, want) => expect(memoryCgroupPath(text)).toEqual(want));

  it.each([
    ['104857600\n', 104857600],
    ['max\n', undefined],
    // v1's "no limit": LONG_MAX rounded down to the page size.
    ['9223372036854771712\n', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('limit %j', (text, want) => expect(limitBytes(text)).toBe(want));

  it('the smallest limit up the hierarchy, and the file it was read from', () => {
    const files: Record<string, string> = {
      '/proc/self/cgroup': '0::/a/b/c',
      '/sys/fs/cgroup/a/b/c/memory.max': 'max',
      '/sys/fs/cgroup/a/b/memory.max': '125829120',
      '/sys/fs/cgroup/a/memory.max': '536870912',
    };
    expect(ownMemoryLimit((f) => files[f])).toEqual({ bytes: 125829120, file: '/sys/fs/cgroup/a/b/memory.max' });
    const v1: Record<string, string> = { '/proc/self/cgroup': '9:memory:/efix', '/sys/fs/cgroup/memory/efix/memory.limit_in_bytes': '62914560', '/sys/fs/cgroup/memory/memory.limit_in_bytes': '9223372036854771712' };
    expect(ownMemoryLimit((f) => v1[f])).toEqual({ bytes: 62914560, file: '/sys/fs/cgroup/memory/efix/memory.limit_in_bytes' });
  });

  it('a tight limit is told with its size and file; a roomy one or none is not', () => {
    expect(tightLimitWarning({ bytes: 60 * 1024 ** 2, file: '/sys/fs/cgroup/memory/efix/memory.limit_in_bytes' })).toMatch(/memory limit of 60 MiB \(\/sys\/fs\/cgroup\/memory\/efix\/memory\.limit_in_bytes\).*\(memory-limit\)/);
    expect(tightLimitWarning({ bytes: 2 * 1024 ** 3, file: 'x' })).toBeUndefined();
    expect(tightLimitWarning(undefined)).toBeUndefined();
  });
});
