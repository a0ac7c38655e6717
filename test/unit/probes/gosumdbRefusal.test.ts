import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gosumdbRefusalFinding, ownGosumdbUrl, skipPatterns, type Refusal } from '../../../src/probes/gosumdbRefusal.js';
import { makeCtx } from '../../support/probeContext.js';

describe('GOSUMDB naming a server of its own', () => {
  it.each([
    ['', undefined],
    ['sum.golang.org', undefined],
    ['off', undefined],
    ['sum.golang.org http://127.0.0.1:9', 'http://127.0.0.1:9'],
    ['sum.golang.org https://sumdb.corp.example:8443/', 'https://sumdb.corp.example:8443/'],
    ['sum.golang.google.cn', 'https://sum.golang.google.cn'],
    // A setting go refuses is gosumdbSetting.ts's finding, not a server to connect to.
    ['sum.example.com http://127.0.0.1:9', undefined],
  ])('GOSUMDB=%j → %j', (value, url) => expect(ownGosumdbUrl(value)).toBe(url));

  it('skips a public host\'s module alone, a private-looking one by its prefix', () => {
    expect(skipPatterns([{ path: 'golang.org/x/sync' }, { path: 'golang.org/x/mod' }])).toEqual(['golang.org/x/sync', 'golang.org/x/mod']);
    expect(skipPatterns([{ path: 'git.corp.example/team/lib' }, { path: 'git.corp.example/team/other' }])).toEqual(['git.corp.example']);
    expect(skipPatterns([{ path: 'github.com/acme/tool' }])).toEqual(['github.com/acme/tool']);
  });
});

describe('the offline finding', () => {
  const refused: Refusal = { what: 'server', target: '127.0.0.1:9', code: 'ECONNREFUSED' };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gosumdb-refusal-'));
  const base = { GOSUMDB: 'sum.golang.org http://127.0.0.1:9', GONOSUMDB: '', GOPRIVATE: '', GOMODCACHE: path.join(dir, 'modcache'), GOENV: path.join(dir, 'goenv') };
  const missing = [{ path: 'golang.org/x/sync', version: 'v0.18.0' }, { path: 'git.corp.example/lib', version: 'v1.2.3' }];
  const run = (v: Record<string, string>, env: NodeJS.ProcessEnv = { GOSUMDB: v.GOSUMDB }, connect = async (): Promise<Refusal | undefined> => refused) =>
    gosumdbRefusalFinding(makeCtx({ env: { HOME: dir, ...env } }), v, { dir, missing, sumFiles: [path.join(dir, 'go.sum (absent)')] }, connect);

  it('names GOSUMDB with the refused connect, unset where set first, once with the default, GONOSUMDB last', async () => {
    const f = (await run(base))!;
    expect(f).toMatchObject({ classId: 'module-resolution', severity: 'error', headline: 'module-downloads' });
    expect(f.message).toContain('no line for golang.org/x/sync v0.18.0, git.corp.example/lib v1.2.3, so go must verify them');
    expect(f.message).toContain('(GOSUMDB=sum.golang.org http://127.0.0.1:9)');
    expect(f.message).toContain('(127.0.0.1:9) does not accept connections (ECONNREFUSED)');
    expect(f.evidence.map((e) => e.source)).toContain('TCP connect 127.0.0.1:9');
    expect(f.fixes!.map((x) => x.id)).toEqual(['toolsenv-gosumdb-fixed', 'go-mod-tidy-default-sumdb', 'toolsenv-gonosumdb', 'sumdb-docs']);
    expect(f.fixes![0]).toMatchObject({ value: { GOSUMDB: '' } });
    expect(f.fixes![1]).toMatchObject({ text: 'GOSUMDB=sum.golang.org go mod tidy', cwd: dir });
    expect(f.fixes![2]).toMatchObject({ value: { GONOSUMDB: 'golang.org/x/sync,git.corp.example' } });
  });

  it('held by go env\'s file: go env -u GOSUMDB, never an empty setting (go would read the file)', async () => {
    writeFileSync(base.GOENV, `GOSUMDB=${base.GOSUMDB}\n`);
    try {
      const f = (await run(base, { GOENV: base.GOENV }))!;
      expect(f.fixes![0]).toMatchObject({ id: 'go-env-unset-gosumdb', kind: 'terminal', text: 'go env -u GOSUMDB' });
      expect(f.fixes!.map((x) => x.id)).not.toContain('toolsenv-gosumdb-fixed');
      expect(f.message).toContain(`It is set in your go env file (${base.GOENV}, line 1`);
    } finally {
      writeFileSync(base.GOENV, '');
    }
  });

  it('nothing when go would not ask, or the server answers', async () => {
    expect(await run({ ...base, GOSUMDB: 'sum.golang.org' })).toBeUndefined();
    expect(await run({ ...base, GOSUMDB: 'off' })).toBeUndefined();
    expect(await run({ ...base, GONOSUMDB: 'golang.org/x,git.corp.example' })).toBeUndefined();
    expect(await run({ ...base, GOPRIVATE: 'golang.org/x,git.corp.example' })).toBeUndefined();
    expect(await run(base, undefined, async () => undefined)).toBeUndefined();
  });

  it('a module whose answer go has cached under the database\'s name is not counted', async () => {
    const lookup = path.join(base.GOMODCACHE, 'cache', 'download', 'sumdb', 'sum.golang.org', 'lookup', 'golang.org', 'x');
    mkdirSync(lookup, { recursive: true });
    writeFileSync(path.join(lookup, 'sync@v0.18.0'), '');
    const f = (await run(base))!;
    expect(f.message).toContain('no line for git.corp.example/lib v1.2.3,');
    expect(f.message).not.toContain('golang.org/x/sync');
    expect(await run({ ...base, GONOSUMDB: 'git.corp.example' })).toBeUndefined();
  });
});
