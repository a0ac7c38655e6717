import { describe, expect, it } from 'vitest';
import { wantsFullPass } from '../../../src/lsp/fullPass.js';
import { sameFile } from '../../../src/lsp/handshake.js';

// Messages in the shapes gopls v0.23.0 published them (go1.26.8) on this machine: a go.sum whose
// zip line or go.mod line differs from what the proxy serves, a proxy that refuses, GOPROXY=off.
const MAIN = 'file:///w/m/main.go';
const GOMOD = 'file:///w/m/go.mod';
const unprovided = (p: string) => `could not import ${p} (no required module provides package "${p}")`;
const refusedZip = (m: string, v: string) =>
  `packages.Load error: err: exit status 1: stderr: go: downloading ${m} ${v}\nverifying ${m}@${v}: checksum mismatch\n\tdownloaded: h1:vF1DjpVEshcIqoEaauuHebaLk1O1forxjxBaVn884JQ=\n\tgo.sum:     h1:AAAAjpVEshcIqoEaauuHebaLk1O1forxjxBaVn884JQ=\n\nSECURITY ERROR\n`;
const refusedMod = (m: string, v: string) =>
  `packages.Load error: err: exit status 1: stderr: go: downloading ${m} ${v}\nverifying ${m}@${v}/go.mod: checksum mismatch\n\tdownloaded: h1:m8S8VeM9r4dzDwjrKO0a1sZP3YjeMamRRlD+fmR2Q/0=\n\tgo.sum:     h1:AAAAVeM9r4dzDwjrKO0a1sZP3YjeMamRRlD+fmR2Q/0=\n\nSECURITY ERROR\n`;
const proxyRefused = 'packages.Load error: err: exit status 1: stderr: go: golang.org/x/mod@v0.37.0: Get "https://proxy.golang.org/golang.org/x/mod/@v/v0.37.0.zip": proxyconnect tcp: dial tcp 127.0.0.1:9: connect: connection refused\n';
const pub = (uri: string, ...messages: string[]) => ({ uri, items: messages.map((message) => ({ message, severity: 1 })) });

describe('wantsFullPass', () => {
  it.each([
    // gopls's race lost: the file's first phase came, the load's error on go.mod not yet.
    ['unresolved import of x/mod, no load error yet', [pub(MAIN, unprovided('golang.org/x/mod/semver'))], true],
    ['unresolved import of a case-escaped module path, no load error yet', [pub(MAIN, unprovided('github.com/BurntSushi/toml'))], true],
    ['"missing metadata" for the standard library: the whole load failed, its reason not yet here', [pub(MAIN, 'could not import fmt (missing metadata for import of "fmt")')], true],
    // The race won (the usual order): go's reason is already in hand, whatever it is.
    ['zip line refused, published before the file', [pub(GOMOD, refusedZip('golang.org/x/mod', 'v0.37.0')), pub(MAIN, unprovided('golang.org/x/mod/semver'))], false],
    ['go.mod line refused, published before the file', [pub(GOMOD, refusedMod('golang.org/x/mod', 'v0.37.0')), pub(MAIN, unprovided('golang.org/x/mod/semver'))], false],
    ['another module refused', [pub(GOMOD, refusedZip('github.com/BurntSushi/toml', 'v1.6.0')), pub(MAIN, unprovided('github.com/BurntSushi/toml'))], false],
    ['a refusing proxy', [pub(GOMOD, proxyRefused), pub(MAIN, unprovided('golang.org/x/mod/semver'))], false],
    ['the reason on the file itself: a missing go.sum line', [pub(MAIN, 'missing go.sum entry for module providing package golang.org/x/mod/semver (imported by example.com/m); to add:\n\tgo get example.com/m', unprovided('example.com/other'))], false],
    ['a go line newer than the toolchain', [pub(GOMOD, 'packages.Load error: err: exit status 1: stderr: go: go.mod requires go >= 1.99 (running go 1.26.8; GOTOOLCHAIN=local)'), pub(MAIN, unprovided('golang.org/x/mod/semver'))], false],
    // Nothing left open.
    ['the file type-checks', [pub(MAIN)], false],
    ['only ordinary compile errors', [pub(MAIN, 'undefined: foo', 'declared and not used: x')], false],
    ['the import was unresolved, the latest publish clears it', [pub(MAIN, unprovided('golang.org/x/mod/semver')), pub(MAIN)], false],
    ['only another file names an unresolved import', [pub('file:///w/m/other.go', unprovided('golang.org/x/mod/semver'))], false],
    ['the file not diagnosed at all', [], false],
  ])('%s', (_name, published, want) => {
    expect(wantsFullPass(published, MAIN, sameFile)).toBe(want);
  });

  it('the file is matched through URI escaping, as gopls may send it', () => {
    expect(wantsFullPass([pub('file:///w/my%20mod/main.go', unprovided('golang.org/x/mod/semver'))], 'file:///w/my mod/main.go', sameFile)).toBe(true);
  });

  it('hints (severity 3, 4) do not hold the session', () => {
    expect(wantsFullPass([{ uri: MAIN, items: [{ message: unprovided('golang.org/x/mod/semver'), severity: 4 }] }], MAIN, sameFile)).toBe(false);
  });

  it('a load error published after the file, in the full pass, settles it', () => {
    expect(wantsFullPass([pub(MAIN, unprovided('golang.org/x/mod/semver')), pub(GOMOD, refusedZip('golang.org/x/mod', 'v0.37.0')), pub(MAIN, unprovided('golang.org/x/mod/semver'))], MAIN, sameFile)).toBe(false);
  });
});
