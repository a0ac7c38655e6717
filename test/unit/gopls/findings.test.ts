import { describe, expect, it } from 'vitest';
import { rankCauses } from '../../../src/doctor/rank.js';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { diagnosticFindings, sessionFindings, splitRefusals, versionFindings, type SessionFindingsInput } from '../../../src/probes/gopls.js';
import { parseSettingsJsonc } from '../../../src/facts/editorSettings.js';
import { unreadableSettingsFindings } from '../../../src/probes/editorSettings.js';
import { parseElfHeader } from '../../../src/lsp/goplsBinary.js';
import type { GoplsSessionResult } from '../../../src/lsp/session.js';
import { FindingSchema } from '../../../src/doctor/model.js';
import { buildConstraintFindings, type FileBuild } from '../../../src/probes/buildConstraints.js';

const fixture = (name: string): { workspace: string; result: GoplsSessionResult } =>
  JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/gopls/sessions', `${name}.json`), 'utf8'));
const gopls = { source: 'go.alternateTools' as const, path: '/opt/gopls', exists: true, executable: true };
const base = (session: GoplsSessionResult, extra: Partial<SessionFindingsInput> = {}): SessionFindingsInput => ({ gopls, session, uid: 1000, alternatives: [], ...extra });
const failed = (failure: GoplsSessionResult['failure'], stderrTail = ''): GoplsSessionResult => ({
  ok: false,
  failure,
  commandLine: '/opt/gopls',
  openedFileDiagnosed: false,
  diagnostics: [],
  messages: [],
  viewErrors: [],
  views: [],
  stderrTail,
  durationMs: 10,
});

function valid(findings: ReturnType<typeof sessionFindings>) {
  for (const f of findings) {
    expect(FindingSchema.safeParse(f).success).toBe(true);
    expect(f.evidence.length).toBeGreaterThan(0);
  }
  return findings;
}

describe('diagnosticFindings', () => {
  it('a failed package load or a missing import is a load-failed symptom (what the user sees, not why); a go.sum gap is a cause', () => {
    // gopls v0.23.0's words with GOCACHE on a read-only mount (captured on the development VM).
    const load = 'initialization failed: packages.Load error: err: exit status 1: stderr: failed to initialize build cache at /tmp/gc: mkdir /tmp/gc/00: read-only file system';
    const session = { ...failed(undefined), ok: true, openedFile: '/w/a.go', diagnostics: [{ uri: 'file:///w/a.go', items: [{ severity: 1, message: load }] }] } as unknown as GoplsSessionResult;
    const fs = valid(diagnosticFindings(session));
    expect(fs[0]).toMatchObject({ role: 'symptom', symptom: 'load-failed' });
    // What go said is read beside it: the read-only file system, a cause of its own class.
    expect(fs.slice(1).map((f) => f.classId)).toEqual(['fs-access']);
    const sum = { ...session, diagnostics: [{ uri: 'file:///w/a.go', items: [{ severity: 1, message: 'missing go.sum entry for module providing package golang.org/x/mod/semver' }] }] } as unknown as GoplsSessionResult;
    expect(diagnosticFindings(sum)[0]!.role).toBeUndefined();
    // GOROOT set to go/bin (gopls v0.23.0's words): even "unsafe" is not found; the GOROOT is the cause.
    const std = { ...session, diagnostics: [{ uri: 'file:///w/a.go', items: [{ severity: 1, message: 'could not import unsafe (cannot find package "unsafe" in any of /usr/local/go/bin/src/unsafe (from $GOROOT))' }] }] } as unknown as GoplsSessionResult;
    expect(diagnosticFindings(std)[0]).toMatchObject({ role: 'symptom', symptom: 'load-failed' });
  });
});

