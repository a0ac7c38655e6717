// The Go extension's lookup order (vscode-go pathUtils getBinPathWithExplanation), on real temp
// directories: go.alternateTools.gopls, GOBIN, each GOPATH/bin, GOROOT/bin, PATH.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { locateGopls } from '../../../src/facts/goplsLocate.js';
import type { GoEnvFact } from '../../../src/facts/readGoEnv.js';

let root: string;
const d = (...p: string[]) => path.join(root, ...p);
function gopls(dir: string, mode = 0o755): string {
  mkdirSync(d(dir), { recursive: true });
  writeFileSync(d(dir, 'gopls'), '#!/bin/sh\n', { mode });
  return d(dir, 'gopls');
}
const goEnv = (values: Record<string, string>): GoEnvFact => ({ ok: true, goBinary: '/usr/bin/go', goBinaryReal: '/usr/bin/go', values, commandLine: 'go env -json' });

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'locate-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('locateGopls', () => {
  it('takes GOBIN before GOPATH/bin before GOROOT/bin before PATH', async () => {
    for (const dir of ['gobin', 'gp1/bin', 'gp2/bin', 'goroot/bin', 'pathdir']) gopls(dir);
    const env = { PATH: d('pathdir') };
    const values = { GOBIN: d('gobin'), GOPATH: `${d('gp1')}:${d('gp2')}`, GOROOT: d('goroot') };
    expect((await locateGopls(env, {}, goEnv(values))).found).toMatchObject({ source: 'GOBIN', path: d('gobin', 'gopls') });
    expect((await locateGopls(env, {}, goEnv({ ...values, GOBIN: '' }))).found).toMatchObject({ source: 'GOPATH/bin', path: d('gp1/bin', 'gopls') });
    const noGopath = await locateGopls(env, {}, goEnv({ GOROOT: d('goroot'), GOPATH: d('nothing') }));
    expect(noGopath.found).toMatchObject({ source: 'GOROOT/bin' });
    expect(noGopath.looked.map((c) => c.source)).toEqual(['GOPATH/bin', 'GOROOT/bin']);
    expect((await locateGopls(env, {}, goEnv({ GOPATH: d('nothing') }))).found).toMatchObject({ source: 'PATH', path: d('pathdir', 'gopls') });
  });

  it('go.toolsGopath/bin after GOBIN and before GOPATH/bin, as vscode-go\'s preferredGopaths', async () => {
    for (const dir of ['tg-gobin', 'tools/bin', 'tg-gp/bin']) gopls(dir);
    const values = { GOPATH: d('tg-gp') };
    expect((await locateGopls({ PATH: '' }, { toolsGopath: d('tools') }, goEnv(values))).found).toMatchObject({ source: 'go.toolsGopath', path: d('tools/bin', 'gopls') });
    expect((await locateGopls({ PATH: '' }, { toolsGopath: d('tools') }, goEnv({ ...values, GOBIN: d('tg-gobin') }))).found).toMatchObject({ source: 'GOBIN' });
  });

  it('skips a non-executable copy for a later executable one, but reports a lone broken one', async () => {
    gopls('broken/bin', 0o644);
    const r = await locateGopls({ PATH: d('pathdir') }, {}, goEnv({ GOPATH: d('broken') }));
    expect(r.found).toMatchObject({ source: 'PATH' });
    expect(r.looked[0]).toMatchObject({ source: 'GOPATH/bin', exists: true, executable: false });
    const lone = await locateGopls({ PATH: d('empty') }, {}, goEnv({ GOPATH: d('broken') }));
    expect(lone.found).toMatchObject({ source: 'GOPATH/bin', executable: false });
  });

  it('go.alternateTools.gopls wins, broken or not, and needs no go env', async () => {
    let asked = false;
    const thunk = async () => {
      asked = true;
      return goEnv({});
    };
    const r = await locateGopls({ PATH: d('pathdir') }, { alternateGopls: d('absent', 'gopls') }, thunk);
    expect(r.found).toMatchObject({ source: 'go.alternateTools', exists: false });
    expect(asked).toBe(false);
    // A bare name is looked up on PATH, as the Go extension does.
    expect((await locateGopls({ PATH: d('pathdir') }, { alternateGopls: 'gopls' }, thunk)).found?.path).toBe(d('pathdir', 'gopls'));
  });

  it('in Restricted Mode ignores a workspace-named gopls and keeps looking', async () => {
    const r = await locateGopls({ PATH: d('pathdir') }, { alternateGopls: '/evil/gopls', alternateGoplsFromWorkspace: true, trustWorkspaceBinaries: false }, goEnv({}));
    expect(r.refusedUntrusted).toBe('/evil/gopls');
    expect(r.found).toMatchObject({ source: 'PATH' });
  });

  it('uses GOPATH from the environment when go env failed', async () => {
    const r = await locateGopls({ PATH: d('empty'), GOPATH: d('gp2') }, {}, { ok: false, missing: true, reason: 'go was not found' });
    expect(r.found).toMatchObject({ source: 'GOPATH/bin', path: d('gp2/bin', 'gopls') });
  });
});
