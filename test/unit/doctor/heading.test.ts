// A cause's heading says what its findings are: findings filed under gopls-launch by the tool
// inventory, the settings check or the tool-install check are not gopls failing to start, and a
// report titled "gopls cannot start or keeps dying" above them reads as a false alarm.
import { describe, expect, it } from 'vitest';
import { headingOf } from '../../../src/doctor/heading.js';
import { rankCauses } from '../../../src/doctor/rank.js';
import { FindingSchema, type Finding, type FindingInput, type Report } from '../../../src/doctor/model.js';
import { TAXONOMY } from '../../../src/doctor/taxonomy.js';
import { toolFindings } from '../../../src/probes/goTools.js';
import { settingsFindings } from '../../../src/probes/editorSettings.js';
import { versionFindings, sessionFindings } from '../../../src/probes/gopls.js';
import { toolInstallFindings } from '../../../src/probes/toolInstallGo.js';
import { parseGoplsApiJson } from '../../../src/facts/goplsApi.js';
import { renderText } from '../../../src/render/text.js';
import { renderMarkdown } from '../../../src/render/markdown.js';
import { reportOf } from '../../support/report.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { findingsOf } from '../../../src/probes/goplsLogs.js';
import { attributeCrash, crashVerdict } from '../../../src/goplsLog/crashVerdict.js';

const LAUNCH = TAXONOMY['gopls-launch'].title;
const parse = (xs: FindingInput[]): Finding[] => xs.map((x) => FindingSchema.parse(x));
const f = (x: Partial<FindingInput> & Pick<FindingInput, 'severity'>): Finding =>
  FindingSchema.parse({ classId: 'gopls-launch', confidence: 0.5, message: 'm', evidence: [{ source: 's', excerpt: 'e' }], ...x });

/** What the tool inventory says about a Delve built with go1.21 under go1.26. */
const staleDlv = () =>
  toolFindings({
    tools: [{ name: 'dlv', importPath: 'github.com/go-delve/delve/cmd/dlv', found: true, path: '/h/go/bin/dlv', goVersion: 'go1.21.0', version: 'v1.21.0', packagePath: 'github.com/go-delve/delve/cmd/dlv' }],
    goInUse: 'go1.26.0',
    commandLine: 'go version -m',
  }).findings;

/** The settings check on one misspelt analyzer. */
const misspeltAnalyzer = () =>
  settingsFindings({
    sources: [{ source: '/h/.config/Code/User/settings.json', values: { gopls: { analyses: { nilnes: true } } } }],
    api: parseGoplsApiJson(JSON.stringify({ Options: { User: [{ Name: 'analyses', Hierarchy: 'ui.diagnostic' }] }, Analyzers: [{ Name: 'nilness' }], Lenses: [], Hints: [] }))!,
    gopls: 'gopls v0.23.0',
    apiSource: 'gopls api-json',
  });

const installNeedsNewerGo = () =>
  toolInstallFindings({
    goplsVersion: 'v0.23.0',
    goplsGoMod: 'module golang.org/x/tools/gopls\n\ngo 1.26.0\n',
    goplsGoModSource: '/h/go/pkg/mod/cache/download/golang.org/x/tools/gopls/@v/v0.23.0.mod',
    installGo: '/usr/local/go/bin/go',
    installGoVersion: 'go1.24.0',
    installGoSource: 'go version',
    toolchain: 'local',
    goproxy: 'https://proxy.golang.org,direct',
  });

