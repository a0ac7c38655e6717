import { describe, expect, it } from 'vitest';
import { compareGoVersions, goVersionWord, parseGoEnvJson, parseGoVersion } from '../../../src/facts/readGoEnv.js';
import { LOGIN_SHELL_SCRIPT, parseEnvDump } from '../../../src/facts/readLoginShellEnv.js';
import { buildsFromVendor, classifyGoFailure, dlWrapperDownloadFix, goFlagsWithout, parseGoFlags, parseToolchain } from '../../../src/probes/goFailure.js';
import { goVarsOf, homeShown, parseFlatpakInfo, parseIni, pathDirsMissing } from '../../../src/probes/loginShell.js';
import { profilePathFix } from '../../../src/fixes/catalog.js';
import { goEnvFileOf, parseGoEnvFile } from '../../../src/probes/goEnvFile.js';
import { parseGoDirectives, parseInconsistentVendoring, parseLocalReplaces } from '../../../src/probes/modules.js';
import { parseGoWorkUses } from '../../../src/lsp/workspaceFiles.js';

// Every stderr below was captured from go1.26.8 on this machine (see the commands in each name).
const STDERR = {
  relativeGopath: 'go: GOPATH entry is relative; must be absolute path: "foo".\nFor more details see: \'go help gopath\'\n',
  noGoroot: 'go: cannot find GOROOT directory: /nonexist\n',
  // cmd/go main.go, from a copy of a release go binary outside its GOROOT (go1.26.8).
  trimmedCopy: "go: cannot find GOROOT directory: 'go' binary is trimmed and GOROOT is not set\n",
  noHome: 'build cache is required, but could not be located: GOCACHE is not defined and neither $XDG_CACHE_HOME nor $HOME are defined\n',
  // env -u HOME XDG_CACHE_HOME=rel GOCACHE= go build, and the same with HOME set: go never falls back to HOME.
  relXdg: 'build cache is required, but could not be located: GOCACHE is not defined and path in $XDG_CACHE_HOME is relative\n',
  relGocache: 'build cache is required, but could not be located: GOCACHE is not an absolute path\n',
  badGo111: 'go: unknown environment setting GO111MODULE=of\n',
  relGowork: 'go: invalid GOWORK: not an absolute path\n',
  missingGowork: 'go: reading go.work: open /nonexist/go.work: no such file or directory\n',
  badToolchain: 'go: invalid GOTOOLCHAIN "bogus"\n',
  noToolchain: 'go: downloading go1.99.0 (linux/amd64)\ngo: download go1.99.0 for linux/amd64: toolchain not available\n',
  newerGoMod: 'go: go.mod requires go >= 1.99 (running go 1.26.8; GOTOOLCHAIN=local)\n',
  // Real go1.26.8 output, a go.work with "go 1.99" and GOTOOLCHAIN=local; then GOTOOLCHAIN=go1.99+path.
  newerGoWork: 'go: go.work requires go >= 1.99 (running go 1.26.8; GOTOOLCHAIN=local)\n',
  newerGoWorkOld: 'go: go.work requires go >= 1.23.4 (running go 1.22.10; GOTOOLCHAIN=local)\n',
  pathToolchain: 'go: cannot find "go1.99" in PATH\n',
  // golang.org/dl's wrapper run by go for GOTOOLCHAIN=path (its words, measured with a stand-in).
  dlWrapper: "go1.27.0: not downloaded. Run 'go1.27.0 download' to install to /root/sdk/go1.27.0\n",
  badMod: '-mod=vendr not supported (can be \'\', \'mod\', \'readonly\', or \'vendor\')\n',
  noTmp: 'go: creating work dir: stat /nonexist: no such file or directory\n',
  // Real go1.26.8 output with GOCACHE on a read-only bind mount, and with GOCACHE=off.
  // As another user: GOCACHE=/x/ro/cache under a mode-555 /x/ro, and GOCACHE=/x/ro itself.
  deniedCacheParent: 'failed to initialize build cache at /tmp/h4c/ro/cache: mkdir /tmp/h4c/ro/cache: permission denied\n',
  deniedCache: 'failed to initialize build cache at /tmp/h4c/ro: mkdir /tmp/h4c/ro/00: permission denied\n',
  roCache: 'failed to initialize build cache at /tmp/oc/gc: mkdir /tmp/oc/gc/00: read-only file system\n',
  offCache: 'build cache is disabled by GOCACHE=off, but required as of Go 1.12\n',
  vendoring:
    'go: inconsistent vendoring in /tmp/gx/m:\n\tgolang.org/x/text@v0.3.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt\n\n\tTo ignore the vendor directory, use -mod=readonly or -mod=mod.\n\tTo sync the vendor directory, run:\n\t\tgo mod vendor\n',
};