describe('diagnosticFindings: gopls says the file it opened is in no package', () => {
  // gopls v0.23.0's words for a module whose only file carries //go:build integration.
  const said = 'No packages found for open file /w/it.go.';
  const session = (file = '/w/it.go') => ({ ...failed(undefined), ok: true, openedFile: '/w/it.go', diagnostics: [{ uri: `file://${file}`, items: [{ severity: 1, message: said }] }] }) as unknown as GoplsSessionResult;
  const linux = { goos: 'linux', goarch: 'amd64', cgo: true, tags: [] as string[] };
  const opened = (head: string, over: Partial<FileBuild> = {}): FileBuild => ({
    file: '/w/it.go',
    head,
    ctx: linux,
    ctxSource: [{ source: 'go env -json', excerpt: 'GOOS=linux GOARCH=amd64 CGO_ENABLED=1 GOFLAGS=' }],
    keepFlags: [],
    goEnvOnly: linux,
    ...over,
  });

  it('a tag: names the //go:build line and offers the build.buildFlags -tags setting the build-constraints probe offers', () => {
    const input = opened('// Integration tests.\n\n//go:build integration\n\npackage w\n');
    const [f, ...rest] = valid(diagnosticFindings(session(), input));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ classId: 'module-resolution', severity: 'warning' });
    expect(f!.message).toContain('`go:build integration` is false for GOOS=linux GOARCH=amd64 without tags');
    expect(f!.evidence).toContainEqual({ source: '/w/it.go', excerpt: '//go:build integration', line: 3 });
    expect(f!.evidence[0]).toMatchObject({ source: 'gopls textDocument/publishDiagnostics /w/it.go', excerpt: said });
    const tags = f!.fixes!.find((x) => x.id === 'gopls-build-tags');
    expect(tags).toMatchObject({ kind: 'setting', key: 'gopls', target: 'workspace', merge: true, value: { 'build.buildFlags': ['-tags=integration'] } });
    // One fix, built once: the same data as the build-constraints probe's for that file.
    expect(tags).toEqual(buildConstraintFindings(input)[0]!.fixes!.find((x) => x.id === 'gopls-build-tags'));
    expect(f!.fixes!.map((x) => x.id)).toContain('gopls-workspace-docs');
  });

  it('a platform: build.env GOOS, keeping the user\'s other build flags out of it', () => {
    const [f] = diagnosticFindings(session(), opened('//go:build windows\n\npackage w\n', { keepFlags: ['-mod=mod'] }));
    expect(f!.fixes!.find((x) => x.id === 'gopls-build-env')).toMatchObject({ value: { 'build.env': { GOOS: 'windows' } } });
    const [g] = diagnosticFindings(session(), opened('//go:build integration\n\npackage w\n', { keepFlags: ['-mod=mod'] }));
    expect(g!.fixes!.find((x) => x.id === 'gopls-build-tags')).toMatchObject({ value: { 'build.buildFlags': ['-mod=mod', '-tags=integration'] } });
  });

  it('a constraint nothing satisfies: says so, and offers only the docs', () => {
    const [f] = diagnosticFindings(session(), opened('//go:build linux && !linux\n\npackage w\n'));
    expect(f!.message).toContain('No combination of the tags and platforms it names includes it.');
    expect(f!.fixes!.map((x) => x.id)).toEqual(['gopls-workspace-docs']);
  });

  it("the user's own gopls build.buildFlags already include it: the doctor's gopls ran without them, so no warning", () => {
    const f = diagnosticFindings(session(), opened('//go:build integration\n\npackage w\n', { ctx: { ...linux, tags: ['integration'] } }));
    expect(f).toEqual([]);
  });

  it('about another file, or without the opened file read: the docs only, as before', () => {
    const input = opened('//go:build integration\n\npackage w\n');
    expect(diagnosticFindings(session('/w/other.go'), input)[0]!.fixes!.map((x) => x.id)).toEqual(['gopls-workspace-docs']);
    expect(diagnosticFindings(session())[0]!.fixes!.map((x) => x.id)).toEqual(['gopls-workspace-docs']);
  });
});

