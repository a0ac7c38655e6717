// A package directory whose path holds CR or LF, which go refuses ("invalid package directory"):
// the pure reading table-tested, and checked against the real go on real folders (a tab, a space
// and non-ASCII letters, which go accepts, are the controls).
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { goRefusesDir, refusedDirFinding, renameFor } from '../../../src/probes/refusedDirChars.js';
import { FindingSchema } from '../../../src/doctor/model.js';

describe('renameFor', () => {
  it.each([
    { dir: '/home/u/new\nline/mod', from: '/home/u/new\nline', to: '/home/u/new-line' },
    { dir: '/a/b\r\n\r\nc', from: '/a/b\r\n\r\nc', to: '/a/b-c' },
    { dir: '/x\r/y\n/z', from: '/x\r', to: '/x-' },
    { dir: '/srv/ok dir/ünï\tmod', from: undefined, to: undefined },
  ])('$dir', ({ dir, from, to }) => {
    expect(goRefusesDir(dir)).toBe(from !== undefined);
    expect(renameFor(dir)).toEqual(from === undefined ? undefined : { from, to });
  });
});

describe('refusedDirFinding', () => {
  it('an error with the rename typed as $\'…\', and no fix when the new name is taken', () => {
    const f = refusedDirFinding('/w/a\nb/mod', 'workspace', 'workspace folder', () => false);
    expect(FindingSchema.safeParse(f).success).toBe(true);
    expect(f).toMatchObject({ classId: 'module-resolution', severity: 'error' });
    expect(f.fixes![0]).toMatchObject({ kind: 'terminal', text: "mv -- $'/w/a\\x0ab' /w/a-b" });
    expect(f.evidence[0]!.excerpt).toBe('"/w/a\\nb/mod"');
    expect(refusedDirFinding('/w/a\nb/mod', 'module cache', 'go env', (p) => p === '/w/a-b').fixes).toEqual([]);
  });
});

const go = spawnSync('go', ['version']).status === 0;
describe.skipIf(!go)('the real go agrees', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'refused-dir-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  it.each(['line\nfeed', 'carriage\rreturn', 'tab\tand space', 'ünïcödé'])('%j', (name) => {
    const dir = path.join(root, name, 'mod');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'go.mod'), 'module example.com/m\n\ngo 1.22\n');
    writeFileSync(path.join(dir, 'm.go'), 'package m\n');
    const env = { ...process.env, GOFLAGS: '', GOWORK: 'off', GOTOOLCHAIN: 'local', GOPROXY: 'off' };
    let said = '';
    try {
      execFileSync('go', ['list', '.'], { cwd: dir, env, stdio: 'pipe' });
    } catch (e) {
      said = String((e as { stderr?: Buffer }).stderr ?? '');
    }
    expect(said.includes('invalid package directory')).toBe(goRefusesDir(dir));
  });
});
