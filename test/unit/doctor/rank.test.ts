import { describe, expect, it } from 'vitest';
import { rankCauses, scoreOf } from '../../../src/doctor/rank.js';
import { FindingSchema, type Finding, type FindingInput } from '../../../src/doctor/model.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { findingsOf } from '../../../src/probes/goplsLogs.js';
import { assessAccess, type DirFact } from '../../../src/probes/fileAccess.js';
import { flatpakAccessFindings } from '../../../src/probes/flatpakGrants.js';

const f = (x: Partial<FindingInput> & Pick<FindingInput, 'classId' | 'severity'>): Finding =>
  FindingSchema.parse({ confidence: 0.9, message: `${x.classId} ${x.severity}`, evidence: [{ source: 'test', excerpt: 'x' }], ...x });

describe('rankCauses', () => {
  const table: Array<{ name: string; in: Finding[]; want: string[] }> = [
    { name: 'no findings, no causes', in: [], want: [] },
    {
      name: 'an error outranks any number of warnings',
      in: [f({ classId: 'fs-access', severity: 'warning', confidence: 1 }), f({ classId: 'fs-access', severity: 'warning', confidence: 1 }), f({ classId: 'noexec-mount', severity: 'error', confidence: 0.3 })],
      want: ['noexec-mount', 'fs-access'],
    },
    {
      name: 'within a severity, higher confidence first',
      in: [f({ classId: 'file-watch', severity: 'error', confidence: 0.6 }), f({ classId: 'memory-limit', severity: 'error', confidence: 0.95 })],
      want: ['memory-limit', 'file-watch'],
    },
    {
      name: 'two indications of one class combine above one stronger single one',
      in: [f({ classId: 'process-limit', severity: 'error', confidence: 0.7 }), f({ classId: 'process-limit', severity: 'error', confidence: 0.7 }), f({ classId: 'fs-access', severity: 'error', confidence: 0.85 })],
      want: ['process-limit', 'fs-access'],
    },
    {
      name: 'equal scores fall back to taxonomy order, deterministically',
      in: [f({ classId: 'mac-policy', severity: 'warning' }), f({ classId: 'gopls-launch', severity: 'warning' })],
      want: ['gopls-launch', 'mac-policy'],
    },
    {
      name: 'a cause that explains another is lifted above it',
      in: [f({ classId: 'gopls-launch', severity: 'error', confidence: 0.99 }), f({ classId: 'env-inheritance', severity: 'error', confidence: 0.8, explains: ['gopls-launch'] })],
      want: ['env-inheritance', 'gopls-launch'],
    },
    {
      name: 'a warning that claims to explain an error is not lifted over it',
      in: [f({ classId: 'gopls-launch', severity: 'error' }), f({ classId: 'env-inheritance', severity: 'warning', explains: ['gopls-launch'] })],
      want: ['gopls-launch', 'env-inheritance'],
    },
  ];
  for (const t of table) {
    it(t.name, () => {
      expect(rankCauses(t.in).map((c) => c.id)).toEqual(t.want);
    });
  }

  it('gives each cause its worst severity, its findings worst-first and its fixes once', () => {
    const fix = { id: 'sysctl', title: 'raise', kind: 'terminal' as const, text: 'sysctl x=1', needsRoot: true };
    const [cause] = rankCauses([
      f({ classId: 'file-watch', severity: 'info', message: 'limit read', fixes: [fix] }),
      f({ classId: 'file-watch', severity: 'error', message: 'exhausted', fixes: [fix] }),
    ]);
    expect(cause).toMatchObject({ id: 'file-watch', severity: 'error' });
    expect(cause!.findings.map((x) => x.message)).toEqual(['exhausted', 'limit read']);
    expect(cause!.fixes).toHaveLength(1);
    expect(cause!.title.length).toBeGreaterThan(0);
  });

  it("offers one command once: a log rule's `go mod verify` without a folder gives way to a probe's that says where", () => {
    const rule = { id: 'go-clean-modcache-checksum', title: 'Check the module cache against go.sum', kind: 'terminal' as const, text: 'go mod verify', needsRoot: false };
    const probe = { id: 'go-mod-verify-mismatch', title: 'Check the cached copies', kind: 'terminal' as const, text: 'go mod verify', needsRoot: false, cwd: '/w/a' };
    const other = { ...probe, id: 'go-mod-verify-b', cwd: '/w/b' };
    const [cause] = rankCauses([
      f({ classId: 'module-resolution', severity: 'error', message: 'checksum mismatch (log)', fixes: [rule] }),
      f({ classId: 'module-resolution', severity: 'error', message: 'checksum mismatch in a', fixes: [probe] }),
      f({ classId: 'module-resolution', severity: 'warning', message: 'checksum mismatch in b', fixes: [other] }),
    ]);
    expect(cause!.fixes.map((x) => [x.id, (x as { cwd?: string }).cwd])).toEqual([
      ['go-mod-verify-mismatch', '/w/a'],
      ['go-mod-verify-b', '/w/b'],
    ]);
    // Alone, the rule's fix stays.
    expect(rankCauses([f({ classId: 'module-resolution', severity: 'error', message: 'x', fixes: [rule] })])[0]!.fixes).toHaveLength(1);
  });

  it('keeps scores inside 0..1 and inside the severity band', () => {
    expect(scoreOf([f({ classId: 'fs-access', severity: 'error', confidence: 1 })])).toBe(1);
    expect(scoreOf([f({ classId: 'fs-access', severity: 'warning', confidence: 1 })])).toBeLessThanOrEqual(0.6);
    expect(scoreOf([f({ classId: 'fs-access', severity: 'info', confidence: 1 })])).toBeLessThanOrEqual(0.3);
    expect(scoreOf([f({ classId: 'fs-access', severity: 'error', confidence: 0 })])).toBeGreaterThanOrEqual(0.6);
  });
});

