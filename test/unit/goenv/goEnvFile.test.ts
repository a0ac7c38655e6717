// The go env file comparison (src/probes/goEnvFile.ts) on real files in a temp home: which
// settings of the terminal's file the editor's go lacks, and what is not a difference.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { goEnvFileFindings } from '../../../src/probes/goEnvFile.js';

const home = mkdtempSync(path.join(os.tmpdir(), 'goenvfile-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));
const hostFile = path.join(home, '.config', 'go', 'env');
mkdirSync(path.dirname(hostFile), { recursive: true });
writeFileSync(hostFile, 'GOPRIVATE=corp.example\nGOFLAGS=-tags=foo\n');
const sandbox = path.join(home, '.var', 'app', 'com.visualstudio.code', 'config');
const editorFile = path.join(sandbox, 'go', 'env');

describe('goEnvFileFindings', () => {
  it('a Flatpak editor (its XDG_CONFIG_HOME inherited by the login shell): both settings missing, GOENV offered', async () => {
    const env = { HOME: home, XDG_CONFIG_HOME: sandbox };
    const [f] = await goEnvFileFindings({ env }, { ...env }, 'bash -l', { GOENV: editorFile });
    expect(f!.message).toContain(`the terminal's go reads ${hostFile}, the editor's reads ${editorFile}`);
    expect(f!.message).toContain('GOPRIVATE=corp.example');
    expect(f!.message).toContain('GOFLAGS=-tags=foo');
    expect(f!.fixes![0]).toMatchObject({ value: { GOENV: hostFile } });
  });

  it('a file value the terminal overrides with its own environment is not a missing setting', async () => {
    const env = { HOME: home, XDG_CONFIG_HOME: sandbox };
    const [f] = await goEnvFileFindings({ env }, { ...env, GOFLAGS: '-mod=mod' }, 'bash -l', { GOENV: editorFile });
    expect(f!.message).toContain('GOPRIVATE=corp.example');
    expect(f!.message).not.toContain('GOFLAGS');
  });

  it('the editor has the same values (its environment or its own file): nothing', async () => {
    const env = { HOME: home, XDG_CONFIG_HOME: sandbox, GOPRIVATE: 'corp.example' };
    expect(await goEnvFileFindings({ env }, { ...env }, 'bash -l', { GOENV: editorFile, GOFLAGS: '-tags=foo' })).toEqual([]);
    expect(await goEnvFileFindings({ env: { HOME: home } }, { HOME: home }, 'bash -l', { GOENV: hostFile })).toEqual([]);
  });

  it('a relative XDG_CONFIG_HOME: the editor\'s go reads no env file at all', async () => {
    const env = { HOME: home, XDG_CONFIG_HOME: 'relcfg' };
    const [f] = await goEnvFileFindings({ env }, { ...env }, 'bash -l', { GOENV: '' });
    expect(f).toMatchObject({ classId: 'env-inheritance', severity: 'warning' });
    expect(f!.message).toContain('XDG_CONFIG_HOME=relcfg in the editor\'s environment is a relative path');
    expect(f!.message).toContain('GOPRIVATE, GOFLAGS');
    expect(f!.fixes![0]).toMatchObject({ value: { GOENV: hostFile } });
  });
});
