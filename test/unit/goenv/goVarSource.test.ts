// Where go takes a Go variable from, and the commands that mend a value go env's file holds: table
// tests on strings. The commands themselves were run against go1.26.8 (test/real/goVarSourceFixes.test.ts).
import { describe, expect, it } from 'vitest';
import { bootstrapFor, fileValueFix, goEnvUnsetText, goflagsFileFix, goVarSource } from '../../../src/probes/goVarSource.js';
import { culpritVars, failingVariable } from '../../../src/probes/goEnv.js';
import { keptFlagsFix } from '../../../src/probes/goRejectsSettingFinding.js';

describe('goVarSource: the environment when non-empty, else go env file, else the default', () => {
  const FILE = 'GOPROXY=off\nGOROOT=/opt/go-nowhere\n';
  it.each([
    { name: 'GOROOT', env: {}, keys: [], file: FILE, want: { kind: 'file', value: '/opt/go-nowhere', line: 2 } },
    // go.toolsEnvVars {"GOROOT": ""}: go takes an empty value as unset and reads the file (a tester's).
    { name: 'GOROOT', env: { GOROOT: '' }, keys: ['GOROOT'], file: FILE, want: { kind: 'file', line: 2, blankSetting: true } },
    { name: 'GOROOT', env: { GOROOT: '' }, keys: [], file: FILE, want: { kind: 'file', line: 2 } },
    { name: 'GOROOT', env: { GOROOT: '/usr/lib/go' }, keys: [], file: FILE, want: { kind: 'environment', value: '/usr/lib/go' } },
    { name: 'GOROOT', env: { GOROOT: '/usr/lib/go' }, keys: ['GOROOT'], file: FILE, want: { kind: 'setting' } },
    { name: 'GOFLAGS', env: {}, keys: [], file: FILE, want: { kind: 'default' } },
    { name: 'GOFLAGS', env: {}, keys: [], file: undefined, want: { kind: 'default' } },
    // The last line wins, as cmd/go reads the file; an empty value is none.
    { name: 'GOFLAGS', env: {}, keys: [], file: 'GOFLAGS=-a\nGOFLAGS=-b\n', want: { kind: 'file', value: '-b', line: 2 } },
    { name: 'GOFLAGS', env: {}, keys: [], file: 'GOFLAGS=-a\nGOFLAGS=\n', want: { kind: 'default' } },
    { name: 'GOROOT', env: {}, keys: [], file: 'GOROOTX=/x\n# GOROOT=/y\n', want: { kind: 'default' } },
    // Lines go 1.26 skips (cmd/go/internal/cfg readEnvFile): not starting with A-Z, or no '='.
    { name: 'GOPROXY', env: {}, keys: [], file: ' GOPROXY=https://a.example\n', want: { kind: 'default' } },
    { name: 'GOPROXY', env: {}, keys: [], file: 'goproxy=https://a.example\n', want: { kind: 'default' } },
    { name: 'GOPROXY', env: {}, keys: [], file: 'GOPROXY https://a.example\n', want: { kind: 'default' } },
    { name: 'GOPROXY', env: {}, keys: [], file: 'GOPROXY = https://a.example\n', want: { kind: 'default' } },
    { name: 'GOPROXY', env: {}, keys: [], file: 'GOPROXY=https://b.example\nGOPROXY https://a.example\n', want: { kind: 'file', value: 'https://b.example', line: 1 } },
    // A CRLF file (written on Windows, read in WSL): go splits on '\n' only and keeps the '\r' in the
    // value (go env GOPROXY prints it), so the file is the source and its value is go's.
    { name: 'GOPROXY', env: {}, keys: [], file: 'GOPROXY=off\r\nGOROOT=/opt/go\r\n', want: { kind: 'file', value: 'off\r', line: 1, text: 'GOPROXY=off' } },
    { name: 'GOROOT', env: {}, keys: [], file: 'GOPROXY=off\r\nGOROOT=/opt/go\r\n', want: { kind: 'file', value: '/opt/go\r', line: 2 } },
  ])('$name with env $env, settings $keys → $want.kind', ({ name, env, keys, file, want }) => {
    expect(goVarSource(name, env, keys, file)).toMatchObject(want);
  });
  it('no blankSetting where the setting has a value or the environment sets none', () => {
    expect(goVarSource('GOROOT', {}, ['GOROOT'], FILE)).not.toHaveProperty('blankSetting');
  });
});

