// gopls's "no required module provides package" for a module go.mod requires, told from the module
// cache as go reads it (moduleCacheEntry.ts): a tester's unreadable go.sum was reported as "it is
// not in the module cache, and go could not download it" while golang.org/x/text was there. The
// files are real (a module and a module cache under a temporary folder); the diagnostic is gopls
// v0.23.0's words.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { diagnosticFindings } from '../../../src/probes/gopls.js';
import type { GoplsSessionResult } from '../../../src/lsp/session.js';
import { cacheEntryPaths } from '../../../src/probes/moduleCacheEntry.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'held-module-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const MOD = { path: 'golang.org/x/text', version: 'v0.21.0' };
const said = 'could not import golang.org/x/text/language (no required module provides package "golang.org/x/text/language")';

/** A module requiring MOD, its go.sum as given (undefined: none), and a cache holding `parts` of MOD. */
function layout(name: string, goSum: string | undefined, parts: { folder?: boolean; zip?: boolean; ziphash?: boolean; mod?: boolean }) {
  const ws = path.join(root, name, 'ws');
  const cache = path.join(root, name, 'modcache');
  mkdirSync(ws, { recursive: true });
  writeFileSync(path.join(ws, 'go.mod'), `module example.com/app\n\ngo 1.22\n\nrequire ${MOD.path} ${MOD.version}\n`);
  writeFileSync(path.join(ws, 'main.go'), 'package main\n\nimport _ "golang.org/x/text/language"\n');
  if (goSum !== undefined) writeFileSync(path.join(ws, 'go.sum'), goSum);
  const p = cacheEntryPaths(cache, MOD);
  mkdirSync(path.dirname(p.download), { recursive: true });
  for (const ext of ['zip', 'ziphash', 'mod'] as const) if (parts[ext]) writeFileSync(`${p.download}.${ext}`, ext);
  if (parts.folder) mkdirSync(path.join(p.dir, 'language'), { recursive: true });
  const session = {
    ok: true,
    commandLine: 'gopls',
    openedFile: path.join(ws, 'main.go'),
    openedFileDiagnosed: true,
    diagnostics: [{ uri: `file://${path.join(ws, 'main.go')}`, items: [{ severity: 1, message: said }] }],
    messages: [],
    viewErrors: [],
    views: [{ id: '1', directory: ws, viewType: 'GoMod', rootDir: `file://${ws}` }],
    stderrTail: '',
    durationMs: 10,
  } as unknown as GoplsSessionResult;
  return { ws, cache, session, dir: p.dir };
}

const SUM = `${MOD.path} ${MOD.version} h1:8PkZCiokHlgTKuPXYNUoSy0YEpKGqLuMmbWnFCN2+vY=\n${MOD.path} ${MOD.version}/go.mod h1:AT4H+3U4aEYqGKYqB5N9bKuaAw2kWMG6R0bjP3tl1kg=\n`;

describe('a required module gopls found no package of, against the module cache', () => {
  const rows = [
    { name: 'extracted, go.sum without its line', sum: '', parts: { folder: true, ziphash: true, mod: true }, has: ['it is in the module cache (', 'has no line for it ("missing go.sum entry"), and go leaves it out'], symptom: 'load-failed' },
    { name: 'zip only, no go.sum', sum: undefined, parts: { zip: true, ziphash: true, mod: true }, has: ['as a zip go unpacks offline', 'there is no '], symptom: 'load-failed' },
    { name: 'extracted, go.sum complete', sum: SUM, parts: { folder: true, ziphash: true, mod: true }, has: ['it is in the module cache (', "go left it out for another reason (go list's errors say which)"], symptom: 'load-failed' },
    { name: 'only the .mod', sum: SUM, parts: { mod: true }, has: ['only its go.mod is in the module cache, not its source, and go could not download it'], symptom: 'fetch-failed' },
    { name: 'a folder without .ziphash', sum: SUM, parts: { folder: true, mod: true }, has: ['its folder in the module cache is incomplete to go'], symptom: 'fetch-failed' },
    { name: 'nothing', sum: SUM, parts: {}, has: ['it is not in the module cache, and go could not download it'], symptom: 'fetch-failed' },
    // GOWORK=off beside a go.work that served it (a real run): go never tried a download.
    { name: 'nothing, and no go.sum', sum: undefined, parts: {}, has: ['it is not in the module cache, and there is no ', 'go refuses it before any download'], symptom: 'load-failed' },
    { name: 'only the .mod, go.sum without its line', sum: '', parts: { mod: true }, has: ['only its go.mod is in the module cache, not its source, and ', 'has no line for it'], symptom: 'load-failed' },
  ];
  it.each(rows)('$name', ({ name, sum, parts, has, symptom }) => {
    const { session, cache } = layout(name.replace(/\W+/g, '-'), sum, parts);
    const f = diagnosticFindings(session, undefined, undefined, undefined, cache).find((x) => x.message.includes('although'));
    expect(f).toBeDefined();
    for (const h of has) expect(f!.message).toContain(h);
    expect(f).toMatchObject({ role: 'symptom', symptom });
    if (symptom === 'load-failed') expect(f!.message).not.toContain('could not download');
  });
});
