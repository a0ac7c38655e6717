// "gopls loads nothing for this workspace" (probes/goplsLoadsNothing.ts): an error-severity symptom
// when every package load failed, explained by the cause found beside it and ranked below it; a
// load that returned packages (one broken package among others, or a second folder that loads)
// adds nothing. The messages are gopls v0.23.0's, captured on the development VM.
import { describe, expect, it } from 'vitest';
import { rankCauses } from '../../../src/doctor/rank.js';
import { FindingSchema, type Finding, type FindingInput } from '../../../src/doctor/model.js';
import { sessionFindings } from '../../../src/probes/gopls.js';
import { withLoadsNothing } from '../../../src/probes/goplsLoadsNothing.js';
import type { GoplsSessionResult } from '../../../src/lsp/session.js';

const gopls = { source: 'go.alternateTools' as const, path: '/opt/gopls', exists: true, executable: true };
const failedLoad = (n: number, dir: string, said: string) => ({ via: 'window/logMessage', type: 1, message: `2026/12/06 06:55:13 go/packages.Load #${n}: err: exit status 1: stderr: ${said}\n\n\tview_id="1"\n\tsnapshot=0\n\tdirectory=${dir}\n\tquery=[${dir}/... builtin]\n\tpackages=0\n\tduration=10ms\n` });
const session = (over: Partial<GoplsSessionResult>): GoplsSessionResult => ({
  ok: true,
  commandLine: '/opt/gopls',
  openedFileDiagnosed: true,
  openedFile: '/w/app/main.go',
  diagnostics: [],
  messages: [],
  viewErrors: [],
  views: [{ id: 1, directory: '/w/app', viewType: 'GoMod' }],
  stderrTail: '',
  durationMs: 10,
  ...over,
});
const asFindings = (fs: FindingInput[]): Finding[] => fs.map((f) => ({ ...f, probeId: f.classId === 'module-resolution' ? 'gopls' : 'go-env' }) as Finding);