describe('rankCauses: symptoms and causes', () => {
  const sym = (x: Partial<FindingInput> & Pick<FindingInput, 'classId' | 'severity' | 'symptom'>): Finding => f({ role: 'symptom', ...x });
  const killed = sym({ classId: 'gopls-launch', severity: 'error', symptom: 'killed', confidence: 0.9, message: 'gopls was killed by SIGKILL during start-up' });
  const closed = sym({ classId: 'gopls-launch', severity: 'warning', symptom: 'died', confidence: 0.6, message: 'Connection to server got closed' });
  const thread = sym({ classId: 'process-limit', severity: 'error', symptom: 'thread-create', confidence: 0.85, message: 'failed to create new OS thread' });
  const table: Array<{ name: string; in: Finding[]; want: string[] }> = [
    {
      name: 'a warning-level memory limit explains an error-level SIGKILL and ranks above it',
      in: [killed, f({ classId: 'memory-limit', severity: 'warning', confidence: 0.6, message: 'memory.max is 110 MiB' })],
      want: ['memory-limit', 'gopls-launch'],
    },
    {
      name: 'a SIGKILL is not pinned on a noexec mount, which cannot kill gopls',
      in: [killed, f({ classId: 'noexec-mount', severity: 'error', confidence: 0.8, message: 'the gopls directory is noexec', explains: ['gopls-launch'] })],
      want: ['gopls-launch', 'noexec-mount'],
    },
    {
      name: 'the client closing the connection comes after any cause that can kill gopls',
      in: [closed, f({ classId: 'process-limit', severity: 'warning', confidence: 0.3, message: 'pids.max 40 is below what go build -p 8 needs' }), f({ classId: 'file-watch', severity: 'warning', confidence: 0.9 })],
      want: ['file-watch', 'process-limit', 'gopls-launch'],
    },
    {
      // gopls v0.16+ stops at start when it cannot create its cache: that reading names the death.
      name: "gopls's cache it cannot create explains its error-level death; an unwritable module cache does not",
      in: [sym({ classId: 'gopls-launch', severity: 'error', symptom: 'died', confidence: 0.9, message: 'gopls exited with code 1 during start-up' }), f({ classId: 'fs-access', severity: 'error', confidence: 0.5, message: 'gopls cache /tmp/gopls is not writable', explains: ['gopls-launch'] })],
      want: ['fs-access', 'gopls-launch'],
    },
    {
      name: 'an fs-access cause that does not name gopls explains no death of it',
      in: [sym({ classId: 'gopls-launch', severity: 'error', symptom: 'died', confidence: 0.9, message: 'gopls exited with code 1 during start-up' }), f({ classId: 'fs-access', severity: 'error', confidence: 0.5, message: 'GOMODCACHE is not writable' })],
      want: ['gopls-launch', 'fs-access'],
    },
    {
      name: 'an info-level reading explains nothing: the symptom stays first',
      in: [killed, f({ classId: 'memory-limit', severity: 'info', confidence: 0.9, message: 'memory.max is max' })],
      want: ['gopls-launch', 'memory-limit'],
    },
    {
      name: 'a thread-creation failure is explained by a tight pids limit in its own class',
      in: [thread, f({ classId: 'process-limit', severity: 'warning', confidence: 0.55 }), f({ classId: 'fs-access', severity: 'error', confidence: 0.8 })],
      want: ['fs-access', 'process-limit'],
    },
    {
      name: 'a symptom class explained by two causes comes after both',
      in: [
        sym({ classId: 'module-resolution', severity: 'error', symptom: 'load-failed', confidence: 0.9 }),
        f({ classId: 'env-inheritance', severity: 'warning', confidence: 0.4 }),
        f({ classId: 'fs-access', severity: 'warning', confidence: 0.5 }),
      ],
      want: ['fs-access', 'env-inheritance', 'module-resolution'],
    },
    {
      name: 'a class with its own cause keeps its place, scored by that cause, not by its explained symptom',
      in: [killed, f({ classId: 'gopls-launch', severity: 'warning', confidence: 0.8, message: 'gopls built with an unsupported Go' }), f({ classId: 'memory-limit', severity: 'warning', confidence: 0.3 })],
      want: ['gopls-launch', 'memory-limit'],
    },
  ];
  for (const t of table) {
    it(t.name, () => {
      expect(rankCauses(t.in).map((c) => c.id)).toEqual(t.want);
    });
  }

  it('an explained symptom says what explains it, and its explainer gains from it', () => {
    const limit = f({ classId: 'memory-limit', severity: 'warning', confidence: 0.6, message: 'memory.max is 110 MiB' });
    const alone = rankCauses([limit])[0]!;
    const [mem, launch] = rankCauses([killed, limit]);
    expect(mem!.score).toBeGreaterThan(alone.score);
    expect(mem!.score).toBeLessThanOrEqual(0.6);
    expect(launch!.score).toBeLessThan(mem!.score);
    expect(launch!.findings[0]).toMatchObject({ role: 'symptom', explainedBy: ['memory-limit'] });
    expect(launch!.findings[0]!.unexplained).toBeUndefined();
  });

  it('an unexplained symptom carries the checks that would explain it and whether they ran', () => {
    const probes = [
      { id: 'cgroups', title: 'c', status: 'ok' as const, durationMs: 1, classes: [], observed: {}, findingCount: 0 },
      { id: 'after-run', title: 'a', status: 'skipped' as const, durationMs: 0, classes: [], observed: {}, findingCount: 0 },
    ];
    const [top] = rankCauses([killed], { probes });
    expect(top!.id).toBe('gopls-launch');
    const checks = top!.findings[0]!.unexplained!.checks;
    expect(checks).toEqual([
      expect.objectContaining({ probe: 'cgroups', result: 'found-nothing' }),
      expect.objectContaining({ probe: 'after-run', result: 'skipped' }),
      expect.objectContaining({ result: 'not-checkable', check: expect.stringMatching(/supervisor/) }),
    ]);
  });

  // "fatal error: runtime: out of memory" says what the program saw, not why: a linter's own
  // memory regression prints it as a small VM does. Only a limit or a shortage found explains it.
  describe('a program that ran out of memory', () => {
    const oom = sym({ classId: 'memory-limit', severity: 'warning', symptom: 'out-of-memory', confidence: 0.85, message: 'ran out of memory ("fatal error: runtime: out of memory")' });
    const probes = [
      { id: 'cgroups', title: 'c', status: 'ok' as const, durationMs: 1, classes: [], observed: {}, findingCount: 0 },
      { id: 'after-run', title: 'a', status: 'ok' as const, durationMs: 1, classes: [], observed: {}, findingCount: 0 },
    ];
    it('alone is a warning that names the cgroup, the machine, the rlimits, the kernel log and the program as what would explain it', () => {
      const [top] = rankCauses([oom], { probes });
      expect(top).toMatchObject({ id: 'memory-limit', severity: 'warning' });
      expect(top!.findings[0]!.unexplained!.checks.map((c) => c.check)).toEqual([
        expect.stringMatching(/memory cgroup/),
        expect.stringMatching(/MemAvailable/),
        expect.stringMatching(/RLIMIT_AS/),
        expect.stringMatching(/kernel log/),
        expect.stringMatching(/appetite/),
      ]);
    });
    it('is explained by a memory limit found in the run, which then leads as the cause', () => {
      const limit = f({ classId: 'memory-limit', severity: 'error', confidence: 0.8, message: 'memory.max 110 MiB is below what gopls needs' });
      const [top] = rankCauses([oom, limit, closed], { probes });
      expect(top).toMatchObject({ id: 'memory-limit', severity: 'error' });
      expect(top!.findings.map((x) => x.message)).toEqual([limit.message, oom.message]);
      expect(top!.findings[1]).toMatchObject({ explainedBy: ['memory-limit'] });
    });
    it('is not explained by a cause of another class, and an error of that class still leads', () => {
      const causes = rankCauses([oom, f({ classId: 'env-inheritance', severity: 'error', confidence: 0.8 })]);
      expect(causes.map((c) => [c.id, c.severity])).toEqual([['env-inheritance', 'error'], ['memory-limit', 'warning']]);
      expect(causes[1]!.findings[0]!.unexplained).toBeDefined();
    });
    it('comes before the bare connection-closed line it tells the way of', () => {
      expect(rankCauses([closed, oom]).map((c) => c.id)).toEqual(['memory-limit', 'gopls-launch']);
    });
  });

  it('re-ranking a ranked report gives the same answer (annotations are recomputed, not trusted)', () => {
    const first = rankCauses([killed, f({ classId: 'memory-limit', severity: 'warning', confidence: 0.6 })]);
    const again = rankCauses(first.flatMap((c) => c.findings));
    expect(again).toEqual(first);
    // Without the memory limit the same symptom is unexplained again.
    const without = rankCauses(first.flatMap((c) => c.findings).filter((x) => x.classId !== 'memory-limit'));
    expect(without[0]!.findings[0]!.explainedBy).toBeUndefined();
    expect(without[0]!.findings[0]!.unexplained).toBeDefined();
  });
});

