import { describe, expect, it } from 'vitest';
import { makeRedactor, redactDeep, redactPatterns } from '../../../src/doctor/redact.js';

describe('redaction', () => {
  const table: Array<{ name: string; in: string; leaks: string[]; keeps?: string[] }> = [
    { name: 'URL userinfo', in: 'GOPROXY=https://alice:s3cr3tpw@proxy.corp.example/mod,direct', leaks: ['s3cr3tpw', 'alice'], keeps: ['proxy.corp.example/mod'] },
    { name: 'token-only userinfo', in: 'git clone https://ghx_0123456789abcdef@github.com/x/y', leaks: ['ghx_0123456789abcdef'] },
    { name: 'NAME=value', in: 'GITHUB_TOKEN=abc123def GOFLAGS=-mod=mod', leaks: ['abc123def'], keeps: ['GOFLAGS=-mod=mod'] },
    { name: 'quoted value', in: 'MY_API_KEY="with spaces inside"', leaks: ['with spaces inside'] },
    { name: 'Authorization header in GOFLAGS', in: 'GOFLAGS=-header=Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload', leaks: ['eyJhbGciOiJIUzI1NiJ9'] },
    { name: 'GitHub PAT anywhere', in: 'saw ghp_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA in a log', leaks: ['ghp_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'] },
    { name: 'AWS key id', in: 'AKIAIOSFODNN7EXAMPLE', leaks: ['AKIAIOSFODNN7EXAMPLE'] },
    { name: 'plain paths survive', in: '/home/u/go/pkg/mod is on /dev/sda1 ext4 rw,noexec', leaks: [], keeps: ['/home/u/go/pkg/mod is on /dev/sda1 ext4 rw,noexec'] },
  ];
  for (const t of table) {
    it(t.name, () => {
      const out = redactPatterns(t.in);
      for (const l of t.leaks) expect(out).not.toContain(l);
      for (const k of t.keeps ?? []) expect(out).toContain(k);
    });
  }

  it('masks the values of secret-named environment variables wherever they appear', () => {
    const redact = makeRedactor({ CI_JOB_TOKEN: 'canary-4f1d', PATH: '/usr/bin', SHORT_KEY: 'ab' });
    expect(redact('the server said canary-4f1d twice: canary-4f1d')).toBe('the server said *** twice: ***');
    expect(redact('/usr/bin')).toBe('/usr/bin');
  });

  it('walks a whole report, masking env-style keys but not model fields named key', () => {
    const redact = makeRedactor({ NPM_TOKEN: 'zzz-secret-zzz' });
    const out = redactDeep({ observed: { NPM_TOKEN: 'anything', note: 'x zzz-secret-zzz' }, fix: { key: 'go.toolsEnvVars', value: { GOTMPDIR: '/x' } } }, redact);
    expect(out).toEqual({ observed: { NPM_TOKEN: '***', note: 'x ***' }, fix: { key: 'go.toolsEnvVars', value: { GOTMPDIR: '/x' } } });
  });
});
