import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_CATEGORY, COMMANDS } from '../../../src/vscode/commandTable.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

describe('package.json manifest', () => {
  it('contributes exactly the commands of the command table, in the Go category', () => {
    const contributed = pkg.contributes.commands as Array<{ command: string; title: string; category: string }>;
    expect(contributed.map((c) => c.command)).toEqual(COMMANDS.map((c) => c.id));
    expect(contributed.map((c) => c.title)).toEqual(COMMANDS.map((c) => c.title));
    for (const c of contributed) expect(c.category).toBe(COMMAND_CATEGORY);
  });

  it('names the commands of the shared contract', () => {
    expect(Object.fromEntries(COMMANDS.map((c) => [c.id, c.title]))).toEqual({
      'goEnvDoctor.diagnose': 'Diagnose Environment',
      'goEnvDoctor.recordTraceAndDiagnose': 'Record gopls Trace and Diagnose',
      'goEnvDoctor.copyReportMarkdown': 'Copy Environment Report as Markdown',
      'goEnvDoctor.clearGoplsCache': 'Clear gopls Cache',
      'goEnvDoctor.showReport': 'Show Environment Report',
    });
  });

  it('is the extension the e2e suite installs', () => {
    expect(`${pkg.publisher}.${pkg.name}`).toBe('go-env-doctor.go-env-doctor');
    expect(pkg.main).toBe('./dist/extension.js');
  });

  it('activates cheaply: on Go files, on go.mod/go.work workspaces, on its commands and its panel, never on "*"', () => {
    const ev = pkg.activationEvents as string[];
    expect(ev).toEqual(expect.arrayContaining(['onLanguage:go', 'workspaceContains:**/go.mod', 'workspaceContains:**/go.work', 'onWebviewPanel:goEnvDoctor.report']));
    for (const c of COMMANDS) expect(ev).toContain(`onCommand:${c.id}`);
    expect(ev).not.toContain('*');
    expect(ev.filter((e) => e === 'onStartupFinished')).toEqual([]);
  });

  it('runs where Go runs and is limited in untrusted workspaces', () => {
    expect(pkg.extensionKind).toEqual(['workspace']);
    expect(pkg.capabilities.untrustedWorkspaces.supported).toBe('limited');
    expect(pkg.capabilities.untrustedWorkspaces.description).toMatch(/workspace settings/);
  });

  it('declares every setting\'s scope, and keeps file-naming settings out of a workspace\'s reach in Restricted Mode (issue 9 finding 8)', () => {
    const p = pkg.contributes.configuration.properties as Record<string, { scope?: string }>;
    for (const [k, v] of Object.entries(p)) expect(v.scope, k).toMatch(/^(application|machine|machine-overridable|window|resource|language-overridable)$/);
    expect(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations).toEqual(expect.arrayContaining(['goEnvDoctor.extraLogPaths', 'goEnvDoctor.runTimeoutMs', 'goEnvDoctor.probeTimeoutMs']));
  });

  it('contributes the goEnvDoctor.* settings with their contract defaults', () => {
    const p = pkg.contributes.configuration.properties;
    expect(p['goEnvDoctor.autoRunOnCrash']).toMatchObject({ type: 'boolean', default: true });
    expect(p['goEnvDoctor.runTimeoutMs']).toMatchObject({ type: 'number', default: 8000 });
    // The old name of the run's deadline, still read as a fallback, shown as deprecated.
    expect(p['goEnvDoctor.probeTimeoutMs']).toMatchObject({ type: 'number', deprecationMessage: expect.stringContaining('goEnvDoctor.runTimeoutMs') });
    expect(p['goEnvDoctor.extraLogPaths']).toMatchObject({ type: 'array', items: { type: 'string' } });
    expect(p['goEnvDoctor.statusBar']).toMatchObject({ type: 'string', enum: ['problems', 'always', 'never'], default: 'problems' });
    expect(Object.keys(p).sort()).toEqual(['goEnvDoctor.autoRunOnCrash', 'goEnvDoctor.extraLogPaths', 'goEnvDoctor.probeTimeoutMs', 'goEnvDoctor.runTimeoutMs', 'goEnvDoctor.statusBar']);
  });

  it('has a PNG icon', () => {
    const png = readFileSync(pkg.icon);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  it('ships only the bundles and media (.vscodeignore is an allow-list)', () => {
    const lines = readFileSync('.vscodeignore', 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    expect(lines[0]).toBe('**');
    const allowed = lines.filter((l) => l.startsWith('!')).map((l) => l.slice(1));
    expect(allowed).toEqual(expect.arrayContaining(['dist/extension.js', 'dist/app.js', 'dist/engine.js', 'dist/webview/main.js', 'dist/webview/main.css', 'dist/webview/codicon.css', 'dist/webview/codicon.ttf', 'media/icon.png']));
    for (const a of allowed) expect(a).not.toMatch(/^(src|test|node_modules|webview)\b|\.map$|\*\*/);
  });
});
