// Which gopls install is offered for which go, toolchain setting and module cache (fixes/goplsInstall.ts).
import { describe, expect, it } from 'vitest';
import { goLineKnownToBuild, goplsInstallFixes, goplsVersionFor, mayDownloadToolchain, type CachedGopls } from '../../../src/fixes/goplsInstall.js';
import { latestWorks, withToolsInstallReplaced } from '../../../src/probes/goplsInstallChoice.js';
import type { FindingInput } from '../../../src/doctor/model.js';
import { releaseModFiles } from '../../../src/probes/cachedGopls.js';
import { parseGoVersion } from '../../../src/facts/readGoEnv.js';

const mod = (version: string, go: string): CachedGopls => ({ version, go, source: `/m/cache/download/golang.org/x/tools/gopls/@v/${version}.mod` });
// The go lines of the real gopls .mod files (the module proxy's, as go caches them).
const both = [mod('v0.23.0', '1.26.0'), mod('v0.24.0', '1.27.0')];
const tester = [mod('v0.18.1', '1.23.4'), mod('v0.24.0', '1.27.0')];
const texts = (i: Parameters<typeof goplsInstallFixes>[0]) => goplsInstallFixes(i).map((f) => (f.kind === 'terminal' ? f.text : f.kind === 'link' ? f.url : f.id));

