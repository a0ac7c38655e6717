// The settings check and `go env -changed` on the real machine: a VS Code user settings.json
// (JSONC) and a workspace .vscode/settings.json, judged against the pinned gopls's real api-json,
// through the real CLI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildOnce, CLI, GO, GOPLS, ROOT } from './support.js';

interface Finding {
  severity: string;
  message: string;
  probeId?: string;
  evidence: Array<{ source: string; line?: number; excerpt: string }>;
}
interface Report {
  causes: Array<{ findings: Finding[] }>;
  goEnvChanged?: Record<string, string>;
  probes: Array<{ id: string; status: string; reason?: string; observed: Record<string, unknown> }>;
}

const TOKEN = 'ghp_' + 'Zq8'.repeat(12);
let tmp: string;

describe.skipIf(!GO)('editor-settings and go-env-changed probes on the real machine', () => {
  let config: string;
  let cache: string;
  let ws: string;
  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'settings-real-'));
    execFileSync(process.execPath, [path.join(ROOT, 'test/setup/install-gopls.mjs')], { stdio: 'inherit' });
    await buildOnce();
    config = path.join(tmp, 'config');
    cache = path.join(tmp, 'cache');
    ws = path.join(tmp, 'ws');
    mkdirSync(path.join(config, 'Code', 'User'), { recursive: true });
    mkdirSync(path.join(ws, '.vscode'), { recursive: true });
    writeFileSync(path.join(ws, 'go.mod'), 'module example.com/ws\n\ngo 1.22\n');
    writeFileSync(path.join(ws, 'a.go'), 'package ws\n');
    writeFileSync(
      path.join(config, 'Code', 'User', 'settings.json'),
      [
        '{',
        '  // what a user really writes: comments and trailing commas',
        '  "editor.formatOnSave": true,',
        '  "gopls": {',
        '    "ui.semanticTokens": true,',
        '    "build.directoryFilters": ["-**/node_modules"],',
        '    "ui.noSemanticString": true,',
        '    "build.buildflags": ["-tags=integration"],',
        '    "ui.diagnostic.analyses": { "unusedparams": false, "shadowing": true, },',
        '  },',
        '}',
      ].join('\n'),
    );
    writeFileSync(path.join(ws, '.vscode', 'settings.json'), '{ "gopls": { "codelenses": { "tidy": true, "vendors": false } } }\n');
  }, 180_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const run = () => {
    const env = { ...process.env, XDG_CONFIG_HOME: config, XDG_CACHE_HOME: cache, GOPRIVATE: 'corp.example.com/*', GOFLAGS: `-header=Authorization:Bearer-${TOKEN}` };
    const r = spawnSync(process.execPath, [CLI, 'diagnose', '--json', '--workspace', ws, '--gopls', GOPLS, '--timeout-ms', '30000'], { env, encoding: 'utf8', timeout: 120_000 });
    if (!r.stdout) throw new Error(`no output (exit ${r.status}): ${r.stderr.slice(0, 2000)}`);
    return { text: r.stdout, report: JSON.parse(r.stdout) as Report };
  };
  const settingsFindings = (r: Report) => r.causes.flatMap((c) => c.findings).filter((f) => f.probeId === 'editor-settings');

  it("flags what gopls v0.23.0's api-json does not document or has deprecated, with its own words and the line", () => {
    const { report } = run();
    const fs = settingsFindings(report);
    const userFile = path.join(config, 'Code', 'User', 'settings.json');
    const by = (s: string) => fs.find((f) => f.message.includes(s));
    // gopls's real DeprecationMessage for noSemanticString.
    expect(by('ui.noSemanticString')).toMatchObject({ severity: 'info', evidence: [{ source: userFile, line: 7 }] });
    expect(by('ui.noSemanticString')!.message).toContain('SemanticTokenTypes["string"] = false');
    expect(by('build.buildflags')).toMatchObject({ severity: 'warning', evidence: [{ source: userFile, line: 8 }] });
    expect(by('build.buildflags')!.message).toContain('did you mean "build.buildFlags"');
    expect(by('analyses.shadowing')).toMatchObject({ severity: 'warning', evidence: [{ source: userFile, line: 9 }] });
    expect(by('codelenses.vendors')).toMatchObject({ severity: 'warning', evidence: [{ source: path.join(ws, '.vscode', 'settings.json'), line: 1 }] });
    expect(by('codelenses.vendors')!.message).toContain('did you mean "vendor"');
    // Documented ones pass: semanticTokens, directoryFilters, the unusedparams analyzer, the tidy lens.
    expect(fs).toHaveLength(4);
    const probe = report.probes.find((p) => p.id === 'editor-settings')!;
    expect(probe.observed).toMatchObject({ sources: [userFile, path.join(ws, '.vscode', 'settings.json')] });
  }, 180_000);

  it('api-json is cached per gopls binary: the second run reads the cache', () => {
    const second = run().report.probes.find((p) => p.id === 'editor-settings')!;
    expect(second.observed.apiJson).toBe('cache');
    expect(readdirSync(path.join(cache, 'go-env-doctor', 'gopls-api'))).toHaveLength(1);
    expect(existsSync(cache)).toBe(true);
  }, 180_000);

  it('go env -changed is a section of the report, redacted', () => {
    const { text, report } = run();
    expect(report.goEnvChanged).toMatchObject({ GOPRIVATE: 'corp.example.com/*' });
    expect(report.goEnvChanged!.GOFLAGS).toBe('-header=***');
    expect(text).not.toContain(TOKEN);
  }, 180_000);
});

