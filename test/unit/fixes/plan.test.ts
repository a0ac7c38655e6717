// A fix's instruction in the CLI and what its button does are the same thing, read from the same
// data: the report's fixes are printed by the real text renderer, and pressed through the real
// vscode/fixRunner.ts (bundled as npm run build bundles it) against a recording stand-in for the
// `vscode` module. Each recorded action is turned back into a step and printed the same way.
import { mkdtempSync, rmSync } from 'node:fs';
import realFs from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Host } from '../../../src/host/host.js';
import { runDoctor } from '../../../src/engine/pipeline.js';
import { mountsProbe } from '../../../src/probes/mounts.js';
import { renderText } from '../../../src/render/text.js';
import { fixInstruction, stepInstruction } from '../../../src/render/fixText.js';
import { planFix, type FixStep } from '../../../src/fixes/plan.js';
import { GOPLS_TROUBLESHOOTING, RESTART_GOPLS } from '../../../src/fixes/catalog.js';
import type { Fix, Report } from '../../../src/doctor/model.js';

let dir: string;
let bundle: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ged-fixplan-'));
  bundle = path.join(dir, 'fixRunner.js');
  await esbuild.build({ entryPoints: ['src/vscode/fixRunner.ts'], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'error', supported: { 'import-meta': false } });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The noexec GOTMPDIR fixture (captured on this VM) through the real mounts probe: no spawn. */
async function noexecReport(): Promise<Report> {
  const host = new Host({
    root: 'test/fixtures/hosts/noexec-gotmpdir',
    pid: 4242,
    uid: 1000,
    exec: async (file) => {
      throw new Error(`fixture host spawned ${file}`);
    },
  });
  return runDoctor({ host, probes: [mountsProbe], workspaces: [], env: { PATH: '', HOME: '/home/gopher', GOTMPDIR: '/tmp/ged-noexec-rOkU' } });
}

/** Presses a fix's button with a stand-in `vscode` that says yes to every dialog; returns what it did. */
async function press(fix: Fix): Promise<FixStep[]> {
  const did: FixStep[] = [];
  const Global = 1;
  const vscode = {
    ConfigurationTarget: { Global, Workspace: 2 },
    Uri: { parse: (u: string) => ({ scheme: new URL(u).protocol.slice(0, -1), toString: () => u, url: u }), file: (p: string) => ({ fsPath: p }) },
    Position: class {
      constructor(readonly line: number, readonly character: number) {}
    },
    Range: class {
      constructor(readonly start: { line: number; character: number }, readonly end: unknown) {}
    },
    window: {
      showTextDocument: async (u: { fsPath: string }, o: { selection: { start: { line: number; character: number } } }) => {
        const { line, character } = o.selection.start;
        const given = fix.kind === 'openFile' ? fix : undefined;
        did.push({ step: 'openFile', path: u.fsPath, ...(given?.line ? { line: line + 1 } : {}), ...(given?.column ? { column: character + 1 } : {}) });
      },
      showInformationMessage: async (_m: string, _o: unknown, ...buttons: string[]) => buttons[0],
      showWarningMessage: async (_m: string, _o: unknown, ...buttons: string[]) => buttons[0],
      createTerminal: (o: { cwd?: string }) => ({
        show() {},
        sendText(text: string, addNewLine: boolean) {
          expect(addNewLine).toBe(false);
          did.push({ step: 'typeInTerminal', text, needsRoot: fix.kind === 'terminal' && fix.needsRoot, ...(o.cwd ? { cwd: o.cwd } : {}) });
        },
      }),
    },
    workspace: {
      workspaceFolders: [],
      getConfiguration: () => ({
        inspect: () => undefined,
        update: async (key: string, value: unknown, target: number) =>
          void did.push({ step: 'writeSetting', key, value, target: target === Global ? 'user' : 'workspace', merge: fix.kind === 'setting' && (key === fix.key ? !!fix.merge : !!fix.extraWrites?.find((w) => w.key === key)?.merge) }),
      }),
    },
    commands: {
      getCommands: async () => [RESTART_GOPLS.kind === 'command' ? RESTART_GOPLS.command : ''],
      executeCommand: async (command: string, ...args: unknown[]) => void did.push({ step: 'runCommand', command, args }),
    },
    extensions: { getExtension: () => ({ id: 'golang.go' }) },
    env: { openExternal: async (u: { url: string }) => (did.push({ step: 'openUrl', url: u.url }), true) },
  };
  // mkdir is recorded, not done: the fixture's paths are not this machine's.
  const fs = { ...realFs, promises: { ...realFs.promises, mkdir: async (p: string) => void did.push({ step: 'createDir', path: p }) } };
  const m = Module as unknown as { _load(req: string, ...rest: unknown[]): unknown };
  const origLoad = m._load;
  m._load = function (req: string, ...rest: unknown[]) {
    if (req === 'vscode') return vscode;
    if (req === 'node:fs' || req === 'fs') return fs;
    return origLoad.call(this, req, ...rest);
  };
  try {
    delete (Module as unknown as { _cache: Record<string, unknown> })._cache[bundle];
    const runner = Module.createRequire(bundle)(bundle) as typeof import('../../../src/vscode/fixRunner.js');
    const log = { info() {}, warn() {} } as unknown as import('vscode').LogOutputChannel;
    const outcome = await runner.applyFix(fix, { env: {}, log });
    expect(outcome.applied).toBe(true);
  } finally {
    m._load = origLoad;
  }
  return did;
}