// Issue 11, lane env2: a failure line that names a mechanism no rule knows (a hint, 0.25) and the
// client's bare connection-closed line (0.3) are both unexplained symptoms; the one that names
// what would explain the other comes first, and neither becomes a cause.
describe('rankCauses: a mechanism hint before the bare symptom it would explain', () => {
  const closed = f({ classId: 'gopls-launch', severity: 'warning', role: 'symptom', symptom: 'died', confidence: 0.3, message: 'Connection to server got closed' });
  const hint = (classId: FindingInput['classId'], symptom: FindingInput['symptom']): Finding =>
    f({ classId, severity: 'warning', role: 'symptom', symptom, headline: 'named-mechanism', confidence: 0.25, message: `a line names ${classId}'s mechanism` });

  it('a hint naming GOROOT leads the dead-server line, which stays unexplained with its checks', () => {
    const causes = rankCauses([closed, hint('env-inheritance', 'load-failed')]);
    expect(causes.map((c) => c.id)).toEqual(['env-inheritance', 'gopls-launch']);
    expect(causes[1]!.findings[0]!.unexplained).toBeDefined();
    expect(causes[1]!.findings[0]!.explainedBy).toBeUndefined();
    expect(causes.every((c) => c.severity === 'warning')).toBe(true);
  });

  it("gopls's bare death says nothing of the environment: a hint of any class comes first, and the death stays unexplained", () => {
    const causes = rankCauses([closed, hint('noexec-mount', 'exec-denied')]);
    expect(causes.map((c) => c.id)).toEqual(['noexec-mount', 'gopls-launch']);
    expect(causes[1]!.findings[0]!.unexplained).toBeDefined();
  });

  it('a hint of fs-access still leads the bare death (fs-access explains a death only when it names gopls)', () => {
    expect(rankCauses([closed, hint('fs-access', 'access-denied')]).map((c) => c.id)).toEqual(['fs-access', 'gopls-launch']);
  });

  it('a cause found explains the symptom instead: the symptom follows that cause, the hint moves nothing', () => {
    const cause = f({ classId: 'memory-limit', severity: 'warning', confidence: 0.5, message: 'memory.max 110 MiB' });
    expect(rankCauses([closed, hint('env-inheritance', 'load-failed'), cause]).map((c) => c.id)).toEqual(['memory-limit', 'gopls-launch', 'env-inheritance']);
  });

  it('a class with a cause of its own is not moved by a hint', () => {
    const own = f({ classId: 'gopls-launch', severity: 'warning', confidence: 0.5, message: 'gopls was built with an unsupported Go' });
    expect(rankCauses([own, hint('env-inheritance', 'load-failed')]).map((c) => c.id)).toEqual(['gopls-launch', 'env-inheritance']);
  });

  it('an error-level symptom is not moved below a warning-level hint', () => {
    const loop = f({ classId: 'gopls-launch', severity: 'error', role: 'symptom', symptom: 'died', confidence: 0.85, message: 'crashed 5 times in the last 3 minutes' });
    expect(rankCauses([loop, hint('env-inheritance', 'load-failed')]).map((c) => c.id)).toEqual(['gopls-launch', 'env-inheritance']);
  });

  it('on real lines: a GOROOT line no rule knows, then the client\'s connection-closed line', () => {
    const text = 'Error: failed to start: the GOROOT does not look right\n[Info  - 10:15:12 AM] Connection to server got closed. Server will restart.\n';
    const causes = rankCauses(findingsOf('/logs/1-gopls (server).log', analyzeText(text)).map((x) => FindingSchema.parse(x)));
    expect(causes[0]).toMatchObject({ id: 'env-inheritance', severity: 'warning', headlines: ['named-mechanism'] });
    expect(causes.find((c) => c.id === 'gopls-launch')!.findings.find((x) => x.symptom === 'died')!.unexplained).toBeDefined();
  });
});

