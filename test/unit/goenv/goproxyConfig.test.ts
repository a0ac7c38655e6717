// The go command's download settings, table-tested on strings: GOPROXY lists, GOPRIVATE globs,
// the proxy an HTTP request takes, .netrc, go.sum and `go list -m all` errors.
import { describe, expect, it } from 'vitest';
import { escapeModulePath, goproxyError, looksPrivate, matchPrefixPatterns, netrcFor, parseGoproxy, parseNetrc, privatePattern, proxyFor } from '../../../src/probes/goproxyConfig.js';
import { parseGosumdb } from '../../../src/probes/gosumdbSetting.js';
import { directRequirements, graphFindings, requirements, goModHash, parseGoSum, parseGraphErrors, type GraphResult } from '../../../src/probes/moduleDownloads.js';

describe('parseGoproxy', () => {
  it.each([
    ['', [{ kind: 'url', url: 'https://proxy.golang.org', fallThrough: 'notFound' }, { kind: 'direct', fallThrough: 'notFound' }]],
    ['off', [{ kind: 'off', fallThrough: 'notFound' }]],
    ['https://a.example|https://b.example,direct', [{ kind: 'url', url: 'https://a.example', fallThrough: 'anyError' }, { kind: 'url', url: 'https://b.example', fallThrough: 'notFound' }, { kind: 'direct', fallThrough: 'notFound' }]],
    ['goproxy.io', [{ kind: 'url', url: 'https://goproxy.io', fallThrough: 'notFound' }]],
    ['localhost:3000', [{ kind: 'url', url: 'https://localhost:3000', fallThrough: 'notFound' }]],
    ['HTTP://a.example', [{ kind: 'url', url: 'HTTP://a.example', fallThrough: 'notFound' }]],
    // "direct" and "off" end the list: what follows is ignored.
    ['direct,https://a.example', [{ kind: 'direct', fallThrough: 'notFound' }]],
    ['https://a.example|off,https://b.example', [{ kind: 'url', url: 'https://a.example', fallThrough: 'anyError' }, { kind: 'off', fallThrough: 'notFound' }]],
  ])('%j', (v, want) => expect(parseGoproxy(v)).toEqual(want));

  // go's newProxyRepo rejects these, and with one of them the whole list: every download fails.
  it.each([
    ['htps://127.0.0.1:18080/ok', 'invalid proxy URL scheme (must be https, http, file): htps://127.0.0.1:18080/ok'],
    ['https://proxy.golang.org,ftp://mirror.example', 'invalid proxy URL scheme (must be https, http, file): ftp://mirror.example'],
    ['myproxy', 'invalid proxy URL missing scheme: myproxy'],
    ['/srv/goproxy', 'invalid proxy URL missing scheme: /srv/goproxy'],
  ])('%j is rejected', (v, error) => expect(goproxyError(parseGoproxy(v))).toBe(error));
  it.each(['', 'off', 'direct', 'https://a.example,http://b.example|file:///srv/p,direct', 'goproxy.cn'])('%j is accepted', (v) => expect(goproxyError(parseGoproxy(v))).toBeUndefined());
});

// cmd/go modfetch/sumdb.go dbDial: the database's name and where go asks it.
describe('parseGosumdb', () => {
  it.each([
    ['', { kind: 'db', name: 'sum.golang.org' }],
    ['sum.golang.org', { kind: 'db', name: 'sum.golang.org' }],
    ['off', { kind: 'off' }],
    ['sum.golang.google.cn', { kind: 'db', name: 'sum.golang.org', url: 'https://sum.golang.google.cn' }],
    ['sum.golang.org https://goproxy.corp.example/sumdb/sum.golang.org', { kind: 'db', name: 'sum.golang.org', url: 'https://goproxy.corp.example/sumdb/sum.golang.org' }],
    ['sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8', { kind: 'db', name: 'sum.golang.org' }],
    // A key made for the test: Ed25519 (algorithm byte 1), its hash SHA-256(name "\n" key)[:4].
    ['sumdb.corp.example+bca678a8+AQcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcH https://sumdb.corp.example', { kind: 'db', name: 'sumdb.corp.example', url: 'https://sumdb.corp.example' }],
    // What go says of each (note.NewVerifier, dbDial), before any request.
    ['sumdb.corp.example', { kind: 'invalid', why: 'invalid GOSUMDB: malformed verifier id' }],
    ['sum.example.com http://127.0.0.1:1', { kind: 'invalid', why: 'invalid GOSUMDB: malformed verifier id' }],
    ['garbage+key', { kind: 'invalid', why: 'invalid GOSUMDB: malformed verifier id' }],
    ['sumdb.corp.example+bca678a9+AQcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcH', { kind: 'invalid', why: 'invalid GOSUMDB: invalid verifier hash' }],
    ['a b c', { kind: 'invalid', why: 'invalid GOSUMDB: too many fields' }],
  ])('%j', (v, want) => {
    const got = parseGosumdb(v);
    expect('key' in got ? { ...got, key: undefined } : got).toEqual('key' in got ? { ...want, key: undefined } : want);
  });
});