describe('parseGoEnvJson', () => {
  it.each([
    { name: 'a real go env -json', text: '{\n\t"GOARCH": "amd64",\n\t"GOROOT": "/usr/local/go"\n}\n', ok: true },
    { name: 'not JSON', text: 'go: cannot find GOROOT directory', ok: false },
    { name: 'a number value', text: '{"GOARCH": 1}', ok: false },
  ])('$name', ({ text, ok }) => {
    const r = parseGoEnvJson(text);
    expect(r.ok).toBe(ok);
    if (r.ok) expect(r.values.GOROOT).toBe('/usr/local/go');
  });
});

describe('parseEnvDump', () => {
  it('keeps only what lies between the markers, values with = and newlines intact', () => {
    const begin = LOGIN_SHELL_SCRIPT.match(/__GO_ENV_DOCTOR_BEGIN__/)![0];
    const end = '__GO_ENV_DOCTOR_END__';
    const out = `motd line\nbash: no job control in this shell\n\0${begin}\0PATH=/usr/local/go/bin:/usr/bin\0GOFLAGS=-mod=mod -tags=a=b\0MULTI=one\ntwo\0\0${end}\0prompt$ `;
    expect(parseEnvDump(out)).toEqual({ PATH: '/usr/local/go/bin:/usr/bin', GOFLAGS: '-mod=mod -tags=a=b', MULTI: 'one\ntwo' });
  });
  it('returns undefined when the shell printed no env', () => {
    expect(parseEnvDump('bash: env: command not found\n')).toBeUndefined();
  });
});

describe('Go versions', () => {
  it.each([
    ['go1.26.8', { major: 1, minor: 26, patch: 8 }],
    ['1.22', { major: 1, minor: 22, patch: 0 }],
    ['1.21rc1', { major: 1, minor: 21, patch: 0, pre: { kind: 'rc', n: 1 } }],
    ['devel go1.27-abcdef', undefined],
  ])('parses %s', (text, want) => {
    expect(parseGoVersion(text)).toEqual(want);
  });
  it.each([
    ['go1.99', 'go1.26.8', 1],
    ['1.22', 'go1.22.0', 0],
    ['1.21rc1', '1.21.0', -1],
    ['1.21beta1', '1.21rc1', -1],
    ['go1.26.8', 'go1.26.10', -1],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareGoVersions(parseGoVersion(a)!, parseGoVersion(b)!))).toBe(sign);
  });
});

describe('parseGoFlags / parseToolchain', () => {
  it('reads GOFLAGS flags with and without values', () => {
    const f = parseGoFlags(' -mod=vendor  -buildvcs=false --trimpath -tags=a,b ');
    expect(Object.fromEntries(f)).toEqual({ mod: 'vendor', buildvcs: 'false', trimpath: 'true', tags: 'a,b' });
  });
  it.each([
    ['', { mode: 'local' }],
    ['local', { mode: 'local' }],
    ['auto', { mode: 'auto' }],
    ['local+auto', { mode: 'auto' }],
    ['path', { mode: 'path' }],
    ['go1.22.0', { mode: 'version', version: 'go1.22.0', fallback: undefined }],
    ['go1.23rc1+auto', { mode: 'version', version: 'go1.23rc1', fallback: 'auto' }],
    ['bogus', { mode: 'invalid' }],
  ])('GOTOOLCHAIN=%j', (v, want) => {
    expect(parseToolchain(v)).toEqual(want);
  });
});