// Issue 11, lane envmod: where go and gopls look for modules is decided by the environment as
// much as by the folder, so an environment cause that says it explains module resolution comes
// before what go or gopls saw ("no build": no views, cannot find package, not in a module nor
// GOPATH), whatever their severities; an unrelated environment finding does not.
describe('rankCauses: an environment cause before the module symptom it explains', () => {
  const noBuild = (x: Partial<FindingInput> = {}): Finding =>
    f({ classId: 'module-resolution', severity: 'error', role: 'symptom', symptom: 'no-build', confidence: 0.7, message: 'You are neither in a module nor in your GOPATH', ...x });
  const gopath = f({ classId: 'env-inheritance', severity: 'warning', confidence: 0.6, message: 'GOPATH set to GOROOT', explains: ['module-resolution'] });
  const preload = f({ classId: 'env-inheritance', severity: 'warning', confidence: 0.65, message: 'LD_PRELOAD library cannot be preloaded' });

  it('a warning that GOPATH is wrong leads an error that gopls found no module or GOPATH', () => {
    const ranked = rankCauses([noBuild(), gopath]);
    expect(ranked.map((c) => c.id)).toEqual(['env-inheritance', 'module-resolution']);
    expect(ranked[1]!.findings[0]).toMatchObject({ explainedBy: ['env-inheritance'] });
  });

  it('an environment finding that does not say it explains module resolution explains nothing there', () => {
    const ranked = rankCauses([noBuild(), preload]);
    expect(ranked.map((c) => c.id)).toEqual(['module-resolution', 'env-inheritance']);
    expect(ranked[0]!.findings[0]!.unexplained!.checks.map((c) => c.probe)).toEqual(['modules', 'go-env', 'login-shell']);
  });

  it("a module-resolution cause of the symptom's own class explains it too, and keeps the class in front", () => {
    const noGoMod = f({ classId: 'module-resolution', severity: 'error', confidence: 0.75, message: 'no go.mod at or above the folder' });
    const ranked = rankCauses([noBuild(), noGoMod, preload]);
    expect(ranked.map((c) => c.id)).toEqual(['module-resolution', 'env-inheritance']);
    expect(ranked[0]!.findings.find((x) => x.role === 'symptom')).toMatchObject({ explainedBy: ['module-resolution'] });
  });

  it('an exported GO111MODULE overriding go env -w (an explaining error) lifts over "modules disabled"', () => {
    const disabled = f({ classId: 'module-resolution', severity: 'error', confidence: 0.8, message: 'modules disabled by GO111MODULE=off' });
    const overridden = f({ classId: 'env-inheritance', severity: 'error', confidence: 0.75, message: 'go env -w does not override the OS environment', explains: ['module-resolution'] });
    expect(rankCauses([disabled, overridden]).map((c) => c.id)).toEqual(['env-inheritance', 'module-resolution']);
  });
});