describe('gopls loads nothing for the workspace', () => {
  // Several faults, several counts of failed loads: the words and the number vary, the judgment does not.
  const faults: Array<{ name: string; said: string; loads: number; diag: string }> = [
    { name: 'GOROOT names an empty folder', said: 'package unsafe is not in std (/tmp/e/src/unsafe)', loads: 2, diag: 'could not import unsafe (package unsafe is not in std (/tmp/e/src/unsafe))' },
    { name: 'GOFLAGS=-mod=vendor without vendor/', said: 'go: inconsistent vendoring in /w/app:\n\tgolang.org/x/mod@v0.20.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt', loads: 3, diag: 'initialization failed: packages.Load error: err: exit status 1: stderr: go: inconsistent vendoring in /w/app' },
    { name: 'a go line newer than the toolchain, GOTOOLCHAIN=local', said: 'go: go.mod requires go >= 1.99 (running go 1.26.8; GOTOOLCHAIN=local)', loads: 1, diag: 'initialization failed: packages.Load error: err: exit status 1: stderr: go: go.mod requires go >= 1.99 (running go 1.26.8; GOTOOLCHAIN=local)' },
    { name: 'a go.work that uses a missing folder', said: 'go: cannot load module gone listed in go.work file: open gone/go.mod: no such file or directory', loads: 5, diag: 'initialization failed: packages.Load error: err: exit status 1: stderr: go: cannot load module gone listed in go.work file: open gone/go.mod: no such file or directory' },
  ];
  for (const f of faults) {
    it(`${f.name}: one error symptom for the whole workspace, with gopls's own record`, () => {
      const s = session({
        messages: Array.from({ length: f.loads }, (_, i) => failedLoad(i + 1, '/w/app', f.said)),
        loads: { empty: f.loads, loaded: 0 },
        diagnostics: [{ uri: 'file:///w/app/main.go', items: [{ severity: 1, message: f.diag }] }],
      });
      const out = sessionFindings({ gopls, session: s, uid: 0, alternatives: [] });
      for (const x of out) expect(FindingSchema.safeParse(x).success).toBe(true);
      const nothing = out.filter((x) => /loads no package/.test(x.message));
      expect(nothing).toHaveLength(1);
      expect(nothing[0]).toMatchObject({ classId: 'module-resolution', severity: 'error', role: 'symptom', symptom: 'load-failed' });
      expect(nothing[0]!.message).toContain('/w/app');
      expect(nothing[0]!.message).toContain(f.loads === 1 ? 'the one package load' : `all ${f.loads} package loads`);
      expect(nothing[0]!.evidence[0]!.excerpt).toContain('go/packages.Load #1: err:');
      // The per-file "could not load" symptom is the same news: folded in, not said twice.
      expect(out.filter((x) => x.role === 'symptom' && x.symptom === 'load-failed' && x.classId === 'module-resolution')).toHaveLength(1);
    });
  }

  it('ranks below the cause that explains it, in another class (an empty GOROOT) and in its own (a vendoring flag)', () => {
    const s = session({ messages: [failedLoad(1, '/w/app', 'package unsafe is not in std (/tmp/e/src/unsafe)')], loads: { empty: 2, loaded: 0 } });
    const goroot: FindingInput = { classId: 'env-inheritance', severity: 'error', confidence: 0.9, headline: 'go-environment', explains: ['module-resolution', 'gopls-launch'], message: 'GOROOT (/tmp/e) is not a Go installation', evidence: [{ source: 'go env GOROOT', excerpt: '/tmp/e' }], fixes: [] };
    const ranked = rankCauses(asFindings([goroot, ...sessionFindings({ gopls, session: s, uid: 0, alternatives: [] })]));
    expect(ranked.map((c) => c.id)).toEqual(['env-inheritance', 'module-resolution']);
    expect(ranked[1]!.findings[0]!.explainedBy).toEqual(['env-inheritance']);
    const vendor: FindingInput = { classId: 'module-resolution', severity: 'error', confidence: 0.9, message: 'GOFLAGS=-mod=vendor and no vendor/', evidence: [{ source: 'environment', excerpt: 'GOFLAGS=-mod=vendor' }], fixes: [] };
    const own = rankCauses(asFindings([vendor, ...sessionFindings({ gopls, session: s, uid: 0, alternatives: [] })]));
    expect(own).toHaveLength(1);
    // The cause first, the symptom it explains after it.
    expect(own[0]!.findings.map((f) => f.role ?? 'cause')).toEqual(['cause', 'symptom']);
  });

  it('some packages fail, others load: nothing added, the partial failure keeps its own severity', () => {
    // One folder's go.work is broken, a second folder loads (packages=3); or one load failed and a later one worked.
    for (const loads of [{ empty: 2, loaded: 1 }, { empty: 1, loaded: 4 }, { empty: 0, loaded: 2 }]) {
      const s = session({ messages: [failedLoad(1, '/w/broken', 'go: cannot load module gone listed in go.work file: open gone/go.mod: no such file or directory')], loads });
      const out = sessionFindings({ gopls, session: s, uid: 0, alternatives: [] });
      expect(out.some((x) => /loads no package/.test(x.message))).toBe(false);
    }
    // A broken import in one package of several: gopls v0.23.0's diagnostic, the load returned 4 packages.
    const partial = session({ loads: { empty: 0, loaded: 1 }, diagnostics: [{ uri: 'file:///w/app/b/b.go', items: [{ severity: 1, message: 'could not import example.com/nothere/x (no required module provides package "example.com/nothere/x")' }] }] });
    expect(sessionFindings({ gopls, session: partial, uid: 0, alternatives: [] }).some((x) => /loads no package/.test(x.message))).toBe(false);
  });

  it('says nothing when no load was seen, or when the user\'s go switches to a toolchain the doctor\'s gopls did not', () => {
    expect(withLoadsNothing(session({}), [], false)).toEqual([]);
    expect(withLoadsNothing(session({ loads: { empty: 0, loaded: 0 } }), [], false)).toEqual([]);
    expect(withLoadsNothing(session({ loads: { empty: 3, loaded: 0 } }), [], true)).toEqual([]);
    expect(withLoadsNothing(session({ loads: { empty: 3, loaded: 0 } }), [], false)).toHaveLength(1);
  });

  it('names every view folder when there are several, and keeps a reading made under the user\'s gopls settings', () => {
    const s = session({ loads: { empty: 4, loaded: 0 }, views: [{ directory: '/w/a', viewType: 'GoMod' }, { directory: '/w/b', viewType: 'GoWork' }] });
    const settingsReading: FindingInput = { classId: 'module-resolution', severity: 'error', confidence: 0.8, role: 'symptom', symptom: 'load-failed', message: 'go refused -mod=vendor, as gopls ran go with your gopls settings (build.env GOFLAGS=-mod=vendor).', evidence: [{ source: 'gopls (packages.Load error)', excerpt: 'go: inconsistent vendoring' }], fixes: [] };
    const out = withLoadsNothing(s, [settingsReading], false);
    expect(out).toContain(settingsReading);
    expect(out.at(-1)!.message).toContain('any of /w/a, /w/b');
  });
});
