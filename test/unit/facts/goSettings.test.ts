import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { doctorInputs as doctorInputsOf, mergedObject, ownSetting, resolveSettingPath, runTimeoutMs, snapshotFromSettingsFiles, type GoSettingsSnapshot } from '../../../src/facts/goSettings.js';
import { DEFAULT_TIMEOUT_MS } from '../../../src/doctor/settings.js';

// Every binary a test names exists, unless a test says otherwise (vscode-go passes over a missing one).
const doctorInputs = (s: GoSettingsSnapshot, env: NodeJS.ProcessEnv) => doctorInputsOf(s, env, () => true);
const base: GoSettingsSnapshot = { trusted: true, alternateTools: {}, toolsEnvVars: {}, languageServerFlags: {}, goroot: {}, gopath: {}, workspaceFolder: '/work/app' };
const env = { HOME: '/home/u', PATH: '/usr/bin', TMPDIR: '/tmp' };

describe('resolveSettingPath (vscode-go resolvePath + substituteEnv)', () => {
  it.each([
    ['~/go/bin/gopls', '/home/u/go/bin/gopls'],
    ['${workspaceFolder}/bin/gopls', '/work/app/bin/gopls'],
    ['${workspaceRoot}/bin/gopls', '/work/app/bin/gopls'],
    ['${env:HOME}/sdk/go', '/home/u/sdk/go'],
    ['/opt/gopls', '/opt/gopls'],
  ])('%s → %s', (v, want) => {
    expect(resolveSettingPath(v, env, '/work/app')).toBe(want);
  });
});