// Issue 11: a line that says both what failed and why is the program's own account of the cause,
// whatever the classes' usual relation (explain.ts saysWhyOnItsLine).
describe('rankCauses: a cause on the very line of the symptom explains it', () => {
  const at = (line: number, source = 'gopls.log') => [{ source, line, excerpt: 'x' }];
  const installFailed = (line: number, source?: string) => f({ classId: 'gopls-launch', severity: 'warning', role: 'symptom', symptom: 'died', confidence: 0.45, message: 'installing gopls failed', evidence: at(line, source) });
  const noMainModule = f({ classId: 'module-resolution', severity: 'warning', confidence: 0.3, message: 'no go.mod', evidence: at(1) });

  it('the same line: the cause leads and the symptom says what explains it', () => {
    const ranked = rankCauses([installFailed(1), noMainModule]);
    expect(ranked.map((c) => c.id)).toEqual(['module-resolution', 'gopls-launch']);
    expect(ranked[1]!.findings[0]).toMatchObject({ explainedBy: ['module-resolution'] });
  });

  it.each([
    ['another line', installFailed(2)],
    ['the same line number of another log', installFailed(1, 'other.log')],
  ])('%s explains nothing: the stronger symptom stays first, unexplained', (_name, symptom) => {
    const ranked = rankCauses([symptom, noMainModule]);
    expect(ranked.map((c) => c.id)).toEqual(['gopls-launch', 'module-resolution']);
    expect(ranked[0]!.findings[0]!.unexplained).toBeDefined();
  });

  it('one line carrying two messages (a relayed stderr chunk): a cause on one explains nothing of the other', () => {
    // Neovim's lsp.log relays a chunk of gopls's stderr as one line: the link failure and the
    // linker's kill two lines below it share a line number, not a message.
    const on = (excerpt: string) => [{ source: 'lsp.log', line: 2, excerpt }];
    const killed = f({ classId: 'memory-limit', severity: 'warning', role: 'symptom', symptom: 'killed', confidence: 0.5, message: 'SIGKILL', evidence: on('collect2: fatal error: ld terminated with signal 9 [Killed]') });
    const cgo = f({ classId: 'env-inheritance', severity: 'warning', confidence: 0.4, message: 'cgo link', evidence: on('/usr/local/go/pkg/tool/linux_amd64/link: running gcc failed: exit status 1') });
    const ranked = rankCauses([killed, cgo]);
    expect(ranked.find((c) => c.id === 'memory-limit')!.findings[0]!.explainedBy).toBeUndefined();
    // …while two windows cut from the same message still stand together.
    const sameMessage = f({ classId: 'module-resolution', severity: 'warning', confidence: 0.3, message: 'no go.mod', evidence: [{ source: 'lsp.log', line: 2, excerpt: 'Error installing gopls: go: cannot find main module' }] });
    const install = f({ classId: 'gopls-launch', severity: 'warning', role: 'symptom', symptom: 'died', confidence: 0.45, message: 'installing gopls failed', evidence: [{ source: 'lsp.log', line: 2, excerpt: 'Error installing gopls: go: cannot find main' }] });
    expect(rankCauses([install, sameMessage])[1]!.findings[0]).toMatchObject({ explainedBy: ['module-resolution'] });
  });

  it('a hint on the line (a guess from a mechanism\'s name) is no cause and explains nothing', () => {
    const hint = f({ classId: 'module-resolution', severity: 'warning', role: 'symptom', symptom: 'no-build', headline: 'named-mechanism', confidence: 0.25, evidence: at(1) });
    expect(rankCauses([installFailed(1), hint])[0]!.findings[0]!.explainedBy).toBeUndefined();
  });

  it("on a real line: gopls's installation refused for want of a main module is a module problem first", () => {
    const text = "Error installing golang.org/x/tools/gopls@latest: go: cannot find main module; see 'go help modules'\n[Info  - 10:15:12 AM] Connection to server got closed. Server will restart.\n";
    const causes = rankCauses(findingsOf('/logs/1-gopls (server).log', analyzeText(text)).map((x) => FindingSchema.parse(x)));
    expect(causes.filter((c) => c.severity !== 'info').map((c) => c.id)).toEqual(['module-resolution', 'gopls-launch']);
    const launch = causes.find((c) => c.id === 'gopls-launch')!;
    expect(launch.findings.find((x) => x.explainedBy)).toMatchObject({ explainedBy: ['module-resolution'] });
    // The client's own line says only that the server is gone: still unexplained, with its checks.
    expect(launch.findings.find((x) => x.unexplained)).toBeDefined();
  });
});

