// gopls's "no required module provides package X" for X a module beside the file's own under a
// go.work that is ignored (GOWORK=off) or does not use it: a tester's app/ + lib/ go.work under
// GOWORK=off was offered `go mod tidy` first, which failed on the proxy ("400 Bad Request"). The
// folders are real (under a temporary directory); the diagnostic is gopls v0.23.0's words. What go
// itself does under each GOWORK is measured in test/faults/80d-gowork-setting.test.ts.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { diagnosticFindings } from '../../../src/probes/gopls.js';
import { workModuleOf, workModulesAround } from '../../../src/probes/workModuleOf.js';
import type { GoplsSessionResult } from '../../../src/lsp/session.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'work-module-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Layout {
  /** Module folders (relative to the go.work's folder) and their module paths; the first imports `imports`. */
  modules: Array<[string, string]>;
  imports: string;
  /** The go.work's use lines; undefined: no go.work. */
  uses?: string[];
  /** Where the go.work sits, relative to the layout's root (default: the root). */
  workAt?: string;
}

function layout(name: string, l: Layout) {
  const base = path.join(root, name);
  const workDir = path.join(base, l.workAt ?? '.');
  for (const [dir, mod] of l.modules) {
    mkdirSync(path.join(workDir, dir), { recursive: true });
    writeFileSync(path.join(workDir, dir, 'go.mod'), `module ${mod}\n\ngo 1.22\n`);
  }
  const app = path.join(workDir, l.modules[0]![0]);
  writeFileSync(path.join(app, 'main.go'), `package main\n\nimport _ "${l.imports}"\n`);
  if (l.uses) writeFileSync(path.join(workDir, 'go.work'), `go 1.22\n\nuse (\n${l.uses.map((u) => `\t${u}\n`).join('')})\n`);
  return { app, workDir };
}

function session(app: string, viewType: 'GoMod' | 'GoWork', viewDir = app): GoplsSessionResult {
  const file = path.join(app, 'main.go');
  return {
    ok: true,
    commandLine: 'gopls',
    openedFile: file,
    openedFileDiagnosed: true,
    diagnostics: [{ uri: `file://${file}`, items: [{ severity: 1, message: `could not import X (no required module provides package "X")`.replace(/X/g, IMPORT) }] }],
    messages: [],
    viewErrors: [],
    views: [{ id: 1, directory: viewDir, viewType, rootDir: `file://${viewDir}` }],
    stderrTail: '',
    durationMs: 10,
  } as unknown as GoplsSessionResult;
}

let IMPORT = '';