describe('sessionFindings on real gopls sessions', () => {
  it('finds nothing wrong with a healthy module', () => {
    expect(sessionFindings(base(fixture('healthy').result))).toEqual([]);
  });

  it('reports the ad-hoc view of a folder without go.mod as module-resolution, with gopls log as evidence', () => {
    const { workspace, result } = fixture('no-go-mod');
    const fs = valid(sessionFindings(base(result)));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ classId: 'module-resolution', severity: 'warning' });
    expect(fs[0]!.evidence[0]!.excerpt).toContain(`directory=${workspace} view_type="AdHoc"`);
    expect(fs[0]!.explains).toBeUndefined();
  });

  it('turns "go command required" into one gopls-launch error naming the missing directory', () => {
    const { result } = fixture('go-not-on-path');
    const fs = valid(sessionFindings(base(result, { goMissing: { dir: '/usr/local/go/bin', env: { PATH: '/usr/bin:/bin' } } })));
    expect(fs.map((f) => f.classId)).toEqual(['gopls-launch']);
    expect(fs[0]!.severity).toBe('error');
    expect(fs[0]!.message).toContain('/usr/local/go/bin');
    expect(fs[0]!.evidence.some((e) => e.excerpt.includes('go command required, not found'))).toBe(true);
    expect(fs[0]!.fixes!.map((x) => x.id)).toContain('alternate-tools-go');
  });

  // A tester's env -i run: go in /usr/local/go/bin, off PATH, and the fixes still said to install Go.
  it.each([
    ['/usr/local/go/bin', ['alternate-tools-go', 'login-path-to-profile']],
    [undefined, ['go-install-docs']],
  ])('go missing with go found in %s: fixes %j, the install link only when no go was found', (dir, ids) => {
    const fs = sessionFindings(base(fixture('go-not-on-path').result, { goMissing: { ...(dir ? { dir } : {}), env: { PATH: '/usr/bin:/bin' } } }));
    expect(fs[0]!.fixes!.map((x) => x.id)).toEqual(ids);
  });

  it('still blames the missing go when only gopls noticed it', () => {
    const fs = sessionFindings(base(fixture('go-not-on-path').result));
    expect(fs).toHaveLength(1);
    expect(fs[0]!.message).toContain('the go command is not on the PATH');
  });

  it('a gopls silent about the opened file until the deadline is only information', () => {
    const s = { ...fixture('healthy').result, openedFileDiagnosed: false, diagnostics: [], firstDiagnosticsMs: undefined, diagnosticsWaitedMs: 5750 };
    const fs = valid(sessionFindings(base(s)));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ classId: 'gopls-launch', severity: 'info' });
    expect(fs[0]!.message).toContain('no diagnostics for main.go within 5750 ms');
  });

  it('reports "no views" as module-resolution with the message as evidence', () => {
    const s = { ...fixture('healthy').result, messages: [{ via: 'textDocument/documentSymbol', type: 1, message: 'no views in the session' }], viewErrors: ['no views in the session'] };
    const fs = valid(sessionFindings(base(s)));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ classId: 'module-resolution', severity: 'error' });
    expect(fs[0]!.evidence[0]).toEqual({ source: 'gopls (textDocument/documentSymbol)', excerpt: 'no views in the session' });
  });
});

describe("gopls refusing a key a settings file's JSON error put under \"gopls\"", () => {
  const healthy = fixture('healthy').result;
  const refusing = (m: string) => ({ ...healthy, messages: [{ via: 'window/showMessage' as const, type: 1, message: m }] });

  it.each([
    ['setting option "toolsEnvVars": unexpected setting', ['go.toolsEnvVars'], 1, 0],
    ['setting option "formatOnSave": unexpected setting; setting option "hoverKind": invalid option "Full" for enum', ['editor.formatOnSave'], 1, 1],
    ['setting option "hoverKind": invalid option "Full" for enum', ['go.lintTool'], 0, 1],
  ])('splitRefusals(%j)', (text, moved, nMoved, nOwn) => {
    const r = splitRefusals(text, moved);
    expect([r.moved.length, r.own.length]).toEqual([nMoved, nOwn]);
  });

  it.each([
    ['"go.toolsEnvVars"', '  "go.toolsEnvVars": { "GOFLAGS": "-mod=mod" }', 'toolsEnvVars'],
    ['"editor.formatOnSave", indented like a top-level key', '  "editor.formatOnSave": true', 'formatOnSave'],
  ])('%s: the JSON error is the cause and leads; the refusal is its explained symptom, and the fix opens the file', (_, movedLine, name) => {
    const text = ['{', '  "gopls": {', '    "ui.semanticTokens": true,', movedLine, '}', ''].join('\n');
    const src = parseSettingsJsonc(text, '/h/.config/Code/User/settings.json');
    const settings = src.values.gopls as Record<string, unknown>;
    const movedIntoGopls = (src.syntaxError?.misplaced ?? []).map((m) => m.key);
    const refusal = valid(sessionFindings(base(refusing(`Invalid settings: setting option "${name}": unexpected setting`), { settings, movedIntoGopls })));
    expect(refusal).toEqual([expect.objectContaining({ role: 'symptom', symptom: 'setting-refused', fixes: [] })]);
    const json = unreadableSettingsFindings([src]);
    const [cause] = rankCauses([...refusal, ...json].map((f) => FindingSchema.parse(f)));
    expect(cause!.findings[0]!.message).toContain('JSON error');
    expect(cause!.findings[1]).toMatchObject({ role: 'symptom', explainedBy: ['gopls-launch'] });
    expect(cause!.fixes[0]).toMatchObject({ kind: 'openFile', path: '/h/.config/Code/User/settings.json', line: 4 });
    expect(cause!.title).toContain('JSON error');
  });

  it('a key the user wrote under "gopls" stays the cause, with the docs', () => {
    const fs = valid(sessionFindings(base(refusing('Invalid settings: setting option "formatTool": unexpected setting'), { settings: { formatTool: 'x' } })));
    expect(fs).toEqual([expect.objectContaining({ headline: 'ineffective-settings', fixes: [expect.objectContaining({ kind: 'link' })] })]);
    expect(fs[0]!.role).toBeUndefined();
  });

  it('the JSON error explains no other symptom of gopls-launch: not gopls dying', () => {
    const src = parseSettingsJsonc('{\n  "gopls": {\n  "go.lintTool": "x"\n}\n', '/h/settings.json');
    const died = FindingSchema.parse({ classId: 'gopls-launch', severity: 'error', confidence: 0.9, role: 'symptom', symptom: 'died', message: 'gopls exited', evidence: [{ source: 't', excerpt: 'x' }] });
    const causes = rankCauses([died, ...unreadableSettingsFindings([src]).map((f) => FindingSchema.parse(f))]);
    const d = causes.flatMap((c) => c.findings).find((f) => f.symptom === 'died')!;
    expect(d.explainedBy ?? []).toEqual([]);
  });
});