// Issue 11: "gopls died" said twice (the client's exit line, then its connection-closed line) is one
// death, not stronger evidence than the line that says how it died (explain.ts symptomPointsAt).
describe('rankCauses: the symptom that says how gopls died before the bare "it died"', () => {
  const ranked = (text: string) => rankCauses(findingsOf('/logs/1-gopls (server).log', analyzeText(`${text}\n[Info  - 10:15:12 AM] Connection to server got closed. Server will restart.\n`)).map((x) => FindingSchema.parse(x)));

  it.each([
    ['killed by SIGKILL: the memory checks', '[Error - 10:15:11 AM] Server process exited with signal SIGKILL.', 'memory-limit'],
    ['a thread refused with EAGAIN: the task limits', 'runtime/cgo: pthread_create failed: Resource temporarily unavailable\nSIGABRT: abort', 'process-limit'],
  ])('%s', (_name, text, want) => {
    const causes = ranked(text);
    expect(causes[0]!.id).toBe(want);
    // Both stay symptoms nothing found explains, each with the checks that would.
    const died = causes.find((c) => c.id === 'gopls-launch')!;
    expect(died.findings.every((x) => x.unexplained || x.severity === 'info')).toBe(true);
    expect(causes[0]!.findings.find((x) => x.role === 'symptom')!.unexplained).toBeDefined();
  });

  it('a launch cause found (gopls not on PATH) is not moved behind a kill', () => {
    const causes = ranked('[Error - 10:15:11 AM] Server process exited with signal SIGKILL.\nexec: "gopls": executable file not found in $PATH');
    expect(causes[0]!.id).toBe('gopls-launch');
  });

  it('without the line that says how, the bare death leads as before', () => {
    expect(ranked('[Error - 10:15:11 AM] Server process exited with code 2.')[0]!.id).toBe('gopls-launch');
  });
});

describe('rankCauses on real log lines: the environment leads the module symptom', () => {
  const top = (text: string) => {
    const causes = rankCauses(findingsOf('gopls.log', analyzeText(text)) as Finding[]);
    return causes.filter((c) => c.severity !== 'info').map((c) => c.id);
  };

  it.each([
    ['GOPATH set to GOROOT, then gopls in GOPATH mode', 'warning: GOPATH set to GOROOT (/usr/local/go) has no effect\nYou are neither in a module nor in your GOPATH. If you are using modules, please open your editor to a directory in your module.\n'],
    ['GO111MODULE exported over go env -w, then modules disabled', "warning: go env -w GO111MODULE=... does not override conflicting OS environment variable\ngo: modules disabled by GO111MODULE=off; see 'go help modules'\n"],
    ['$GOPATH not set, then an import not found', 'main.go:3:8: cannot find package "example.org/kit" in any of:\n\t/usr/lib/go/src/example.org/kit (from $GOROOT)\n\t($GOPATH not set. For more details see: \'go help gopath\')\n'],
    ['an asdf shim without a version, then no go.mod', "No version is set for command go\ngo: cannot find main module; see 'go help modules'\n"],
    ["GOROOT from one release and GOVERSION from another, then gopls has no views", "GOROOT='/home/ann/.asdf/installs/golang/1.20.3/go'\nGOVERSION='go1.22.1'\n[Error - 10:00:00 AM] Request textDocument/hover failed. Message: no views\n"],
  ])('%s', (_name, text) => {
    expect(top(text).slice(0, 2)).toEqual(['env-inheritance', 'module-resolution']);
  });

  it('without the environment cause the module class is first, as before', () => {
    expect(top('You are neither in a module nor in your GOPATH. If you are using modules, please open your editor to a directory in your module.\n')[0]).toBe('module-resolution');
    expect(top("go: modules disabled by GO111MODULE=off; see 'go help modules'\n")[0]).toBe('module-resolution');
  });
});


