// The settings check's pure parts: JSONC settings files, the Go extension's declarations, the
// live configuration snapshot, and the judgement against a gopls settings list.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_SETTINGS_DEPTH, nestedDeeperThan, parseSettingsJsonc } from '../../../src/facts/editorSettings.js';
import { manifestFromPackageJson } from '../../../src/facts/goExtensionManifest.js';
import { parseGoplsApiJson, type GoplsApi } from '../../../src/facts/goplsApi.js';
import { languageServerOff, nearMiss, settingPathFindings, settingsFindings, unreadableSettingsFindings } from '../../../src/probes/editorSettings.js';
import { liveEditorSettings } from '../../../src/vscode/editorSettings.js';
import { watcherExcludePatterns } from '../../../src/facts/watcherExclude.js';

const manifest = manifestFromPackageJson(readFileSync(path.resolve(__dirname, '../../fixtures/vscode-go/package-excerpt.json'), 'utf8'), 'package.json')!;

// A settings list in api-json's shape, with other names than the real gopls has.
const api: GoplsApi = parseGoplsApiJson(
  JSON.stringify({
    Options: {
      User: [
        { Name: 'directoryFilters', Hierarchy: 'build', DeprecationMessage: '' },
        { Name: 'hoverKind', Hierarchy: 'ui.documentation', DeprecationMessage: '' },
        { Name: 'oldKnob', Hierarchy: 'ui', DeprecationMessage: 'use newKnob instead.\n' },
        { Name: 'analyses', Hierarchy: 'ui.diagnostic' },
        { Name: 'codelenses', Hierarchy: 'ui' },
      ],
    },
    Analyzers: [{ Name: 'nilness' }, { Name: 'unusedwrite' }],
    Lenses: [{ Lens: 'generate' }, { Lens: 'tidy' }],
    Hints: [{ Name: 'parameterNames' }],
  }),
)!;

describe('parseSettingsJsonc on what a hostile checkout can hold', () => {
  it('a file nested thousands deep is reported unread, not a stack overflow that ends the run', () => {
    const deep = parseSettingsJsonc(`{"a": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`, '/ws/.vscode/settings.json');
    expect(deep).toEqual({ source: '/ws/.vscode/settings.json', values: {}, error: `nested deeper than ${MAX_SETTINGS_DEPTH} levels: not read` });
    expect(parseSettingsJsonc('['.repeat(100_000), 's').error).toContain('nested deeper');
  });

  it.each([
    ['brackets in strings and comments do not count', `{"x": "${'['.repeat(400)}", /* ${'{'.repeat(400)} */ "y": 1 // ${'['.repeat(400)}\n}`, false],
    ['an escaped quote keeps the string open', `{"x": "a\\"${'['.repeat(400)}"}`, false],
    ['just over the limit', `${'['.repeat(257)}${']'.repeat(257)}`, true],
    ['at the limit', `${'['.repeat(256)}${']'.repeat(256)}`, false],
  ])('nestedDeeperThan: %s', (_, text, want) => {
    expect(nestedDeeperThan(text, 256)).toBe(want);
  });
});

describe("a go.* object's keys on lines of their own", () => {
  it('are cited at their own line, not the parent key\'s', async () => {
    const text = '{\n  "go.buildOnSave": "off",\n  "go.alternateTools": {\n    "dlv": "dlv-dap",\n    "gopls": "/opt/gone/gopls"\n  }\n}\n';
    const src = parseSettingsJsonc(text, '/h/settings.json');
    expect(src.lines).toMatchObject({ 'go.alternateTools': 3, 'go.alternateTools\u0000gopls': 5 });
    const [f] = await settingPathFindings([src], {});
    expect(f!.evidence[0]).toEqual({ source: '/h/settings.json:5', excerpt: '"gopls": "/opt/gone/gopls"' });
  });
});