describe('an import of a module beside this one, under a go.work', () => {
  // A go env file holding GOWORK=off by hand (go env -w refuses GOWORK; go 1.26 reads the line).
  const goenvOff = path.join(root, 'goenv-off');
  writeFileSync(goenvOff, 'GOWORK=off\n');
  const elsewhere = path.join(root, 'elsewhere');
  mkdirSync(elsewhere);
  // A readable go.work elsewhere that uses the importing module only: the one go reads, and where `go work use` goes.
  writeFileSync(path.join(elsewhere, 'go.work'), `go 1.22\n\nuse ${path.relative(elsewhere, path.join(root, 'a-go-work-elsewhere-using-the-app-only', 'svc', 'app'))}\n`);
  const rows = [
    { name: 'used, GOWORK=off exported', l: { modules: [['app', 'example.com/app'], ['lib', 'example.com/lib']], imports: 'example.com/lib', uses: ['./app', './lib'] }, view: 'GoMod', env: { GOWORK: 'off' }, has: ['GOWORK=off (from the environment)', 'module example.com/lib in'], fixes: ['toolsenv-gowork-auto'] },
    { name: 'used, GOWORK=off in the go env file', l: { modules: [['svc/api', 'corp.example/api'], ['pkg/util', 'corp.example/util']], imports: 'corp.example/util/strs', uses: ['./svc/api', './pkg/util'] }, view: 'GoMod', env: { GOENV: goenvOff }, has: [`from your go env file (${goenvOff})`], fixes: ['go-env-file-drop-gowork'] },
    { name: 'an empty GOWORK is unset: the go env file\'s GOWORK=off holds', l: { modules: [['app', 'example.com/app'], ['lib', 'example.com/lib']], imports: 'example.com/lib', uses: ['./app', './lib'] }, view: 'GoMod', env: { GOWORK: '', GOENV: goenvOff }, has: ['GOWORK=off (from your go env file'], fixes: ['go-env-file-drop-gowork'] },
    { name: 'not used by the go.work in effect', l: { modules: [['app', 'example.com/app'], ['libs/one', 'example.com/one']], imports: 'example.com/one', uses: ['./app'] }, view: 'GoWork', env: {}, has: ['does not use that folder'], fixes: ['go-work-use-refresh'], text: 'go work use ./libs/one' },
    { name: 'the longest module path wins (a nested module of the one beside)', l: { modules: [['a', 'x.test/a'], ['b', 'x.test/b'], ['b/deep', 'x.test/b/deep']], imports: 'x.test/b/deep/pkg', uses: ['./a', './b'] }, view: 'GoWork', env: {}, has: ['module x.test/b/deep in', 'does not use that folder'], fixes: ['go-work-use-refresh'], text: 'go work use ./b/deep' },
    { name: 'a go.work two levels above the module, GOWORK naming a file that is not there', l: { modules: [['team/app', 'e.test/app'], ['team/lib', 'e.test/lib']], imports: 'e.test/lib', uses: ['./team/app', './team/lib'] }, view: 'GoMod', env: { GOWORK: '/elsewhere/go.work' }, has: ['do not read', '(GOWORK=/elsewhere/go.work, from the environment)'], fixes: [] },
    { name: 'a go.work elsewhere using the app only', l: { modules: [['svc/app', 'e.test/app'], ['svc/lib', 'e.test/lib']], imports: 'e.test/lib', uses: ['./svc/app', './svc/lib'] }, view: 'GoWork', env: { GOWORK: path.join(elsewhere, 'go.work') }, has: [`read ${path.join(elsewhere, 'go.work')} here (GOWORK, from the environment), which does not use that folder`, ', which does,'], fixes: ['go-work-use-refresh'], text: 'go work use ../a-go-work-elsewhere-using-the-app-only/svc/lib', cwd: elsewhere },
  ] as const;
  it.each(rows)('$name', async (r) => {
    IMPORT = r.l.imports;
    const { app, workDir } = layout(r.name.replace(/\W+/g, '-'), { ...r.l, modules: r.l.modules.map((m) => [...m] as [string, string]), uses: [...r.l.uses] });
    const env = { ...r.env };
    const works = await workModulesAround(app, env);
    const f = diagnosticFindings(session(app, r.view, r.view === 'GoWork' ? workDir : app), undefined, undefined, undefined, undefined, {}, false, { env, values: {}, works });
    const found = f.find((x) => x.message.includes('no module providing'));
    expect(found).toBeDefined();
    for (const h of r.has) expect(found!.message).toContain(h);
    expect(found!.severity).toBe('error');
    expect((found!.fixes ?? []).map((x) => x.id)).toEqual(r.fixes);
    // The point: nothing sends the import to the proxy.
    expect((found!.fixes ?? []).some((x) => 'text' in x && /go mod tidy|go get/.test(x.text ?? ''))).toBe(false);
    if ('text' in r) expect((found!.fixes ?? [])[0]).toMatchObject({ text: r.text, cwd: 'cwd' in r ? r.cwd : workDir });
  });

  it('the controls: no go.work, or the go.work in effect using it, leave the generic reading', async () => {
    IMPORT = 'example.com/lib';
    const none = layout('control-none', { modules: [['app', 'example.com/app'], ['lib', 'example.com/lib']], imports: IMPORT });
    const noWorks = await workModulesAround(none.app, {});
    expect(workModuleOf(noWorks, none.app, IMPORT)).toBeUndefined();
    const generic = diagnosticFindings(session(none.app, 'GoMod'), undefined, undefined, undefined, undefined, {}, false, { env: {}, values: {}, works: noWorks });
    expect(generic.find((x) => x.message.includes('no module providing'))!.message).toContain('go.mod does not require it');
    const inEffect = layout('control-used', { modules: [['app', 'example.com/app'], ['lib', 'example.com/lib']], imports: IMPORT, uses: ['./app', './lib'] });
    const f = diagnosticFindings(session(inEffect.app, 'GoWork', inEffect.workDir), undefined, undefined, undefined, undefined, {}, false, { env: {}, values: {}, works: await workModulesAround(inEffect.app, {}) });
    expect(f.find((x) => x.message.includes('beside this one'))).toBeUndefined();
  });

  it('a module of another path, or the importing module itself, is not taken for the provider', async () => {
    const l = layout('other-paths', { modules: [['app', 'example.com/app'], ['libx', 'example.com/libx']], imports: 'example.com/app/internal', uses: ['./app', './libx'] });
    const works = await workModulesAround(l.app, {});
    expect(workModuleOf(works, l.app, 'example.com/app/internal')).toBeUndefined();
    expect(workModuleOf(works, l.app, 'example.com/lib')).toBeUndefined(); // a prefix of libx's path, not a module path prefix
    expect(workModuleOf(works, l.app, 'example.com/libx/y')).toMatchObject({ path: 'example.com/libx', used: true, inEffect: true });
  });

  it('a relative GOWORK is no go.work in effect (go refuses it), and GOWORK=off none', async () => {
    const l = layout('relative-gowork', { modules: [['app', 'example.com/app'], ['lib', 'example.com/lib']], imports: 'example.com/lib', uses: ['./app', './lib'] });
    for (const GOWORK of ['../go.work', 'off']) {
      const works = await workModulesAround(l.app, { GOWORK });
      expect(works.effective).toBeUndefined();
      expect(works.works.map((w) => [w.work, w.inEffect])).toEqual([[path.join(l.workDir, 'go.work'), false]]);
    }
  });
});