describe('rankCauses: a sandbox that hides the refused path before "permission denied"', () => {
  const denied = f({ classId: 'fs-access', severity: 'warning', role: 'symptom', symptom: 'access-denied', confidence: 0.7, message: 'mkdir /var/lib/gopath: permission denied' });
  const sandbox = f({ classId: 'env-inheritance', severity: 'warning', confidence: 0.7, message: 'Flatpak sandbox does not expose /var/lib/gopath', explains: ['fs-access'] });
  const pathDiff = f({ classId: 'env-inheritance', severity: 'warning', confidence: 0.8, message: 'go on the login shell PATH, not the editor' });

  it('an environment cause that names fs-access explains it and leads', () => {
    const ranked = rankCauses([denied, sandbox]);
    expect(ranked.map((c) => c.id)).toEqual(['env-inheritance', 'fs-access']);
    expect(ranked[1]!.findings[0]).toMatchObject({ explainedBy: ['env-inheritance'] });
  });

  it('another environment cause explains nothing there: the refusal stays unexplained, with the sandbox among its checks', () => {
    const ranked = rankCauses([denied, pathDiff]);
    const s = ranked.find((c) => c.id === 'fs-access')!.findings[0]!;
    expect(s.explainedBy).toBeUndefined();
    expect(s.unexplained!.checks.map((c) => c.probe)).toEqual(['file-access', 'mounts', 'mac-policy', 'gopls-logs']);
  });

  it('a line that only names Flatpak (a hint, no path) does not push the refusal behind it', () => {
    const hint = f({ classId: 'env-inheritance', severity: 'warning', confidence: 0.25, role: 'symptom', symptom: 'no-build', headline: 'named-mechanism', message: 'a failure line names Flatpak' });
    expect(rankCauses([denied, hint]).map((c) => c.id)).toEqual(['fs-access', 'env-inheritance']);
  });
});

describe('rankCauses: the file-access probe inside a Flatpak sandbox', () => {
  // What fileAccess.ts reports for a module cache under /var (which `host` does not bind) that
  // cannot be read: an error-severity fs-access finding, and the sandbox's warning naming /var/go.
  // (One that can be read and not written is a warning: go uses what is in it.)
  const fact: DirFact = {
    entry: { role: 'GOMODCACHE', path: '/var/go/pkg/mod', origin: 'go env GOMODCACHE' },
    real: '/var/go/pkg/mod',
    exists: true,
    isDir: true,
    checked: '/var/go/pkg/mod',
    owner: 0,
    mode: 0o40755,
    read: { ok: false, code: 'EACCES' },
    write: { ok: false, code: 'EACCES' },
    search: { ok: true },
  };
  const sandbox = {
    app: 'com.visualstudio.code',
    filesystems: ['host'],
    infoEvidence: { source: '/.flatpak-info', excerpt: '[Context]\nfilesystems=host;' },
    places: { home: '/home/dev', appId: 'com.visualstudio.code' },
  };
  const ranked = (facts: DirFact[], withSandbox: boolean) => rankCauses(assessAccess(facts, 1000, withSandbox ? sandbox : undefined).map((x) => FindingSchema.parse({ ...x, probeId: 'file-access' })));

  it('the sandbox cause (a warning) comes before the fs-access symptom (an error) it explains', () => {
    const causes = ranked([fact], true);
    expect(causes.map((c) => c.id)).toEqual(['env-inheritance', 'fs-access']);
    expect(causes[1]!).toMatchObject({ severity: 'error' });
    expect(causes[1]!.findings[0]).toMatchObject({ role: 'symptom', explainedBy: ['env-inheritance'] });
    expect(causes[0]!.fixes[0]).toMatchObject({ text: 'flatpak override --user --filesystem=/var/go/pkg/mod com.visualstudio.code' });
  });

  it('the same folder refused in a gopls log and by the probe: one grant button; another folder: its own', () => {
    const logLine = (p: string) => ({ path: p, op: 'mkdir', source: 'gopls.log', line: 3, excerpt: `go: mkdir ${p}: permission denied` });
    const fromLog = (p: string) => flatpakAccessFindings({ ...sandbox, denied: [logLine(p)] }).map((x) => FindingSchema.parse({ ...x, probeId: 'gopls-logs' }));
    const fromProbe = assessAccess([fact], 1000, sandbox).map((x) => FindingSchema.parse({ ...x, probeId: 'file-access' }));
    const grants = (fs: ReturnType<typeof fromLog>) => rankCauses(fs).find((c) => c.id === 'env-inheritance')!.fixes.filter((x) => x.kind === 'terminal').map((x) => (x as { text: string }).text);
    expect(grants([...fromLog('/var/go/pkg/mod'), ...fromProbe])).toEqual(['flatpak override --user --filesystem=/var/go/pkg/mod com.visualstudio.code']);
    expect(grants([...fromLog('/var/ws'), ...fromProbe]).sort()).toEqual(['flatpak override --user --filesystem=/var/go/pkg/mod com.visualstudio.code', 'flatpak override --user --filesystem=/var/ws com.visualstudio.code']);
  });

  it('outside a sandbox the same directory is fs-access\'s alone, first', () => {
    expect(ranked([fact], false).map((c) => c.id)).toEqual(['fs-access']);
  });

  it('a refused directory beside a real denial on an exposed one: the real one keeps fs-access first, the sandbox still explains its own', () => {
    const exposed: DirFact = { ...fact, entry: { role: 'GOCACHE', path: '/home/dev/.cache/go-build', origin: 'go env GOCACHE' }, real: '/home/dev/.cache/go-build', checked: '/home/dev/.cache/go-build' };
    const causes = ranked([fact, exposed], true);
    expect(causes.map((c) => c.id)).toEqual(['fs-access', 'env-inheritance']);
    const access = causes[0]!.findings;
    expect(access.find((f) => f.message.includes('/home/dev/.cache/go-build'))!.role).toBeUndefined();
    // (any fs-access cause found explains an access-denied symptom too: explain.ts)
    expect(access.find((f) => f.message.includes('/var/go/pkg/mod'))!.explainedBy).toContain('env-inheritance');
  });
});

