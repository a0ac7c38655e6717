import { describe, expect, it } from 'vitest';
import { makeRedactor, redactDeep, redactPatterns } from '../../../src/doctor/redact.js';
import { redactAll } from '../../../src/doctor/secretShapes.js';

describe('redaction', () => {
  const table: Array<{ name: string; in: string; leaks: string[]; keeps?: string[] }> = [
    { name: 'URL userinfo', in: 'GOPROXY=https://alice:s3cr3tpw@proxy.corp.example/mod,direct', leaks: ['s3cr3tpw', 'alice'], keeps: ['proxy.corp.example/mod'] },
    { name: 'token-only userinfo', in: 'git clone https://ghx_0123456789abcdef@github.com/x/y', leaks: ['ghx_0123456789abcdef'] },
    { name: 'NAME=value', in: 'GITHUB_TOKEN=abc123def GOFLAGS=-mod=mod', leaks: ['abc123def'], keeps: ['GOFLAGS=-mod=mod'] },
    { name: 'quoted value', in: 'MY_API_KEY="with spaces inside"', leaks: ['with spaces inside'] },
    { name: 'Authorization header in GOFLAGS', in: 'GOFLAGS=-header=Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload', leaks: ['eyJhbGciOiJIUzI1NiJ9'] },
    { name: 'GitHub PAT anywhere', in: 'saw ghp_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA in a log', leaks: ['ghp_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'] },
    { name: 'AWS key id', in: 'AKIAIOSFODNN7EXAMPLE', leaks: ['AKIAIOSFODNN7EXAMPLE'] },
    // Issue 9 finding 4: shapes that leaked.
    { name: 'PASSWORD= with nothing before the keyword', in: 'PASSWORD=canary-pw-0a1 and TOKEN=canary-tok-0a2, SECRET=canary-sec-0a3', leaks: ['canary-pw-0a1', 'canary-tok-0a2', 'canary-sec-0a3'], keeps: ['PASSWORD=***', 'TOKEN=***', 'SECRET=***'] },
    { name: 'JSON pair with a secret-named key', in: '{"MY_TOKEN": "canary-json-tok", "user": "bob"}', leaks: ['canary-json-tok'], keeps: ['"MY_TOKEN": "***"', '"user": "bob"'] },
    { name: 'JSON Authorization header', in: '{"Authorization":"Basic Y2FuYXJ5LWpzb24tYmFzaWM="}', leaks: ['Y2FuYXJ5LWpzb24tYmFzaWM='], keeps: ['"Authorization":"'] },
    { name: 'Proxy-Authorization: the credential, not just the word', in: 'Proxy-Authorization: Basic Y2FuYXJ5LXByb3h5LWF1dGg=\nnext line', leaks: ['Y2FuYXJ5LXByb3h5LWF1dGg='], keeps: ['Proxy-Authorization: Basic ***', 'next line'] },
    { name: 'X-Api-Key header', in: 'X-Api-Key: canary-xapikey-77', leaks: ['canary-xapikey-77'], keeps: ['X-Api-Key: ***'] },
    { name: 'X-Auth-Token header', in: 'curl -H "X-Auth-Token: canary-xauth-88" https://x', leaks: ['canary-xauth-88'] },
    { name: 'Cookie header, every cookie', in: 'Cookie: theme=dark; session=canary-cookie-99', leaks: ['canary-cookie-99'], keeps: ['Cookie: ***'] },
    { name: 'netrc password', in: 'machine goproxy.corp.example login bob password canary-netrc-11', leaks: ['canary-netrc-11'], keeps: ['machine goproxy.corp.example login bob password ***'] },
    { name: 'netrc password on its own line', in: 'machine h\n  login bob\n  password canary-netrc-12', leaks: ['canary-netrc-12'] },
    { name: '--password value', in: 'docker login --username bob --password canary-flag-13 registry', leaks: ['canary-flag-13'], keeps: ['--password ***', 'registry'] },
    { name: '--password=value', in: 'tool --password=canary-flag-14', leaks: ['canary-flag-14'] },
    { name: "Python-style 'password': '…'", in: "{'password': 'canary-py-15', 'host': 'h'}", leaks: ['canary-py-15'], keeps: ["'host': 'h'"] },
    {
      name: 'PEM private key block',
      in: 'key:\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAACANARYPEMBODY\nAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----\nafter',
      leaks: ['CANARYPEMBODY', 'AAAAtzc2gtZW'],
      keeps: ['-----BEGIN OPENSSH PRIVATE KEY-----', 'after'],
    },
    { name: 'PEM private key cut short by an excerpt', in: '-----BEGIN RSA PRIVATE KEY-----\nMIIEcanaryCUTPEM', leaks: ['canaryCUTPEM'] },
    { name: 'token in a GOPROXY URL path', in: 'GOPROXY=https://goproxy.corp.example/t0kenCanary9f8e7d6c5b4a/go,direct', leaks: ['t0kenCanary9f8e7d6c5b4a'], keeps: ['https://goproxy.corp.example/***/go,direct'] },
    { name: 'module URLs keep their paths', in: 'reading https://proxy.golang.org/golang.org/x/tools/gopls/@v/v0.0.0-20240101120000-0123456789ab.mod', leaks: [], keeps: ['https://proxy.golang.org/golang.org/x/tools/gopls/@v/v0.0.0-20240101120000-0123456789ab.mod'] },
    { name: 'GOFLAGS: values of flags that are not build settings', in: 'GOFLAGS=-mod=mod -header=X-Corp:canary-goflags-16 -ldflags=-X=main.k=canary-goflags-17 -trimpath', leaks: ['canary-goflags-16', 'canary-goflags-17'], keeps: ['-mod=mod', '-trimpath', '-header=***'] },
    { name: 'GOFLAGS quoted, as go env prints it', in: "GOFLAGS='-tags=netgo -toolexec=canary-goflags-18'", leaks: ['canary-goflags-18'], keeps: ['-tags=netgo'] },
    { name: 'a JSON-escaped Authorization inside a log line', in: '{"message":"Authorization: Bearer canary-escaped-19\\" x"}', leaks: ['canary-escaped-19'] },
    // A tester's "401 Unauthorized: *** wants credentials": prose holding AUTH is not a NAME=value.
    { name: 'Unauthorized: prose survives', in: 'it answered 401 Unauthorized: it wants credentials; Authority: yes', leaks: [], keeps: ['401 Unauthorized: it wants credentials', 'Authority: yes'] },
    { name: "GOAUTH's keywords are shown, a command's arguments are not", in: 'GOAUTH=netrc GOAUTH=off GOAUTH="git /src" GOAUTH=/usr/bin/myauth --token=s3cret', leaks: ['s3cret'], keeps: ['GOAUTH=netrc', 'GOAUTH=off', 'GOAUTH="git /src"'] },
    { name: 'AUTHORIZATION as a variable is still masked', in: 'MY_AUTHORIZATION=abc123secret', leaks: ['abc123secret'] },
    // As --json writes go env: go's default "netrc" is how go finds credentials (a tester saw "***").
    { name: 'GOAUTH keywords in JSON are shown, a command is not', in: '{"GOAUTH": "netrc", "X": 1} {"GOAUTH": "/opt/auth --token=s3cretjs"}', leaks: ['s3cretjs'], keeps: ['"GOAUTH": "netrc"'] },
    // An ssh URL's user is a login name (git insteadOf lines); https userinfo may be a token.
    { name: "an ssh URL's user is kept, an https URL's userinfo is not", in: 'url.ssh://git@github.com/.insteadof https://github.com/ and https://ghp_canaryUserinfo20@github.com/x ssh://git:canaryPw21@host/r', leaks: ['ghp_canaryUserinfo20', 'canaryPw21'], keeps: ['ssh://git@github.com/'] },
    // A tester's GOPROXY kept ?key=… in every format: query credentials whose name alone says so.
    { name: 'URL query credentials: key, sig, signature, pass, pwd', in: 'GOPROXY=https://p.corp.example/mod?key=CanaryK6x&v=2,https://q.example/go?sig=CanarySig7&Signature=CanarySig8&pwd=CanaryPw9#f,direct', leaks: ['CanaryK6x', 'CanarySig7', 'CanarySig8', 'CanaryPw9'], keeps: ['?key=***&v=2', '&pwd=***#f,direct'] },
    { name: 'an HTML-escaped query separator', in: 'see https://x.example/a?b=1&amp;pass=CanaryAmp1 now', leaks: ['CanaryAmp1'], keeps: ['&amp;pass=*** now'] },
    // Query words that only look alike stay: a Go module path, a monkey= or pkey= parameter.
    { name: 'innocent query names survive', in: 'https://pkg.go.dev/search?q=key&monkey=1&pkey=2&keys=3 and ?go-get=1', leaks: [], keeps: ['?q=key&monkey=1&pkey=2&keys=3', '?go-get=1'] },
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

  it('GOAUTH set to go\'s own keywords is not a secret value: "netrc" stays readable everywhere', () => {
    expect(makeRedactor({ GOAUTH: 'netrc' })('add a .netrc machine entry')).toBe('add a .netrc machine entry');
    expect(makeRedactor({ GOAUTH: 'git /home/u/src' })('GOAUTH=git /home/u/src')).toBe('GOAUTH=git /home/u/src');
    expect(makeRedactor({ GOAUTH: '/usr/local/bin/corp-auth --key=zzzz9' })('ran /usr/local/bin/corp-auth --key=zzzz9')).not.toContain('zzzz9');
  });

  it('walks a whole report, masking env-style keys but not model fields named key', () => {
    const redact = makeRedactor({ NPM_TOKEN: 'zzz-secret-zzz' });
    const out = redactDeep({ observed: { NPM_TOKEN: 'anything', note: 'x zzz-secret-zzz' }, fix: { key: 'go.toolsEnvVars', value: { GOTMPDIR: '/x' } } }, redact);
    expect(out).toEqual({ observed: { NPM_TOKEN: '***', note: 'x ***' }, fix: { key: 'go.toolsEnvVars', value: { GOTMPDIR: '/x' } } });
  });
});

describe('redaction stays linear on hostile runs', () => {
  // Each of these made an earlier pattern backtrack quadratically (minutes on 100 k characters):
  // a scheme-like or name-like run with no "://" or "=" at its end. A regression hangs this test.
  for (const [name, run] of Object.entries({ dots: 'a.', dashes: 'a-', headers: 'X-', flags: '--', mixed: 'x-token-' })) {
    it(name, () => {
      const text = run.repeat(Math.ceil(100_000 / run.length));
      expect(redactPatterns(text).length).toBeGreaterThan(0);
    });
  }
});

// A URL path segment of 20+ letters and digits is masked as a token (registries that issue
// https://host/<token>/… GOPROXY URLs). Commit hashes, pseudo-version revisions and Go module path
// elements have that shape too, and masking them made reports useless for the bug they describe.
describe('URL path segments: tokens masked, commit hashes and module paths kept', () => {
  const H40 = '3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a';
  const H64 = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
  const kept: Array<[string, string]> = [
    ['a commit on GitHub', `https://github.com/golang/tools/commit/${H40}`],
    ['a file at a commit on GitHub', `https://github.com/golang/tools/blob/${H40}/gopls/main.go`],
    ['Gitiles', `https://go.googlesource.com/tools/+/${H40}`],
    ['a GitLab commit on a private host', `https://git.corp.example/team/repo/-/commit/${H40}`],
    ['a Gitea commit on a private host', `https://gitea.corp.example/team/repo/src/commit/${H40}/main.go`],
    ['a Bitbucket commit list', `https://bitbucket.corp.example/projects/x/repos/y/commits/${H40}`],
    ['a SHA-256 digest after sha256', `https://registry.corp.example/v2/x/blobs/sha256/${H64}`],
    ['a pseudo-version in a proxy URL', 'https://proxy.golang.org/golang.org/x/tools/@v/v0.0.0-20240101120000-abcdef123456.info'],
    ['a pseudo-version revision as a segment', 'https://git.corp.example/team/repo/archive/20240101120000-abcdef123456'],
    ['a module path element with digits, on the public proxy', 'https://proxy.golang.org/github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/@v/list'],
    ['a module path element with digits, on a private proxy', 'reading https://goproxy.corp.example/go/github.com/aws/aws-sdk-go-v2/service/route53recoverycontrolconfig/@v/v1.2.3.mod: 404 Not Found'],
    ['a repository path on GitHub', 'https://github.com/aws/aws-sdk-go-v2/tree/main/service/elasticloadbalancingv2'],
    ['a module page on pkg.go.dev', 'https://pkg.go.dev/github.com/some-org/mod123456789abcdefghij'],
  ];
  it.each(kept)('%s is kept', async (_name, text) => {
    expect(redactPatterns(text)).toBe(text);
    expect(await redactAll([text])).toEqual([text]);
  });

  const masked: Array<[string, string, string]> = [
    ['a token in a GOPROXY path', 'GOPROXY=https://goproxy.corp.example/t0kenCanary9f8e7d6c5b4a/go,direct', 'GOPROXY=https://goproxy.corp.example/***/go,direct'],
    ['a hex token in a GOPROXY path (not after a commit word)', `GOPROXY=https://goproxy.corp.example/${H40}/go`, 'GOPROXY=https://goproxy.corp.example/***/go'],
    // A GOPROXY list: the first URL's origin must not run on into the second (fault 92's shape).
    ['a token in the second URL of a GOPROXY list', 'GOPROXY="https://***@proxy.golang.org,https://goproxy.corp.example/canaryPathTok0e0e1f1f2a2a/go,direct"', 'GOPROXY="https://***@proxy.golang.org,https://goproxy.corp.example/***/go,direct"'],
    ['a token in the second URL of a |-separated GOPROXY list', 'GOPROXY=https://proxy.golang.org|https://goproxy.corp.example/t0kenCanary9f8e7d6c5b4a/go', 'GOPROXY=https://proxy.golang.org|https://goproxy.corp.example/***/go'],
    ['a token before the module path of a proxy URL', 'https://goproxy.corp.example/t0kenCanary9f8e7d6c5b4a/github.com/foo/bar/@v/list', 'https://goproxy.corp.example/***/github.com/foo/bar/@v/list'],
    ['a token that is not hex after a commit word', 'https://git.corp.example/commit/AbC123dEf456GhI789jKl0', 'https://git.corp.example/commit/***'],
    ['a token with a query after it', 'https://hooks.corp.example/in/T0kenCanary9f8e7d6c5b4a?x=1', 'https://hooks.corp.example/in/***?x=1'],
    ['a token on a host named like a code host but not one', 'https://github.com.evil.example/t0kenCanary9f8e7d6c5b4a', 'https://github.com.evil.example/***'],
  ];
  it.each(masked)('%s is masked', async (_name, text, want) => {
    expect(redactPatterns(text)).toBe(want);
    expect(await redactAll([text])).toEqual([want]);
  });
});