describe('headingOf', () => {
  it('keeps the class title when a leading finding is the class core', () => {
    expect(headingOf('gopls-launch', [f({ severity: 'error' }), f({ severity: 'error', headline: 'stale-tools' })], 'error').title).toBe(LAUNCH);
    expect(headingOf('gopls-launch', [f({ severity: 'warning' })], 'warning')).toEqual({ title: LAUNCH, explanation: TAXONOMY['gopls-launch'].explanation });
  });
  it('titles by the headline when every leading finding carries it', () => {
    const h = headingOf('gopls-launch', [f({ severity: 'warning', headline: 'stale-tools' }), f({ severity: 'warning', headline: 'stale-tools' })], 'warning');
    expect(h.title).toBe('Go tools were built with an older Go');
    expect(h.explanation).not.toMatch(/cannot be found|dies during start-up/);
    expect(h.headlines).toEqual(['stale-tools']);
  });
  it('names each distinct headline once, in the findings order', () => {
    const h = headingOf('gopls-launch', [f({ severity: 'warning', headline: 'ineffective-settings' }), f({ severity: 'warning', headline: 'stale-tools' }), f({ severity: 'warning', headline: 'ineffective-settings' })], 'warning');
    expect(h.title).toBe('Settings that have no effect · Go tools were built with an older Go');
  });
  it('ignores findings below the cause severity (hidden by default), but not an explained error symptom', () => {
    expect(headingOf('gopls-launch', [f({ severity: 'warning', headline: 'stale-tools' }), f({ severity: 'info', role: 'symptom', symptom: 'no-diagnostics' })], 'warning').title).toBe('Go tools were built with an older Go');
    const killed = f({ severity: 'error', role: 'symptom', symptom: 'killed', explainedBy: ['memory-limit'] });
    expect(headingOf('gopls-launch', [killed, f({ severity: 'warning', headline: 'stale-tools' })], 'warning').title).toBe(LAUNCH);
  });
});

describe('cause titles from the probes that file non-launch findings under gopls-launch', () => {
  const titleOf = (findings: FindingInput[]) => {
    const causes = rankCauses(parse(findings));
    expect(causes.map((c) => c.id)).toEqual(['gopls-launch']);
    return causes[0]!.title;
  };
  it('a tool built with an older Go', () => expect(titleOf(staleDlv())).toBe('Go tools were built with an older Go'));
  it('gopls itself built with an older Go than the go in use', () => {
    const lag = versionFindings({ builtWith: 'go1.25.0', goInUse: 'go1.26.0', goplsPath: '/h/go/bin/gopls' });
    expect(lag).toHaveLength(1);
    expect(titleOf(lag)).toBe('Go tools were built with an older Go');
  });
  it('but gopls built with a Go it no longer supports is the class core', () => {
    expect(titleOf(versionFindings({ builtWith: 'go1.15.0', goInUse: 'go1.26.0', goplsPath: '/h/go/bin/gopls' }))).toBe(LAUNCH);
  });
  it('a setting with no effect', () => expect(titleOf(misspeltAnalyzer())).toBe('Settings that have no effect'));
  it('the Go that installs the tools cannot build this gopls', () => expect(titleOf(installNeedsNewerGo())).toBe('Installing or updating gopls needs a newer Go'));
  it('both: each named', () => expect(titleOf([...misspeltAnalyzer(), ...staleDlv()])).toBe('Go tools were built with an older Go · Settings that have no effect'));
  it('error lines of a log that no rule names', () => {
    const log = 'starting\ntool 1: failed to reach the license server\ndone\n';
    expect(titleOf(findingsOf('/logs/a.log', analyzeText(log)))).toBe('Error lines in the logs that no rule names');
  });
  it('a gopls that died during start-up keeps the class title beside them', () => {
    const died = sessionFindings({
      gopls: { path: '/h/go/bin/gopls', source: 'PATH', exists: true, executable: true },
      session: { ok: false, failure: { kind: 'crash', exitCode: 2, phase: 'initialize', message: 'exit 2' }, stderrTail: '', commandLine: 'gopls', messages: [], viewErrors: [], views: [], diagnostics: [] } as never,
      uid: 1000,
      alternatives: [],
    });
    expect(titleOf([...died, ...staleDlv(), ...misspeltAnalyzer()])).toBe(LAUNCH);
  });
});

