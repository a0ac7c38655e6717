// gopls's "no required module provides package X" for X a module beside the file's own under a
// go.work that is ignored (GOWORK=off) or does not use it: a tester's app/ + lib/ go.work under
// GOWORK=off was offered `go mod tidy` first, which failed on the proxy ("400 Bad Request"). The
// folders are real (under a temporary directory); the diagnostic is gopls v0.23.0's words.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { diagnosticFindings } from '../../../src/probes/gopls.js';
import { workModuleOf } from '../../../src/probes/workModuleOf.js';
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
  const rows = [
    { name: 'used, GOWORK=off exported', l: { modules: [['app', 'example.com/app'], ['lib', 'example.com/lib']], imports: 'example.com/lib', uses: ['./app', './lib'] }, view: 'GoMod', env: { GOWORK: 'off' }, values: { GOWORK: 'off' }, has: ['GOWORK=off (from the environment)', 'module example.com/lib in'], fixes: ['toolsenv-gowork-auto'] },
    { name: 'used, GOWORK=off in the go env file', l: { modules: [['svc/api', 'corp.example/api'], ['pkg/util', 'corp.example/util']], imports: 'corp.example/util/strs', uses: ['./svc/api', './pkg/util'] }, view: 'GoMod', env: {}, values: { GOWORK: 'off', GOENV: '/home/u/.config/go/env' }, has: ['from your go env file (/home/u/.config/go/env)'], fixes: ['go-env-file-drop-gowork'] },
    { name: 'not used by the go.work in effect', l: { modules: [['app', 'example.com/app'], ['libs/one', 'example.com/one']], imports: 'example.com/one', uses: ['./app'] }, view: 'GoWork', env: {}, values: {}, has: ['does not use that folder'], fixes: ['go-work-use-refresh'], text: 'go work use ./libs/one' },
    { name: 'the longest module path wins (a nested module of the one beside)', l: { modules: [['a', 'x.test/a'], ['b', 'x.test/b'], ['b/deep', 'x.test/b/deep']], imports: 'x.test/b/deep/pkg', uses: ['./a', './b'] }, view: 'GoWork', env: {}, values: {}, has: ['module x.test/b/deep in', 'does not use that folder'], fixes: ['go-work-use-refresh'], text: 'go work use ./b/deep' },
    { name: 'a go.work two levels above the module, GOWORK naming another file', l: { modules: [['team/app', 'e.test/app'], ['team/lib', 'e.test/lib']], imports: 'e.test/lib', uses: ['./team/app', './team/lib'] }, view: 'GoMod', env: { GOWORK: '/elsewhere/go.work' }, values: {}, has: ['do not read', '(GOWORK=/elsewhere/go.work)'], fixes: [] },
  ] as const;
  it.each(rows)('$name', (r) => {
    IMPORT = r.l.imports;
    const { app, workDir } = layout(r.name.replace(/\W+/g, '-'), { ...r.l, modules: r.l.modules.map((m) => [...m] as [string, string]), uses: [...r.l.uses] });
    const f = diagnosticFindings(session(app, r.view, r.view === 'GoWork' ? workDir : app), undefined, undefined, undefined, undefined, {}, false, { env: { ...r.env }, values: { ...r.values } });
    const found = f.find((x) => x.message.includes('no module providing'));
    expect(found).toBeDefined();
    for (const h of r.has) expect(found!.message).toContain(h);
    expect(found!.severity).toBe('error');
    expect((found!.fixes ?? []).map((x) => x.id)).toEqual(r.fixes);
    // The point: nothing sends the import to the proxy.
    expect((found!.fixes ?? []).some((x) => 'text' in x && /go mod tidy|go get/.test(x.text ?? ''))).toBe(false);
    if ('text' in r) expect((found!.fixes ?? [])[0]).toMatchObject({ text: r.text, cwd: workDir });
  });

  it('the controls: no go.work, or the go.work in effect using it, leave the generic reading', () => {
    IMPORT = 'example.com/lib';
    const none = layout('control-none', { modules: [['app', 'example.com/app'], ['lib', 'example.com/lib']], imports: IMPORT });
    expect(workModuleOf(none.app, IMPORT)).toBeUndefined();
    const generic = diagnosticFindings(session(none.app, 'GoMod'), undefined, undefined, undefined, undefined, {}, false, { env: {}, values: {} });
    expect(generic.find((x) => x.message.includes('no module providing'))!.message).toContain('go.mod does not require it');
    const inEffect = layout('control-used', { modules: [['app', 'example.com/app'], ['lib', 'example.com/lib']], imports: IMPORT, uses: ['./app', './lib'] });
    const f = diagnosticFindings(session(inEffect.app, 'GoWork', inEffect.workDir), undefined, undefined, undefined, undefined, {}, false, { env: {}, values: {} });
    expect(f.find((x) => x.message.includes('beside this one'))).toBeUndefined();
  });

  it('a module of another path, or the importing module itself, is not taken for the provider', () => {
    const l = layout('other-paths', { modules: [['app', 'example.com/app'], ['libx', 'example.com/libx']], imports: 'example.com/app/internal', uses: ['./app', './libx'] });
    expect(workModuleOf(l.app, 'example.com/app/internal')).toBeUndefined();
    expect(workModuleOf(l.app, 'example.com/lib')).toBeUndefined(); // a prefix of libx's path, not a module path prefix
    expect(workModuleOf(l.app, 'example.com/libx/y')).toMatchObject({ path: 'example.com/libx', used: true });
  });
});
