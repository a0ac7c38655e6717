// activate() against a recording stand-in for the `vscode` module: it registers exactly the command
// table and the panel serializer, loads none of the extension's code (app.js, engine.js), starts no
// process and reads no file. The bundle is built by esbuild as `npm run build` builds it.
import { mkdtempSync, rmSync } from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import childProcess from 'node:child_process';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/vscode/commandTable.js';

let dir: string;
let bundle: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ged-activation-'));
  bundle = path.join(dir, 'extension.js');
  await esbuild.build({ entryPoints: ['src/extension.ts'], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], minify: true, logLevel: 'error' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('activation', () => {
  it('registers the command table and the serializer, and loads, spawns and reads nothing', async () => {
    const registered: string[] = [];
    const serializers: string[] = [];
    const disposable = { dispose() {} };
    const event = () => disposable;
    const vscode = {
      commands: { registerCommand: (id: string) => (registered.push(id), disposable) },
      window: { registerWebviewPanelSerializer: (viewType: string) => (serializers.push(viewType), disposable) },
      workspace: {
        onDidOpenTextDocument: event,
        onDidChangeConfiguration: event,
        onDidGrantWorkspaceTrust: event,
        textDocuments: [],
        getConfiguration: () => ({ get: (_k: string, d: unknown) => d }),
      },
      extensions: { onDidChange: event, getExtension: () => undefined },
    };
    const loaded: string[] = [];
    const spawned: string[] = [];
    const m = Module as unknown as { _load(req: string, ...rest: unknown[]): unknown };
    const origLoad = m._load;
    m._load = function (req: string, ...rest: unknown[]) {
      if (req === 'vscode') return vscode;
      loaded.push(req);
      return origLoad.call(this, req, ...rest);
    };
    const cp = childProcess as unknown as Record<string, (...a: unknown[]) => unknown>;
    const orig = { spawn: cp.spawn!, execFile: cp.execFile!, exec: cp.exec!, fork: cp.fork! };
    for (const k of Object.keys(orig)) cp[k] = (...a: unknown[]) => (spawned.push(k), (orig as Record<string, (...a: unknown[]) => unknown>)[k]!(...a));
    try {
      const ext = Module.createRequire(bundle)(bundle) as { activate(ctx: unknown): void };
      const ctx = { subscriptions: [] as unknown[] };
      ext.activate(ctx);
      expect(registered).toEqual(COMMANDS.map((c) => c.id));
      expect(serializers).toEqual(['goEnvDoctor.report']);
      expect(ctx.subscriptions.length).toBeGreaterThanOrEqual(COMMANDS.length + 1);
      expect(loaded.filter((r) => /app\.js|engine\.js|zod|execa/.test(r))).toEqual([]);
      expect(loaded.filter((r) => r !== bundle && !['node:path', 'path'].includes(r))).toEqual([]);
      expect(spawned).toEqual([]);
    } finally {
      m._load = origLoad;
      Object.assign(cp, orig);
    }
  });

  it('keeps the activation bundle tiny: the command table, not the engine', async () => {
    const { size } = await import('node:fs').then((fs) => fs.statSync(bundle));
    expect(size).toBeLessThan(8 * 1024);
  });
});
