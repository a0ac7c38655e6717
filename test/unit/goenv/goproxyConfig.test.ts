// The go command's download settings, table-tested on strings: GOPROXY lists, GOPRIVATE globs,
// the proxy an HTTP request takes, .netrc, go.sum and `go list -m all` errors.
import { describe, expect, it } from 'vitest';
import { escapeModulePath, looksPrivate, matchPrefixPatterns, parseGoproxy, parseNetrc, proxyFor } from '../../../src/probes/goproxyConfig.js';
import { directRequirements, requirements, goModHash, parseGoSum, parseGraphErrors } from '../../../src/probes/moduleDownloads.js';

describe('parseGoproxy', () => {
  it.each([
    ['', [{ kind: 'url', url: 'https://proxy.golang.org', fallThrough: 'notFound' }, { kind: 'direct', fallThrough: 'notFound' }]],
    ['off', [{ kind: 'off', fallThrough: 'notFound' }]],
    ['https://a.example|https://b.example,direct', [{ kind: 'url', url: 'https://a.example', fallThrough: 'anyError' }, { kind: 'url', url: 'https://b.example', fallThrough: 'notFound' }, { kind: 'direct', fallThrough: 'notFound' }]],
    ['goproxy.io', [{ kind: 'url', url: 'https://goproxy.io', fallThrough: 'notFound' }]],
  ])('%j', (v, want) => expect(parseGoproxy(v)).toEqual(want));
});

describe('matchPrefixPatterns (GOPRIVATE)', () => {
  it.each([
    ['git.corp.example', 'git.corp.example/team/x', 'git.corp.example'],
    ['*.corp.example', 'git.corp.example/team/x', '*.corp.example'],
    ['github.com/acme', 'github.com/acme/tool', 'github.com/acme'],
    ['github.com/acme', 'github.com/acmex/tool', undefined],
    ['github.com/*/internal', 'github.com/acme/internal/x', 'github.com/*/internal'],
    ['', 'golang.org/x/mod', undefined],
    ['a.example, b.example', 'b.example/m', 'b.example'],
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
  it('NO_PROXY for another port still proxies', () => expect(proxyFor(u('https://a.corp.example/x'), { HTTPS_PROXY: 'http://p:3128', no_proxy: 'corp.example:8443' }).proxy).toBe('http://p:3128'));
});

describe('small parsers', () => {
  it('escapeModulePath', () => expect(escapeModulePath('github.com/Azure/azure-sdk')).toBe('github.com/!azure/azure-sdk'));
  it('parseNetrc', () =>
    expect(parseNetrc('machine git.corp.example\n  login me\n  password s3cret\n# c\nmacdef init\ndefault login anon password x\n')).toEqual([
      { machine: 'git.corp.example', login: 'me', password: 's3cret' },
      { machine: '*', login: 'anon', password: 'x' },
    ]));
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
  it('parseGraphErrors: a checksum mismatch, with both hashes (go 1.26.8, measured)', () => {
    const r = parseGraphErrors('verifying example.com/x@v1.0.0/go.mod: checksum mismatch\n\tdownloaded: h1:WwT/QlP688e7EGfK3m3vwMPcaOkt/+Sbh8uPn4K/s04=\n\tgo.sum:     h1:AAAA=\n\nSECURITY ERROR\nThis download does NOT match an earlier download recorded in go.sum.\n');
    expect(r.mismatch).toEqual([{ module: 'example.com/x', version: 'v1.0.0', what: 'go.mod', goSum: 'h1:AAAA=', cached: 'h1:WwT/QlP688e7EGfK3m3vwMPcaOkt/+Sbh8uPn4K/s04=' }]);
    expect(parseGraphErrors('go: verifying example.com/y@v0.1.0: checksum mismatch\n').mismatch).toEqual([{ module: 'example.com/y', version: 'v0.1.0', what: 'zip', goSum: '?', cached: '?' }]);
  });
});