describe('goplsInstallFixes', () => {
  it.each([
    ['nothing cached: @latest', { goVersion: 'go1.26.8', toolchain: 'local', cached: [] }, ['go install golang.org/x/tools/gopls@latest']],
    ['the newest cached builds: @latest', { goVersion: 'go1.27.1', toolchain: 'local', cached: both }, ['go install golang.org/x/tools/gopls@latest']],
    ['local, the newest needs a newer go: the newest that builds, then the toolchain switch', { goVersion: 'go1.26.8', toolchain: 'local', goproxy: 'https://proxy.golang.org,direct', cached: both }, ['go install golang.org/x/tools/gopls@v0.23.0', 'GOTOOLCHAIN=go1.27.0+auto go install golang.org/x/tools/gopls@v0.24.0']],
    ['local and GOPROXY=off: no switch offered', { goVersion: 'go1.26.8', toolchain: 'local', goproxy: 'off', cached: both }, ['go install golang.org/x/tools/gopls@v0.23.0']],
    ['auto may download: @latest', { goVersion: 'go1.26.8', toolchain: 'auto', goproxy: 'https://proxy.golang.org,direct', cached: both }, ['go install golang.org/x/tools/gopls@latest']],
    ['auto but GOPROXY=off: cannot download, the newest that builds', { goVersion: 'go1.26.8', toolchain: 'auto', goproxy: 'off', cached: both }, ['go install golang.org/x/tools/gopls@v0.23.0']],
    ['nothing cached builds: the switch and a newer go, never @latest', { goVersion: 'go1.25.3', toolchain: 'local', cached: both }, ['GOTOOLCHAIN=go1.27.0+auto go install golang.org/x/tools/gopls@v0.24.0', 'https://go.dev/dl/']],
    ['nothing cached builds, GOPROXY=off: only a newer go', { goVersion: 'go1.25.3', toolchain: 'local', goproxy: 'off', cached: both }, ['https://go.dev/dl/']],
    ['pre-releases are never offered', { goVersion: 'go1.26.8', toolchain: 'local', cached: [...both, mod('v0.24.1-pre.1', '1.26.0')] }, ['go install golang.org/x/tools/gopls@v0.23.0', 'GOTOOLCHAIN=go1.27.0+auto go install golang.org/x/tools/gopls@v0.24.0']],
    ['go unknown: @latest', { cached: both }, ['go install golang.org/x/tools/gopls@latest']],
    // A tester's cache (go 1.26.8): v0.18.1 (go 1.23.4) and v0.24.0 (go 1.27.0). v0.18.1's go line
    // lets go 1.26.8 try, and the build fails in x/tools's tokeninternal: the switch comes first.
    ['only an older release builds by its go line: the switch first, then the try', { goVersion: 'go1.26.8', toolchain: 'local', goproxy: 'https://proxy.golang.org,direct', cached: tester }, ['GOTOOLCHAIN=go1.27.0+auto go install golang.org/x/tools/gopls@v0.24.0', 'go install golang.org/x/tools/gopls@v0.18.1']],
    ['only an older release, GOPROXY=off: the try, then a newer go', { goVersion: 'go1.26.8', toolchain: 'local', goproxy: 'off', cached: tester }, ['go install golang.org/x/tools/gopls@v0.18.1', 'https://go.dev/dl/']],
    ['an older and a same-release one: the same release', { goVersion: 'go1.26.8', toolchain: 'local', goproxy: 'off', cached: [...tester, mod('v0.22.0', '1.26.0')] }, ['go install golang.org/x/tools/gopls@v0.22.0']],
    ['the same release with a newer patch than this go: not buildable', { goVersion: 'go1.26.0', toolchain: 'local', goproxy: 'off', cached: [mod('v0.23.1', '1.26.2'), mod('v0.21.1', '1.25')] }, ['go install golang.org/x/tools/gopls@v0.21.1', 'https://go.dev/dl/']],
    ['the newest cached is of an older release and builds by its line: @latest, which the cache cannot vouch for', { goVersion: 'go1.26.8', toolchain: 'local', cached: [mod('v0.18.1', '1.23.4')] }, ['go install golang.org/x/tools/gopls@latest']],
    ['auto may download, only an older release cached: @latest', { goVersion: 'go1.26.8', toolchain: 'auto', goproxy: 'https://proxy.golang.org', cached: tester }, ['go install golang.org/x/tools/gopls@latest']],
  ] as const)('%s', (_name, input, want) => expect(texts({ ...input, cached: [...input.cached] })).toEqual(want));

  it('says why @latest is not offered, and what the chosen version needs, from which file', () => {
    const [f] = goplsInstallFixes({ goVersion: 'go1.26.8', toolchain: 'local', cached: both });
    expect(f).toMatchObject({ id: 'gopls-install', title: 'Install gopls v0.23.0, made for go 1.26.0 like this go 1.26.8' });
    expect(f!.detail).toContain('fails here: gopls v0.24.0 needs go 1.27.0 (/m/cache/download/golang.org/x/tools/gopls/@v/v0.24.0.mod) and this go is 1.26.8 with GOTOOLCHAIN=local');
  });

  it('never calls a gopls of an older Go release buildable: it says it may not compile, and why', () => {
    for (const fixes of [goplsInstallFixes({ goVersion: 'go1.26.8', toolchain: 'local', goproxy: 'https://proxy.golang.org', cached: tester }), goplsInstallFixes({ goVersion: 'go1.26.8', toolchain: 'local', goproxy: 'off', cached: tester })]) {
      const older = fixes.find((f) => f.id === 'gopls-install-older');
      expect(older).toMatchObject({ title: 'Try gopls v0.18.1 (made for go 1.23.4: it may not compile with go 1.26.8)' });
      expect(older!.detail).toContain('gopls v0.18.1 needs go 1.23.4 (/m/cache/download/golang.org/x/tools/gopls/@v/v0.18.1.mod), an older Go release than 1.26.8');
      for (const f of fixes) expect(f.title).not.toMatch(/newest this go/);
    }
  });

  it.each([
    ['1.26.8', '1.26.0', true],
    ['1.26.8', '1.26.8', true],
    ['1.26.0', '1.26.2', false],
    ['1.26.8', '1.25', false],
    ['1.26.8', '1.23.4', false],
    ['1.26.8', '1.27.0', false],
    ['1.27.0', '1.27.0', true],
    ['1.27.0rc1', '1.27.0', false],
  ])('goLineKnownToBuild(go %s, go line %s) = %s', (have, line, want) => expect(goLineKnownToBuild(parseGoVersion(have)!, parseGoVersion(line)!)).toBe(want));

  it('with nothing cached under GOTOOLCHAIN=local, @latest says a failure teaches the next run', () => {
    expect(goplsInstallFixes({ goVersion: 'go1.26.8', toolchain: 'local', cached: [] })[0]!.detail).toMatch(/run the diagnosis again/);
  });

  it.each([
    ['auto', 'https://proxy.golang.org,direct', true],
    ['local', 'https://proxy.golang.org,direct', false],
    ['go1.25.0+auto', 'https://proxy.golang.org', true],
    ['go1.25.0', 'https://proxy.golang.org', false],
    ['path', 'https://proxy.golang.org', false],
    ['auto', 'off', false],
    [undefined, undefined, true],
  ] as const)('mayDownloadToolchain(%s, %s) = %s', (tc, proxy, want) => expect(mayDownloadToolchain(tc, proxy)).toBe(want));

  it('releaseModFiles: release .mod files newest first', () => {
    expect(releaseModFiles(['list', 'v0.9.5.mod', 'v0.23.0.mod', 'v0.24.0.info', 'v0.24.0.mod', 'v0.23.0-pre.2.mod', 'v0.10.0.mod'])).toEqual(['v0.24.0', 'v0.23.0', 'v0.10.0', 'v0.9.5']);
  });
});