describe('the commands for a value go env file holds', () => {
  it.each([
    { name: 'GOROOT', where: { goroot: '/usr/local/go' }, want: 'GOROOT=/usr/local/go go env -u GOROOT' },
    { name: 'GOROOT', where: { goroot: '/opt/my go' }, want: "GOROOT='/opt/my go' go env -u GOROOT" },
    { name: 'GOROOT', where: {}, want: 'go env -u GOROOT' },
    { name: 'GOTOOLCHAIN', where: {}, want: 'GOTOOLCHAIN=local go env -u GOTOOLCHAIN' },
    { name: 'GOPATH', where: { home: '/home/u/' }, want: 'GOPATH=/home/u/go go env -u GOPATH' },
    { name: 'GOCACHE', where: { home: '/home/u' }, want: 'go env -u GOCACHE' },
    { name: 'GO111MODULE', where: {}, want: 'go env -u GO111MODULE' },
    { name: 'GOFLAGS', where: {}, want: 'go env -u GOFLAGS' },
  ])('$name → $want', ({ name, where, want }) => {
    expect(goEnvUnsetText(name, bootstrapFor(name, where))).toBe(want);
    expect(fileValueFix(name, '/h/.config/go/env', bootstrapFor(name, where))).toMatchObject({ id: `go-env-unset-${name.toLowerCase()}`, kind: 'terminal', text: want, needsRoot: false });
  });
  it('GOWORK, which go env -u refuses, has its line removed from the file', () => {
    expect(fileValueFix('GOWORK', '/h/my env')).toMatchObject({ id: 'go-env-file-drop-gowork', text: "sed -i '/^GOWORK=/d' '/h/my env'" });
  });
  it.each([
    { rest: '-buildvcs=false', want: { id: 'go-env-goflags-keep-rest', text: 'go env -w GOFLAGS=-buildvcs=false' } },
    { rest: '-buildvcs=false -trimpath', want: { id: 'go-env-goflags-keep-rest', text: "go env -w 'GOFLAGS=-buildvcs=false -trimpath'" } },
    { rest: '', want: { id: 'go-env-unset-goflags', text: 'go env -u GOFLAGS' } },
  ])('GOFLAGS keeping "$rest"', ({ rest, want }) => {
    expect(goflagsFileFix(rest, '/h/env')).toMatchObject(want);
  });
  it.each([
    { r: { variable: 'GOFLAGS', value: '-mod=vendr', said: '' }, held: '-mod=vendr -buildvcs=false', want: 'go env -w GOFLAGS=-buildvcs=false' },
    { r: { variable: 'GOFLAGS', value: '-bogus', said: '' }, held: '-bogus', want: undefined },
    { r: { variable: 'GOFLAGS', said: '' }, held: '-a -b', want: undefined },
    { r: { variable: 'GO111MODULE', value: 'maybe', said: '' }, held: 'maybe', want: undefined },
  ])('keptFlagsFix for $r.value in "$held"', ({ r, held, want }) => {
    const f = keptFlagsFix(r, held, '/h/env');
    expect(f?.kind === 'terminal' ? f.text : undefined).toBe(want);
  });
});

describe('what go refused at start, and the evidence of where the value is', () => {
  it.each([
    { said: 'go: cannot find GOROOT directory: /opt/go-nowhere', want: 'GOROOT' },
    { said: "go: cannot find GOROOT directory: 'go' binary is trimmed and GOROOT is not set", want: undefined },
    { said: 'go: GOPATH entry is relative; must be absolute path: "rel".', want: 'GOPATH' },
    { said: 'build cache is disabled by GOCACHE=off, but required as of Go 1.12', want: 'GOCACHE' },
    { said: 'build cache is required, but could not be located: GOCACHE is not an absolute path', want: 'GOCACHE' },
    { said: 'build cache is required, but could not be located: GOCACHE is not defined and path in $XDG_CACHE_HOME is relative', want: undefined },
    { said: 'go: download go1.25.0 for linux/amd64: toolchain not available', want: 'GOTOOLCHAIN' },
    { said: 'go: invalid GOTOOLCHAIN "garbage"', want: 'GOTOOLCHAIN' },
    { said: 'go: unknown environment setting GO111MODULE=maybe', want: 'GO111MODULE' },
    { said: 'go: invalid GOWORK: not an absolute path', want: 'GOWORK' },
    { said: 'go: GOWORK file "/x/go.work" does not exist', want: undefined },
    { said: 'go: something else', want: undefined },
  ])('$said → $want', ({ said, want }) => {
    expect(failingVariable(said)).toBe(want);
  });
  it('a variable the environment leaves empty is named with the file\'s value (a tester read "GOROOT is unset")', () => {
    const said = 'go: cannot find GOROOT directory: /opt/go-nowhere';
    expect(culpritVars({}, said, '/h/env', 'GOROOT=/opt/go-nowhere\n')).toBe("GOROOT is unset here; go env's file /h/env sets GOROOT=/opt/go-nowhere");
    expect(culpritVars({ GOROOT: '' }, said, '/h/env', 'GOROOT=/opt/go-nowhere\n')).toBe("GOROOT is empty here; go env's file /h/env sets GOROOT=/opt/go-nowhere");
    expect(culpritVars({ GOROOT: '/x' }, said, '/h/env', 'GOROOT=/opt/go-nowhere\n')).toBe('GOROOT=/x');
    expect(culpritVars({}, said, '/h/env', '')).toBe('GOROOT is unset');
  });
});
