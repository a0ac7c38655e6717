import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Host } from '../../../src/host/host.js';
import { GoplsCrashWatcher, type GoplsDeath } from '../../../src/vscode/crashWatcher.js';
import { childrenOf, goplsChildrenOf, parseChildrenList, parseEnviron, parseProcStat, stillRunning } from '../../../src/vscode/goplsChildren.js';

// Real /proc files of this VM: node 30335 spawned the editor-like gopls 30361, a probe's gopls
// 30367 (GO_ENV_DOCTOR_PROBE=1 in its environment) and sleep 30375 (see its README).
const FIXTURE = 'test/fixtures/hosts/exthost-gopls-child';
const PARENT = 30335;
const GOPLS = 30361;
const PROBE_GOPLS = 30367;
const STARTTIME = Number(readFileSync(path.join(FIXTURE, 'proc', String(GOPLS), 'stat'), 'utf8').split(') ')[1]!.split(' ')[19]);

describe('parseProcStat', () => {
  it.each([
    ['the fixture gopls', '24868 (gopls) S 24861 24856 7444 0 -1 4194304 2577 0 2 0 6 2 0 0 20 0 6 0 252126 1290407936 5432 18446744073709551615', { pid: 24868, comm: 'gopls', state: 'S', ppid: 24861, starttime: 252126 }],
    ['a comm with spaces and parentheses', '77 (a) b (c)) Z 1 77 77 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 999 0 0', { pid: 77, comm: 'a) b (c)', state: 'Z', ppid: 1, starttime: 999 }],
  ])('%s', (_, text, want) => {
    expect(parseProcStat(text)).toEqual(want);
  });

  it.each([[''], ['garbage'], ['12 (x']])('rejects %j', (t) => {
    expect(parseProcStat(t)).toBeUndefined();
  });
});

describe('parseChildrenList (proc(5): "A space-separated list of child tasks of this task")', () => {
  it.each([
    ['1234 5678 ', [1234, 5678]],
    ['', []],
    ['42\n', [42]],
  ])('%j', (t, want) => {
    expect(parseChildrenList(t)).toEqual(want);
  });
});

describe('finding gopls children on a real /proc copy', () => {
  const host = new Host({ root: FIXTURE, pid: PARENT });

  it('scans /proc/*/stat when the kernel has no task children files', async () => {
    expect((await childrenOf(host, PARENT)).via).toBe('scan');
    expect((await childrenOf(host, PARENT)).pids.sort()).toEqual([30361, 30367, 30375]);
  });

  it("picks the editor's gopls: not its sibling, not the gopls a probe started", async () => {
    expect(await goplsChildrenOf(host, PARENT)).toEqual([{ pid: GOPLS, starttime: STARTTIME }]);
    expect(await goplsChildrenOf(host, 1)).toEqual([]);
  });

  it('reads the probe marker from /proc/<pid>/environ', async () => {
    expect(parseEnviron((await host.readText(`/proc/${PROBE_GOPLS}/environ`))!)).toEqual({ PATH: '/usr/local/go/bin:/usr/bin:/bin', HOME: '/root', GO_ENV_DOCTOR_PROBE: '1' });
    expect(parseEnviron('A=1\0B=x=y\0\0')).toEqual({ A: '1', B: 'x=y' });
  });

  it('knows a live process from a vanished or reused pid', async () => {
    expect(await stillRunning(host, { pid: GOPLS, starttime: STARTTIME })).toBe(true);
    expect(await stillRunning(host, { pid: GOPLS, starttime: 1 })).toBe(false);
    expect(await stillRunning(host, { pid: 999999, starttime: STARTTIME })).toBe(false);
  });
});