describe('goplsVersionFor: a toolchain pinned with GOTOOLCHAIN=goX.Y.Z neither switches up nor down', () => {
  const three = [mod('v0.22.1', '1.25.0'), mod('v0.23.0', '1.26.0'), mod('v0.24.0', '1.27.0')];
  // version, and whether go may switch up from `to` (GOTOOLCHAIN=<to>+auto).
  it.each([
    ['nothing cached: go may switch up if @latest needs more', 'go1.27.3', [], 'latest', true],
    ['the newest cached is of its release', 'go1.27.3', three, 'latest', false],
    ['the newest needs more: the newest of its release', 'go1.26.1', three, 'v0.23.0', false],
    ['two releases behind', 'go1.25.9', three, 'v0.22.1', false],
    ['nothing of its release, the newest needs more: switch up', 'go1.24.0', three, 'latest', true],
    ['only an older release cached (may not compile): switch up', 'go1.26.8', tester, 'latest', true],
    ['the newest of an older release only: switch up, not @latest pinned', 'go1.28.1', three, 'latest', true],
    ['an unparsable toolchain', 'gotip', three, 'latest', undefined],
  ] as const)('%s', (_n, to, cached, want, switchUp) => {
    const pick = goplsVersionFor(to, [...cached]);
    expect(pick.version).toBe(want);
    expect(pick.switchUp ?? false).toBe(switchUp ?? false);
  });

  it('says why, from which .mod file', () => {
    expect(goplsVersionFor('go1.26.1', [mod('v0.23.0', '1.26.0'), mod('v0.24.0', '1.27.0')]).because).toBe('gopls v0.24.0 needs go 1.27.0 (/m/cache/download/golang.org/x/tools/gopls/@v/v0.24.0.mod), newer than go1.26.1; gopls v0.23.0 needs go 1.26.0');
  });
});

describe("the log probe's Install/Update Tools (gopls@latest) against the install chosen for this go", () => {
  const toolsInstall = { id: 'gopls-install-command', kind: 'command' as const, title: 'Install gopls (Go: Install/Update Tools)', command: 'go.tools.install' };
  const reinstall = { id: 'gopls-reinstall', kind: 'command' as const, title: 'Reinstall gopls with the current Go', command: 'go.tools.install' };
  const finding = (fixes: FindingInput['fixes']): FindingInput => ({ classId: 'gopls-launch', severity: 'error', confidence: 0.9, message: 'm', evidence: [{ source: 's', excerpt: 'e' }], fixes });
  const pinned = goplsInstallFixes({ goVersion: 'go1.26.8', toolchain: 'local', goproxy: 'https://proxy.golang.org', cached: both });
  const plain = goplsInstallFixes({ goVersion: 'go1.27.1', toolchain: 'local', cached: both });

  it.each([
    ['@latest builds here: the one-click command stays', plain, [toolsInstall], ['gopls-install-command']],
    ['@latest fails here: the chosen installs instead', pinned, [toolsInstall], ['gopls-install', 'gopls-install-newest-gotoolchain']],
    ['a reinstall (go-too-old) likewise, other fixes kept in place', pinned, [reinstall, { id: 'doc', kind: 'link' as const, title: 'd', url: 'https://x' }], ['gopls-install', 'gopls-install-newest-gotoolchain', 'doc']],
    ['both commands in one finding: the chosen installs once', pinned, [toolsInstall, reinstall], ['gopls-install', 'gopls-install-newest-gotoolchain']],
  ] as const)('%s', (_n, install, fixes, want) => {
    const [out] = withToolsInstallReplaced([finding([...fixes])], install);
    expect(out!.fixes!.map((f) => f.id)).toEqual(want);
  });

  it('latestWorks: only the single plain @latest', () => {
    expect(latestWorks(plain)).toBe(true);
    expect(latestWorks(pinned)).toBe(false);
    expect(latestWorks(goplsInstallFixes({ goVersion: 'go1.25.3', toolchain: 'local', goproxy: 'off', cached: both }))).toBe(false);
  });
});