describe('privatePattern: what GOPRIVATE or GONOSUMDB should name for a module', () => {
  it.each([
    ['github.com/acme/secret', 'github.com/acme'],
    ['gitlab.com/group/sub/proj', 'gitlab.com/group'],
    ['git.corp.example/team/lib', 'git.corp.example'],
    ['corp.example.com/lib', 'corp.example.com'],
    ['github.com', 'github.com'],
  ])('%s → %s', (m, want) => expect(privatePattern(m)).toBe(want));
});

describe('matchPrefixPatterns (GOPRIVATE)', () => {
  it.each([
    ['git.corp.example', 'git.corp.example/team/x', 'git.corp.example'],
    ['*.corp.example', 'git.corp.example/team/x', '*.corp.example'],
    ['github.com/acme', 'github.com/acme/tool', 'github.com/acme'],
    ['github.com/acme', 'github.com/acmex/tool', undefined],
    ['github.com/*/internal', 'github.com/acme/internal/x', 'github.com/*/internal'],
    ['', 'golang.org/x/mod', undefined],
    ['a.example,b.example', 'b.example/m', 'b.example'],
    // go trims no space (" b.example" matches nothing) and drops one trailing slash.
    ['a.example, b.example', 'b.example/m', undefined],
    ['github.com/acme/', 'github.com/acme/tool', 'github.com/acme'],
  ])('%j against %j', (pat, target, want) => expect(matchPrefixPatterns(pat, target)).toBe(want));
});

describe('proxyFor (net/http ProxyFromEnvironment)', () => {
  const u = (s: string) => new URL(s);
  it('HTTPS_PROXY for https, upper case first', () => expect(proxyFor(u('https://proxy.golang.org/x'), { HTTPS_PROXY: 'http://p:3128', https_proxy: 'http://q:1' })).toEqual({ proxy: 'http://p:3128', variable: 'HTTPS_PROXY' }));
  it('a scheme-less proxy is http', () => expect(proxyFor(u('https://a.example'), { https_proxy: 'p:3128' })).toEqual({ proxy: 'http://p:3128', variable: 'https_proxy' }));
  it('HTTP_PROXY is not used for https', () => expect(proxyFor(u('https://a.example'), { HTTP_PROXY: 'http://p:3128' })).toEqual({}));
  it('loopback is never proxied', () => expect(proxyFor(u('http://127.0.0.1:8080'), { HTTP_PROXY: 'http://p:3128' }).proxy).toBeUndefined());
  it.each(['corp.example', '.corp.example', '*', 'a.corp.example:443', '10.0.0.0/8'])('NO_PROXY=%s', (np) => {
    const host = np.includes('/') ? 'https://10.1.2.3/x' : 'https://a.corp.example/x';
    expect(proxyFor(u(host), { HTTPS_PROXY: 'http://p:3128', NO_PROXY: np }).proxy).toBeUndefined();
  });
  // httpproxy: a leading "." or "*." matches subdomains only, not the name itself.
  it.each(['.proxy.golang.org', '*.proxy.golang.org'])('NO_PROXY=%s still proxies proxy.golang.org itself', (np) =>
    expect(proxyFor(u('https://proxy.golang.org/x'), { HTTPS_PROXY: 'http://p:3128', NO_PROXY: np }).proxy).toBe('http://p:3128'));
  it('NO_PROXY=proxy.golang.org bypasses it', () => expect(proxyFor(u('https://proxy.golang.org/x'), { HTTPS_PROXY: 'http://p:3128', NO_PROXY: 'proxy.golang.org' }).proxy).toBeUndefined());
  it('NO_PROXY for another port still proxies', () => expect(proxyFor(u('https://a.corp.example/x'), { HTTPS_PROXY: 'http://p:3128', no_proxy: 'corp.example:8443' }).proxy).toBe('http://p:3128'));
});