describe('a fix: the CLI instruction and the button are one plan', () => {
  it('GOTMPDIR on a noexec mount: the CLI prints the mkdir and both writes the button makes, in order', async () => {
    const report = await noexecReport();
    const cause = report.causes.find((c) => c.id === 'noexec-mount')!;
    const fix = cause.fixes.find((f) => f.id === 'gotmpdir-toolsenv')!;
    const text = renderText(report, { color: false, verbose: true });

    const pressed = await press(fix);
    // What the button did, printed as the CLI prints an instruction, is in the CLI's report as is.
    const printed = pressed.map(stepInstruction).join('\n');
    expect(printed).toBe(fixInstruction(fix));
    expect(text).toContain(printed.split('\n').join('\n          '));
    // The two things the button used to do on its own are now in the data and in the text.
    expect(pressed).toEqual([
      { step: 'createDir', path: '/home/gopher/.cache/go-tmp' },
      { step: 'writeSetting', key: 'go.toolsEnvVars', value: { GOTMPDIR: '/home/gopher/.cache/go-tmp' }, target: 'user', merge: true },
      { step: 'writeSetting', key: 'go.testEnvVars', value: { GOTMPDIR: '/home/gopher/.cache/go-tmp' }, target: 'user', merge: true },
    ]);
    expect(pressed).toEqual(planFix(fix));
    expect(text).toContain('mkdir -p -m 700 /home/gopher/.cache/go-tmp');
    expect(text).toContain('"go.testEnvVars": {"GOTMPDIR":"/home/gopher/.cache/go-tmp"}');
  });

  it('a file to open at a line (go.mod:5: unknown directive): the button opens that file at that line and column, as printed', async () => {
    const file = path.join(dir, 'go.mod');
    realFs.writeFileSync(file, 'module x\n\ngo 1.21\n\nrequre golang.org/x/mod v0.20.0\n');
    for (const fix of [
      { id: 'open-go.mod-line-5', kind: 'openFile', title: 'Open go.mod at line 5', path: file, line: 5 },
      { id: 'open-go.mod-line-3', kind: 'openFile', title: 'Open go.mod at line 3', path: file, line: 3, column: 2 },
      { id: 'open-go.mod', kind: 'openFile', title: 'Open go.mod', path: file },
    ] satisfies Fix[]) {
      const pressed = await press(fix);
      expect(pressed, fix.id).toEqual(planFix(fix));
      expect(pressed.map(stepInstruction).join('\n')).toBe(fixInstruction(fix));
    }
    expect(fixInstruction({ id: 'o', kind: 'openFile', title: 't', path: file, line: 3, column: 2 })).toBe(`Open ${file} at line 3, column 2`);
  });

  it('every fix of that report, and a command and a link, does what its instruction says', async () => {
    const report = await noexecReport();
    const fixes = [...report.causes.flatMap((c) => c.fixes), RESTART_GOPLS, GOPLS_TROUBLESHOOTING];
    expect(new Set(fixes.map((f) => f.kind))).toEqual(new Set(['setting', 'terminal', 'link', 'command']));
    for (const fix of fixes) {
      const pressed = await press(fix);
      expect(pressed, fix.id).toEqual(planFix(fix));
      expect(pressed.map(stepInstruction).join('\n'), fix.id).toBe(fixInstruction(fix));
    }
  });
});
