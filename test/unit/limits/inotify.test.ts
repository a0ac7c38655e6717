import { describe, expect, it } from 'vitest';
import { rankCauses } from '../../../src/doctor/rank.js';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ctxFor, fixtureHost, parsed } from './ctx.js';
import { countInotify, countWorkspaceDirs, inotifyFindings, rootInodes, runInotify, type InotifyUsage } from '../../../src/probes/inotify.js';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { liveHost } from '../../../src/host/host.js';
import { scanProcesses } from '../../../src/procfs/procs.js';
import { watcherExcludePatterns } from '../../../src/facts/watcherExclude.js';
import { FindingSchema } from '../../../src/doctor/model.js';

describe('inotify probe on inotify-exhausted', () => {
  it('counts 7600 watches in 3 instances for uid 65534, names the top holders, and calls it an error', async () => {
    const out = await runInotify(ctxFor(fixtureHost('inotify-exhausted', 11959, 65534)));
    expect(out.observed).toMatchObject({
      maxUserWatches: 8192,
      maxUserInstances: 128,
      watchesInUse: 7600,
      instancesInUse: 3,
      topHolders: [
        { pid: 11959, name: 'python3', watches: 7200, instances: 2 },
        { pid: 11942, name: 'node', watches: 400, instances: 1 },
      ],
    });
    const findings = parsed(out.findings);
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f).toMatchObject({ classId: 'file-watch', severity: 'error' });
    expect(f.message).toMatch(/7600 of 8192 inotify watches \(93%\)/);
    expect(f.message).toContain('python3 (pid 11959) 7200 watches in 2 instances');
    expect(f.evidence[0]).toEqual({ source: '/proc/sys/fs/inotify/max_user_watches', excerpt: '8192' });
    expect(f.evidence[1]!.source).toBe('/proc/11959/fdinfo');
    expect(f.fixes.map((x) => x.id)).toEqual(['inotify-raise-watches', 'inotify-vscode-docs']);
    expect(f.fixes[0]).toMatchObject({ kind: 'terminal', needsRoot: true, text: expect.stringContaining('fs.inotify.max_user_watches=524288') });
    expect(f.fixes[0]).toMatchObject({ text: expect.stringContaining('/etc/sysctl.d/') });
  });

  it('walks the workspace when the max is low, and offers to exclude its node_modules', async () => {
    const ws = mkdtempSync(path.join(os.tmpdir(), 'ws-inotify-'));
    try {
      for (let i = 0; i < 30; i++) mkdirSync(path.join(ws, 'node_modules', `p${i}`, 'lib'), { recursive: true });
      mkdirSync(path.join(ws, 'cmd', 'tool'), { recursive: true });
      const out = await runInotify(ctxFor(fixtureHost('inotify-exhausted', 11959, 65534), [ws]));
      expect(out.observed).toMatchObject({ workspaces: [{ path: ws, dirs: 64, truncated: false, excludable: { node_modules: 61 } }] });
      const fix = parsed(out.findings)[0]!.fixes.find((f) => f.id === 'inotify-watcher-exclude');
      expect(fix).toMatchObject({ kind: 'setting', key: 'files.watcherExclude', value: { '**/node_modules/**': true } });
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });

  it('does not walk a workspace when plenty of watches are free', async () => {
    const out = await runInotify(ctxFor(fixtureHost('cgroup-hybrid-vm', 30684, 0), ['/nonexistent-workspace']));
    expect(out.observed).toMatchObject({ maxUserWatches: 192536, watchesInUse: 0, workspaces: 'not walked: 192536 of 192536 watches free' });
    expect(out.findings).toEqual([]);
  });

  it('counts only the processes of the uid it diagnoses', async () => {
    const out = await runInotify(ctxFor(fixtureHost('inotify-exhausted', 11960, 0)));
    expect(out.observed).toMatchObject({ watchesInUse: 1, instancesInUse: 1, topHolders: [{ pid: 11960, watches: 1 }] });
    expect(out.findings).toEqual([]);
  });

  it('skips a host without inotify sysctls', async () => {
    const out = await runInotify(ctxFor(fixtureHost('cgroup-v2-container', 30684, 0)));
    expect(out.status).toBe('skipped');
  });
});

const usage = (watches: number, instances: number): InotifyUsage => ({
  watches,
  instances,
  holders: [{ pid: 42, name: 'code', watches, instances, fdinfo: '/proc/42/fdinfo/31' }],
  processesScanned: 10,
  fdsLooked: 100,
});