describe('goEnvFileOf and parseGoEnvFile (the file go env -w writes)', () => {
  it.each([
    [{ HOME: '/home/u' }, '/home/u/.config/go/env'],
    [{ HOME: '/home/u', XDG_CONFIG_HOME: '/home/u/.var/app/com.visualstudio.code/config' }, '/home/u/.var/app/com.visualstudio.code/config/go/env'],
    [{ HOME: '/home/u', XDG_CONFIG_HOME: 'relative/cfg' }, '/home/u/.config/go/env'],
    [{ HOME: '/home/u', GOENV: '/etc/go.env' }, '/etc/go.env'],
    [{ HOME: '/home/u', GOENV: 'off' }, undefined],
    [{}, undefined],
  ])('%j → %s', (env, want) => expect(goEnvFileOf(env)).toBe(want));
  it('reads KEY=VALUE lines, the last one winning, and skips the rest', () => {
    expect([...parseGoEnvFile('GOPRIVATE=corp.example\n\n# note\nGOFLAGS=-mod=mod -tags=a\nGOPRIVATE=other\nnot a line\n')]).toEqual([
      ['GOPRIVATE', 'other'],
      ['GOFLAGS', '-mod=mod -tags=a'],
    ]);
  });
  it('skips what go 1.26 skips: a leading space, a lower-case or spaced name, no "="', () => {
    expect([...parseGoEnvFile(' GOPRIVATE=a\ngoprivate=b\nGOPRIVATE =c\nGOPRIVATE d\nGOINSECURE="q"\r\n')]).toEqual([['GOINSECURE', '"q"\r']]);
  });
});

