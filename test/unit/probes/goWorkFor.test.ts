// goWorkFor against real go 1.26's own answer (`go env GOWORK` in the module), for each GOWORK value
// a user may set: unset, empty and "auto" search upward; "off" none; an absolute path that file.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { goWorkFor } from '../../../src/probes/modules.js';

const GO = spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0 ? 'go' : undefined;
const d = mkdtempSync(path.join(os.tmpdir(), 'gowork-for-'));
afterAll(() => rmSync(d, { recursive: true, force: true }));

describe.skipIf(!GO)('goWorkFor', () => {
  const depth = ['a', 'a/b/c'];
  it.each([undefined, '', 'auto', 'off', 'ABS'].flatMap((v) => depth.map((sub) => [v, sub] as const)))('GOWORK=%j in %s: the go.work go reads', async (value, sub) => {
    writeFileSync(path.join(d, 'go.work'), 'go 1.22\n\nuse ./a\n');
    const other = path.join(d, 'other.work');
    writeFileSync(other, 'go 1.22\n');
    mkdirSync(path.join(d, sub), { recursive: true });
    writeFileSync(path.join(d, 'a', 'go.mod'), 'module ex.com/a\n\ngo 1.22\n');
    const gowork = value === 'ABS' ? other : value;
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: d, GOENV: 'off', GOTOOLCHAIN: 'local', GOFLAGS: '', ...(gowork !== undefined ? { GOWORK: gowork } : {}) };
    const go = spawnSync(GO!, ['env', 'GOWORK'], { cwd: path.join(d, sub), env, encoding: 'utf8' });
    expect(go.status, go.stderr).toBe(0);
    // go env GOWORK prints the go.work in use, or "off" (the setting) when there is none by choice.
    const printed = go.stdout.trim();
    const want = printed && printed !== 'off' ? printed : undefined;
    expect(await goWorkFor(path.join(d, sub), gowork !== undefined ? { GOWORK: gowork } : {})).toBe(want);
  });
});
