import { describe, expect, it } from 'vitest';
import { descendantsOf, goplsMembership, type GoplsProcess, type SessionScope } from '../../../src/probes/sessionGopls.js';
import { otherLimit } from '../../../src/probes/cgroups.js';

const ME = 1000;
const scope = (over: Partial<SessionScope> = {}): SessionScope => ({ uid: ME, workspaces: ['/home/ann/src/app'], descendants: new Set([501, 502]), ...over });
const g = (over: Partial<GoplsProcess>): GoplsProcess => ({ pid: 900, uid: ME, euid: ME, ...over });

describe('goplsMembership: which gopls is the diagnosed session', () => {
  const rows: Array<{ name: string; p: GoplsProcess; s?: Partial<SessionScope>; belongs: boolean; reason?: string; why?: RegExp }> = [
    { name: "the doctor's own gopls (a descendant), whatever its folder", p: g({ pid: 501, cwd: '/tmp/x' }), belongs: true, why: /started by/ },
    { name: "the editor's gopls under the extension host, even as another uid", p: g({ pid: 502, uid: 0, euid: 0 }), belongs: true },
    { name: 'same uid, started in the workspace', p: g({ cwd: '/home/ann/src/app' }), belongs: true, why: /works in \/home\/ann\/src\/app$/ },
    { name: 'same uid, started in a folder that holds the workspace', p: g({ cwd: '/home/ann/src' }), belongs: true, why: /which holds/ },
    { name: 'same uid, started in $HOME, which holds it', p: g({ cwd: '/home/ann' }), belongs: true },
    { name: 'same uid, started in / (holds everything, says nothing)', p: g({ cwd: '/' }), belongs: false, reason: 'other-workspace' },
    { name: 'same uid, started in a sibling folder', p: g({ cwd: '/home/ann/src/other' }), belongs: false, reason: 'other-workspace', why: /works in \/home\/ann\/src\/other/ },
    { name: 'same uid, a folder whose name only starts like the workspace', p: g({ cwd: '/home/ann/src/app-old' }), belongs: false, reason: 'other-workspace' },
    { name: 'same uid, started inside the workspace (a subfolder is another workspace)', p: g({ cwd: '/home/ann/src/app/sub' }), belongs: false, reason: 'other-workspace' },
    { name: 'same uid, its go list child works in the workspace', p: g({ cwd: '/', childCwds: ['/home/ann/src/app'] }), belongs: true },
    { name: 'same uid, -logfile inside the workspace (relative to its folder)', p: g({ cwd: '/home/ann/src', args: ['gopls', '-logfile', 'app/gopls.log', 'serve'] }), belongs: true },
    { name: 'same uid, -logfile=auto names no folder', p: g({ cwd: '/srv', args: ['gopls', '-logfile=auto', 'serve'] }), belongs: false, reason: 'other-workspace' },
    { name: 'same uid, gopls check of a file in the workspace', p: g({ cwd: '/tmp', args: ['/opt/bin/gopls', 'check', '/home/ann/src/app/main.go'] }), belongs: true, why: /names \/home\/ann\/src\/app\/main.go/ },
    { name: 'same uid, its binary inside the workspace is not its work', p: g({ cwd: '/srv', args: ['/home/ann/src/app/.tools/bin/gopls', 'serve'] }), belongs: false, reason: 'other-workspace' },
    { name: 'same uid, an open file in the workspace', p: g({ cwd: '/srv', openFiles: ['/dev/null', 'pipe:[123]', '/home/ann/src/app/go.mod'] }), belongs: true },
    { name: 'same uid, pipes and sockets only', p: g({ cwd: '/srv', openFiles: ['pipe:[1]', 'socket:[2]', 'anon_inode:[eventpoll]'] }), belongs: false, reason: 'other-workspace' },
    { name: 'same uid, nothing readable', p: g({}), belongs: false, reason: 'unknown-workspace' },
    { name: 'another user, in the very workspace', p: g({ uid: 65534, euid: 65534, cwd: '/home/ann/src/app' }), belongs: false, reason: 'other-user' },
    { name: 'root diagnosing: nobody\'s gopls is another user\'s', p: g({ uid: 65534, euid: 65534, cwd: '/root/mod' }), s: { uid: 0, workspaces: ['/root/mod'] }, belongs: false, reason: 'other-user' },
    { name: 'effective uid is ours (a setuid wrapper)', p: g({ uid: 0, euid: ME, cwd: '/home/ann/src/app' }), belongs: true },
    { name: 'the workspace given through a symlink and resolved: either form matches', p: g({ cwd: '/data/ann/app' }), s: { workspaces: ['/home/ann/src/app', '/data/ann/app'] }, belongs: true },
    { name: 'one of several workspaces', p: g({ cwd: '/home/ann/src/lib' }), s: { workspaces: ['/home/ann/src/app', '/home/ann/src/lib'] }, belongs: true },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const m = goplsMembership(r.p, scope(r.s));
      expect(m.belongs).toBe(r.belongs);
      if (!m.belongs && r.reason) expect(m.reason).toBe(r.reason);
      if (r.why) expect(m.why).toMatch(r.why);
    });
  }
});

describe('descendantsOf', () => {
  it('takes children and their children, not the root, siblings or parents', () => {
    const table = [
      { pid: 1 },
      { pid: 10, ppid: 1 },
      { pid: 20, ppid: 10 },
      { pid: 21, ppid: 20 },
      { pid: 22, ppid: 21 },
      { pid: 30, ppid: 10 },
      { pid: 40, ppid: 1 },
    ];
    expect([...descendantsOf(table, 20)].sort()).toEqual([21, 22]);
    expect([...descendantsOf(table, 10)].sort()).toEqual([20, 21, 22, 30]);
    expect(descendantsOf(table, 40).size).toBe(0);
  });
});

describe("otherLimit: another gopls's limit is what the probe saw, never a finding", () => {
  const read = { file: '/sys/fs/cgroup/memory/theirs/memory.limit_in_bytes', text: '157286400\n' };
  for (const [controller, limit] of [
    ['memory', 150 * 1024 * 1024],
    ['memory', 8 * 1024 ** 3],
    ['pids', 12],
  ] as const) {
    it(`${controller} ${limit}: whose it is, the limit and its file`, () => {
      const seen = otherLimit(controller, [{ pid: 1, name: 'node', role: 'editor' }, { pid: 77, name: 'gopls', role: 'other', about: 'gopls (pid 77 of user nobody)' }, { pid: 78, name: 'gopls', role: 'other' }], read, limit);
      expect(seen).toEqual({ controller, limit, limitFile: read.file, gopls: ['gopls (pid 77 of user nobody)', 'gopls (pid 78)'] });
    });
  }
  it('no limit, nothing to say', () => {
    expect(otherLimit('memory', [{ pid: 77, name: 'gopls', role: 'other' }], undefined, undefined)).toBeUndefined();
  });
});