describe('classifyGoFailure', () => {
  it.each([
    ['relativeGopath', 'env-inheritance', /relative entry \("foo"\)/],
    ['noGoroot', 'env-inheritance', /\/nonexist, which does not exist/],
    ['trimmedCopy', 'env-inheritance', /is a copy of the go binary, away from the Go installation it came from/],
    ['noHome', 'env-inheritance', /without HOME/],
    ['relGocache', 'fs-access', /relative path/],
    ['relXdg', 'env-inheritance', /XDG_CACHE_HOME is a relative path and GOCACHE is not set/],
    ['deniedCacheParent', 'fs-access', /build cache in \/tmp\/h4c\/ro\/cache \(permission denied\)/],
    ['deniedCache', 'fs-access', /build cache in \/tmp\/h4c\/ro \(permission denied\)/],
    ['badGo111', 'module-resolution', /GO111MODULE=of is not a valid/],
    ['relGowork', 'module-resolution', /relative path/],
    ['missingGowork', 'module-resolution', /\/nonexist\/go\.work, which does not exist/],
    ['badToolchain', 'env-inheritance', /GOTOOLCHAIN=bogus/],
    ['noToolchain', 'env-inheritance', /switch to go1\.99\.0/],
    ['newerGoMod', 'module-resolution', /requires go 1\.99, newer than the installed go 1\.26\.8/],
    ['newerGoWork', 'module-resolution', /^go\.work requires go 1\.99, newer than the installed go 1\.26\.8/],
    ['newerGoWorkOld', 'module-resolution', /^go\.work requires go 1\.23\.4, newer than the installed go 1\.22\.10/],
    ['pathToolchain', 'module-resolution', /asks for go1\.99, and GOTOOLCHAIN's "path" mode only looks for a go1\.99 binary on PATH/],
    ['dlWrapper', 'env-inheritance', /go1\.27\.0 is a golang\.org\/dl wrapper whose release was never downloaded/],
    ['badMod', 'module-resolution', /-mod=vendr/],
    ['noTmp', 'fs-access', /work directory in \/nonexist \(no such file or directory\)/],
    ['roCache', 'fs-access', /build cache in \/tmp\/oc\/gc \(read-only file system\)/],
    ['offCache', 'env-inheritance', /GOCACHE=off/],
  ] as const)('%s', (key, classId, message) => {
    const r = classifyGoFailure(STDERR[key]);
    expect(r?.classId).toBe(classId);
    expect(r?.severity).toBe('error');
    expect(r?.message).toMatch(message);
  });
  it('only the go.mod message is scoped to one module', () => {
    expect(classifyGoFailure(STDERR.newerGoMod)?.scope).toBe('module');
    expect(classifyGoFailure(STDERR.missingGowork)?.scope).toBeUndefined();
  });
  it('offers the dl wrapper its own download, in the module and in go env', () => {
    expect(classifyGoFailure(STDERR.dlWrapper)?.scope).toBe('module');
    expect(dlWrapperDownloadFix(STDERR.dlWrapper)).toMatchObject({ kind: 'terminal', text: 'go1.27.0 download' });
    expect(dlWrapperDownloadFix("gotip: not downloaded. Run 'gotip download' to install to /home/u/sdk/gotip")).toMatchObject({ text: 'gotip download' });
    expect(dlWrapperDownloadFix(STDERR.pathToolchain)).toBeUndefined();
  });
  it('leaves unknown failures alone', () => {
    expect(classifyGoFailure('go: something new went wrong\n')).toBeUndefined();
  });
});

describe('parseInconsistentVendoring', () => {
  it('reads the module and the problem lines, not the advice', () => {
    expect(parseInconsistentVendoring(STDERR.vendoring)).toEqual({
      dir: '/tmp/gx/m',
      problems: ['golang.org/x/text@v0.3.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt'],
    });
  });
  it('is undefined for other failures', () => {
    expect(parseInconsistentVendoring(STDERR.newerGoMod)).toBeUndefined();
  });
});

describe('go.work and go.mod', () => {
  it.each([
    { name: 'block (as go work init writes it)', text: 'go 1.26.8\n\nuse (\n\t./a\n\t./b\n)\n', want: ['./a', './b'] },
    { name: 'single lines, quoted, comments', text: 'go 1.22\nuse ./x // the x module\nuse "./y z"\n// use ./gone\n', want: ['./x', './y z'] },
    { name: 'no use', text: 'go 1.22\n', want: [] },
  ])('parseGoWorkUses: $name', ({ text, want }) => {
    expect(parseGoWorkUses(text)).toEqual(want);
  });
  it('parseGoDirectives reads go and toolchain lines', () => {
    expect(parseGoDirectives('module example.com/m\n\ngo 1.22.0\n\ntoolchain go1.23.4\n\nrequire x v1.0.0\n')).toEqual({ go: '1.22.0', toolchain: 'go1.23.4' });
    expect(parseGoDirectives('module m\n')).toEqual({ go: undefined, toolchain: undefined });
  });
});

describe('login shell helpers', () => {
  it('parseIni keeps groups apart and ignores comments', () => {
    const ini = parseIni('# c\n[Application]\nname=a\n[Session Bus Policy]\nname=b\n');
    expect(ini).toEqual({ Application: { name: 'a' }, 'Session Bus Policy': { name: 'b' } });
  });
  it('parseFlatpakInfo reads the app, runtime and filesystems', () => {
    const info = parseFlatpakInfo('[Application]\nname=com.visualstudio.code\nruntime=runtime/org.freedesktop.Sdk/x86_64/21.08\n\n[Instance]\ninstance-id=1\n\n[Context]\nfilesystems=host;xdg-config/gtk-3.0;\n');
    expect(info).toMatchObject({ app: 'com.visualstudio.code', runtime: 'runtime/org.freedesktop.Sdk/x86_64/21.08', instanceId: '1', filesystems: ['host', 'xdg-config/gtk-3.0'] });
  });
  it.each([
    { editor: '/usr/bin:/bin', login: '/usr/local/go/bin:/usr/bin:/bin:/root/go/bin', want: ['/usr/local/go/bin', '/root/go/bin'] },
    { editor: '/usr/local/go/bin/:/usr/bin', login: '/usr/local/go/bin:/usr/bin', want: [] },
    { editor: '', login: '/a::/a', want: ['/a'] },
  ])('pathDirsMissing($editor, $login)', ({ editor, login, want }) => {
    expect(pathDirsMissing(editor, login)).toEqual(want);
  });
  // One spelling for every start-up file a sentence names (loginShell.ts, whereGoVarIsSet.ts).
  it.each([
    ['/home/u/.profile', '/home/u', '~/.profile'],
    ['/home/u/.config/fish/config.fish', '/home/u/', '~/.config/fish/config.fish'],
    ['/home/user2/.profile', '/home/u', '/home/user2/.profile'],
    ['/etc/profile', '/home/u', '/etc/profile'],
    ['/home/u/.zshenv', undefined, '/home/u/.zshenv'],
  ])('homeShown(%j, %j) is %j', (file, home, want) => {
    expect(homeShown(file, home)).toBe(want);
  });
  it('goVarsOf keeps GO* names and drops secret-looking ones and everything else', () => {
    expect(goVarsOf({ GOPATH: '/g', GOPROXY: 'https://p', GOPRIVATE_TOKEN: 's3cr3t', AWS_SECRET_ACCESS_KEY: 'x', CGO_ENABLED: '0', HOME: '/root' })).toEqual({ GOPATH: '/g', GOPROXY: 'https://p', CGO_ENABLED: '0' });
  });
  it('profilePathFix writes a typed, non-root line and refuses unsafe paths', () => {
    const fix = profilePathFix(['/usr/local/go/bin', '/home/u/go/bin'], '/home/u');
    expect(fix).toMatchObject({ id: 'login-path-to-profile', kind: 'terminal', needsRoot: false });
    expect(fix && 'text' in fix && fix.text).toBe(`printf '%s\\n' 'export PATH="$PATH:/usr/local/go/bin:$HOME/go/bin"' >> ~/.profile`);
    expect(profilePathFix(["/tmp/x'; rm -rf ~; '"])).toBeUndefined();
    expect(profilePathFix(['relative/bin'])).toBeUndefined();
  });
});

describe('parseLocalReplaces', () => {
  it.each([
    ['replace example.com/x => ../x', [{ from: 'example.com/x', to: '../x' }]],
    ['replace example.com/x v1.2.3 => ./vendor/x // local fork', [{ from: 'example.com/x', to: './vendor/x' }]],
    ['replace (\n\texample.com/a => /srv/a\n\texample.com/b v1.0.0 => example.com/c v1.1.0\n\t// example.com/d => ../d\n)', [{ from: 'example.com/a', to: '/srv/a' }]],
    ['replace example.com/x => "../with space"', []],
    ['replace example.com/x => "../quoted"', [{ from: 'example.com/x', to: '../quoted' }]],
    ['replace example.com/x => example.com/y v1.0.0', []],
    ['module m\n\ngo 1.22\n\nrequire example.com/x v0.0.0', []],
    ['', []],
  ])('%j', (text, want) => {
    expect(parseLocalReplaces(text)).toEqual(want);
  });
});

describe('goFlagsWithout', () => {
  it.each([
    ['-mod=vendor', 'mod', ''],
    [' -mod=vendor  -buildvcs=false --trimpath ', 'mod', '-buildvcs=false --trimpath'],
    ['--modfile=/x/go.mod -tags=a', 'modfile', '-tags=a'],
    ['-modfile -mod=mod', 'modfile', '-mod=mod'],
    ['-mod=mod -modfile=/x', 'mod', '-modfile=/x'],
  ])('%j without %s → %j', (flags, name, want) => {
    expect(goFlagsWithout(flags, name)).toBe(want);
  });
});

describe('buildsFromVendor', () => {
  it.each([
    ['', true, '1.22', true],
    ['', true, '1.13', false],
    ['', true, undefined, true],
    ['', false, '1.22', false],
    ['-mod=vendor', false, '1.12', true],
    ['-mod=mod', true, '1.22', false],
    ['-mod=readonly -tags=x', true, '1.22', false],
  ] as const)('GOFLAGS=%j, modules.txt %s, go %s → %s', (goflags, txt, goLine, want) => expect(buildsFromVendor(goflags, txt, goLine)).toBe(want));
});

// A wrapper named go that printed binary had it quoted whole, 3 KB, in a message as its "version".
describe('goVersionWord', () => {
  const cases: { in: string; want: string | undefined }[] = [
    { in: 'go1.26.8\n', want: 'go1.26.8' },
    { in: 'go1.22rc1', want: 'go1.22rc1' },
    { in: 'go1.26.8 X:nocoverageredesign\n', want: 'go1.26.8 X:nocoverageredesign' },
    { in: 'devel go1.27-0123abcd Tue Nov 3 10:00:00 2026 +0000', want: 'devel go1.27-0123abcd Tue Nov 3 10:00:00 2026 +0000' },
    { in: '', want: undefined },
    { in: '\u0000\u00ff\u001b]0;x\u0007GOROOT=/nope', want: undefined },
    { in: 'go1.26.8\ngarbage on a second line', want: undefined },
    { in: `go1.26.8 ${'x'.repeat(300)}`, want: undefined },
    { in: 'GOVERSION=go1.26.8', want: undefined },
    { in: 'go1.26.8\u001b[2J', want: undefined },
  ];
  for (const c of cases) it(JSON.stringify(c.in.slice(0, 40)), () => expect(goVersionWord(c.in)).toBe(c.want));
});