// The CLI reads the settings files and hands them to the run with no manifest of the Go extension:
// the manifest is then found on disk, where VS Code installs extensions. A tester's
// ~/.vscode/extensions/golang.go-0.46.1 was never read, and every go.* setting went unchecked.
describe.skipIf(!GO)('go.* settings against the installed Go extension, from the CLI', () => {
  it("a go.* key the installed extension's package.json does not declare is named, with the extension's version", async () => {
    await buildOnce();
    const home = mkdtempSync(path.join(os.tmpdir(), 'settings-ext-'));
    try {
      const ext = path.join(home, '.vscode', 'extensions', 'golang.go-0.46.1');
      mkdirSync(ext, { recursive: true });
      writeFileSync(path.join(ext, 'package.json'), readFileSync(path.join(ROOT, 'test/fixtures/vscode-go/package-excerpt.json')));
      const config = path.join(home, '.config');
      mkdirSync(path.join(config, 'Code', 'User'), { recursive: true });
      writeFileSync(path.join(config, 'Code', 'User', 'settings.json'), '{ "go.neverWasASetting": true }\n');
      const ws = path.join(home, 'ws');
      mkdirSync(ws);
      writeFileSync(path.join(ws, 'go.mod'), 'module example.com/ws\n\ngo 1.22\n');
      writeFileSync(path.join(ws, 'a.go'), 'package ws\n');
      const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: config, XDG_CACHE_HOME: path.join(home, '.cache') };
      const r = spawnSync(process.execPath, [CLI, 'diagnose', '--json', '--workspace', ws, '--gopls', GOPLS, '--timeout-ms', '30000'], { env, encoding: 'utf8', timeout: 120_000 });
      const report = JSON.parse(r.stdout) as Report;
      const probe = report.probes.find((p) => p.id === 'editor-settings')!;
      expect(probe.observed.goExtension).toBe(`0.0.0-excerpt (${path.join(ext, 'package.json')})`);
      const said = report.causes.flatMap((c) => c.findings).filter((f) => f.probeId === 'editor-settings').map((f) => f.message);
      expect(said.some((m) => m.startsWith('Setting go.neverWasASetting is not a setting of the Go extension'))).toBe(true);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 180_000);
});

// A workspace's own go.toolsEnvVars are not applied by the CLI (as Restricted Mode does): it says
// so on stderr, naming the setting, where a tester's .code-workspace GOFLAGS read as no problem.
describe.skipIf(!GO)("a workspace file's go.toolsEnvVars, from the CLI", () => {
  it('are named on stderr as not applied; the report still comes', async () => {
    await buildOnce();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'settings-cw-'));
    try {
      mkdirSync(path.join(dir, 'a'));
      writeFileSync(path.join(dir, 'a', 'go.mod'), 'module a\n\ngo 1.22\n');
      writeFileSync(path.join(dir, 'a', 'main.go'), 'package main\n\nfunc main() {}\n');
      writeFileSync(path.join(dir, 'multi.code-workspace'), JSON.stringify({ folders: [{ path: 'a' }], settings: { 'go.toolsEnvVars': { GOFLAGS: '-mod=vendr' } } }));
      const r = spawnSync(process.execPath, [CLI, 'diagnose', '--workspace', path.join(dir, 'multi.code-workspace'), '--gopls', GOPLS, '--timeout-ms', '30000'], { encoding: 'utf8', timeout: 120_000 });
      expect(r.stderr).toContain('go-env-doctor: Workspace go.toolsEnvVars are ignored');
      expect(r.stdout).toContain('Go Environment Doctor');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

// gopls passes each build.buildFlags entry to go as one argument: what go says of the broken entry
// and of the split one the fix writes, with the real go.
describe.skipIf(!GO)('build.buildFlags entries as go reads them', () => {
  it('"-tags integration" in one entry: go rejects it, the finding says so, and the split entry the fix writes builds the tagged file', async () => {
    const { settingPathFindings } = await import('../../src/probes/editorSettings.js');
    const ws = mkdtempSync(path.join(os.tmpdir(), 'buildflags-'));
    writeFileSync(path.join(ws, 'go.mod'), 'module example.com/bf\n\ngo 1.22\n');
    writeFileSync(path.join(ws, 'it.go'), '//go:build integration\n\npackage bf\n\nfunc Helper() {}\n');
    const list = (flags: string[]) => spawnSync(GO!, ['list', '-f', '{{.GoFiles}}', ...flags, '.'], { cwd: ws, encoding: 'utf8', env: { ...process.env, GOFLAGS: '' } });
    expect(list(['-tags integration']).stderr).toContain('flag provided but not defined: -tags integration');
    const [f] = await settingPathFindings([{ source: path.join(ws, '.vscode', 'settings.json'), values: { gopls: { 'build.buildFlags': ['-tags integration'] } } }], {});
    expect(f!.message).toContain('flag provided but not defined: -tags integration');
    const split = (f!.fixes![0] as { value: { 'build.buildFlags': string[] } }).value['build.buildFlags'];
    const fixed = list(split);
    expect(fixed.status).toBe(0);
    expect(fixed.stdout).toContain('it.go');
    rmSync(ws, { recursive: true, force: true });
  });
});
