import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseMountInfo, parseMountInfoLine, type MountInfo } from '../../../src/procfs/mountinfo.js';
import {
  ancestorsWithin,
  cgroupDirCandidates,
  cgroupMounts,
  excerptKeys,
  parseCgroupLimit,
  parseFlatKeyed,
  parseProcCgroup,
  placeController,
} from '../../../src/procfs/cgroup.js';

const fixture = (p: string) => readFileSync(path.resolve(__dirname, '../../fixtures/hosts', p), 'utf8');
const mount = (line: string): MountInfo => parseMountInfoLine(line)!;

describe('parseProcCgroup', () => {
  it('reads this VM’s hybrid file (v1 lines and the v2 0:: line)', () => {
    const got = parseProcCgroup(fixture('cgroup-v1-oom/proc/30177/cgroup'));
    expect(got).toHaveLength(10);
    expect(got.find((m) => m.controllers.includes('memory'))).toMatchObject({ hierarchyId: 4, path: '/gedoc-oom', line: '4:memory:/gedoc-oom' });
    expect(got.find((m) => m.hierarchyId === 0)).toMatchObject({ controllers: [], path: '/' });
    expect(got.find((m) => m.hierarchyId === 9)?.controllers).toEqual(['name=systemd']);
  });
  it.each([
    ['2:cpu,cpuacct:/system.slice/docker-9ec3.scope', { hierarchyId: 2, controllers: ['cpu', 'cpuacct'], path: '/system.slice/docker-9ec3.scope' }],
    ['0::/user.slice/a:b.scope', { hierarchyId: 0, controllers: [], path: '/user.slice/a:b.scope' }],
    ['10:blkio:/../user.slice', { hierarchyId: 10, path: '/../user.slice' }],
  ])('%s', (line, want) => expect(parseProcCgroup(line)[0]).toMatchObject(want));
  it('skips junk', () => expect(parseProcCgroup('hello\nx:y:z\n\n')).toEqual([]));
});

describe('cgroupMounts', () => {
  it('finds the v1 controllers and the unified mount of this VM', () => {
    const got = cgroupMounts(parseMountInfo(fixture('cgroup-hybrid-vm/proc/30684/mountinfo')));
    const byPoint = Object.fromEntries(got.map((m) => [m.mount.mountPoint, m]));
    expect(byPoint['/sys/fs/cgroup/memory']).toMatchObject({ version: 1, controllers: ['memory'] });
    expect(byPoint['/sys/fs/cgroup/systemd']).toMatchObject({ version: 1, controllers: ['name=systemd'] });
    expect(byPoint['/sys/fs/cgroup/unified']).toMatchObject({ version: 2, controllers: [] });
    expect(got.some((m) => m.mount.mountPoint === '/sys/fs/cgroup')).toBe(false); // the tmpfs above them
  });
  it('drops mount flags from the controller list', () => {
    const [m] = cgroupMounts([mount('28 23 0:23 / /sys/fs/cgroup/memory rw,nosuid - cgroup cgroup rw,memory,clone_children')]);
    expect(m!.controllers).toEqual(['memory']);
  });
});

describe('cgroupDirCandidates', () => {
  const rows: Array<{ name: string; path: string; mount: string; want: string[] }> = [
    { name: 'host, mount root "/"', path: '/user.slice/app.scope', mount: '31 22 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw', want: ['/sys/fs/cgroup/user.slice/app.scope'] },
    { name: 'container with a cgroup namespace: path "/" at root "/"', path: '/', mount: '211 210 0:41 / /sys/fs/cgroup ro - cgroup2 cgroup rw', want: ['/sys/fs/cgroup'] },
    { name: 'container without a namespace: the path is the mount root', path: '/docker/abc', mount: '1450 1449 0:29 /docker/abc /sys/fs/cgroup/memory ro - cgroup cgroup rw,memory', want: ['/sys/fs/cgroup/memory'] },
    { name: 'a child of the mount root', path: '/docker/abc/sub', mount: '1450 1449 0:29 /docker/abc /sys/fs/cgroup/memory ro - cgroup cgroup rw,memory', want: ['/sys/fs/cgroup/memory/sub'] },
    { name: 'a sibling that only shares a prefix is not under the root', path: '/docker/abcdef', mount: '1450 1449 0:29 /docker/abc /sys/fs/cgroup/memory ro - cgroup cgroup rw,memory', want: ['/sys/fs/cgroup/memory/docker/abcdef', '/sys/fs/cgroup/memory'] },
    { name: 'a path outside the namespace has no directory', path: '/../user.slice', mount: '35 24 0:30 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw', want: [] },
    { name: 'root cgroup of a v1 controller (this VM, pids)', path: '/', mount: '39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids', want: ['/sys/fs/cgroup/pids'] },
  ];
  for (const r of rows) it(r.name, () => expect(cgroupDirCandidates(r.path, mount(r.mount))).toEqual(r.want));
});