describe('doctorInputs: which gopls go.alternateTools makes the editor run', () => {
  it("an absolute gopls that is not an executable file is passed over, as vscode-go's executableFileExists does", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ged-alt-'));
    try {
      writeFileSync(path.join(dir, 'gopls'), '#!/bin/sh\n', { mode: 0o644 });
      writeFileSync(path.join(dir, 'gopls-ok'), '#!/bin/sh\n', { mode: 0o755 });
      const alt = (p: string) => doctorInputsOf({ ...base, alternateTools: { globalValue: { gopls: p } } }, env).settings.alternateGopls;
      expect(alt(path.join(dir, 'gopls'))).toBeUndefined();
      expect(alt(dir)).toBeUndefined();
      expect(alt(path.join(dir, 'gopls-ok'))).toBe(path.join(dir, 'gopls-ok'));
      expect(alt('gopls-by-name')).toBe('gopls-by-name');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('doctorInputs: what the Go extension settings change', () => {
  it('overlays go.toolsEnvVars, go.goroot and go.gopath on the environment', () => {
    const r = doctorInputs({ ...base, toolsEnvVars: { globalValue: { GOTMPDIR: '~/.cache/go-tmp', GOFLAGS: '-mod=mod' } }, goroot: { globalValue: '/usr/local/go' }, gopath: { workspaceValue: '${workspaceFolder}/.gopath' } }, env);
    expect(r.env).toMatchObject({ GOTMPDIR: '/home/u/.cache/go-tmp', GOFLAGS: '-mod=mod', GOROOT: '/usr/local/go', GOPATH: '/work/app/.gopath', PATH: '/usr/bin' });
    expect(r.restrictedNotes).toEqual([]);
    // Said, so a GOROOT go fails on is placed in go.goroot, not the environment (gorootOrigin.ts).
    expect(r.settings.goroot).toBe('/usr/local/go');
  });

  it('a go.goroot that is not a directory is not applied, as vscode-go ignores it (setGOROOTEnvVar)', () => {
    const r = doctorInputs({ ...base, goroot: { globalValue: '/nonexistent/go1.21' } }, { ...env, GOROOT: '/usr/local/go' });
    expect(r.env.GOROOT).toBe('/usr/local/go');
    expect(r.settings.goroot).toBeUndefined();
  });

  it('uses go.alternateTools.gopls and go.languageServerFlags, folder value over workspace over user', () => {
    const r = doctorInputs({ ...base, alternateTools: { globalValue: { gopls: '/user/gopls' }, workspaceValue: { gopls: '/ws/gopls' } }, languageServerFlags: { globalValue: ['-rpc.trace', '-logfile=auto'] } }, env);
    expect(r.settings).toEqual({ alternateGopls: '/ws/gopls', goplsFlags: ['-rpc.trace', '-logfile=auto'], trustWorkspaceBinaries: true, alternateGoplsFromWorkspace: true });
  });

  it('passes the other go.alternateTools and go.toolsGopath on for the tool inventory, resolved', () => {
    const r = doctorInputs({ ...base, alternateTools: { globalValue: { gopls: '/user/gopls', dlv: '~/bin/dlv-dap', staticcheck: 42 } }, toolsGopath: { globalValue: '${workspaceFolder}/.tools' } }, env);
    expect(r.settings.alternateTools).toEqual({ dlv: '/home/u/bin/dlv-dap' });
    expect(r.settings.toolsGopath).toBe('/work/app/.tools');
  });

  it("prefers the Go extension's own answer (getExecutionCommand('gopls'))", () => {
    const r = doctorInputs({ ...base, alternateTools: { globalValue: { gopls: '/user/gopls' } }, apiGoplsPath: '/home/u/go/bin/gopls' }, env);
    expect(r.settings.alternateGopls).toBe('/home/u/go/bin/gopls');
  });

  describe('in Restricted Mode', () => {
    const untrusted: GoSettingsSnapshot = {
      ...base,
      trusted: false,
      alternateTools: { globalValue: { gopls: '/user/gopls' }, workspaceValue: { gopls: './evil/gopls' } },
      toolsEnvVars: { globalValue: { GOFLAGS: '-mod=mod' }, workspaceValue: { PATH: '/work/app/bin' } },
      goroot: { workspaceValue: '/work/app/fake-go' },
    };

    it('never names a workspace binary and says so', () => {
      const r = doctorInputs(untrusted, env);
      expect(r.settings).toMatchObject({ alternateGopls: '/user/gopls', trustWorkspaceBinaries: false, alternateGoplsFromWorkspace: true });
      expect(r.env.PATH).toBe('/usr/bin');
      expect(r.env.GOROOT).toBeUndefined();
      expect(r.env.GOFLAGS).toBe('-mod=mod');
      expect(r.restrictedNotes.join(' ')).toMatch(/go\.alternateTools\.gopls \(\.\/evil\/gopls\) is not executed/);
      expect(r.restrictedNotes.join(' ')).toMatch(/go\.toolsEnvVars are ignored/);
    });

    it("ignores the Go extension's answer when it is the workspace's binary", () => {
      const r = doctorInputs({ ...untrusted, alternateTools: { workspaceValue: { gopls: '/work/app/bin/gopls' } }, apiGoplsPath: '/work/app/bin/gopls' }, env);
      expect(r.settings.alternateGopls).toBeUndefined();
    });

    it('still has a note when no workspace setting is involved', () => {
      const r = doctorInputs({ ...base, trusted: false }, env);
      expect(r.restrictedNotes).toHaveLength(1);
      expect(r.settings.trustWorkspaceBinaries).toBe(false);
    });
  });
});

describe('ownSetting: goEnvDoctor.extraLogPaths and runTimeoutMs (restrictedConfigurations)', () => {
  const logs = { globalValue: ['/home/u/gopls.log'], workspaceValue: ['/proc/kmsg'], workspaceFolderValue: ['/dev/tty'] };
  it('trusted: the folder value wins, as VS Code applies it', () => {
    expect(ownSetting(logs, true)).toEqual(['/dev/tty']);
  });
  it('Restricted Mode: a workspace cannot name files for the doctor to open', () => {
    expect(ownSetting(logs, false)).toEqual(['/home/u/gopls.log']);
    expect(ownSetting({ workspaceValue: 120000 }, false)).toBeUndefined();
  });
});

describe('runTimeoutMs: goEnvDoctor.runTimeoutMs, else the deprecated probeTimeoutMs, else the default', () => {
  it('the new key wins; the old one is read when the new one is unset; then the default', () => {
    expect(runTimeoutMs({ globalValue: 20000 }, { globalValue: 30000 }, true)).toBe(20000);
    expect(runTimeoutMs({}, { globalValue: 30000 }, true)).toBe(30000);
    expect(runTimeoutMs({}, {}, true)).toBe(DEFAULT_TIMEOUT_MS);
  });
  it('Restricted Mode: a workspace value of either key is ignored; never below 1 s', () => {
    expect(runTimeoutMs({ workspaceValue: 120000 }, { workspaceValue: 120000 }, false)).toBe(DEFAULT_TIMEOUT_MS);
    expect(runTimeoutMs({ globalValue: 5 }, {}, true)).toBe(1000);
    expect(runTimeoutMs({ globalValue: 'soon' }, { globalValue: 9000 }, true)).toBe(9000);
  });
});

describe('snapshotFromSettingsFiles (the CLI: settings.json files instead of a live editor)', () => {
  const user1 = '/home/ann/.config/Code/User/settings.json';
  const user2 = '/home/ann/.vscode-server/data/Machine/settings.json';
  const ws = '/src/app/.vscode/settings.json';
  const sources = [
    { source: user1, values: { 'go.alternateTools': { gopls: '~/bin/gopls-old' }, 'go.languageServerFlags': ['-rpc.trace'] } },
    { source: user2, values: { 'go.alternateTools': { gopls: '${env:HOME}/bin/gopls', dlv: 'dlv-dap' } } },
    { source: ws, values: { 'go.alternateTools': { gopls: './evil' }, 'go.languageServerFlags': ['-logfile', '/tmp/x.log'] } },
  ];
  const snap = snapshotFromSettingsFiles(sources, new Set([user1, user2]), '/src/app');
  const { settings } = doctorInputs(snap, { HOME: '/home/ann' });

  it("takes the user's files as the global value, the last one that sets a key winning", () => {
    expect(settings.alternateGopls).toBe('/home/ann/bin/gopls');
    expect(settings.alternateTools).toEqual({ dlv: 'dlv-dap' });
  });

  it("takes the workspace's go.languageServerFlags over the user's, as VS Code does even in Restricted Mode (not a restricted setting), and says where they came from", () => {
    expect(settings.goplsFlags).toEqual(['-logfile', '/tmp/x.log']);
    expect(settings.goplsFlagsFromWorkspace).toBe(true);
    // A workspace's [] clears the user's flags (a tester's false alarm from the user's broken -logfile).
    const cleared = snapshotFromSettingsFiles([sources[0]!, { source: ws, values: { 'go.languageServerFlags': [] } }], new Set([user1]), '/src/app');
    expect(doctorInputs(cleared, {}).settings.goplsFlags).toEqual([]);
    expect(doctorInputs(snapshotFromSettingsFiles([sources[0]!], new Set([user1])), {}).settings).toMatchObject({ goplsFlags: ['-rpc.trace'] });
    expect(doctorInputs(snapshotFromSettingsFiles([sources[0]!], new Set([user1])), {}).settings.goplsFlagsFromWorkspace).toBeUndefined();
  });

  it("hands the doctor's gopls the user's gopls settings, never the checkout's", () => {
    const s = snapshotFromSettingsFiles(
      [
        { source: user1, values: { gopls: { 'build.env': { GOFLAGS: '-tags=it' }, 'ui.semanticTokens': true } } },
        { source: ws, values: { gopls: { 'build.env': { CC: './evil-cc' } } } },
      ],
      new Set([user1]),
      '/src/app',
    );
    expect(doctorInputs(s, { HOME: '/home/ann' }).settings.goplsSettings).toEqual({ 'build.env': { GOFLAGS: '-tags=it' }, 'ui.semanticTokens': true });
    expect(doctorInputs(snapshotFromSettingsFiles([{ source: ws, values: { gopls: { 'build.env': { CC: './evil-cc' } } } }], new Set([user1])), {}).settings.goplsSettings).toBeUndefined();
  });

  it("never lets the workspace's own file name a binary (Restricted Mode's rule)", () => {
    expect(snap.trusted).toBe(false);
    expect(snap.alternateTools.workspaceValue).toEqual({ gopls: './evil' });
    expect(settings.alternateGopls).not.toContain('evil');
  });
});

describe('mergedObject: an object setting such as "gopls" as VS Code merges its scopes', () => {
  const i = { globalValue: { 'build.env': { GOFLAGS: '-tags=a' }, build: { directoryFilters: ['-x'] }, 'ui.semanticTokens': true }, workspaceValue: { build: { buildFlags: ['-race'] }, 'ui.semanticTokens': false }, workspaceFolderValue: { 'build.env': { CGO_ENABLED: '0' } } };
  it('trusted: key by key, folder over workspace over user, one level down merged', () => {
    expect(mergedObject(i, true)).toEqual({ 'build.env': { GOFLAGS: '-tags=a', CGO_ENABLED: '0' }, build: { directoryFilters: ['-x'], buildFlags: ['-race'] }, 'ui.semanticTokens': false });
  });
  it("Restricted Mode: the user's alone", () => {
    expect(mergedObject(i, false)).toEqual(i.globalValue);
  });
  it('ignores a scope whose value is not an object', () => {
    expect(mergedObject({ globalValue: ['x'] as unknown as Record<string, unknown>, workspaceValue: { a: 1 } }, true)).toEqual({ a: 1 });
  });
});

describe('a go.alternateTools.gopls that is not there', () => {
  it('an absolute path with no file is passed over, as vscode-go passes over it: gopls is looked up the usual way', () => {
    const s = { ...base, alternateTools: { globalValue: { gopls: '/opt/gone/gopls' } } };
    expect(doctorInputsOf(s, env, () => false).settings.alternateGopls).toBeUndefined();
    expect(doctorInputsOf(s, env, (p) => p === '/opt/gone/gopls').settings.alternateGopls).toBe('/opt/gone/gopls');
  });
  it('a bare name is looked up on PATH as given', () => {
    expect(doctorInputsOf({ ...base, alternateTools: { globalValue: { gopls: 'gopls-nightly' } } }, env, () => false).settings.alternateGopls).toBe('gopls-nightly');
  });
});