describe('the headline title in every rendering', () => {
  const report = (): Report => reportOf({ causes: rankCauses(parse([...staleDlv()])), probes: [] });
  it('text, Markdown and JSON carry it, and not the class title', () => {
    const r = report();
    const text = renderText(r, { color: false });
    expect(text).toContain('1. Go tools were built with an older Go');
    expect(text).toContain('[gopls-launch, warning');
    expect(renderMarkdown(r)).toContain('### 1. Go tools were built with an older Go (`gopls-launch`, warning');
    const json = JSON.parse(JSON.stringify(r)) as Report;
    expect(json.causes[0]).toMatchObject({ id: 'gopls-launch', title: 'Go tools were built with an older Go', headlines: ['stale-tools'] });
    for (const out of [text, renderMarkdown(r), JSON.stringify(r)]) expect(out).not.toContain(LAUNCH);
  });
  it('a re-ranked (merged) report keeps it', () => {
    const again = rankCauses(report().causes.flatMap((c) => c.findings));
    expect(again[0]!.title).toBe('Go tools were built with an older Go');
  });
});

// What a headline marks is not the class's core story, so it explains none of the class's symptoms:
// a Delve built with an older Go or a misspelt setting does not kill gopls, and a crash put down to
// "Go tools were built with an older Go" would be the false attribution issue 11 describes.
describe('headlined findings explain no symptom', () => {
  const side = () => parse([...staleDlv(), ...misspeltAnalyzer(), ...installNeedsNewerGo()]);
  it('a gopls that died beside them stays an unexplained symptom', () => {
    const died = f({ severity: 'error', role: 'symptom', symptom: 'died', message: 'gopls exited with code 2 during start-up' });
    const [cause] = rankCauses([died, ...side()]);
    const shown = cause!.findings.find((x) => x.message === died.message)!;
    expect(shown.explainedBy).toBeUndefined();
    expect(shown.unexplained?.checks.length).toBeGreaterThan(0);
    expect(cause!.title).toBe(LAUNCH);
  });
  it('a crash the editor saw is not put down to them', () => {
    const v = crashVerdict({ exit: { source: '/proc/4242/stat', pid: 4242, ranMs: 60_000 } });
    const a = attributeCrash(v, { causes: rankCauses(side()), probes: [] });
    expect(a.explained).toBe(false);
    expect(a.line).not.toMatch(/older Go|no effect|Installing/);
  });
  it('nor a failed load or silence about the opened file', () => {
    for (const symptom of ['load-failed', 'no-diagnostics'] as const) {
      const s = f({ severity: 'warning', role: 'symptom', symptom, message: symptom });
      const shown = rankCauses([s, ...side()]).flatMap((c) => c.findings).find((x) => x.message === symptom)!;
      expect(shown.explainedBy).toBeUndefined();
    }
  });
});

// A tester's refused download: the online check's finding (headline module-downloads) beside
// gopls's unresolved import (a fetch-failed symptom) was titled by the class, "gopls cannot place
// your files in a module", in the follow-up, the JSON and the Markdown.
describe('a failed download keeps its title beside the symptom it leaves', () => {
  const m = (x: Partial<FindingInput> & Pick<FindingInput, 'severity'>): Finding => f({ classId: 'module-resolution', ...x });
  const online = m({ severity: 'error', headline: 'module-downloads', explains: ['module-resolution'], message: 'the request failed at the HTTP proxy: 407' });
  const unresolved = m({ severity: 'error', role: 'symptom', symptom: 'fetch-failed', message: 'gopls found no module providing golang.org/x/text/language' });
  it('unexplained, the symptom lends the download headline', () => {
    expect(headingOf('module-resolution', [m({ severity: 'error', headline: 'module-downloads' }), unresolved], 'error').title).toBe('go cannot download the modules it needs');
  });
  it('explained by the cause beside it, the cause alone titles it', () => {
    const [cause] = rankCauses([online, unresolved]);
    expect(cause!.title).toBe('go cannot download the modules it needs');
    const refused = m({ severity: 'error', headline: 'sum-mismatch', explains: ['module-resolution'], message: 'go downloaded it and refused it' });
    expect(rankCauses([refused, unresolved])[0]!.title).toBe('go refuses a module that does not match go.sum');
  });
  it('a module not downloaded yet is a note of its own, not a file gopls cannot place', () => {
    const [cause] = rankCauses([m({ severity: 'info', headline: 'modules-not-downloaded' })]);
    expect(cause!.title).toBe('Required modules are not downloaded yet');
  });
  it("under what blocks downloads, the note's go mod download is not offered", () => {
    const note = m({ severity: 'info', headline: 'modules-not-downloaded', fixes: [{ id: 'go-mod-download', kind: 'terminal', title: 'Download', text: 'go mod download', needsRoot: false }] });
    const blocker = m({ ...online, fixes: [{ id: 'go-proxy-env-docs', kind: 'link', title: 'docs', url: 'https://pkg.go.dev/net/http#ProxyFromEnvironment' }] });
    expect(rankCauses([note, blocker])[0]!.fixes.map((x) => x.id)).toEqual(['go-proxy-env-docs']);
    expect(rankCauses([note])[0]!.fixes.map((x) => x.id)).toEqual(['go-mod-download']);
  });
});