describe('small parsers', () => {
  it('escapeModulePath', () => expect(escapeModulePath('github.com/Azure/azure-sdk')).toBe('github.com/!azure/azure-sdk'));
  // cmd/go's parseNetrc: entries need machine, login and password; a macdef skips to an empty
  // line; go never uses a "default" entry's credentials (curl does).
  it('parseNetrc', () =>
    expect(parseNetrc('machine git.corp.example\n  login me\n  password s3cret\nmachine half login only\nmacdef init\nmachine inmacro login a password b\n\nmachine h2:8443 login u password p\ndefault login anon password x\nmachine after login c password d\n')).toEqual([
      { machine: 'git.corp.example', login: 'me', password: 's3cret' },
      { machine: 'h2:8443', login: 'u', password: 'p' },
      // Go's pairs: a "default" with login and password on its line is read as pairs and does not
      // stop the file; its own credentials are never kept.
      { machine: 'after', login: 'c', password: 'd' },
    ]));
  it('parseNetrc: "default" alone at the end of a line ends the file', () =>
    expect(parseNetrc('machine a login u password p\ndefault\nmachine z login y password w\n')).toEqual([{ machine: 'a', login: 'u', password: 'p' }]));
  it('netrcFor: the host as the URL writes it, port included, over https only', () => {
    const n = parseNetrc('machine 127.0.0.1 login a password 1\nmachine 127.0.0.1:18443 login b password 2\n');
    expect(netrcFor(n, 'https://127.0.0.1:18443/ok/x/@v/list')?.login).toBe('b');
    expect(netrcFor(n, 'https://127.0.0.1/ok')?.login).toBe('a');
    expect(netrcFor(parseNetrc('machine 127.0.0.1 login a password 1\n'), 'https://127.0.0.1:18443/ok')).toBeUndefined();
    expect(netrcFor(n, 'http://127.0.0.1/ok')).toBeUndefined();
  });
  it.each([
    ['git.corp.example/team/x', true],
    ['gitlab.acme.com/team/x', true],
    ['10.1.2.3/x', true],
    ['svc.internal/x', true],
    ['github.com/acme/x', false],
    ['golang.org/x/mod', false],
    ['example.com/a', false],
  ])('looksPrivate(%s) = %s', (p, want) => expect(looksPrivate(p)).toBe(want));
  it('parseGoSum', () => {
    const s = parseGoSum('golang.org/x/mod v0.37.0 h1:abc=\ngolang.org/x/mod v0.37.0/go.mod h1:def=\nx.example/y v1.0.0/go.mod h1:z=\n');
    expect([...s.zip]).toEqual([['golang.org/x/mod v0.37.0', 'h1:abc=']]);
    expect([...s.mod.keys()]).toEqual(['golang.org/x/mod v0.37.0', 'x.example/y v1.0.0']);
  });
  it.each([
    // Measured: go 1.26.8 reported these as "downloaded: h1:…" for the go.mod files below.
    ['module example.com/x\n\ngo 1.22\n', 'h1:WwT/QlP688e7EGfK3m3vwMPcaOkt/+Sbh8uPn4K/s04='],
    // github.com/pkg/errors v0.9.1 has no go.mod: the proxy serves the one go synthesizes, and its
    // go.sum line is the one every user of it has.
    ['module github.com/pkg/errors\n', 'h1:bwawxfHBFNV+L2hUp1rHADufV3IMtnDRdf1r5NINEl0='],
  ])('goModHash(%j) is the go.sum /go.mod hash', (text, want) => expect(goModHash(text)).toBe(want));
  it('directRequirements: indirect dropped, replacements applied, local directories dropped', () => {
    const json = JSON.stringify({
      Module: { Path: 'example.com/a' },
      Require: [
        { Path: 'golang.org/x/mod', Version: 'v0.37.0' },
        { Path: 'golang.org/x/sync', Version: 'v0.1.0', Indirect: true },
        { Path: 'example.com/old', Version: 'v1.0.0' },
        { Path: 'example.com/local', Version: 'v0.0.0' },
      ],
      Replace: [
        { Old: { Path: 'example.com/old' }, New: { Path: 'example.com/new', Version: 'v1.2.0' } },
        { Old: { Path: 'example.com/local' }, New: { Path: '../local' } },
      ],
    });
    expect(directRequirements(json)).toEqual([
      { path: 'golang.org/x/mod', version: 'v0.37.0' },
      { path: 'example.com/new', version: 'v1.2.0' },
    ]);
    expect(directRequirements('not json')).toBeUndefined();
    expect(requirements(json)).toEqual([
      { path: 'golang.org/x/mod', version: 'v0.37.0', indirect: false },
      { path: 'golang.org/x/sync', version: 'v0.1.0', indirect: true },
      { path: 'example.com/new', version: 'v1.2.0', indirect: false, replaced: true },
    ]);
  });
  it('parseGraphErrors: go 1.26 wording', () => {
    const r = parseGraphErrors('go: golang.org/x/mod@v0.37.0: missing go.sum entry for go.mod file; to add it:\n\tgo mod download golang.org/x/mod\ngo: golang.org/x/text@v0.3.0: module lookup disabled by GOPROXY=off\n');
    expect(r.missingSum).toEqual(['golang.org/x/mod v0.37.0']);
    expect(r.notCached).toEqual(['golang.org/x/text v0.3.0']);
  });
  it("the module graph's missing go.mod checksums: go mod tidy, unless GOPROXY=off and the cache lacks that go.mod", () => {
    const stderr = 'go: golang.org/x/mod@v0.37.0: missing go.sum entry for go.mod file; to add it:\n\tgo mod download golang.org/x/mod\n';
    const g = (modUncached: string[]): GraphResult => ({ observed: {}, commandLine: 'GOPROXY=off go list -m all (in /w)', errors: parseGraphErrors(stderr), modUncached });
    const fixOf = (modUncached: string[], GOPROXY: string) => graphFindings(g(modUncached), '/w', [], { GOPROXY }, undefined)[0]!.fixes![0]!;
    // Cached: go mod tidy writes the line offline (measured with GOPROXY=off and x/sync in the cache).
    expect(fixOf([], 'off')).toMatchObject({ id: 'go-mod-tidy', text: 'go mod tidy', cwd: '/w' });
    // Not cached: plain go mod tidy fails as typed ("module lookup disabled by GOPROXY=off").
    expect(fixOf(['golang.org/x/mod v0.37.0'], 'off')).toMatchObject({ id: 'go-mod-tidy-default-proxy', cwd: '/w' });
    expect(fixOf(['golang.org/x/mod v0.37.0'], 'https://proxy.golang.org,direct')).toMatchObject({ id: 'go-mod-tidy' });
  });
  it('parseGraphErrors: a checksum mismatch, with both hashes (go 1.26.8, measured)', () => {
    const r = parseGraphErrors('verifying example.com/x@v1.0.0/go.mod: checksum mismatch\n\tdownloaded: h1:WwT/QlP688e7EGfK3m3vwMPcaOkt/+Sbh8uPn4K/s04=\n\tgo.sum:     h1:AAAA=\n\nSECURITY ERROR\nThis download does NOT match an earlier download recorded in go.sum.\n');
    expect(r.mismatch).toEqual([{ module: 'example.com/x', version: 'v1.0.0', what: 'go.mod', goSum: 'h1:AAAA=', cached: 'h1:WwT/QlP688e7EGfK3m3vwMPcaOkt/+Sbh8uPn4K/s04=' }]);
    expect(parseGraphErrors('go: verifying example.com/y@v0.1.0: checksum mismatch\n').mismatch).toEqual([{ module: 'example.com/y', version: 'v0.1.0', what: 'zip', goSum: '?', cached: '?' }]);
  });
});
