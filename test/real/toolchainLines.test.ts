// A go.mod asking for a Go that cannot be had: a release the module proxy does not have (under
// GOTOOLCHAIN=auto), or any newer release under GOTOOLCHAIN=local. Through the real CLI and go.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildOnce, CLI, GO, GOPLS } from './support.js';
import { releaseMissing, toolchainModuleVersion } from '../../src/probes/toolchainAvailable.js';
import { goLineFor } from '../../src/fixes/goModLines.js';

interface Report { causes: Array<{ id: string; severity: string; findings: Array<{ message: string; severity: string; fixes: Array<{ id: string; text?: string; cwd?: string }> }> }> }

let tmp: string;
beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'toolchain-lines-'));
  await buildOnce();
});
afterAll(() => {
  // go leaves its module cache read-only.
  spawnSync('chmod', ['-R', 'u+w', tmp]);
  rmSync(tmp, { recursive: true, force: true });
});

function module_(name: string, gomod: string): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'go.mod'), gomod);
  writeFileSync(path.join(dir, 'main.go'), 'package main\n\nfunc main() {}\n');
  return dir;
}

function diagnose(dir: string, env: NodeJS.ProcessEnv, extra: string[] = []): Report {
  const r = spawnSync(process.execPath, [CLI, 'diagnose', '--json', '--no-cache', '--workspace', dir, '--gopls', GOPLS, '--timeout-ms', '30000', ...extra], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 });
  return JSON.parse(r.stdout) as Report;
}

const allFindings = (r: Report) => r.causes.flatMap((c) => c.findings);

/** Whether the module proxy answers about toolchains here at all (the online case needs it). */
function proxyAnswers(): boolean {
  if (!GO) return false;
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'toolchain-probe-'));
  try {
    const r = spawnSync(GO, ['list', '-m', '-json', `golang.org/toolchain@${toolchainModuleVersion('go1.99.0', 'linux', 'amd64')}`], { cwd: scratch, env: { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '-mod=mod', GOMODCACHE: path.join(scratch, 'mod') }, encoding: 'utf8', timeout: 20_000 });
    return releaseMissing(r.stderr ?? '');
  } finally {
    spawnSync('chmod', ['-R', 'u+w', scratch]);
    rmSync(scratch, { recursive: true, force: true });
  }
}

describe.skipIf(!GO)('a go line newer than the installed Go under GOTOOLCHAIN=local', () => {
  it('offers lowering the go line to the installed release, which then builds', () => {
    const dir = module_('go199-local', 'module example.com/m\n\ngo 1.99\n');
    const f = allFindings(diagnose(dir, { GOTOOLCHAIN: 'local' })).find((x) => /requires go 1\.99/.test(x.message));
    expect(f).toBeDefined();
    const lower = f!.fixes.find((x) => x.id === 'go-mod-lower-go-line');
    expect(lower).toMatchObject({ cwd: dir, text: expect.stringMatching(/^GOTOOLCHAIN=local go mod edit -go=1\.\d+ -toolchain=none$/) });
    // The fix is a real one: after it, go builds the module with the installed Go.
    expect(spawnSync('sh', ['-c', lower!.text!], { cwd: dir, env: { ...process.env, GOTOOLCHAIN: 'local' } }).status).toBe(0);
    expect(spawnSync(GO!, ['build', './...'], { cwd: dir, env: { ...process.env, GOTOOLCHAIN: 'local' }, encoding: 'utf8' }).status).toBe(0);
  });
});

describe.skipIf(!proxyAnswers())('a toolchain line naming a release the proxy does not have, GOTOOLCHAIN=auto, --online', () => {
  it('is an error with fixes that need no download, and go builds after the first', () => {
    const dir = module_('tc199-auto', 'module example.com/m\n\ngo 1.22\n\ntoolchain go1.99.0\n');
    // go's failed download attempts leave their traces in a module cache of the test's own.
    const env = { ...process.env, GOTOOLCHAIN: 'auto', GOMODCACHE: path.join(tmp, 'modcache') };
    // The premise: go as the editor runs it fails in this module.
    const before = spawnSync(GO!, ['build', './...'], { cwd: dir, env, encoding: 'utf8' });
    expect(before.stderr).toContain('not available');
    const f = allFindings(diagnose(dir, env, ['--online'])).find((x) => x.message.includes('go1.99.0'));
    expect(f?.severity).toBe('error');
    expect(f!.fixes.map((x) => x.id)).toEqual(['go-mod-drop-toolchain', 'toolsenv-gotoolchain-local']);
    // Typed as printed in the user's environment (GOTOOLCHAIN=auto), where a bare go mod edit
    // first tries to switch to the missing release and edits nothing.
    expect(spawnSync('sh', ['-c', f!.fixes[0]!.text!], { cwd: dir, env }).status).toBe(0);
    expect(spawnSync(GO!, ['build', './...'], { cwd: dir, env, encoding: 'utf8' }).status).toBe(0);
  });
});

describe('what a toolchain lookup said', () => {
  it.each([
    // go1.26.8 against proxy.golang.org, captured.
    ["go: golang.org/toolchain@v0.0.1-go1.99.0.linux-amd64: reading https://proxy.golang.org/golang.org/toolchain/@v/v0.0.1-go1.99.0.linux-amd64.info: 403 Forbidden\n\tserver response: This module version is not available.", true],
    ['go: download go1.99.0 for linux/amd64: toolchain not available', false],
    ['go: golang.org/toolchain@v0.0.1-go1.99.0.linux-amd64: Get "https://proxy.golang.org/golang.org/toolchain/@v/v0.0.1-go1.99.0.linux-amd64.info": dial tcp: lookup proxy.golang.org: no such host', false],
  ])('%s → release missing: %s', (stderr, want) => {
    expect(releaseMissing(stderr)).toBe(want);
  });

  it.each([
    ['go1.26.8', '1.26'],
    ['go1.27rc1', '1.27'],
    ['devel go1.27-abc', undefined],
  ])('the go line %s meets: %s', (v, want) => {
    expect(goLineFor(v)).toBe(want);
  });
});