describe('languageServerOff', () => {
  const user = '/home/u/.config/Code/User/settings.json';
  const ws = '/w/app/.vscode/settings.json';
  it('go.useLanguageServer false where it takes effect: a warning with the line and the setting back on', () => {
    const [f] = languageServerOff([{ source: user, values: { 'go.useLanguageServer': false }, lines: { 'go.useLanguageServer': 3 } }]);
    expect(f).toMatchObject({ classId: 'gopls-launch', severity: 'warning' });
    expect(f!.message).toContain('the Go extension starts no gopls');
    expect(f!.evidence[0]!.source).toBe(`${user}:3`);
    expect(f!.fixes?.[0]).toMatchObject({ kind: 'setting', key: 'go.useLanguageServer', value: true, target: 'user' });
  });
  it("a workspace's true over the user's false, or no setting: nothing; a workspace's false: its own fix target", () => {
    expect(languageServerOff([{ source: user, values: { 'go.useLanguageServer': false } }, { source: ws, values: { 'go.useLanguageServer': true } }])).toEqual([]);
    expect(languageServerOff([{ source: user, values: {} }])).toEqual([]);
    expect(languageServerOff([{ source: user, values: { 'go.useLanguageServer': true } }, { source: ws, values: { 'go.useLanguageServer': false } }])[0]!.fixes?.[0]).toMatchObject({ target: 'workspace' });
  });
});

describe('unreadableSettingsFindings: a settings file the editor cannot save to', () => {
  it.each([
    ['empty', ''],
    ['comments alone', '// my settings\n/* none yet */\n'],
    ['an empty object', '{}\n'],
  ])('%s: nothing to say', (_, text) => {
    expect(unreadableSettingsFindings([parseSettingsJsonc(text, '/h/settings.json')])).toEqual([]);
  });

  it('a missing comma: read around it, and a warning naming the line', () => {
    const src = parseSettingsJsonc('{\n  "go.buildOnSave": "off"\n  "gopls": { "ui.semanticTokens": true }\n}\n', '/h/settings.json');
    expect(src.values).toMatchObject({ 'go.buildOnSave': 'off', gopls: { 'ui.semanticTokens': true } });
    const [f] = unreadableSettingsFindings([src]);
    expect(f).toMatchObject({ severity: 'warning', headline: 'ineffective-settings' });
    expect(f!.message).toContain('JSON error at line 3 (CommaExpected)');
    expect(f!.evidence[0]).toEqual({ source: '/h/settings.json:3', excerpt: '"gopls": { "ui.semanticTokens": true }' });
  });

  it('any JSON error: the fix opens the file at the line of the error', () => {
    const src = parseSettingsJsonc('{\n  "go.buildOnSave": "off",\n  "gopls": { "ui.semanticTokens": true }\n}\n}\n', '/h/.config/Code/User/settings.json');
    const [f] = unreadableSettingsFindings([src]);
    expect(f!.fixes).toEqual([expect.objectContaining({ kind: 'openFile', path: '/h/.config/Code/User/settings.json', line: src.syntaxError!.line })]);
    // A brace too many moved nothing under "gopls": it explains nothing gopls says.
    expect(f!.explains).toBeUndefined();
  });

  it.each([
    ['one key, two-space indent', ['{', '  "gopls": {', '    "ui.semanticTokens": true,', '  "go.toolsEnvVars": { "GOFLAGS": "-mod=mod" }', '}'], ['go.toolsEnvVars'], 4],
    ['two keys, tabs, one of them no go.* key', ['{', '\t"editor.tabSize": 4,', '\t"gopls": {', '\t\t"build.buildFlags": ["-tags=x"],', '\t"editor.formatOnSave": true,', '\t"go.lintTool": "staticcheck",', '}'], ['editor.formatOnSave', 'go.lintTool'], 5],
  ])('a "}" missing after "gopls": { … (%s): the moved keys are named, and the error explains gopls refusing them', (_, lines, keys, firstLine) => {
    const src = parseSettingsJsonc(lines.join('\n'), '/h/settings.json');
    expect(src.syntaxError?.misplaced?.map((m) => m.key)).toEqual(keys);
    const [f] = unreadableSettingsFindings([src]);
    for (const k of keys) expect(f!.message).toContain(JSON.stringify(k));
    expect(f).toMatchObject({ explains: ['gopls-launch'], explainsKinds: ['setting-refused'] });
    // Opened where the brace belongs: before the first moved key.
    expect(f!.fixes![0]).toMatchObject({ kind: 'openFile', line: firstLine });
    expect(f!.headlineText).toContain('JSON error');
  });

  it('a moved key is not reported again as a gopls setting gopls does not document', () => {
    const src = parseSettingsJsonc('{\n  "gopls": {\n    "ui.semanticTokens": true,\n    "ui.noSuchThing": true,\n  "go.toolsEnvVars": {}\n}\n', '/h/settings.json');
    const api = { options: [{ name: 'semanticTokens', hierarchy: 'ui' }], analyzers: [], lenses: [], hints: [] } as unknown as GoplsApi;
    const msgs = settingsFindings({ sources: [src], api, gopls: 'gopls', apiSource: 'api-json' }).map((f) => f.message);
    expect(msgs.some((m) => m.includes('ui.noSuchThing'))).toBe(true);
    expect(msgs.some((m) => m.includes('go.toolsEnvVars'))).toBe(false);
  });

  it('a file not read at all (an array, or nested too deep): a warning that its settings were not checked', () => {
    const [f] = unreadableSettingsFindings([parseSettingsJsonc('["go.buildOnSave"]', '/h/settings.json')]);
    expect(f!.message).toContain('could not be read as settings (not a JSON object)');
  });
});

