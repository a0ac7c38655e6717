// A VS Code settings.json broken the ways users break it, read by the CLI with the real gopls
// v0.23.0. VS Code's own parser (jsonc-parser) takes trailing commas; a missing "}" after the
// "gopls" object moves the settings below it into "gopls", which gopls is then sent and refuses; a
// gopls setting of the wrong type gopls refuses by itself. What gopls refuses is learnt from gopls:
// the same file as the user's settings (which the doctor's gopls runs with) makes gopls say
// "Invalid settings: …", and as a workspace's .vscode/settings.json (which the CLI never sends to
// gopls) the doctor must name the same options from api-json's types.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDoctorCli, removeTree, summarize, tempDir, userEnv, writeSmallModule, type DoctorRun } from './lib/harness.js';

type Finding = NonNullable<DoctorRun['report']>['causes'][number]['findings'][number] & { explainsKinds?: string[]; symptom?: string };
const all = (run: DoctorRun): Array<Finding & { cause: string }> => (run.report?.causes ?? []).flatMap((c) => c.findings.map((f) => ({ ...(f as Finding), cause: c.id })));

/** Runs the CLI with `text` as the user's settings.json or as the workspace's. */
async function diagnoseWith(dir: string, text: string, where: 'user' | 'workspace'): Promise<DoctorRun> {
  const home = path.join(dir, `home-${where}`);
  const ws = writeSmallModule(path.join(dir, `ws-${where}`));
  const file = where === 'user' ? path.join(home, '.config', 'Code', 'User', 'settings.json') : path.join(ws, '.vscode', 'settings.json');
  mkdirSync(path.dirname(file), { recursive: true });
  mkdirSync(home, { recursive: true });
  writeFileSync(file, text);
  const env = userEnv({ HOME: home, XDG_CONFIG_HOME: undefined, GOENV: path.join(dir, 'goenv'), GOCACHE: path.join(dir, 'gocache'), GOMODCACHE: path.join(dir, 'gomodcache'), GOFLAGS: undefined });
  const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, timeoutMs: 60_000 });
  console.log(`[settings ${where}] ${summarize(run)}`);
  expect(run.report, summarize(run)).toBeDefined();
  return run;
}