describe('a view or package load that failed for a reason go named (measured under RLIMIT_NPROC and RLIMIT_NOFILE)', () => {
  const healthy = fixture('healthy').result;
  const withViewError = (m: string) => ({ ...healthy, messages: [{ via: 'window/showMessage', type: 1, message: m }], viewErrors: [m] });
  it('"fork/exec …/go: resource temporarily unavailable": the view failure is a load-failed symptom, and the refused fork is read beside it', () => {
    const fs = valid(sessionFindings(base(withViewError('failed to load view for file:///w: err: fork/exec /usr/local/go/bin/go: resource temporarily unavailable: stderr: '))));
    const view = fs.find((f) => f.classId === 'module-resolution')!;
    expect(view).toMatchObject({ role: 'symptom', symptom: 'load-failed', fixes: [] });
    expect(fs.find((f) => f.classId === 'process-limit')).toMatchObject({ role: 'symptom', symptom: 'thread-create', evidence: [expect.objectContaining({ source: 'gopls (view error)' })] });
  });
  it('"fork/exec …/go: too many open files": an out-of-files symptom (the probe judges RLIMIT_NOFILE in the same run)', () => {
    const fs = valid(sessionFindings(base(withViewError('failed to load view for file:///w: err: fork/exec /usr/local/go/bin/go: too many open files: stderr: '))));
    expect(fs.find((f) => f.classId === 'module-resolution')).toMatchObject({ role: 'symptom', symptom: 'out-of-files' });
  });
  it('a view error that names no other mechanism stays a module-resolution cause with the workspace docs', () => {
    const fs = valid(sessionFindings(base(withViewError('failed to load view for file:///w: err: exit status 1: stderr: go: cannot find main module, but found .git/config in /w'))));
    const view = fs.find((f) => f.classId === 'module-resolution' && /any view/.test(f.message))!;
    expect(view.role).toBeUndefined();
    expect(view.fixes?.length).toBeGreaterThan(0);
  });
  it("a packages.Load diagnostic carrying go's 'failed to create new OS thread' is read beside the load-failed symptom", () => {
    const load = 'packages.Load error: err: exit status 1: stderr: runtime: failed to create new OS thread (have 4 already; errno=11)\nruntime: may need to increase max user processes (ulimit -u)\nfatal error: newosproc';
    const session = { ...failed(undefined), ok: true, openedFile: '/w/a.go', diagnostics: [{ uri: 'file:///w/go.mod', items: [{ severity: 1, message: load }] }] } as unknown as GoplsSessionResult;
    const fs = diagnosticFindings(session).map((f) => FindingSchema.parse(f));
    expect(fs[0]).toMatchObject({ role: 'symptom', symptom: 'load-failed' });
    expect(fs.filter((f) => f.classId === 'process-limit').map((f) => f.symptom)).toContain('thread-create');
  });
});