describe('error lines no rule names', () => {
  it('are kept as evidence without the checks for a death they do not report', () => {
    const fs = findingsOf('gopls.log', analyzeText('tool 0: failed to reach the license server\n')).map((x) => FindingSchema.parse(x));
    const [c] = rankCauses(fs);
    const kept = c!.findings.find((x) => x.unclassified);
    expect(kept).toMatchObject({ severity: 'info', evidence: [{ line: 1 }] });
    expect(kept!.unexplained).toBeUndefined();
  });
});

describe("rankCauses: an explained symptom's own repair is not offered", () => {
  // Measured under RLIMIT_DATA at 80% of gopls's start heap: the Go runtime sometimes dies of it in
  // its garbage collector ("SIGSEGV: segmentation violation" in runtime.(*spanQueue).tryDrain), a
  // crash no rule reads; the probe offers "reinstall gopls" for a crash it cannot read.
  const died = FindingSchema.parse({ classId: 'gopls-launch', severity: 'error', role: 'symptom', symptom: 'died', confidence: 0.9, message: 'gopls exited with code 2 during start-up', evidence: [{ source: 'gopls', excerpt: 'SIGSEGV: segmentation violation' }], fixes: [{ id: 'gopls-install', kind: 'terminal', title: 'Install gopls', text: 'go install golang.org/x/tools/gopls@latest', needsRoot: false }] });
  const limit = FindingSchema.parse({ classId: 'memory-limit', severity: 'error', confidence: 0.9, message: 'RLIMIT_DATA is below what gopls needs to start', evidence: [{ source: '/proc/self/limits', excerpt: 'Max data size 188000000 188000000 bytes' }], fixes: [{ id: 'rlimit-raise-data', kind: 'terminal', title: 'Raise the data limit', text: "printf '%s\\n' '* soft data unlimited'", needsRoot: true }] });
  it('explained by a limit found in the run: the limit leads with its fix, the death offers no reinstall', () => {
    const ranked = rankCauses([died, limit]);
    expect(ranked.map((c) => c.id)).toEqual(['memory-limit', 'gopls-launch']);
    expect(ranked[0]!.fixes.map((f) => f.id)).toEqual(['rlimit-raise-data']);
    expect(ranked[1]!.fixes).toEqual([]);
    // The finding keeps what the probe said, for whoever reads it whole.
    expect(ranked[1]!.findings[0]!.fixes.map((f) => f.id)).toEqual(['gopls-install']);
  });
  it('unexplained: the reinstall is all there is, and stays', () => {
    const [only] = rankCauses([died]);
    expect(only!.fixes.map((f) => f.id)).toEqual(['gopls-install']);
  });
});

// A tester's noexec HOME and TMPDIR on one tmpfs: "Remount … with exec" three times in one cause,
// under GOTMPDIR's, GOPATH/bin's and GOCACHE's ids.
describe('one command under several fix ids is offered once', () => {
  const remount = (id: string) => ({ id, kind: 'terminal' as const, title: 'Remount /work/f26 with exec', text: 'sudo mount -o remount,exec /work/f26', needsRoot: true });
  it('the first id keeps it; a different command or folder is not merged', () => {
    const [cause] = rankCauses([
      f({ classId: 'noexec-mount', severity: 'error', fixes: [remount('noexec-remount-exec')] }),
      f({ classId: 'noexec-mount', severity: 'error', confidence: 0.85, fixes: [remount('noexec-remount-exec-gopath-bin'), { id: 'other', kind: 'terminal', title: 'x', text: 'go env', needsRoot: false, cwd: '/a' }] }),
      f({ classId: 'noexec-mount', severity: 'error', confidence: 0.8, fixes: [remount('noexec-remount-exec-gocache'), { id: 'other-b', kind: 'terminal', title: 'x', text: 'go env', needsRoot: false, cwd: '/b' }] }),
    ]);
    expect(cause!.fixes.map((x) => x.id)).toEqual(['noexec-remount-exec', 'other', 'other-b']);
  });
});