describe('parseSettingsJsonc', () => {
  it('reads comments and trailing commas, and the line of each gopls and go.* key', () => {
    const text = ['// top comment', '{', '  /* block */ "editor.tabSize": 4,', '  "gopls": {', '    "ui.documentation.hoverKind": "FullDocumentation", // why', '    "analyses": {', '      "nilnes": true,', '    },', '  },', '  "go.buildOnSave": "off",', '}', ''].join('\n');
    const s = parseSettingsJsonc(text, '/h/settings.json');
    expect(s.error).toBeUndefined();
    expect(s.values).toEqual({ 'editor.tabSize': 4, gopls: { 'ui.documentation.hoverKind': 'FullDocumentation', analyses: { nilnes: true } }, 'go.buildOnSave': 'off' });
    expect(s.lines).toMatchObject({ gopls: 4, 'gopls\u0000ui.documentation.hoverKind': 5, 'gopls\u0000analyses\u0000nilnes': 7, 'go.buildOnSave': 10 });
  });

  it.each([
    ['all on one line: only a top-level form tells', '{"gopls": {"ui.semanticTokens": true, "go.toolsEnvVars": {}, "[go]": {}}', ['go.toolsEnvVars', '[go]']],
    ['a missing comma moves nothing', '{\n  "gopls": { "a": 1\n  "go.x": 2 }\n}\n', []],
    ['a closed "gopls" and a brace too many', '{\n  "gopls": { "a": 1 },\n  "go.x": 2\n}\n}\n', []],
    ['an open object that is not the last: not a missing brace at the end', '{\n  "gopls": { "a": 1,\n  "go.x": 2,\n  "b": [\n}\n', []],
    ['deeper keys of a left-open "gopls" stay its own', '{\n    "gopls": {\n        "ui.semanticTokens": true,\n        "formatting.gofumpt": true\n}\n', []],
  ])('misplaced keys: %s', (_, text, keys) => {
    const s = parseSettingsJsonc(text, 'x');
    expect(s.syntaxError).toBeDefined();
    expect((s.syntaxError?.misplaced ?? []).map((m) => m.key)).toEqual(keys);
  });

  it('a file that is no object is named, not thrown', () => {
    expect(parseSettingsJsonc('[1, 2]', 'x').error).toMatch(/not a JSON object/);
    expect(parseSettingsJsonc('', 'x').values).toEqual({});
  });
});

