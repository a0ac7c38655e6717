// pam_limits fixes that take effect for the user the limit was read for (fixes/limitsConf.ts). The
// sed fix is run for real on a copy of the file it names: the line naming the user gets the value.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { limitsConfFixFor, parseLimitsConf, removeUlimitFixes, ulimitLines, type LimitsContext } from '../../../src/fixes/limitsConf.js';
import { hasSysResource, userNameOf } from '../../../src/probes/limitSources.js';

const ctx = (over: Partial<LimitsContext>): LimitsContext => ({ uid: 65534, user: 'nobody', lines: [], ulimits: {}, ...over });

describe('parseLimitsConf', () => {
  it('reads rule lines, skips comments and malformed lines', () => {
    const text = '# comment\n*               soft    core            0\nnobody hard nproc 12 # why\n@staff - nofile 4096\nbroken line\n';
    expect(parseLimitsConf('/etc/security/limits.conf', text).map((l) => [l.line, l.domain, l.type, l.item, l.value])).toEqual([
      [2, '*', 'soft', 'core', '0'],
      [3, 'nobody', 'hard', 'nproc', '12'],
      [4, '@staff', '-', 'nofile', '4096'],
    ]);
  });
});

describe('ulimitLines', () => {
  it.each([
    ['ulimit -n 40', 'nofile', 40, 1],
    ['ulimit -Sn 40', 'nofile', 40, 1],
    ['  ulimit -H -u 12 # cap', 'nproc', 12, 1],
    ['ulimit -u 12', 'nofile', 12, 0],
    ['ulimit -n 41', 'nofile', 40, 0],
    ['# ulimit -n 40', 'nofile', 40, 0],
    ['[ -t 0 ] && ulimit -v unlimited', 'as', 'unlimited', 1],
  ] as const)('%s (%s %s): %i', (line, item, value, n) => expect(ulimitLines('/home/u/.bashrc', `x\n${line}\n`, item, value)).toHaveLength(n));
});

describe('limitsConfFixFor', () => {
  it('no user known: the old wildcard file, saying what it cannot do', () => {
    const f = limitsConfFixFor('rlimit-raise-nproc', 'nproc', 65536);
    expect(f.text).toBe("printf '%s\\n' '* soft nproc 65536' '* hard nproc 65536' > /etc/security/limits.d/60-nproc.conf");
    expect(f.detail).toMatch(/never applied to root/);
  });

  it('names the user, says a new session is needed and how to check it', () => {
    const f = limitsConfFixFor('rlimit-raise-nproc', 'nproc', 65536, ctx({}));
    expect(f.text).toBe("printf '%s\\n' 'nobody soft nproc 65536' 'nobody hard nproc 65536' > /etc/security/limits.d/60-nproc-nobody.conf");
    expect(f.detail).toMatch(/next login: log out and back in/);
    expect(f.detail).toContain("runuser -l nobody -s /bin/bash -c 'ulimit -u'");
  });

  it('root: the lines name root, and say why', () => {
    const f = limitsConfFixFor('rlimit-raise-nofile', 'nofile', 65536, ctx({ uid: 0, user: 'root' }));
    expect(f.text).toBe("printf '%s\\n' 'root soft nofile 65536' 'root hard nofile 65536' > /etc/security/limits.d/60-nofile-root.conf");
    expect(f.detail).toMatch(/never applies `\*` or @group lines to root/);
  });

  it('without CAP_SYS_RESOURCE the value is capped at the hard limit a new session can get', () => {
    const f = limitsConfFixFor('rlimit-raise-nofile', 'nofile', 65536, ctx({ uid: 0, user: 'root', hardCeiling: { nofile: 20000 }, noSysResource: true }));
    expect(f.text).toContain("'root hard nofile 20000'");
    expect(f.detail).toMatch(/lacks CAP_SYS_RESOURCE.*20000 is used/);
  });

  it('a line naming the user decides: that line is changed in place (sed run for real on a copy)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ged-limits-'));
    try {
      const file = path.join(dir, '50-site.conf');
      const original = '# site policy\nnobody hard nproc 12\n*      soft nproc 4096\nnobody.x - nproc 7\n';
      writeFileSync(file, original);
      const f = limitsConfFixFor('rlimit-raise-nproc', 'nproc', 65536, ctx({ lines: parseLimitsConf(file, original) }));
      expect(f.title).toBe(`Raise the nproc limit of nobody to 65536 in ${file}`);
      expect(f.detail).toContain(`${file}:2 (nobody hard nproc 12) sets it for nobody`);
      execFileSync('/bin/sh', ['-c', f.text]);
      expect(readFileSync(file, 'utf8')).toBe('# site policy\nnobody hard nproc 65536\n*      soft nproc 4096\nnobody.x - nproc 7\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a ulimit in a start-up file is named, and removed by its own fix (run for real on a copy)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ged-ulimit-'));
    try {
      const rc = path.join(dir, '.bashrc');
      writeFileSync(rc, 'export A=1\nulimit -n 40\necho hi\n');
      const c = ctx({ uid: 1000, user: 'dev', ulimits: { nofile: ulimitLines(rc, readFileSync(rc, 'utf8'), 'nofile', 40) } });
      expect(limitsConfFixFor('rlimit-raise-nofile', 'nofile', 65536, c).detail).toContain(`${rc}:2 (ulimit -n 40) sets it with ulimit`);
      const [rm] = removeUlimitFixes('nofile', c, dir);
      expect(rm).toMatchObject({ title: 'Remove the ulimit -n line from ~/.bashrc (line 2)', needsRoot: false });
      execFileSync('/bin/sh', ['-c', rm!.text]);
      expect(readFileSync(rc, 'utf8')).toBe('export A=1\necho hi\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('limit sources', () => {
  it('userNameOf reads /etc/passwd', () => {
    expect(userNameOf('root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n', 65534)).toBe('nobody');
    expect(userNameOf('root:x:0:0:root:/root:/bin/bash\n', 1000)).toBeUndefined();
  });
  it('hasSysResource reads CapBnd bit 24', () => {
    expect(hasSysResource('CapBnd:\t000001fffeffffff\n')).toBe(false);
    expect(hasSysResource('CapBnd:\t000001ffffffffff\n')).toBe(true);
    expect(hasSysResource('Name: x\n')).toBeUndefined();
  });
});
