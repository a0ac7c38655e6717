// locateTool follows the Go extension's order on real files: alternateTools, GOBIN, go.toolsGopath,
// GOPATH/bin, GOROOT/bin, PATH; only executable files count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DirListings, locateTool } from '../../../src/facts/toolLocate.js';
import type { GoEnvFact } from '../../../src/facts/readGoEnv.js';

let tmp: string;
const p = (...s: string[]) => path.join(tmp, ...s);
function exe(file: string, mode = 0o755): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '#!/bin/sh\n');
  chmodSync(file, mode);
}
const goEnv = (values: Record<string, string>): GoEnvFact => ({ ok: true, goBinary: '/usr/bin/go', goBinaryReal: '/usr/bin/go', values, commandLine: 'go env -json' });

describe('locateTool', () => {
  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'tool-locate-'));
    exe(p('gobin', 'staticcheck'));
    exe(p('tools', 'bin', 'staticcheck'));
    exe(p('tools', 'bin', 'dlv'));
    exe(p('gopath', 'bin', 'dlv'));
    exe(p('gopath', 'bin', 'revive'));
    exe(p('gopath2', 'bin', 'impl'));
    exe(p('path', 'gotests'));
    exe(p('gobin', 'golint'), 0o644);
    exe(p('path', 'golint'));
    exe(p('alt', 'dlv-dap'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const env = () => ({ PATH: p('path') });
  const values = () => ({ GOBIN: p('gobin'), GOPATH: `${p('gopath')}:${p('gopath2')}`, GOROOT: p('goroot') });

  it.each([
    ['staticcheck', {}, 'GOBIN', 'gobin/staticcheck'],
    ['dlv', { toolsGopath: 'TOOLS' }, 'go.toolsGopath', 'tools/bin/dlv'],
    ['dlv', {}, 'GOPATH/bin', 'gopath/bin/dlv'],
    ['impl', {}, 'GOPATH/bin', 'gopath2/bin/impl'],
    ['gotests', {}, 'PATH', 'path/gotests'],
    // Not executable in GOBIN: the Go extension goes on looking.
    ['golint', {}, 'PATH', 'path/golint'],
    ['dlv', { alternateTools: { dlv: 'ALT' } }, 'go.alternateTools', 'alt/dlv-dap'],
    // A bare alternate name is looked up in the same places.
    ['dlv', { alternateTools: { dlv: 'revive' } }, 'go.alternateTools', 'gopath/bin/revive'],
  ] as const)('%s with %j → %s', async (name, settings, source, rel) => {
    const s = JSON.parse(JSON.stringify(settings).replace('TOOLS', p('tools')).replace('ALT', p('alt', 'dlv-dap')));
    expect(await locateTool(name, env(), s, goEnv(values()))).toEqual({ source, path: p(rel) });
    // The inventory's shared folder listings give the same answer, fresh or reused.
    const listings = new DirListings();
    expect(await locateTool(name, env(), s, goEnv(values()), listings)).toEqual({ source, path: p(rel) });
    expect(await locateTool(name, env(), s, goEnv(values()), listings)).toEqual({ source, path: p(rel) });
  });

  it('finds nothing where nothing is', async () => {
    expect(await locateTool('gomodifytags', env(), {}, goEnv(values()))).toBeUndefined();
    expect(await locateTool('gomodifytags', env(), {}, goEnv(values()), new DirListings())).toBeUndefined();
  });

  it('with shared listings, still searches PATH in order past folders that are missing or lack the name', async () => {
    const listings = new DirListings();
    const e = { PATH: [p('nowhere'), p('gopath', 'bin'), p('path')].join(':') };
    const noGo = goEnv({});
    expect(await locateTool('gotests', e, {}, noGo, listings)).toEqual({ source: 'PATH', path: p('path', 'gotests') });
    expect(await locateTool('revive', e, {}, noGo, listings)).toEqual({ source: 'PATH', path: p('gopath', 'bin', 'revive') });
    expect(await locateTool('staticcheck', e, {}, noGo, listings)).toBeUndefined();
  });
});
