// A gopls log whose every go/packages.Load returned packages=0 says gopls loaded nothing for the
// workspace: its load-failed symptoms are errors (probes/logLoadsNothing.ts). One load that
// returned packages (a second folder, a later load after a fix) keeps them warnings. The records
// are gopls v0.23.0's (captured on the development VM), in the shapes a trace and the editor's
// "gopls (server)" channel give them.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { findingsOf } from '../../../src/probes/goplsLogs.js';

const loadSymptoms = (text: string) => findingsOf('/logs/gopls.log', analyzeText(text)).filter((f) => f.classId === 'module-resolution' && f.role === 'symptom' && f.symptom === 'load-failed');

/** The editor's channel: gopls's logMessage text as it is, one record over several lines. */
const channelLoad = (n: number, dir: string, said: string, packages: number) =>
  (packages ? `[Info  - 6:54:36 AM] 2026/12/06 06:54:36 go/packages.Load #${n}\n` : `[Error - 6:55:13 AM] 2026/12/06 06:55:13 go/packages.Load #${n}: err: exit status 1: stderr: ${said}\n\n`) +
  `\tview_id="1"\n\tsnapshot=${n - 1}\n\tdirectory=${dir}\n\tquery=[${dir}/... builtin]\n\tpackages=${packages}\n\tduration=10.2ms\n\n`;
const channelFailed = (dir: string, said: string) => `[Error - 6:55:14 AM] 2026/12/06 06:55:14 initial workspace load failed: packages.Load error: err: exit status 1: stderr: ${said}\n\n\tview_id="1"\n\tsnapshot=0\n\tdirectory=${dir}\n\n`;

describe('a gopls log in which gopls loaded nothing', () => {
  it('a real trace (a go.work using a missing folder): every load packages=0, the load-failed symptoms are errors, said once', () => {
    const text = readFileSync(path.resolve('test/fixtures/logs/trace-workmiss.rpc.log'), 'utf8');
    expect(analyzeText(text).packageLoads).toEqual({ empty: 2, loaded: 0 });
    const found = loadSymptoms(text);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.severity === 'error')).toBe(true);
    expect(found.filter((f) => /gopls loaded nothing/.test(f.message))).toHaveLength(1);
  });

  const faults = [
    { name: 'vendoring', dir: '/home/ann/app', said: 'go: inconsistent vendoring in /home/ann/app:' },
    { name: 'a go line newer than the toolchain', dir: '/srv/x', said: 'go: go.mod requires go >= 1.99 (running go 1.26.8; GOTOOLCHAIN=local)' },
    { name: 'an empty GOROOT', dir: '/w', said: 'package unsafe is not in std (/tmp/e/src/unsafe)' },
  ];
  for (const f of faults) {
    for (const loads of [1, 3]) {
      it(`the editor's channel, ${f.name}, ${loads} failed load(s)`, () => {
        const text = Array.from({ length: loads }, (_, i) => channelLoad(i + 1, f.dir, f.said, 0)).join('') + channelFailed(f.dir, f.said);
        expect(analyzeText(text).packageLoads).toEqual({ empty: loads, loaded: 0 });
        const found = loadSymptoms(text);
        expect(found.length).toBeGreaterThan(0);
        expect(found.every((x) => x.severity === 'error')).toBe(true);
        expect(found[0]!.message).toContain(loads === 1 ? 'its one load says packages=0' : `all ${loads} loads say packages=0`);
      });
    }
    it(`${f.name}, but another load returned packages: the symptoms stay warnings`, () => {
      const text = channelLoad(1, f.dir, f.said, 0) + channelFailed(f.dir, f.said) + channelLoad(2, '/w/other', '', 7);
      expect(analyzeText(text).packageLoads).toEqual({ empty: 1, loaded: 1 });
      const found = loadSymptoms(text);
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((x) => x.severity === 'warning')).toBe(true);
      expect(found.some((x) => /loaded nothing/.test(x.message))).toBe(false);
    });
  }

  it('a pasted line with no load record cannot tell a dead workspace from a partial failure: a warning, as before', () => {
    const found = loadSymptoms(channelFailed('/w', 'go: inconsistent vendoring in /w:'));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((x) => x.severity === 'warning')).toBe(true);
  });
});
