import { describe, expect, it } from 'vitest';
import { fitThreadPool, taskHeadroom, TIGHT_HEADROOM } from '../../../src/procfs/taskHeadroom.js';
import { ownTaskPids, type ProcessEntry } from '../../../src/procfs/procs.js';

// /proc/self/limits as Linux prints it (fs/proc/base.c proc_pid_limits), with the nproc line varied.
const limits = (nproc: string) =>
  [
    'Limit                     Soft Limit           Hard Limit           Units     ',
    'Max cpu time              unlimited            unlimited            seconds   ',
    `Max processes             ${nproc.padEnd(20)} ${nproc.padEnd(20)} processes `,
    'Max open files            1024                 1048576              files     ',
  ].join('\n');

describe('taskHeadroom: the smallest room any task limit leaves', () => {
  const asked: number[] = [];
  const tasks = (n: number | undefined) => () => (asked.push(1), n);
  it.each([
    ['RLIMIT_NPROC 10, 6 threads of the uid', { limitsText: limits('10'), uid: 4242, userTasks: tasks(6), pids: [] }, 4],
    ['unlimited nproc, no pids cgroup', { limitsText: limits('unlimited'), uid: 4242, userTasks: tasks(6), pids: [] }, undefined],
    ['root is exempt from RLIMIT_NPROC', { limitsText: limits('10'), uid: 0, userTasks: tasks(60), pids: [] }, undefined],
    ['but not from pids.max (every level counts, the tightest wins)', { limitsText: limits('10'), uid: 0, userTasks: tasks(60), pids: [{ max: 40, current: 21 }, { max: 'max' as const, current: 300 }, { max: 100, current: 90 }] }, 10],
    ['both: the smaller room', { limitsText: limits('64'), uid: 1000, userTasks: tasks(10), pids: [{ max: 30, current: 25 }] }, 5],
    ['unreadable limits and a cgroup without pids files', { limitsText: undefined, uid: 1000, userTasks: tasks(10), pids: [{ max: undefined, current: undefined }] }, undefined],
    ['a /proc that could not be scanned', { limitsText: limits('10'), uid: 1000, userTasks: tasks(undefined), pids: [] }, undefined],
  ])('%s', (_, input, want) => {
    expect(taskHeadroom(input)).toBe(want);
  });

  it('scans /proc only when RLIMIT_NPROC is finite, and tells the count which limit it is for', () => {
    asked.length = 0;
    taskHeadroom({ limitsText: limits('unlimited'), uid: 1000, userTasks: tasks(3), pids: [] });
    expect(asked).toEqual([]);
    const limitsSeen: number[] = [];
    taskHeadroom({ limitsText: limits('127431'), uid: 1000, userTasks: (l) => (limitsSeen.push(l), 900), pids: [] });
    expect(limitsSeen).toEqual([127431]);
  });
});

describe('fitThreadPool', () => {
  it('cuts the libuv pool to one thread when the room is tight, and only then', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(fitThreadPool(env, TIGHT_HEADROOM - 1)).toBe(true);
    expect(env.UV_THREADPOOL_SIZE).toBe('1');
    for (const room of [TIGHT_HEADROOM, 1000, undefined]) {
      const e: NodeJS.ProcessEnv = {};
      expect(fitThreadPool(e, room)).toBe(false);
      expect(e.UV_THREADPOOL_SIZE).toBeUndefined();
    }
  });

  it("keeps a size the user chose", () => {
    const env: NodeJS.ProcessEnv = { UV_THREADPOOL_SIZE: '8' };
    expect(fitThreadPool(env, 3)).toBe(false);
    expect(env.UV_THREADPOOL_SIZE).toBe('8');
  });
});

describe("ownTaskPids: the doctor's own tasks, which are not in use when the user builds", () => {
  // An extension host (100) with the editor's gopls (101, and its go list 102), a probe's gopls
  // (103, marked, with its go 104), and an unrelated process (200) of the same user.
  const table: ProcessEntry[] = [
    { pid: 1, ppid: 0, uid: 0 },
    { pid: 100, ppid: 1, uid: 1000, threads: 20 },
    { pid: 101, ppid: 100, uid: 1000, threads: 12 },
    { pid: 102, ppid: 101, uid: 1000, threads: 8 },
    { pid: 103, ppid: 100, uid: 1000, threads: 12 },
    { pid: 104, ppid: 103, uid: 1000, threads: 8 },
    { pid: 200, ppid: 1, uid: 1000, threads: 3 },
  ];
  const marked = new Set([103, 104]);
  it('in the editor: the probes and their children, not the extension host, not the editor gopls', () => {
    expect([...ownTaskPids(table, 100, true, (p) => marked.has(p))].sort()).toEqual([103, 104]);
  });
  it('in the CLI: the doctor itself too', () => {
    expect([...ownTaskPids(table, 100, false, (p) => marked.has(p))].sort()).toEqual([100, 103, 104]);
  });
  it("a marked process under one that is not ours stays the user's (the editor gopls's children are its own)", () => {
    expect([...ownTaskPids(table, 100, true, (p) => p === 102)]).toEqual([]);
  });
  it('survives a ppid cycle in a torn read', () => {
    expect([...ownTaskPids([{ pid: 5, ppid: 6 }, { pid: 6, ppid: 5 }], 5, false, () => true)].sort()).toEqual([5, 6]);
  });
});