describe('inotifyFindings', () => {
  const rows: Array<{ name: string; in: Parameters<typeof inotifyFindings>[0]; want: Array<[string, RegExp]> }> = [
    { name: 'healthy', in: { maxWatches: 524288, maxInstances: 128, usage: usage(2000, 4), uid: 1000, workspaces: [] }, want: [] },
    { name: '80% of watches: warning', in: { maxWatches: 10000, maxInstances: 128, usage: usage(8000, 4), uid: 1000, workspaces: [] }, want: [['warning', /8000 of 10000 inotify watches \(80%\)/]] },
    { name: '74% of watches: nothing', in: { maxWatches: 10000, maxInstances: 128, usage: usage(7400, 4), uid: 1000, workspaces: [] }, want: [] },
    // Latent: nothing is near its share now, but an editor window would not fit (other limits, other uses).
    { name: 'max_user_instances 4, 0 in use: warning', in: { maxWatches: 524288, maxInstances: 4, usage: usage(0, 0), uid: 1000, workspaces: [] }, want: [['warning', /max_user_instances is 4 .* only 4 free/]] },
    { name: 'max_user_instances 16, 2 in use: nothing', in: { maxWatches: 524288, maxInstances: 16, usage: usage(10, 2), uid: 1000, workspaces: [] }, want: [] },
    { name: 'max_user_instances 10, 5 in use: warning', in: { maxWatches: 524288, maxInstances: 10, usage: usage(10, 5), uid: 1000, workspaces: [] }, want: [['warning', /only 5 free/]] },
    { name: 'max_queued_events 16: warning', in: { maxWatches: 524288, maxInstances: 128, maxQueuedEvents: 16, usage: usage(10, 2), uid: 1000, workspaces: [] }, want: [['warning', /max_queued_events is 16 .* overflows a watcher's queue/]] },
    { name: "max_queued_events at the kernel's default: nothing", in: { maxWatches: 524288, maxInstances: 128, maxQueuedEvents: 16384, usage: usage(10, 2), uid: 1000, workspaces: [] }, want: [] },
    { name: 'instances at 125 of 128: error', in: { maxWatches: 524288, maxInstances: 128, usage: usage(100, 125), uid: 1000, workspaces: [] }, want: [['error', /125 of 128 inotify instances/]] },
    {
      name: 'low max and a large workspace: warning',
      in: { maxWatches: 8192, maxInstances: 128, usage: usage(100, 1), uid: 1000, workspaces: [{ root: '/src/big', dirs: 30000, truncated: false, excludable: {} }] },
      want: [['warning', /up to 30000 more watches .* only 8092 of 8192 are free/]],
    },
    // A tester's: "only 65535, and the workspace has 12125 folders" warned though they fit five times over.
    { name: 'a limit under 65536 that the workspace fits in with room: nothing', in: { maxWatches: 65535, maxInstances: 128, usage: usage(0, 0), uid: 1000, workspaces: [{ root: '/src/vend', dirs: 12125, truncated: false, excludable: {} }] }, want: [] },
    {
      name: 'fits, but leaves less than a quarter free: warning',
      in: { maxWatches: 100000, maxInstances: 128, usage: usage(60000, 1), uid: 1000, workspaces: [{ root: '/src/big', dirs: 20000, truncated: false, excludable: {} }] },
      want: [['warning', /up to 20000 more watches .* 80000 of 100000 \(80%\), leaving 20000/]],
    },
    // The editor's own watcher already watches the workspace: its folders are in use, not asked for again.
    {
      name: 'a workspace an instance already watches (the editor): nothing',
      in: { maxWatches: 10000, maxInstances: 128, usage: usage(5001, 2), uid: 1000, workspaces: [{ root: '/src/t5k', dirs: 5001, truncated: false, excludable: {} }], watchedRoots: [{ root: '/src/t5k', pid: 42, name: 'code', watches: 5001 }] },
      want: [],
    },
    {
      name: 'the same watches held by a process watching something else: warning',
      in: { maxWatches: 10000, maxInstances: 128, usage: usage(5001, 2), uid: 1000, workspaces: [{ root: '/src/t5k', dirs: 5001, truncated: false, excludable: {} }], watchedRoots: [] },
      want: [['warning', /up to 5001 more watches .* only 4999 of 10000 are free/]],
    },
    {
      name: 'half of it watched: only the rest is asked for',
      in: { maxWatches: 10000, maxInstances: 128, usage: usage(6000, 2), uid: 1000, workspaces: [{ root: '/src/t5k', dirs: 5001, truncated: false, excludable: {} }], watchedRoots: [{ root: '/src/t5k', pid: 42, name: 'code', watches: 3000 }] },
      want: [['warning', /up to 2001 more watches \(one per folder\) \(of its 5001 folders, about 3000 are already watched by code \(pid 42\)\): with the 6000 in use that is 8001 of 10000/]],
    },
    {
      name: 'a high max but not enough left for the workspace: warning',
      in: { maxWatches: 100000, maxInstances: 128, usage: usage(60000, 1), uid: 1000, workspaces: [{ root: '/src/big', dirs: 50000, truncated: false, excludable: {} }] },
      want: [['warning', /up to 50000 more watches .* only 40000 of 100000 are free/]],
    },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const got = inotifyFindings(r.in).map((f) => FindingSchema.parse(f));
      expect(got.map((f) => f.severity)).toEqual(r.want.map(([s]) => s));
      r.want.forEach(([, re], i) => expect(got[i]!.message).toMatch(re));
      for (const f of got) expect(f.evidence.length).toBeGreaterThan(0);
    });
  }

  it('offers files.watcherExclude for a heavy node_modules, merged into the workspace setting', () => {
    const [f] = inotifyFindings({ maxWatches: 8192, maxInstances: 128, usage: usage(100, 1), uid: 1000, workspaces: [{ root: '/w', dirs: 20000, truncated: false, excludable: { node_modules: 15000, '.venv': 3 } }] });
    const fix = f!.fixes!.find((x) => x.id === 'inotify-watcher-exclude');
    expect(fix).toMatchObject({ kind: 'setting', key: 'files.watcherExclude', merge: true, target: 'workspace', value: { '**/node_modules/**': true } });
  });

  // A tester was sent to VS Code's page on watches (ENOSPC, "this large workspace") to raise max_user_instances.
  it.each([
    ['a low max_user_instances', usage(0, 0), 4],
    ['instances nearly all held', usage(100, 125), 128],
  ])('the instance fix for %s links the documentation of instances, not of watches', (_name, u, maxInstances) => {
    const [f] = inotifyFindings({ maxWatches: 524288, maxInstances, usage: u, uid: 1000, workspaces: [] });
    expect(f!.fixes!.map((x) => x.id)).toEqual(['inotify-raise-instances', 'inotify-instances-docs']);
    const link = f!.fixes!.find((x) => x.kind === 'link') as { url: string; title: string };
    expect(link.url).toBe('https://man7.org/linux/man-pages/man7/inotify.7.html');
    expect(link.title).toMatch(/max_user_instances/);
  });

  it('instance findings are titled by instances, not by watches, in the ranked cause', () => {
    const f = inotifyFindings({ maxWatches: 524288, maxInstances: 4, usage: usage(0, 0), uid: 1000, workspaces: [] }).map((x) => FindingSchema.parse(x));
    const [cause] = rankCauses(f);
    expect(cause!.title).toMatch(/inotify instances/);
    expect(cause!.title).not.toMatch(/watches/);
    const watches = inotifyFindings({ maxWatches: 10000, maxInstances: 128, usage: usage(8000, 4), uid: 1000, workspaces: [] }).map((x) => FindingSchema.parse(x));
    expect(rankCauses(watches)[0]!.title).toMatch(/watches/);
  });

  it('raises to a value above what is needed', () => {
    const [f] = inotifyFindings({ maxWatches: 800000, maxInstances: 128, usage: usage(790000, 1), uid: 1000, workspaces: [] });
    expect(f!.fixes![0]).toMatchObject({ id: 'inotify-raise-watches', text: expect.stringContaining('max_user_watches=2097152') });
  });
});

describe('countWorkspaceDirs', () => {
  it('counts every folder once, attributes excludable subtrees, and stops at the cap', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'ws-dirs-'));
    try {
      for (const d of ['a/b/c', 'a/d', 'node_modules/x/y', 'node_modules/z', 'pkg/node_modules/q']) mkdirSync(path.join(root, d), { recursive: true });
      const got = await countWorkspaceDirs(root, performance.now() + 10_000);
      // root, a, a/b, a/b/c, a/d, node_modules (+x, x/y, z), pkg, pkg/node_modules (+q)
      expect(got).toMatchObject({ dirs: 12, truncated: false, excludable: { node_modules: 6 } });
      const capped = await countWorkspaceDirs(root, performance.now() + 10_000, 5);
      expect(capped).toMatchObject({ dirs: 5, truncated: true });
      expect(await countWorkspaceDirs(path.join(root, 'missing'), performance.now() + 10_000)).toMatchObject({ dirs: 0 });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

// A real inotify instance held by python3 through ctypes: one instance with a watch on each of
// `dirs`, then (as a program without O_CLOEXEC does) a forked child that inherits it and a dup()
// in the parent. The kernel charges its watches once.
const HOLDER = String.raw`
import ctypes, os, sys, time
libc = ctypes.CDLL(None, use_errno=True)
fd = libc.inotify_init1(0)
for d in sys.argv[1:]:
    assert libc.inotify_add_watch(fd, d.encode(), 0x302) >= 0
child = os.fork()
if child == 0:
    time.sleep(60); os._exit(0)
os.dup(fd)
print(child, flush=True)
try:
    time.sleep(60)
finally:
    os.kill(child, 9)
`;

describe('countInotify on real instances', () => {
  it('charges an instance a child inherited and a dup once, and sees which workspace root it watches', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'ws-held-'));
    const dirs = [root, ...Array.from({ length: 40 }, (_, i) => path.join(root, `d${i}`))];
    for (const d of dirs.slice(1)) mkdirSync(d);
    const other = mkdtempSync(path.join(os.tmpdir(), 'ws-other-'));
    const p = spawn('python3', ['-c', HOLDER, ...dirs], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const [line] = (await once(p.stdout!, 'data')) as [Buffer];
      const child = Number(line.toString().trim());
      const table = await scanProcesses(liveHost());
      const mine = table.processes.filter((x) => x.pid === p.pid || x.pid === child);
      expect(mine).toHaveLength(2);
      const usage = await countInotify(liveHost(), mine, await rootInodes([root, other]));
      // Three fds (the parent's two, the child's one) name one instance of 41 watches.
      expect(usage).toMatchObject({ watches: dirs.length, instances: 1, sharedFds: 2 });
      expect(usage.watchedRoots).toEqual([{ root, pid: p.pid, name: expect.any(String), watches: dirs.length }]);
    } finally {
      p.kill('SIGTERM');
      rmSync(root, { recursive: true, force: true });
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('files.watcherExclude', () => {
  const user = { source: '/home/u/.config/Code/User/settings.json', values: { 'files.watcherExclude': { '**/node_modules/**': true } } };
  const a = { source: '/src/a/.vscode/settings.json', values: { 'files.watcherExclude': { '**/vendor/**': true, '**/.git/objects/**': false } } };
  const b = { source: '/src/b/.vscode/settings.json', values: { 'files.watcherExclude': { '**/build/**': true } } };
  it("merges VS Code's default, the user's and the folder's own, key by key; another folder's do not apply", () => {
    expect(watcherExcludePatterns([user, a, b], '/src/a', ['/src/a', '/src/b']).sort()).toEqual(['**/.git/subtree-cache/**', '**/.hg/store/**', '**/node_modules/**', '**/vendor/**']);
    expect(watcherExcludePatterns([user, a, b], '/src/b', ['/src/a', '/src/b']).sort()).toEqual(['**/.git/objects/**', '**/.git/subtree-cache/**', '**/.hg/store/**', '**/build/**', '**/node_modules/**']);
    expect(watcherExcludePatterns([], '/src/a')).toEqual(['**/.git/objects/**', '**/.git/subtree-cache/**', '**/.hg/store/**']);
    // Not an object: ignored, as VS Code ignores a setting of the wrong type.
    expect(watcherExcludePatterns([{ source: 'x', values: { 'files.watcherExclude': ['**/node_modules/**'] } }], '/src/a')).toHaveLength(3);
  });

  it('leaves excluded folders uncounted, relative and absolute patterns alike', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'ws-excl-'));
    try {
      for (const d of ['cmd/x', 'node_modules/p/lib', 'node_modules/q', '.git/objects/ab', '.git/refs', 'out/gen']) mkdirSync(path.join(root, d), { recursive: true });
      const all = await countWorkspaceDirs(root, performance.now() + 10_000);
      expect(all.dirs).toBe(13);
      const got = await countWorkspaceDirs(root, performance.now() + 10_000, 1000, ['**/node_modules/**', '**/.git/objects/**', path.join(root, 'out')]);
      // root, cmd, cmd/x, .git, .git/refs
      expect(got).toMatchObject({ dirs: 5, excluded: { dirs: 3, patterns: expect.arrayContaining(['**/node_modules/**', '**/.git/objects/**', path.join(root, 'out')]) } });
      expect(got.excludable).toEqual({});
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
