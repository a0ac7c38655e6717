// Which gopls install is offered for which go, toolchain setting and module cache (fixes/goplsInstall.ts).
import { describe, expect, it } from 'vitest';
import { goplsInstallFixes, goplsVersionFor, mayDownloadToolchain, type CachedGopls } from '../../../src/fixes/goplsInstall.js';
import { latestWorks, withToolsInstallReplaced } from '../../../src/probes/goplsInstallChoice.js';
import type { FindingInput } from '../../../src/doctor/model.js';
import { releaseModFiles } from '../../../src/probes/cachedGopls.js';

const mod = (version: string, go: string): CachedGopls => ({ version, go, source: `/m/cache/download/golang.org/x/tools/gopls/@v/${version}.mod` });
const both = [mod('v0.23.0', '1.26.0'), mod('v0.24.0', '1.27.0')];
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
  ] as const)('%s', (_name, input, want) => expect(texts({ ...input, cached: [...input.cached] })).toEqual(want));

  it('says why @latest is not offered, and what the chosen version needs, from which file', () => {
    const [f] = goplsInstallFixes({ goVersion: 'go1.26.8', toolchain: 'local', cached: both });
    expect(f).toMatchObject({ id: 'gopls-install', title: 'Install gopls v0.23.0, the newest this go 1.26.8 can build' });
    expect(f!.detail).toContain('fails here: gopls v0.24.0 needs go 1.27.0 (/m/cache/download/golang.org/x/tools/gopls/@v/v0.24.0.mod) and this go is 1.26.8 with GOTOOLCHAIN=local');
  });

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
  it.each([
    ['nothing cached', 'go1.27.3', [], 'latest'],
    ['the newest cached builds with it', 'go1.27.3', three, 'latest'],
    ['the newest needs more: the newest it builds', 'go1.26.1', three, 'v0.23.0'],
    ['two releases behind', 'go1.25.9', three, 'v0.22.1'],
    ['nothing it builds: latest (no better guess)', 'go1.24.0', three, 'latest'],
    ['an unparsable toolchain', 'gotip', three, 'latest'],
  ] as const)('%s', (_n, to, cached, want) => expect(goplsVersionFor(to, [...cached]).version).toBe(want));

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
