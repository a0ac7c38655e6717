import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Fix } from '../../../src/doctor/model.js';
import { programInLogin } from '../../../src/probes/programInLogin.js';

const install: Fix = { id: 'install-it', kind: 'terminal', title: 'Install it', text: 'apt-get install -y it', needsRoot: true };
const pathFix = (found: string): Fix => ({ id: 'name-it', kind: 'terminal', title: `Use ${found}`, text: `export IT=${found}`, needsRoot: false });

describe('programInLogin', () => {
  const bin = mkdtempSync(path.join(os.tmpdir(), 'ged-login-bin-'));
  writeFileSync(path.join(bin, 'gedtool'), '#!/bin/sh\n');
  chmodSync(path.join(bin, 'gedtool'), 0o755);
  afterAll(() => rmSync(bin, { recursive: true, force: true }));
  const base = { loginSource: 'bash -lic env', editorEnv: { HOME: '/home/u', PATH: '/usr/bin' }, installFix: install, notInstalled: ' Not installed.' };

  it("found on the login shell's PATH only: where it is, the profile's PATH line and the named path", async () => {
    const r = await programInLogin({ ...base, program: 'gedtool', loginEnv: { PATH: `${bin}:/usr/bin` }, pathFix });
    expect(r.inLogin).toBe(path.join(bin, 'gedtool'));
    expect(r.where).toBe(` Your login shell finds it at ${path.join(bin, 'gedtool')}: the editor was started without your shell's PATH.`);
    expect(r.fixes.map((f) => f.id)).toEqual(['login-path-to-profile', 'name-it']);
    expect(r.evidence).toEqual([{ source: 'bash -lic env', excerpt: `gedtool → ${path.join(bin, 'gedtool')}` }]);
  });

  it.each([
    ['not on the login shell\'s PATH either', 'gedtool', { PATH: '/usr/bin' }, ' Not installed.'],
    ['the login shell could not be read', 'gedtool', undefined, ''],
    ['a path, not a name: not the login shell\'s business', '/opt/x/gedtool', { PATH: bin }, ''],
  ] as const)('%s: the install fix', async (_what, program, loginEnv, where) => {
    const r = await programInLogin({ ...base, program, ...(loginEnv ? { loginEnv } : {}), pathFix });
    expect(r).toEqual({ where, fixes: [install], evidence: [] });
  });
});
