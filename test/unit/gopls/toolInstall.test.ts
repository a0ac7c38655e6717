import { describe, expect, it } from 'vitest';
import { goplsModInCache, isModuleVersion, toolInstallFindings, type ToolInstallInput } from '../../../src/probes/toolInstallGo.js';

// gopls v0.23.0's go.mod head as the module cache holds it; v0.16.2's said "go 1.23.1".
const MOD_0_23 = 'module golang.org/x/tools/gopls\n\ngo 1.26.0\n\nrequire (\n\tgithub.com/google/go-cmp v0.7.0\n)\n';
const MOD_0_16 = 'module golang.org/x/tools/gopls\n\ngo 1.23.1\n';
const base: ToolInstallInput = { goplsVersion: 'v0.23.0', goplsGoMod: MOD_0_23, goplsGoModSource: '/m/gopls/@v/v0.23.0.mod', installGo: '/usr/local/go/bin/go', installGoVersion: 'go1.24.0', installGoSource: 'go env -json', toolchain: 'local', goproxy: 'https://proxy.golang.org,direct' };

describe('toolInstallFindings', () => {
  it.each([
    ['go1.26.0 builds a go 1.26.0 gopls', { installGoVersion: 'go1.26.0' }],
    ['go1.26.8 is newer', { installGoVersion: 'go1.26.8' }],
    ['go1.27rc1 is newer', { installGoVersion: 'go1.27rc1' }],
    ['an older gopls with an older go line', { goplsGoMod: MOD_0_16, goplsVersion: 'v0.16.2', installGoVersion: 'go1.23.1' }],
    ['a go.mod without a go line', { goplsGoMod: 'module golang.org/x/tools/gopls\n' }],
    ['an unreadable go version', { installGoVersion: 'devel +abc' }],
  ] as const)('nothing when %s', (_name, over) => {
    expect(toolInstallFindings({ ...base, ...over })).toEqual([]);
  });

  it.each([
    ['local', 'go1.24.0', 'warning', /GOTOOLCHAIN=local\)"\. The installed gopls keeps running/],
    ['path', 'go1.25.3', 'warning', /running go 1\.25\.3; GOTOOLCHAIN=path/],
    ['', 'go1.23.4', 'warning', /running go 1\.23\.4; GOTOOLCHAIN=local/],
    ['auto', 'go1.24.0', 'info', /first downloads go1\.26\.0 \(GOTOOLCHAIN=auto\)/],
    ['go1.25.0+auto', 'go1.24.0', 'info', /first downloads go1\.26\.0/],
  ] as const)('GOTOOLCHAIN=%s with %s → %s', (toolchain, installGoVersion, severity, re) => {
    const [f] = toolInstallFindings({ ...base, toolchain, installGoVersion });
    expect(f).toMatchObject({ classId: 'gopls-launch', severity });
    expect(f!.message).toMatch(re);
    expect(f!.evidence![0]).toEqual({ source: '/m/gopls/@v/v0.23.0.mod', excerpt: 'go 1.26.0' });
  });

  it('auto with GOPROXY=off: the switch cannot download → warning, and no one-command download fix', () => {
    const [f] = toolInstallFindings({ ...base, toolchain: 'auto', goproxy: 'off' });
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f!.message).toMatch(/GOPROXY=off forbids/);
    expect(f!.fixes!.map((x) => x.id)).toEqual(['install-newer-go']);
  });

  it('local with a proxy: the fix downloads the needed toolchain for that one install', () => {
    const [f] = toolInstallFindings(base);
    expect(f!.fixes![1]).toMatchObject({ kind: 'terminal', needsRoot: false, text: 'GOTOOLCHAIN=go1.26.0+auto go install golang.org/x/tools/gopls@v0.23.0' });
  });
});

describe('where gopls go.mod is read from', () => {
  it('the module cache download dir', () => {
    expect(goplsModInCache('/root/go/pkg/mod', 'v0.23.0')).toBe('/root/go/pkg/mod/cache/download/golang.org/x/tools/gopls/@v/v0.23.0.mod');
  });
  it.each([
    ['v0.23.0', true],
    ['v0.24.0-pre.1', true],
    ['v0.0.0-20260101000000-abcdef123456', true],
    ['(devel)', false],
    ['', false],
    [undefined, false],
    ['0.23.0', false],
  ])('%s → %s', (v, ok) => expect(isModuleVersion(v)).toBe(ok));
});
