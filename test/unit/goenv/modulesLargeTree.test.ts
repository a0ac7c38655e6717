// The modules probe on trees larger than the walk it does before the verdict (WALK_FIRST_DIRS):
// what that first walk cannot see (a stray folder or a nested module below thousands of
// packages) must still be found, by the follow-up that walks the whole tree, and reach the report.
import { describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { modulesProbe, WALK_FIRST_DIRS } from '../../../src/probes/modules.js';
import { Host } from '../../../src/host/host.js';
import { runDoctor, type ProgressEvent } from '../../../src/engine/pipeline.js';
import type { ProbeOutcome } from '../../../src/probes/probe.js';
import { makeCtx, runProbe, tempDir, tree } from './ctx.js';

const MOD = (m: string) => `module ${m}\n\ngo 1.22\n`;

/** n sibling folders under root, each a package (or, with `modules`, a module of its own). */
function siblings(root: string, n: number, o: { modules?: boolean } = {}): string {
  for (let i = 0; i < n; i++) {
    const d = path.join(root, `p${i}`);
    mkdirSync(d, { recursive: true });
    writeFileSync(path.join(d, `p${i}.go`), `package p${i}\n`);
    if (o.modules) writeFileSync(path.join(d, 'go.mod'), MOD(`example.com/p${i}`));
  }
  return root;
}

async function firstAndFollowUp(ws: string): Promise<{ first: Awaited<ReturnType<typeof runProbe>>; late?: ProbeOutcome }> {
  const ctx = makeCtx({ workspaces: [ws] });
  const first = await runProbe(modulesProbe, ctx);
  return { first, late: await first.followUp?.outcome };
}

const messages = (o: ProbeOutcome | undefined) => (o?.findings ?? []).map((f) => f.message);

// Breadth first, every sibling at depth 1 is read before anything at depth 2: with more siblings
// than the first walk reads, a folder at depth 2 is out of its sight whatever the readdir order.
describe.each([WALK_FIRST_DIRS + 40, 2 * WALK_FIRST_DIRS + 7])('a tree of %i sibling folders', (n) => {
  it('modules side by side and a stray folder of .go files deeper: the stray folder is reported by the follow-up', async () => {
    const ws = siblings(tree(tempDir('stray'), { 'scripts/gen/gen.go': 'package main\n' }), n, { modules: true });
    const { first, late } = await firstAndFollowUp(ws);
    // Before the verdict: what the first folders show (several modules, no go.work), and that the walk stopped there.
    expect(messages(first).some((m) => /modules and no go.work/.test(m))).toBe(true);
    expect(messages(first).some((m) => /no go.mod at or above/.test(m))).toBe(false);
    expect(first.observed).toMatchObject({ folders: [{ walk: { truncated: 'dirs', dirs: WALK_FIRST_DIRS } }] });
    expect(first.followUp?.title).toBe('walk of the whole tree');
    // The follow-up saw it all.
    const stray = late?.findings?.find((f) => /no go.mod at or above/.test(f.message));
    expect(stray).toMatchObject({ classId: 'module-resolution', severity: 'warning' });
    expect(stray!.message).toContain(`outside the ${n} modules here`);
    expect(stray!.evidence[1]!.excerpt).toBe(path.join(ws, 'scripts/gen/gen.go'));
    expect(messages(late).some((m) => m.includes(`holds ${n} modules and no go.work`))).toBe(true);
    expect(late?.followUp).toBeUndefined();
  });

  it('one module with a go.work, and a nested module deeper that the go.work does not use: reported by the follow-up', async () => {
    const ws = siblings(tree(tempDir('nested'), { 'go.mod': MOD('example.com/big'), 'go.work': 'go 1.22\n\nuse .\n', 'plugins/extra/go.mod': MOD('example.com/extra'), 'plugins/extra/e.go': 'package extra\n' }), n);
    const { first, late } = await firstAndFollowUp(ws);
    expect(first.findings).toEqual([]);
    expect(late?.findings).toHaveLength(1);
    expect(late!.findings![0]!.message).toMatch(/does not use 1 module below it \(plugins\/extra\)/);
    expect(late?.observed).toMatchObject({ folders: [{ moduleCount: 2, walk: { truncated: null } }] });
  });

  it('one module and a nested module deeper, no go.work: the two-modules warning comes from the follow-up', async () => {
    const ws = siblings(tree(tempDir('two'), { 'go.mod': MOD('example.com/big'), 'third_party/lib/go.mod': MOD('example.com/lib') }), n);
    const { first, late } = await firstAndFollowUp(ws);
    expect(first.findings).toEqual([]);
    expect(messages(late)).toEqual([expect.stringContaining('holds 2 modules and no go.work')]);
  });
});

describe('a first walk the clock stopped (a loaded machine)', () => {
  it('gets the follow-up too, and the follow-up reports what the first walk did not reach', async () => {
    const ws = siblings(tree(tempDir('slow'), { 'scripts/gen/gen.go': 'package main\n' }), 40, { modules: true });
    // Each clock reading while the first walk runs is a second later than the last: it stops after a folder or two.
    const realNow = performance.now.bind(performance);
    let skew = 0;
    let slow = true;
    const spy = vi.spyOn(performance, 'now').mockImplementation(() => (slow ? (skew += 1000) : skew) + realNow());
    try {
      const ctx = makeCtx({ workspaces: [ws] });
      const first = await runProbe(modulesProbe, ctx);
      slow = false;
      expect(first.observed).toMatchObject({ folders: [{ walk: { truncated: 'time' } }] });
      expect(first.followUp?.title).toBe('walk of the whole tree');
      const late = await first.followUp!.outcome;
      expect(late.observed).toMatchObject({ folders: [{ walk: { truncated: null }, moduleCount: 40 }] });
      expect(messages(late).some((m) => /no go.mod at or above/.test(m))).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('a tree the first walk covers', () => {
  it('has no follow-up: its findings are in the first outcome', async () => {
    const ws = siblings(tree(tempDir('small'), { 'scripts/gen/gen.go': 'package main\n' }), Math.floor(WALK_FIRST_DIRS / 3), { modules: true });
    const { first } = await firstAndFollowUp(ws);
    expect(first.followUp).toBeUndefined();
    expect(messages(first).some((m) => /no go.mod at or above/.test(m))).toBe(true);
  });
});

describe('through the pipeline', () => {
  it('the verdict shows the whole-tree walk pending; the returned report holds the nested module it found', async () => {
    const ws = siblings(tree(tempDir('pipe'), { 'go.mod': MOD('example.com/big'), 'hack/tools/go.mod': MOD('example.com/tools') }), WALK_FIRST_DIRS + 100);
    const events: ProgressEvent[] = [];
    const report = await runDoctor({ host: new Host({ root: tempDir('host') }), probes: [modulesProbe], workspaces: [ws], onProgress: (e) => events.push(e) });
    const verdict = events.find((e) => e.type === 'verdict') as Extract<ProgressEvent, { type: 'verdict' }>;
    expect(verdict.report.probes[0]).toMatchObject({ status: 'ok', followUp: { title: 'walk of the whole tree', status: 'pending' } });
    expect(report.probes[0]).toMatchObject({ status: 'warn', followUp: { status: 'done' } });
    expect(report.causes[0]?.findings[0]?.message).toContain('holds 2 modules and no go.work');
  });
});