describe('a package load that failed on a module go refused (gopls v0.23.0, a tampered go.sum, measured)', () => {
  // gopls's go.mod diagnostic and the file's own, as the pinned gopls sent them.
  const load = 'packages.Load error: err: exit status 1: stderr: verifying github.com/pkg/errors@v0.9.1: checksum mismatch\n\tdownloaded: h1:FEBLx1zS214owpjy7qsBeixbURkuhQAwrK5UwLGTwt4=\n\tgo.sum:     h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\nSECURITY ERROR';
  const session = {
    ...failed(undefined),
    ok: true,
    openedFile: '/w/main.go',
    diagnostics: [
      { uri: 'file:///w/go.mod', items: [{ severity: 1, message: load }] },
      { uri: 'file:///w/main.go', items: [{ severity: 1, message: 'could not import fmt (missing metadata for import of "fmt")' }] },
    ],
  } as unknown as GoplsSessionResult;
  it("says why the load failed (go's own reason, an error: it fails now), not that fmt cannot be found", () => {
    const fs = valid(diagnosticFindings(session));
    expect(fs.map((f) => f.message).join('\n')).not.toMatch(/an import cannot be found/);
    expect(fs[0]).toMatchObject({ role: 'symptom', symptom: 'load-failed' });
    const why = fs.find((f) => f.classId === 'module-resolution' && f.role !== 'symptom');
    expect(why).toMatchObject({ severity: 'error' });
    expect(why!.message).toMatch(/checksum mismatch/);
  });
  it('a missing import beside any failed load: the load failure is said, with what go said of it, and the import is not', () => {
    const bare = { ...session, diagnostics: [{ uri: 'file:///w/go.mod', items: [{ severity: 1, message: 'packages.Load error: err: exit status 1: stderr: go: errors parsing go.mod' }] }, session.diagnostics[1]!] } as unknown as GoplsSessionResult;
    const fs = valid(diagnosticFindings(bare));
    expect(fs[0]!.message).toMatch(/could not load the packages/);
    expect(fs.map((f) => f.message).join('\n')).not.toMatch(/an import cannot be found/);
  });
  it('a missing import with no load failure stays what it is', () => {
    const alone = { ...session, diagnostics: [session.diagnostics[1]!] } as unknown as GoplsSessionResult;
    expect(diagnosticFindings(alone).map((f) => f.message)).toEqual([expect.stringMatching(/an import cannot be found: fmt/)]);
  });
});

describe('"go.mod requires go >= X" from the doctor\'s own gopls (GOTOOLCHAIN=local) where the user\'s go switches', () => {
  const said = 'packages.Load error: err: exit status 1: stderr: go: go.mod requires go >= 1.27.3 (running go 1.26.8; GOTOOLCHAIN=local)';
  const session = { ...failed(undefined), ok: true, openedFile: '/w/main.go', diagnostics: [{ uri: 'file:///w/go.mod', items: [{ severity: 1, message: said }] }] } as unknown as GoplsSessionResult;
  it('with no switch known: the error stands', () => {
    expect(diagnosticFindings(session)[0]).toMatchObject({ severity: 'error' });
  });
  it('to an installed toolchain: an info saying the editor\'s gopls runs it, and nothing of this session\'s diagnostics', () => {
    const fs = valid(diagnosticFindings(session, undefined, { dir: '/w', version: 'go1.27.3', commandLine: 'GOPROXY=off go version' }));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'info' });
    expect(fs[0]!.message).toContain('your go switches to go1.27.3, already installed');
  });
  it('to one it would download: an info pointing at the download, not "no toolchain may be downloaded"', () => {
    const fs = valid(diagnosticFindings(session, undefined, { dir: '/w', version: 'go1.27.3', commandLine: 'GOPROXY=off go version', downloads: true }));
    expect(fs.map((f) => f.severity)).toEqual(['info']);
    expect(fs[0]!.message).toContain('downloads it from GOPROXY on first use');
  });
});

