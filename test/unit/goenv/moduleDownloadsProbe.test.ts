// The module-downloads probe in situations this machine is not in: a private module path with no
// GOPRIVATE, a GOPRIVATE module with no .netrc entry. go is a recorded stand-in (go mod edit -json
// and go list -m all answer as go 1.26 does); the files (go.mod, go.sum, module cache, .netrc) are real.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { Host } from '../../../src/host/host.js';
import type { ExecOptions, ExecResult } from '../../../src/host/exec.js';
import { moduleDownloadsProbe } from '../../../src/probes/moduleDownloads.js';
import { fakeGo, makeCtx, okGoEnv, runProbe, tempDir, tree } from './ctx.js';

const PRIVATE = 'git.corp.example/team/lib';

function stubGo(calls: string[]) {
  return async (file: string, args: readonly string[], opts: ExecOptions): Promise<ExecResult> => {
    calls.push(`${args.join(' ')} GOPROXY=${opts.env?.GOPROXY} GOTOOLCHAIN=${opts.env?.GOTOOLCHAIN}`);
    const stdout = args[0] === 'mod' ? JSON.stringify({ Module: { Path: 'example.com/a' }, Require: [{ Path: PRIVATE, Version: 'v1.2.0' }] }) : 'example.com/a\n';
    return { commandLine: [file, ...args].join(' '), exitCode: 0, stdout, stderr: '', timedOut: false, canceled: false, failed: false, durationMs: 1 };
  };
}

function setup(values: Record<string, string>, home = tempDir('home')) {
  const g = fakeGo();
  const ws = tree(tempDir('ws'), {
    'go.mod': `module example.com/a\n\ngo 1.22\n\nrequire ${PRIVATE} v1.2.0\n`,
    'go.sum': `${PRIVATE} v1.2.0 h1:abc=\n${PRIVATE} v1.2.0/go.mod h1:def=\n`,
  });
  const calls: string[] = [];
  const ctx = makeCtx({ host: new Host({ exec: stubGo(calls) }), env: { HOME: home, PATH: '/usr/bin' }, workspaces: [ws], goEnv: okGoEnv(g, { GOMODCACHE: tempDir('modcache'), ...values }) });
  return { ctx, ws, calls };
}

describe('module-downloads probe: private modules', () => {
  it('a private-looking module with no GOPRIVATE, headed for proxy.golang.org: a warning with GOPRIVATE as the fix', async () => {
    const { ctx, calls } = setup({ GOPROXY: 'https://proxy.golang.org,direct', GOPRIVATE: '', GONOPROXY: '', GONOSUMDB: '' });
    const out = await runProbe(moduleDownloadsProbe, ctx);
    const f = out.findings.find((x) => x.message.includes('look like a private module') || x.message.includes('looks like a private module'));
    expect(f).toMatchObject({ classId: 'module-resolution', severity: 'warning' });
    expect(f!.fixes[0]).toMatchObject({ id: 'toolsenv-goprivate', kind: 'setting', key: 'go.toolsEnvVars', value: { GOPRIVATE: 'git.corp.example' } });
    // The go commands it ran never download.
    expect(calls.every((c) => c.includes('GOPROXY=off GOTOOLCHAIN=local'))).toBe(true);
  });

  it('GOPRIVATE covers it and there is no .netrc: an info that names the host (GOAUTH netrc)', async () => {
    const { ctx } = setup({ GOPROXY: 'https://proxy.golang.org,direct', GOPRIVATE: 'git.corp.example', GONOPROXY: 'git.corp.example', GONOSUMDB: 'git.corp.example' });
    const out = await runProbe(moduleDownloadsProbe, ctx);
    expect(out.findings.some((x) => x.message.includes('look like a private module'))).toBe(false);
    const f = out.findings.find((x) => x.message.includes('directly from git.corp.example'));
    expect(f?.severity).toBe('info');
    expect(f?.message).toContain('There is no');
  });

  it.each([
    ['GOPROXY=direct', { GOPROXY: 'direct', GOPRIVATE: '', GONOPROXY: '' }],
    ['GOPRIVATE', { GOPROXY: 'https://proxy.golang.org,direct', GOPRIVATE: 'git.corp.example', GONOPROXY: 'git.corp.example' }],
  ])('%s and no git on the PATH: an env-inheritance error naming git', async (_, values) => {
    const { ctx } = setup(values);
    ctx.env.PATH = tempDir('emptybin');
    const out = await runProbe(moduleDownloadsProbe, ctx);
    const f = out.findings.find((x) => x.message.includes("with git, which is not on the editor's PATH"));
    expect(f).toMatchObject({ classId: 'env-inheritance', severity: 'error', explains: ['module-resolution'] });
    expect(f!.message).toContain(`${PRIVATE} v1.2.0`);
  });

  it('a module through the proxy only, and no git on the PATH: git is not needed, nothing said of it', async () => {
    const { ctx } = setup({ GOPROXY: 'https://proxy.golang.org', GOPRIVATE: '', GONOPROXY: '' });
    ctx.env.PATH = tempDir('emptybin');
    const out = await runProbe(moduleDownloadsProbe, ctx);
    expect(out.findings.some((x) => x.message.includes("with git, which is not on the editor's PATH"))).toBe(false);
  });

  it('a .netrc machine entry for the host: nothing about credentials', async () => {
    const home = tree(tempDir('home'), { '.netrc': 'machine git.corp.example login me password s3cret\n' });
    const { ctx } = setup({ GOPROXY: 'https://proxy.golang.org,direct', GOPRIVATE: 'git.corp.example', GONOPROXY: 'git.corp.example' }, home);
    const out = await runProbe(moduleDownloadsProbe, ctx);
    expect(out.findings.filter((x) => x.message.includes('directly from'))).toEqual([]);
    expect(JSON.stringify(out)).not.toContain('s3cret');
  });

  it('the go.sum line is there: no missing-sum error', async () => {
    const { ctx, ws } = setup({ GOPROXY: 'off' });
    const out = await runProbe(moduleDownloadsProbe, ctx);
    expect(out.findings.some((x) => x.message.includes('has no checksum'))).toBe(false);
    // …but GOPROXY=off with the module absent from the cache is.
    expect(out.findings.find((x) => x.severity === 'error')?.message).toContain(`required by ${path.join(ws, 'go.mod')}`);
  });
});