describe('GoplsCrashWatcher', () => {
  let tmp: string | undefined;
  afterEach(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    tmp = undefined;
  });

  function copyFixture(): string {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'ged-proc-'));
    cpSync(FIXTURE, tmp, { recursive: true, verbatimSymlinks: true });
    return tmp;
  }

  it('reports the death of a watched gopls once, with what it knew', async () => {
    const root = copyFixture();
    const deaths: GoplsDeath[] = [];
    const w = new GoplsCrashWatcher(() => new Host({ root, pid: PARENT }), PARENT, (d) => deaths.push(d));
    await w.tick();
    w.stop();
    expect(w.watched()).toEqual([]);
    // stop() forgets; tick again to watch, then the process disappears from /proc.
    await w.tick();
    expect(w.watched()).toEqual([GOPLS]);
    await w.tick();
    expect(deaths).toEqual([]);
    rmSync(path.join(root, 'proc', String(GOPLS)), { recursive: true });
    await w.tick();
    expect(deaths).toHaveLength(1);
    expect(deaths[0]).toMatchObject({ pid: GOPLS, recentDeaths: 1 });
    await w.tick();
    expect(deaths).toHaveLength(1);
    expect(w.watched()).toEqual([]);
  });

  it('does not call a restart it was told about a crash', async () => {
    const root = copyFixture();
    const deaths: GoplsDeath[] = [];
    const w = new GoplsCrashWatcher(new Host({ root, pid: PARENT }), PARENT, (d) => deaths.push(d));
    await w.tick();
    w.expectRestart();
    rmSync(path.join(root, 'proc', String(GOPLS)), { recursive: true });
    await w.tick();
    w.stop();
    expect(deaths).toEqual([]);
  });

  it('excuses one exit per known restart: the restarted gopls dying in the same window is a crash', async () => {
    const root = copyFixture();
    const deaths: GoplsDeath[] = [];
    const w = new GoplsCrashWatcher(new Host({ root, pid: PARENT }), PARENT, (d) => deaths.push(d));
    await w.tick();
    w.expectRestart(60_000);
    // The restart: the old gopls goes, a new one (same /proc shape, new pid) takes its place.
    const NEW = 31000;
    cpSync(path.join(root, 'proc', String(GOPLS)), path.join(root, 'proc', String(NEW)), { recursive: true });
    const stat = path.join(root, 'proc', String(NEW), 'stat');
    writeFileSync(stat, readFileSync(stat, 'utf8').replace(`${GOPLS} (`, `${NEW} (`));
    for (const t of readdirSync(path.join(root, 'proc', String(PARENT), 'task'))) {
      const children = path.join(root, 'proc', String(PARENT), 'task', t, 'children');
      if (existsSync(children)) writeFileSync(children, readFileSync(children, 'utf8').replace(String(GOPLS), String(NEW)));
    }
    rmSync(path.join(root, 'proc', String(GOPLS)), { recursive: true });
    await w.tick();
    expect(deaths).toEqual([]);
    expect(w.watched()).toContain(NEW);
    // …and the new one crashes seconds later, still inside the window.
    rmSync(path.join(root, 'proc', String(NEW)), { recursive: true });
    await w.tick();
    w.stop();
    expect(deaths.map((d) => d.pid)).toEqual([NEW]);
  });

  it('looks at once when started: a gopls already running is watched before any 2 s period passes', async () => {
    vi.useFakeTimers();
    try {
      const seen: number[] = [];
      const w = new GoplsCrashWatcher(new Host({ root: FIXTURE, pid: PARENT }), PARENT, () => undefined, () => undefined, (c) => seen.push(c.pid));
      w.start();
      // The first look is due now; nothing of the 2 s period has passed.
      await vi.advanceTimersByTimeAsync(0);
      await vi.waitFor(() => expect(w.watched()).toEqual([GOPLS]));
      w.stop();
      expect(seen).toEqual([GOPLS]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('costs nothing until started: no host is created, no timer runs', () => {
    let made = 0;
    const w = new GoplsCrashWatcher(() => (made++, new Host({ root: FIXTURE, pid: PARENT })), PARENT, () => undefined);
    expect(w.active).toBe(false);
    expect(made).toBe(0);
    w.start();
    expect(w.active).toBe(true);
    expect(made).toBe(0);
    w.stop();
    expect(w.active).toBe(false);
  });
});