describe('sessionFindings on launch failures', () => {
  it.each([
    ['EMFILE', 'out-of-files'],
    ['ENFILE', 'out-of-files'],
    ['EAGAIN', 'thread-create'],
    ['ENOMEM', 'out-of-memory'],
  ] as const)('%s: a symptom of a resource the machine refused, with no reinstall fix', (code, kind) => {
    const fs = valid(sessionFindings(base(failed({ kind: 'spawn', code, message: `spawn /opt/gopls ${code}` }))));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ classId: 'gopls-launch', role: 'symptom', symptom: kind, fixes: [] });
    expect(fs[0]!.message).toMatch(/Nothing is wrong with gopls itself/);
  });

  it('EACCES: names the mode and offers chmod', () => {
    const fs = valid(sessionFindings(base(failed({ kind: 'spawn', code: 'EACCES', message: 'spawn /opt/gopls EACCES' }), { mode: { mode: 0o644, uid: 1000 } })));
    expect(fs).toHaveLength(1);
    expect(fs[0]!.message).toContain('EACCES');
    expect(fs[0]!.evidence.map((e) => e.excerpt)).toContain('mode 0644, owner uid 1000');
    expect(fs[0]!.fixes![0]).toMatchObject({ id: 'gopls-chmod', kind: 'terminal', text: 'chmod +x /opt/gopls', needsRoot: false });
  });

  it('EACCES because the workspace folder cannot be entered: that folder is the cause, gopls\'s start follows from it', () => {
    const fs = valid(sessionFindings(base(failed({ kind: 'spawn', code: 'EACCES', message: 'spawn /opt/gopls EACCES' }), { mode: { mode: 0o755, uid: 0 }, cwd: { path: '/srv/ws', code: 'EACCES', mode: 0o700, uid: 0 } })));
    expect(fs.map((f) => [f.classId, f.role ?? 'cause'])).toEqual([['fs-access', 'cause'], ['gopls-launch', 'symptom']]);
    expect(fs[0]!.message).toMatch(/The workspace folder \/srv\/ws cannot be entered \(EACCES\): mode 0700, owner uid 0/);
    const ranked = rankCauses(fs.map((f) => FindingSchema.parse(f)));
    expect(ranked.map((c) => c.id)).toEqual(['fs-access', 'gopls-launch']);
    expect(ranked[1]!.findings[0]!.explainedBy).toEqual(['fs-access']);
  });

  it('EACCES on a directory says it is a directory: no mount or policy is blamed, no chmod', () => {
    const fs = valid(sessionFindings(base(failed({ kind: 'spawn', code: 'EACCES', message: 'spawn /opt/gopls EACCES' }), { mode: { mode: 0o755, uid: 1000, directory: true } })));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ classId: 'gopls-launch', severity: 'error' });
    expect(fs[0]!.role).not.toBe('symptom');
    expect(fs[0]!.message).toMatch(/is a directory, not the gopls program/);
    expect(fs[0]!.fixes!.map((f) => f.id)).not.toContain('gopls-chmod');
  });

  it('EACCES on a file with execute permission is a symptom a mount, a directory or a policy explains, with no chmod', () => {
    const fs = valid(sessionFindings(base(failed({ kind: 'spawn', code: 'EACCES', message: 'spawn /opt/gopls EACCES' }), { mode: { mode: 0o755, uid: 1000 } })));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ classId: 'gopls-launch', role: 'symptom', symptom: 'exec-denied', severity: 'error' });
    expect(fs[0]!.message).toMatch(/although it has execute permission/);
    expect(fs[0]!.fixes!.map((f) => f.id)).not.toContain('gopls-chmod');
    // Beside a noexec mount that holds it, the mount is the cause and gopls's class follows from it.
    const mount = FindingSchema.parse({ classId: 'noexec-mount', severity: 'error', confidence: 0.9, message: 'gopls lives in /opt, mounted noexec', evidence: [], fixes: [], explains: ['gopls-launch'] });
    const ranked = rankCauses([FindingSchema.parse(fs[0]), mount]);
    expect(ranked.map((c) => c.id)).toEqual(['noexec-mount', 'gopls-launch']);
    expect(ranked[1]!.findings[0]!.explainedBy).toEqual(['noexec-mount']);
    expect(ranked[1]!.fixes).toEqual([]);
  });

  it('EACCES on a file owned by someone else needs root', () => {
    const fs = sessionFindings(base(failed({ kind: 'spawn', code: 'EACCES', message: 'x' }), { mode: { mode: 0o644, uid: 0 } }));
    expect(fs[0]!.fixes![0]).toMatchObject({ id: 'gopls-chmod', needsRoot: true });
  });

  it('ENOENT of an absent alternate tool', () => {
    const fs = valid(sessionFindings(base(failed({ kind: 'spawn', code: 'ENOENT', message: 'spawn /opt/gopls ENOENT' }), { gopls: { ...gopls, exists: false, executable: false } })));
    expect(fs[0]!.message).toBe('/opt/gopls (named by go.alternateTools.gopls) does not exist (ENOENT)');
    const dangling = valid(sessionFindings(base(failed({ kind: 'spawn', code: 'ENOENT', message: 'spawn /opt/gopls ENOENT' }), { gopls: { ...gopls, exists: false, executable: false }, linkTarget: '/home/u/.asdf/installs/golang/1.21.0/bin/gopls' })));
    expect(dangling[0]!.message).toBe('/opt/gopls (named by go.alternateTools.gopls) is a symbolic link to /home/u/.asdf/installs/golang/1.21.0/bin/gopls, which does not exist (ENOENT)');
    expect(fs[0]!.fixes![0]).toMatchObject({ id: 'gopls-install', kind: 'terminal', text: 'go install golang.org/x/tools/gopls@latest' });
  });

  it("ENOEXEC hidden behind execvp's /bin/sh fallback (exit 127) is still an exec format error", () => {
    const b = new Uint8Array(64);
    b.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
    b.set([2, 0, 183, 0], 16);
    const fs = valid(sessionFindings(base(failed({ kind: 'crash', phase: 'initialize', exitCode: 127, message: 'x' }, '/opt/gopls: 1: ELF: not found\n'), { elf: parseElfHeader(b), alternatives: ['/home/u/go/bin/gopls'] })));
    expect(fs[0]!.message).toContain('ENOEXEC');
    expect(fs[0]!.message).toContain('aarch64');
    expect(fs[0]!.fixes!.map((f) => f.id)).toEqual(['gopls-install', 'gopls-use-found']);
    expect(fs[0]!.fixes![1]).toMatchObject({ kind: 'setting', key: 'go.alternateTools', value: { gopls: '/home/u/go/bin/gopls' }, merge: true });
  });

  it('a crash during start carries the exit code and the last stderr lines', () => {
    const stderr = 'panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x5a1b2c]\n';
    const fs = valid(sessionFindings(base(failed({ kind: 'crash', phase: 'initialize', exitCode: 2, message: 'gopls exited with code 2 during initialize' }, stderr))));
    expect(fs[0]!.message).toBe('/opt/gopls exited with code 2 during start-up, before answering initialize (it panicked)');
    expect(fs[0]!.evidence[1]!.excerpt).toContain('panic: runtime error');
  });

  // gopls v0.23.0's first stderr lines under `ulimit -v 1500000` and `ulimit -v 1000000` (captured
  // on the development VM): the runtime's words name no limit; the log rules read what they mean.
  it.each([
    ['runtime: out of memory: cannot allocate 100663296-byte block (8028160 in use)\nfatal error: out of memory\n\ngoroutine 1 gp=0x1e248c1401e0 m=0 mp=0x20de2e0 [running, locked to thread]:\nruntime.throw({0x13ca74f?, 0x1a?})\n', 'memory-limit', 'out-of-memory', /the Go runtime stopped it: "runtime: out of memory: cannot allocate 100663296-byte block/],
    ['runtime/cgo: pthread_create failed: Resource temporarily unavailable\nSIGABRT: abort\nPC=0x7f19bf525eec m=0 sigcode=18446744073709551610\n', 'process-limit', 'thread-create', /the Go runtime stopped it: "runtime\/cgo: pthread_create failed/],
  ] as const)('a crash whose stderr says why: %s… is read as %s (%s), and no reinstall is offered', (stderr, classId, symptom, says) => {
    const fs = valid(sessionFindings(base(failed({ kind: 'crash', phase: 'initialize', exitCode: 2, message: 'gopls exited with code 2 during initialize' }, stderr), { alternatives: ['/home/u/go/bin/gopls'] })));
    expect(fs[0]).toMatchObject({ classId: 'gopls-launch', role: 'symptom', message: expect.stringMatching(says) });
    expect(fs[0]!.message).not.toMatch(/panicked/);
    expect(JSON.stringify(fs[0]!.fixes)).not.toMatch(/go install|alternateTools/);
    expect(fs.slice(1)).toContainEqual(expect.objectContaining({ classId, role: 'symptom', symptom, evidence: expect.arrayContaining([expect.objectContaining({ source: '/opt/gopls (stderr)' })]) }));
  });

  it("the signal the runtime itself died of is named (measured under RLIMIT_DATA: go1.26's collector faulting), not taken for a panic", () => {
    const stderr = 'SIGSEGV: segmentation violation\nPC=0x439d9d m=0 sigcode=1 addr=0x0\n\ngoroutine 0 gp=0x20dc660 m=0 mp=0x20de2e0 [idle]:\nruntime.(*spanQueue).tryDrain(0x300000000000400?, 0x400020401010101?, 0x3010001?)\n';
    const fs = valid(sessionFindings(base(failed({ kind: 'crash', phase: 'initialize', exitCode: 2, message: 'gopls exited with code 2 during initialize' }, stderr))));
    expect(fs[0]!.message).toMatch(/\(the Go runtime stopped it: "SIGSEGV: segmentation violation"\)$/);
  });

  it('a crash whose stderr names nothing keeps the reinstall and alternative fixes', () => {
    const fs = valid(sessionFindings(base(failed({ kind: 'crash', phase: 'initialize', exitCode: 2, message: 'x' }, 'something odd happened\n'), { alternatives: ['/home/u/go/bin/gopls'] })));
    expect(fs).toHaveLength(1);
    expect(JSON.stringify(fs[0]!.fixes)).toMatch(/go install golang\.org\/x\/tools\/gopls/);
  });

  it('a hang names the wait', () => {
    const fs = valid(sessionFindings(base(failed({ kind: 'hang', phase: 'initialize', waitedMs: 2750.4, message: 'no reply' }))));
    expect(fs[0]!.message).toBe('/opt/gopls started but did not answer the LSP initialize request within 2750 ms');
    expect(fs[0]!.severity).toBe('error');
  });

  it('a canceled session is no finding', () => {
    expect(sessionFindings(base(failed({ kind: 'canceled', phase: 'initialize', message: 'run deadline' })))).toEqual([]);
  });
});