/** The option names gopls's "Invalid settings: setting option "X": …" pop-up refused. */
const refusedByGopls = (run: DoctorRun): string[] =>
  [...new Set(all(run).flatMap((f) => f.evidence.filter((e) => e.source.startsWith('gopls window/showMessage')).flatMap((e) => [...e.excerpt.matchAll(/setting option "([^"]+)"/g)].map((m) => m[1]!))))].sort();

describe('fault: a broken settings.json, as VS Code and gopls v0.23.0 read it', () => {
  it('trailing commas (VS Code accepts them): no JSON error, nothing refused, in either file', async () => {
    const dir = tempDir('settings-commas');
    try {
      const text = '{\n  "gopls": {\n    "ui.semanticTokens": true,\n    "build.buildFlags": ["-tags=integration",],\n  },\n  "go.lintOnSave": "package",\n}\n';
      for (const where of ['user', 'workspace'] as const) {
        const run = await diagnoseWith(dir, text, where);
        expect(all(run).filter((f) => f.cause === 'gopls-launch'), summarize(run)).toEqual([]);
        expect(refusedByGopls(run)).toEqual([]);
      }
    } finally {
      removeTree(dir);
    }
  });

  // The keys after a forgotten "}", one and two of them, in two layouts.
  it.each([
    { name: 'go.toolsEnvVars after it', text: '{\n  "gopls": {\n    "ui.semanticTokens": true,\n  "go.toolsEnvVars": { "GOFLAGS": "-mod=mod" }\n}\n', moved: ['go.toolsEnvVars'], refused: ['toolsEnvVars'] },
    { name: 'two keys after it, gopls first in the file', text: '{\n\t"gopls": {\n\t\t"formatting.gofumpt": true,\n\t"editor.fontSize": 14,\n\t"go.lintTool": "staticcheck"\n}\n', moved: ['editor.fontSize', 'go.lintTool'], refused: ['fontSize', 'lintTool'] },
  ])('a missing "}" ($name): gopls refuses the moved keys, a symptom the JSON error explains and outranks', async ({ text, moved, refused }) => {
    const dir = tempDir('settings-brace');
    try {
      const run = await diagnoseWith(dir, text, 'user');
      expect(refusedByGopls(run), summarize(run)).toEqual(refused);
      const error = all(run).find((f) => f.probeId === 'editor-settings' && f.explainsKinds?.includes('setting-refused'));
      expect(error, summarize(run)).toBeDefined();
      for (const k of moved) expect(error!.message).toContain(JSON.stringify(k));
      expect(error!.message).toMatch(/CloseBraceExpected/);
      const symptom = all(run).find((f) => f.symptom === 'setting-refused');
      expect(symptom, summarize(run)).toMatchObject({ role: 'symptom', explainedBy: ['gopls-launch'] });
      // What users read first for the class: the JSON error, not gopls's refusal.
      const cause = run.report!.causes.find((c) => c.id === 'gopls-launch')!;
      expect(cause.findings[0]!.message).toBe(error!.message);
      expect(cause.title).toContain('JSON error');
      // In the workspace's file the same error is named; the CLI sends gopls none of it.
      const ws = await diagnoseWith(dir, text, 'workspace');
      const wsError = all(ws).find((f) => f.probeId === 'editor-settings' && /CloseBraceExpected/.test(f.message));
      expect(wsError, summarize(ws)).toBeDefined();
      for (const k of moved) expect(wsError!.message).toContain(JSON.stringify(k));
      expect(refusedByGopls(ws)).toEqual([]);
    } finally {
      removeTree(dir);
    }
  });

  // Values of the wrong type, and a right one beside each (an enum in another case, a duration).
  it.each([
    { name: 'a flag string for a list, a number for a duration', gopls: { 'build.buildFlags': '-tags=integration', 'ui.completion.completionBudget': 100, 'ui.documentation.hoverKind': 'singleline', 'ui.diagnostic.diagnosticsDelay': '250ms' } },
    { name: 'strings for booleans, a list for an env map, an unknown enum value', gopls: { 'ui.semanticTokens': 'yes', 'build.env': ['GOFLAGS=-tags=x'], 'ui.documentation.hoverKind': 'Loud', 'formatting.gofumpt': true } },
    { name: '"off" inside analyses, a number for a string', gopls: { 'ui.diagnostic.analyses': { unusedparams: 'off', shadow: true }, 'formatting.local': 5, 'ui.completion.usePlaceholders': false } },
  ])('a gopls setting of the wrong type ($name): the doctor names, from a workspace file, exactly what gopls refuses from the user\'s', async ({ gopls }) => {
    const dir = tempDir('settings-types');
    try {
      const text = `${JSON.stringify({ gopls }, null, 2)}\n`;
      const user = await diagnoseWith(dir, text, 'user');
      const refused = refusedByGopls(user);
      expect(refused.length, summarize(user)).toBeGreaterThan(0);
      const said = all(user).find((f) => f.probeId === 'gopls' && /gopls refused some of your gopls settings/.test(f.message));
      expect(said, summarize(user)).toMatchObject({ severity: 'warning', cause: 'gopls-launch' });
      // Sent to gopls, so gopls's own refusal is what is reported, once.
      expect(all(user).filter((f) => f.probeId === 'editor-settings' && /takes .* for it/.test(f.message))).toEqual([]);

      const ws = await diagnoseWith(dir, text, 'workspace');
      const named = all(ws).filter((f) => f.probeId === 'editor-settings' && /takes .* for it/.test(f.message));
      const names = named.map((f) => /^Setting gopls (\S+)/.exec(f.message)![1]!.split('.').pop()!).sort();
      expect(names, summarize(ws)).toEqual(refused);
      for (const f of named) expect(f.evidence[0]!.source).toBe(path.join(dir, 'ws-workspace', '.vscode', 'settings.json'));
      expect(ws.code).toBe(1);
    } finally {
      removeTree(dir);
    }
  });
});