describe('manifestFromPackageJson (a real excerpt of the Go extension)', () => {
  it('keeps every declared setting, with markdownDeprecationMessage as its deprecation', () => {
    expect(Object.keys(manifest.properties)).toHaveLength(8);
    expect(manifest.properties['go.buildOnSave']!.deprecationMessage).toMatch(/Enable the Go language server/);
    expect(manifest.properties['go.buildTags']).toEqual({});
    expect(manifestFromPackageJson('{', 'x')).toBeUndefined();
  });
});

describe('settingsFindings', () => {
  const run = (values: Record<string, unknown>, lines?: Record<string, number>) => settingsFindings({ sources: [{ source: '/h/settings.json', values, lines }], api, gopls: 'gopls (/bin/gopls)', apiSource: 'gopls api-json', manifest });

  it('a documented setting, under its hierarchy or not, and a known analyzer or lens: nothing', () => {
    expect(run({ gopls: { 'build.directoryFilters': ['-node_modules'], hoverKind: 'Synopsis', analyses: { nilness: false }, codelenses: { tidy: true } }, 'go.buildTags': 'integration' })).toEqual([]);
  });

  it('a near miss of a documented name is a warning naming it with its hierarchy', () => {
    const [f] = run({ gopls: { 'ui.documentation.hoverkind': 'Synopsis' } }, { 'gopls\u0000ui.documentation.hoverkind': 12 });
    expect(f).toMatchObject({ classId: 'gopls-launch', severity: 'warning' });
    expect(f!.message).toContain('did you mean "ui.documentation.hoverKind"');
    expect(f!.evidence[0]).toEqual({ source: '/h/settings.json', line: 12, excerpt: '"gopls": { "ui.documentation.hoverkind": "Synopsis" }' });
  });

  it('any other undocumented name is an info that says gopls may still accept it internally', () => {
    const [f] = run({ gopls: { completelyDifferent: true } });
    expect(f).toMatchObject({ severity: 'info' });
    expect(f!.message).toMatch(/not among the 5 settings .*internal options/);
  });

  it("a deprecated one quotes gopls's replacement", () => {
    const [f] = run({ gopls: { 'ui.oldKnob': true } });
    expect(f).toMatchObject({ severity: 'info' });
    expect(f!.message).toBe('Setting gopls ui.oldKnob is deprecated in gopls (/bin/gopls): use newKnob instead.');
  });

  it('analyzer, lens and hint names are checked against their own lists', () => {
    const fs = run({ gopls: { 'ui.diagnostic.analyses': { nilnes: true, unusedwrite: true }, codelenses: { vendor: true }, 'ui.inlayhint.hints': { parameterNames: true, rangeVariableTypes: true } } });
    expect(fs.map((f) => f.message.split(' that ')[0])).toEqual([
      'Setting gopls ui.diagnostic.analyses.nilnes names no analyzer',
      'Setting gopls codelenses.vendor names no code lens',
      'Setting gopls ui.inlayhint.hints.rangeVariableTypes names no inlay hint',
    ]);
    expect(fs[0]!.message).toContain('did you mean "nilness"');
    expect(fs.every((f) => f.severity === 'warning')).toBe(true);
  });

  it("go.* keys against the Go extension's declarations: deprecated and unknown are infos", () => {
    const fs = run({ 'go.buildOnSave': 'off', 'go.buildTag': 'x', 'go.neverWasASetting': 1, 'editor.fontSize': 3 });
    expect(fs.map((f) => [f.severity, f.message.split(' 0.0.0-excerpt')[0]])).toEqual([
      ['info', 'Setting go.buildOnSave is deprecated by the Go extension'],
      ['info', 'Setting go.buildTag is not a setting of the Go extension'],
      ['info', 'Setting go.neverWasASetting is not a setting of the Go extension'],
    ]);
    expect(fs[0]!.message).toContain('Enable the Go language server');
    expect(fs[1]!.message).toContain('did you mean "go.buildTags"');
  });

  it('without gopls api-json or the manifest, that half is not judged', () => {
    expect(settingsFindings({ sources: [{ source: 's', values: { gopls: { nope: 1 }, 'go.nope': 1 } }], gopls: 'gopls', apiSource: 'gopls api-json' })).toEqual([]);
  });
});