describe('an environment cause read only in a log', () => {
  const env = (x: Partial<FindingInput>): Finding => f({ classId: 'env-inheritance', severity: 'error', ...x });
  it('is not told as a shell the editor does not see, which a log cannot show', () => {
    const h = headingOf('env-inheritance', [env({ probeId: 'gopls-logs', message: 'go.mod requires go >= 1.99 (running go 1.26.8; GOTOOLCHAIN=local)' })], 'error');
    expect(h.title).toBe('go or gopls failed because of the environment it was started with');
    expect(h.title).not.toBe(TAXONOMY['env-inheritance'].title);
  });
  it("keeps the class's story when a probe of this machine found it too", () => {
    const h = headingOf('env-inheritance', [env({ probeId: 'gopls-logs' }), env({ probeId: 'login-shell', message: 'go is on the login shell PATH only' })], 'error');
    expect(h.title).toBe(TAXONOMY['env-inheritance'].title);
  });
});

describe("go's refusal of a setting beside the go-environment headline", () => {
  it("titles the cause in go's words and keeps both stories in the explanation", () => {
    const live = f({ classId: 'env-inheritance', severity: 'error', headline: 'go-environment', message: 'GOFLAGS=-bogus: go fails' });
    const refused = f({ classId: 'env-inheritance', severity: 'error', headline: 'go-rejects-setting', headlineText: 'go refuses GOFLAGS (-bogus): "go: parsing $GOFLAGS: unknown flag -bogus"', message: 'go refuses GOFLAGS' });
    const h = headingOf('env-inheritance', [live, refused], 'error');
    expect(h.title).toBe('go refuses GOFLAGS (-bogus): "go: parsing $GOFLAGS: unknown flag -bogus"');
    expect(h.headlines).toEqual(['go-environment', 'go-rejects-setting']);
    expect(h.explanation).toContain('a terminal\'s go fails the same way');
  });
});

describe('a cause of information only is titled as notes, not as the failure its class is about', () => {
  it.each(['gopls-launch', 'env-inheritance', 'module-resolution', 'file-watch', 'memory-limit', 'process-limit', 'noexec-mount', 'fs-access', 'mac-policy'] as const)('%s: info findings get the note title; a warning keeps the class title', (id) => {
    const info = [f({ classId: id, severity: 'info' })];
    expect(headingOf(id, info, 'info').title).toBe(TAXONOMY[id].noteTitle);
    expect(TAXONOMY[id].noteTitle).not.toBe(TAXONOMY[id].title);
    expect(headingOf(id, [...info, f({ classId: id, severity: 'warning' })], 'warning').title).toBe(TAXONOMY[id].title);
  });
  it('a workspace or GOPATH through a symlink (a working setup, a tester\'s) is titled by that, not "cannot place your files"', () => {
    const h = headingOf('module-resolution', [f({ classId: 'module-resolution', severity: 'warning', headline: 'symlinked-path' })], 'warning');
    expect(h.title).toMatch(/through a symlink/);
    expect(h.title).not.toBe(TAXONOMY['module-resolution'].title);
    // Beside a real failure of the class, the class's own title comes back.
    expect(headingOf('module-resolution', [f({ classId: 'module-resolution', severity: 'warning', headline: 'symlinked-path' }), f({ classId: 'module-resolution', severity: 'warning' })], 'warning').title).toBe(TAXONOMY['module-resolution'].title);
  });
});