describe('placeController', () => {
  it('hybrid: memory and pids come from v1, not from the unified mount', () => {
    const mounts = cgroupMounts(parseMountInfo(fixture('cgroup-v1-oom/proc/30178/mountinfo')));
    const ms = parseProcCgroup(fixture('cgroup-v1-oom/proc/30178/cgroup'));
    expect(placeController('memory', ms, mounts)).toMatchObject({ version: 1, candidates: ['/sys/fs/cgroup/memory/gedoc-oom'] });
    expect(placeController('pids', ms, mounts)).toMatchObject({ version: 1, candidates: ['/sys/fs/cgroup/pids/gedoc-oom'] });
  });
  it('v2 only: the unified mount', () => {
    const mounts = cgroupMounts(parseMountInfo(fixture('cgroup-v2-container/proc/30684/mountinfo')));
    expect(placeController('memory', parseProcCgroup('0::/\n'), mounts)).toMatchObject({ version: 2, candidates: ['/sys/fs/cgroup'] });
  });
  it('nothing mounted: undefined', () => expect(placeController('memory', parseProcCgroup('0::/\n'), [])).toBeUndefined());
});

describe('ancestorsWithin', () => {
  it.each([
    ['/sys/fs/cgroup/a/b', '/sys/fs/cgroup', ['/sys/fs/cgroup/a/b', '/sys/fs/cgroup/a', '/sys/fs/cgroup']],
    ['/sys/fs/cgroup', '/sys/fs/cgroup', ['/sys/fs/cgroup']],
    ['/elsewhere/x', '/sys/fs/cgroup', ['/elsewhere/x']],
  ])('%s within %s', (dir, top, want) => expect(ancestorsWithin(dir, top)).toEqual(want));
});

describe('cgroup values', () => {
  it.each([
    ['max\n', 'max'],
    ['9223372036854771712\n', 'max'], // v1's "no limit" (this VM's memory root)
    ['268435456\n', 268435456],
    ['  64 ', 64],
    ['', undefined],
    ['-1', undefined],
  ] as const)('parseCgroupLimit(%j)', (text, want) => expect(parseCgroupLimit(text)).toBe(want));

  it('parseFlatKeyed reads memory.oom_control, memory.events and pids.events', () => {
    expect(Object.fromEntries(parseFlatKeyed(fixture('cgroup-v1-oom/sys/fs/cgroup/memory/gedoc-oom/memory.oom_control')))).toEqual({ oom_kill_disable: 0, under_oom: 0, oom_kill: 1 });
    expect(parseFlatKeyed(fixture('cgroup-v2-container/sys/fs/cgroup/memory.events')).get('oom_kill')).toBe(1);
    expect(parseFlatKeyed(fixture('cgroup-v1-oom/sys/fs/cgroup/pids/gedoc-oom/pids.events')).get('max')).toBe(1);
  });
  it('excerptKeys keeps only the named lines', () => {
    expect(excerptKeys('low 0\nhigh 0\nmax 235\noom 2\noom_kill 1\n', ['oom', 'oom_kill'])).toBe('oom 2\noom_kill 1');
  });
});