describe('nearMiss', () => {
  it.each([
    ['buildflags', ['buildFlags', 'env'], 'buildFlags'],
    ['usePlaceHolder', ['usePlaceholders'], 'usePlaceholders'],
    ['env', ['end'], undefined],
    ['staticcheckk', ['staticcheck', 'vulncheck'], 'staticcheck'],
    ['semanticTokens', [], undefined],
  ] as const)('%s → %s', (name, known, want) => {
    expect(nearMiss(name, known)).toBe(want);
  });
});

describe('liveEditorSettings (the extension passes its live configuration)', () => {
  it('one source per scope holding gopls and the go.* keys worth checking', () => {
    const inspect: Record<string, { globalValue?: unknown; workspaceValue?: unknown }> = {
      buildOnSave: { globalValue: 'off' },
      typoSetting: { workspaceValue: true },
    };
    const sources = liveEditorSettings({
      gopls: { globalValue: { hoverKind: 'Synopsis' } },
      // getConfiguration('go') holds every declared setting with its default, and the unknown key.
      goSection: { showWelcome: true, buildOnSave: 'off', buildFlags: [], typoSetting: true },
      inspectGo: (k) => inspect[k] ?? {},
      manifest,
    });
    expect(sources).toEqual([
      { source: 'VS Code user settings', values: { gopls: { hoverKind: 'Synopsis' }, 'go.buildOnSave': 'off' } },
      { source: 'VS Code workspace settings', values: { 'go.typoSetting': true } },
    ]);
  });

  it("files.watcherExclude per scope, a folder's under its settings file, so the inotify probe applies it to that folder alone", () => {
    const sources = liveEditorSettings({
      gopls: {},
      goSection: {},
      inspectGo: () => ({}),
      watcherExclude: { globalValue: { '**/node_modules/**': true } },
      folderWatcherExcludes: [{ folder: '/src/a', value: { '**/vendor/**': true } }, { folder: '/src/b', value: undefined }],
    });
    expect(sources).toEqual([
      { source: 'VS Code user settings', values: { 'files.watcherExclude': { '**/node_modules/**': true } } },
      { source: '/src/a/.vscode/settings.json', values: { 'files.watcherExclude': { '**/vendor/**': true } } },
    ]);
    expect(watcherExcludePatterns(sources, '/src/a', ['/src/a', '/src/b'])).toContain('**/vendor/**');
    expect(watcherExcludePatterns(sources, '/src/b', ['/src/a', '/src/b'])).not.toContain('**/vendor/**');
  });
});

