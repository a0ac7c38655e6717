// The doctor's own gopls runs with the user's "gopls" settings, as the Go extension starts it
// (initializationOptions and workspace/configuration), and go is asked the way gopls asks it
// (build.env over the environment, build.buildFlags added): a setting that breaks gopls's loads
// while go in a terminal works is named, the one setting found by leaving each out. A checkout's
// own .vscode/settings.json never chooses what the CLI runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Finding, Report } from '../../src/doctor/model.js';
import { buildOnce, CLI, GO, GOPLS, ROOT } from './support.js';

let tmp: string;
let config: string;
let ws: string;

/** A module with a local requirement (no network), so -mod=vendor without vendor/ really fails. */
function layOut(): void {
  ws = path.join(tmp, 'app');
  mkdirSync(path.join(ws, 'dep'), { recursive: true });
  writeFileSync(path.join(ws, 'go.mod'), 'module example.com/app\n\ngo 1.22\n\nrequire example.com/dep v0.0.0\n\nreplace example.com/dep => ./dep\n');
  writeFileSync(path.join(ws, 'main.go'), 'package main\n\nimport "example.com/dep"\n\nfunc main() { dep.Hello() }\n');
  writeFileSync(path.join(ws, 'dep', 'go.mod'), 'module example.com/dep\n\ngo 1.22\n');
  writeFileSync(path.join(ws, 'dep', 'dep.go'), 'package dep\n\nfunc Hello() {}\n');
}

function userSettings(gopls: unknown): void {
  mkdirSync(path.join(config, 'Code', 'User'), { recursive: true });
  writeFileSync(path.join(config, 'Code', 'User', 'settings.json'), JSON.stringify({ gopls }, null, 2));
}

function run(): Report {
  // GOFLAGS from the machine's go env file is left as it is; only the settings change between cases.
  const env = { ...process.env, XDG_CONFIG_HOME: config, XDG_CACHE_HOME: path.join(tmp, 'cache') };
  const r = spawnSync(process.execPath, [CLI, 'diagnose', '--json', '--workspace', ws, '--gopls', GOPLS, '--timeout-ms', '30000'], { env, encoding: 'utf8', timeout: 120_000 });
  if (!r.stdout) throw new Error(`no output (exit ${r.status}): ${r.stderr.slice(0, 2000)}`);
  return JSON.parse(r.stdout) as Report;
}

const all = (r: Report): Finding[] => r.causes.flatMap((c) => c.findings);
const bySettings = (r: Report) => all(r).filter((f) => f.message.startsWith('With your gopls settings'));

describe.skipIf(!GO)("the user's gopls settings, as the editor's gopls gets them", () => {
  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'gopls-settings-'));
    config = path.join(tmp, 'config');
    execFileSync(process.execPath, [path.join(ROOT, 'test/setup/install-gopls.mjs')], { stdio: 'inherit' });
    await buildOnce();
    layOut();
    // The premise: go in a terminal builds here.
    expect(spawnSync(GO!, ['build', './...'], { cwd: ws, encoding: 'utf8' }).status).toBe(0);
  }, 180_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it.each([
    // [settings, the one that breaks gopls, what go says with it]
    [{ 'build.env': { GOFLAGS: '-mod=vendor', CGO_ENABLED: '0' } }, 'build.env GOFLAGS=-mod=vendor', 'inconsistent vendoring'],
    [{ 'build.env': { GOOS: 'plan10' }, 'ui.semanticTokens': true }, 'build.env GOOS=plan10', 'unsupported GOOS/GOARCH pair'],
    [{ env: { GO111MODULE: 'off' } }, 'build.env GO111MODULE=off', 'GO111MODULE=off'],
  ])('%j breaks gopls and not go: the setting is named, first, and the fix leaves the others', (gopls, culprit, said) => {
    const goSays = spawnSync(GO!, ['build', './...'], { cwd: ws, encoding: 'utf8', env: { ...process.env, ...(Object.values(gopls)[0] as Record<string, string>) } });
    expect(goSays.status, 'the premise: go build with that environment fails').not.toBe(0);
    userSettings(gopls);
    const report = run();
    const [f, ...more] = bySettings(report);
    expect(more).toEqual([]);
    expect(f).toBeDefined();
    expect(f!.message).toContain(`(${culprit})`);
    expect(f!.message).toContain(said);
    expect(report.causes[0]!.findings[0]).toBe(f);
    // What gopls's load failure reads like is what was seen, not a second cause.
    for (const x of all(report).filter((x) => x.probeId === 'gopls' && /packages\.Load/.test(JSON.stringify(x.evidence)))) expect(x.role).toBe('symptom');
    const fix = f!.fixes.find((x) => x.id === 'gopls-build-env-drop') as { value: Record<string, Record<string, string>> } | undefined;
    expect(fix).toBeDefined();
    const key = Object.keys(gopls)[0]!;
    const left = Object.fromEntries(Object.entries((gopls as Record<string, Record<string, string>>)[key]!).filter(([k]) => !culprit.includes(` ${k}=`)));
    expect(fix!.value).toEqual({ [key]: left });
    // Applied, the settings break nothing any more.
    userSettings({ ...gopls, [key]: fix!.value[key] });
    const after = run();
    expect(bySettings(after)).toEqual([]);
    expect(after.causes.filter((c) => c.severity === 'error')).toEqual([]);
  }, 240_000);

  it("settings gopls refuses are reported in gopls's own words, from the doctor's gopls that was given them", () => {
    userSettings({ 'build.buildFlags': '-tags=x', 'ui.semanticTokens': true });
    const f = all(run()).find((x) => x.probeId === 'gopls' && x.message.startsWith('gopls refused some of your gopls settings'));
    expect(f).toBeDefined();
    expect(f!.message).toContain('setting option "buildFlags": invalid type string');
    // gopls runs: the cause is headed by the settings, not "gopls cannot start" (a tester's).
    const report = run();
    const cause = report.causes.find((c) => c.findings.some((x) => x.probeId === 'gopls' && x.message.startsWith('gopls refused some of your gopls settings')))!;
    expect(cause.title).toBe('Settings that have no effect');
  }, 120_000);

  it("a checkout's own .vscode/settings.json is not run: its build.env chooses nothing the CLI starts", () => {
    userSettings({});
    mkdirSync(path.join(ws, '.vscode'), { recursive: true });
    writeFileSync(path.join(ws, '.vscode', 'settings.json'), JSON.stringify({ gopls: { 'build.env': { GOOS: 'plan10', GOFLAGS: '-mod=vendor' } } }));
    try {
      const report = run();
      expect(bySettings(report)).toEqual([]);
      // The doctor's gopls ran without them and type-checked the module.
      expect(report.causes.filter((c) => c.severity === 'error')).toEqual([]);
    } finally {
      rmSync(path.join(ws, '.vscode'), { recursive: true, force: true });
    }
  }, 120_000);
});