describe('versionFindings', () => {
  it('is silent when gopls was built with the go in use', () => {
    expect(versionFindings({ builtWith: 'go1.26.8', goInUse: 'go1.26.8', goplsPath: '/g' })).toEqual([]);
  });

  it('warns when gopls was built with an older Go than the go command', () => {
    const fs = versionFindings({ builtWith: 'go1.25.3', goInUse: 'go1.26.8', goplsPath: '/g' });
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ classId: 'gopls-launch', severity: 'warning' });
    expect(fs[0]!.evidence.map((e) => e.excerpt)).toEqual(['/g: go1.25.3', 'GOVERSION=go1.26.8']);
  });

  it.each([
    { builtWith: 'go1.26.8', to: 'go1.27.3', downloads: false, want: 'warning' },
    { builtWith: 'go1.26.8', to: 'go1.28.0', downloads: true, want: 'warning' },
    { builtWith: 'go1.27.1', to: 'go1.27.3', downloads: false, want: undefined },
    { builtWith: 'go1.28.0', to: 'go1.27.3', downloads: false, want: undefined },
  ])('gopls built with $builtWith, the module switching the go command to $to: $want', ({ builtWith, to, downloads, want }) => {
    const switched = { dir: '/w/m', version: to, commandLine: 'GOPROXY=off go version', ...(downloads ? { downloads } : {}) };
    const fs = versionFindings({ builtWith, goInUse: 'go1.26.8', goplsPath: '/g', switched }).filter((f) => f.fixes?.some((x) => x.id === 'gopls-install-with-toolchain'));
    if (!want) return expect(fs).toEqual([]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ classId: 'gopls-launch', severity: want, headline: 'stale-tools' });
    expect(fs[0]!.message).toContain(`gopls type-checks it with the go/types of ${builtWith}, which does not know what Go 1.${to.split('.')[1]} added to the language`);
    // Nothing cached says what @latest needs: go may switch up from the toolchain if it asks for more (goplsVersionFor).
    expect(fs[0]!.fixes?.[0]).toMatchObject({ kind: 'terminal', text: `GOTOOLCHAIN=${to}+auto go install golang.org/x/tools/gopls@latest` });
  });

  it("repeats gopls's own words for an unsupported build Go, as a warning", () => {
    const fs = versionFindings({ builtWith: 'go1.18.10', goInUse: 'go1.18.10', goplsPath: '/g' });
    expect(fs.map((f) => f.message.slice(0, 40))).toEqual(['Gopls was built with Go version 1.18, wh', 'Found Go version 1.18, which is not supp']);
    expect(fs.every((f) => f.severity === 'warning')).toBe(true);
  });
});