describe('settingPathFindings: settings naming what is not there (stat only, never run)', () => {
  it('a build.buildFlags entry holding a flag and its value ("-tags integration"): an error with the split entry as the fix; "-tags=integration" and ["-tags", "x"] say nothing', async () => {
    const src = '/home/u/.config/Code/User/settings.json';
    const bad = await settingPathFindings([{ source: src, values: { gopls: { 'build.buildFlags': ['-tags integration', '-trimpath'] } } }], {});
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ classId: 'module-resolution', severity: 'error' });
    expect(bad[0]!.message).toContain('flag provided but not defined: -tags integration');
    expect(bad[0]!.fixes?.[0]).toMatchObject({ id: 'gopls-build-flags-split', key: 'gopls', value: { 'build.buildFlags': ['-tags=integration', '-trimpath'] }, target: 'user' });
    for (const ok of [['-tags=integration'], ['-tags', 'integration'], ['-tags=a b']]) expect(await settingPathFindings([{ source: src, values: { gopls: { 'build.buildFlags': ok } } }], {})).toEqual([]);
  });

  it('go.goroot without bin/go and go.alternateTools.gopls naming a missing file, from a workspace file; dlv and existing paths say nothing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ged-settings-'));
    try {
      const ws = path.join(dir, 'ws');
      mkdirSync(path.join(ws, '.vscode'), { recursive: true });
      const goroot = path.join(dir, 'goroot');
      mkdirSync(path.join(goroot, 'bin'), { recursive: true });
      writeFileSync(path.join(goroot, 'bin', 'go'), '');
      const src = path.join(ws, '.vscode', 'settings.json');
      const bad = await settingPathFindings([{ source: src, values: { 'go.goroot': '/opt/go-missing', 'go.alternateTools': { gopls: '${workspaceFolder}/bin/gopls', dlv: '/opt/none/dlv' } }, lines: { 'go.goroot': 2 } }], {});
      expect(bad.map((f) => f.classId)).toEqual(['env-inheritance', 'gopls-launch']);
      // No such directory: vscode-go ignores go.goroot (setGOROOTEnvVar), and passes over an
      // absolute alternate tool that is not an executable file: neither is "runs it and fails".
      expect(bad[0]!.message).toContain('"/opt/go-missing", which does not exist: the Go extension ignores it');
      expect(bad[0]!.message).toContain('once the workspace is trusted');
      expect(bad[0]!.evidence[0]!.source).toBe(`${src}:2`);
      expect(bad[1]!.message).toContain('the Go extension passes over it and runs the gopls it finds the usual way');
      expect(bad[1]!.evidence[1]!.source).toBe(`stat ${ws}/bin/gopls`);
      // A directory that is there but holds no bin/go: GOROOT is set to it, and go fails.
      mkdirSync(path.join(dir, 'empty-goroot'));
      const empty = await settingPathFindings([{ source: src, values: { 'go.goroot': path.join(dir, 'empty-goroot') } }], {});
      expect(empty[0]!.message).toContain(`${path.join(dir, 'empty-goroot', 'bin', 'go')} does not exist: the Go extension sets GOROOT to it`);
      const fine = await settingPathFindings([{ source: '/home/u/.config/Code/User/settings.json', values: { 'go.goroot': goroot, 'go.alternateTools': { gopls: 'gopls' } } }], {});
      expect(fine).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("go.alternateTools naming a folder or a file without execute permission: said as it is (not \"does not exist\"), the folder's program offered", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ged-settings-'));
    try {
      mkdirSync(path.join(dir, 'gobin'));
      writeFileSync(path.join(dir, 'gobin', 'go'), '#!/bin/sh\n', { mode: 0o755 });
      writeFileSync(path.join(dir, 'gopls'), '#!/bin/sh\n', { mode: 0o644 });
      const src = '/home/u/.config/Code/User/settings.json';
      const [folder, noExec] = await settingPathFindings([{ source: src, values: { 'go.alternateTools': { go: path.join(dir, 'gobin'), gopls: path.join(dir, 'gopls') } } }], {});
      expect(folder!.message).toContain(`is ${JSON.stringify(path.join(dir, 'gobin'))}, a directory, not the program: the Go extension passes over it`);
      expect(folder!.evidence[1]).toEqual({ source: `stat ${path.join(dir, 'gobin')}`, excerpt: 'a directory' });
      expect(folder!.fixes?.[0]).toMatchObject({ id: 'alternate-tools-go', key: 'go.alternateTools', value: { go: path.join(dir, 'gobin', 'go') } });
      expect(noExec!.message).toContain('a file without execute permission (mode 0644)');
      expect(noExec!.evidence[1]!.excerpt).toContain('not executable');
      expect(noExec!.fixes).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
