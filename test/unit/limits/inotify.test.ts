import { describe, expect, it } from 'vitest';
import { rankCauses } from '../../../src/doctor/rank.js';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ctxFor, fixtureHost, parsed } from './ctx.js';
import { countWorkspaceDirs, inotifyFindings, runInotify, type InotifyUsage } from '../../../src/probes/inotify.js';
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
    { name: 'instances at 125 of 128: error', in: { maxWatches: 524288, maxInstances: 128, usage: usage(100, 125), uid: 1000, workspaces: [] }, want: [['error', /125 of 128 inotify instances/]] },
    {
      name: 'low max and a large workspace: warning',
      in: { maxWatches: 8192, maxInstances: 128, usage: usage(100, 1), uid: 1000, workspaces: [{ root: '/src/big', dirs: 30000, truncated: false, excludable: {} }] },
      want: [['warning', /only 8192, and the workspace \/src\/big has 30000 folders/]],
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
