import { describe, expect, it } from 'vitest';
import { evalBuildExpr, fileConstraint, includingBuild, parseGoBuildExpr, parsePlusBuildLines, tagTrue, tagsOfFlags, whyExcluded, type BuildContext } from '../../../src/lsp/buildConstraint.js';
import { buildConstraintFindings } from '../../../src/probes/buildConstraints.js';
import { buildContextOf, dropTags, goplsBuildContext, goplsBuildSettings } from '../../../src/lsp/goplsBuild.js';

const linux: BuildContext = { goos: 'linux', goarch: 'amd64', tags: [], cgo: true, goMinor: 26 };
const evalOn = (expr: string, ctx: BuildContext) => evalBuildExpr(parseGoBuildExpr(expr)!, (t) => tagTrue(ctx, t));

describe('//go:build expressions (go/build/constraint semantics)', () => {
  it.each([
    ['linux', true],
    ['linux && amd64', true],
    ['linux && customtag', false],
    ['linux || customtag', true],
    ['!windows', true],
    ['!linux', false],
    ['(darwin || freebsd) && !cgo', false],
    ['unix && !android', true],
    ['go1.21 && !go1.99', true],
    ['go1.27', false],
    ['gc && !gccgo', true],
    ['!(linux && arm64) && (amd64 || 386)', true],
    ['ignore', false],
  ])('%s → %s on linux/amd64, cgo, go1.26', (expr, want) => expect(evalOn(expr, linux)).toBe(want));

  it('platform implications: android is linux and unix, ios is darwin, illumos is solaris; js is not unix', () => {
    expect(evalOn('linux && unix', { ...linux, goos: 'android', goarch: 'arm64' })).toBe(true);
    expect(evalOn('darwin', { ...linux, goos: 'ios', goarch: 'arm64' })).toBe(true);
    expect(evalOn('solaris', { ...linux, goos: 'illumos' })).toBe(true);
    expect(evalOn('unix', { ...linux, goos: 'js', goarch: 'wasm' })).toBe(false);
    expect(evalOn('windows', { ...linux, goos: 'windows' })).toBe(true);
  });

  it.each(['', 'linux &&', '&& linux', '(linux', 'linux)', 'linux ! windows', 'lin-ux', 'a || || b'])('%j does not parse', (expr) => {
    expect(parseGoBuildExpr(expr)).toBeUndefined();
  });

  it('// +build: space is OR, comma AND, ! NOT, lines AND-ed', () => {
    const e = parsePlusBuildLines(['linux,!cgo darwin', 'amd64'])!;
    expect(evalBuildExpr(e, (t) => tagTrue({ ...linux, cgo: false }, t))).toBe(true);
    expect(evalBuildExpr(e, (t) => tagTrue(linux, t))).toBe(false);
    expect(evalBuildExpr(e, (t) => tagTrue({ ...linux, goos: 'darwin', goarch: 'arm64' }, t))).toBe(false);
  });
});

describe('the header constraint of a file', () => {
  it('//go:build wins over // +build; the line number is kept; after package nothing counts', () => {
    const c = fileConstraint('// Copyright 2026\n\n//go:build linux && customtag\n// +build linux,customtag\n\npackage bc\n')!;
    expect(c).toMatchObject({ text: '//go:build linux && customtag', line: 3 });
    expect(fileConstraint('// +build ignore\n\npackage main\n')!.text).toBe('// +build ignore');
    expect(fileConstraint('package x\n\n//go:build windows\n')).toBeUndefined();
    expect(fileConstraint('/* block */\npackage x\n')).toBeUndefined();
  });
});

describe('whyExcluded and includingBuild', () => {
  it.each([
    ['tagged.go', '//go:build linux && customtag\n\npackage bc\n', linux, { addTags: ['customtag'] }],
    ['x_windows.go', 'package bc\n', linux, { addTags: [], goos: 'windows' }],
    ['x_windows_arm64.go', 'package bc\n', linux, { addTags: [], goos: 'windows', goarch: 'arm64' }],
    ['y_arm64.go', 'package bc\n', linux, { addTags: [], goarch: 'arm64' }],
    ['z.go', '//go:build (darwin || windows) && integration\n\npackage bc\n', linux, { addTags: ['integration'], goos: 'darwin' }],
    ['n.go', '//go:build !linux\n\npackage bc\n', linux, { addTags: [], goos: 'windows' }],
    ['e2e_test.go', '//go:build e2e || slow\n\npackage bc\n', linux, { addTags: ['e2e'] }],
    ['old.go', '// +build !cgo\n\npackage bc\n', linux, { addTags: [], cgo: false }],
    ['never.go', '//go:build ignore\n\npackage main\n', linux, { addTags: ['ignore'] }],
    ['imp.go', '//go:build linux && !linux\n\npackage bc\n', linux, undefined],
    ['t.go', '//go:build customtag\n\npackage bc\n', { ...linux, tags: ['other'] }, { addTags: ['customtag'] }],
  ] as const)('%s', (name, head, ctx, inc) => {
    expect(whyExcluded(name, head, ctx)).toBeDefined();
    expect(includingBuild(name, head, ctx)).toEqual(inc);
  });

  it('files in the build: none excluded', () => {
    expect(whyExcluded('a.go', 'package bc\n', linux)).toBeUndefined();
    expect(whyExcluded('x_linux.go', '//go:build amd64 || arm64\n\npackage bc\n', linux)).toBeUndefined();
    expect(whyExcluded('linux.go', 'package bc\n', { ...linux, goos: 'windows' })).toBeUndefined(); // no underscore: no suffix rule
    expect(whyExcluded('t.go', '//go:build customtag\npackage bc\n', { ...linux, tags: ['customtag'] })).toBeUndefined();
  });

  it('-tags from GOFLAGS forms', () => {
    expect(tagsOfFlags(['-mod=mod', '-tags=a,b'])).toEqual(['a', 'b']);
    expect(tagsOfFlags(['--tags', 'x y'])).toEqual(['x', 'y']);
    expect(tagsOfFlags(['-trimpath'])).toEqual([]);
    expect(buildContextOf({ GOOS: 'linux', GOARCH: 'arm64', CGO_ENABLED: '0', GOFLAGS: '-tags=netgo -trimpath', GOVERSION: 'go1.25.4' }, 'x64').ctx).toEqual({ goos: 'linux', goarch: 'arm64', cgo: false, tags: ['netgo'], goMinor: 25 });
  });
});

describe('buildConstraintFindings', () => {
  const src = { source: 'go env -json', excerpt: 'GOOS=linux GOARCH=amd64' };
  it('a tagged file → warning quoting the line, and a workspace gopls build.buildFlags fix keeping GOFLAGS tags', () => {
    const [f] = buildConstraintFindings({ file: '/w/tagged.go', head: '//go:build linux && customtag\n\npackage bc\n', ctx: { ...linux, tags: ['netgo'] }, ctxSource: src });
    expect(f).toMatchObject({ classId: 'module-resolution', severity: 'warning' });
    expect(f!.message).toContain('`go:build linux && customtag` is false for GOOS=linux GOARCH=amd64 -tags=netgo');
    expect(f!.evidence![0]).toEqual({ source: '/w/tagged.go', excerpt: '//go:build linux && customtag', line: 1 });
    expect(f!.fixes).toMatchObject([{ id: 'gopls-build-tags', kind: 'setting', key: 'gopls', target: 'workspace', merge: true, value: { 'build.buildFlags': ['-tags=netgo,customtag'] } }]);
  });
  // gopls v0.15+ checks an open file of another port in a build of its own: an info, and no fix
  // that would switch the whole workspace to windows (test/real/buildConstraints.test.ts shows it).
  it('a _windows.go file, or one only another platform\'s constraint excludes → an info that gopls builds it on its own, no GOOS fix', () => {
    for (const [file, head] of [['/w/x_windows.go', 'package bc\n'], ['/w/darwin.go', '//go:build darwin\n\npackage bc\n']] as const) {
      const [f] = buildConstraintFindings({ file, head, ctx: linux, ctxSource: src });
      expect(f).toMatchObject({ severity: 'info', fixes: [] });
      expect(f!.message).toMatch(/gopls v0\.15 and later check an open file like this in a build of its own/);
    }
    // A tag beside the platform still needs the setting.
    const [t] = buildConstraintFindings({ file: '/w/t.go', head: '//go:build windows && integration\n\npackage bc\n', ctx: linux, ctxSource: src });
    expect(t!.severity).toBe('warning');
  });
  it('`// +build !cgo` with cgo on → build.env CGO_ENABLED=0', () => {
    const [f] = buildConstraintFindings({ file: '/w/old.go', head: '// +build !cgo\n\npackage bc\n', ctx: linux, ctxSource: src });
    expect(f!.fixes).toMatchObject([{ id: 'gopls-build-env', value: { 'build.env': { CGO_ENABLED: '0' } } }]);
  });
  it('a constraint nothing satisfies → no fix, and it says so', () => {
    const [f] = buildConstraintFindings({ file: '/w/imp.go', head: '//go:build linux && !linux\n\npackage bc\n', ctx: linux, ctxSource: src });
    expect(f!.fixes).toEqual([]);
    expect(f!.message).toMatch(/No combination/);
  });
  // `//go:build ignore` is how a generator or an example says "no build takes me": -tags=ignore
  // would pull every such file of the module into the build.
  it('`//go:build ignore` on a package main file → nothing to report: gopls loads it on its own', () => {
    expect(buildConstraintFindings({ file: '/w/gen.go', head: '//go:build ignore\n\npackage main\n', ctx: linux, ctxSource: src })).toEqual([]);
  });
  it('`//go:build ignore` on another package → information without a tag fix, saying it is on purpose', () => {
    const [f] = buildConstraintFindings({ file: '/w/old.go', head: '// +build ignore\n\npackage bc\n', ctx: linux, ctxSource: src });
    expect(f).toMatchObject({ severity: 'info', fixes: [] });
    expect(f!.message).toMatch(/on purpose/);
    expect(f!.message).not.toMatch(/No combination/);
  });
  it("a tag named in the user's standaloneTags counts the same; `ignore` is then an ordinary tag", () => {
    expect(buildConstraintFindings({ file: '/w/gen.go', head: '//go:build tools\n\npackage main\n', ctx: linux, ctxSource: src, standaloneTags: ['tools'] })).toEqual([]);
    const [f] = buildConstraintFindings({ file: '/w/gen.go', head: '//go:build ignore\n\npackage main\n', ctx: linux, ctxSource: src, standaloneTags: ['tools'] });
    expect(f).toMatchObject({ severity: 'warning', fixes: [{ id: 'gopls-build-tags', value: { 'build.buildFlags': ['-tags=ignore'] } }] });
  });
  it('a lone standalone tag combined with another one is an ordinary constraint', () => {
    const [f] = buildConstraintFindings({ file: '/w/x.go', head: '//go:build ignore && linux\n\npackage main\n', ctx: linux, ctxSource: src });
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f!.fixes?.length ?? 0).toBeGreaterThan(0);
  });
});

describe("the user's gopls build settings count", () => {
  const head = '//go:build linux && customtag\n\npackage bc\n';
  it('build.buildFlags -tags=customtag already set → the file is in; build.env GOOS=windows makes a _windows file in', () => {
    const settings = goplsBuildSettings([
      { source: 'VS Code user settings', values: { gopls: { 'build.buildFlags': ['-tags=customtag'] } } },
      { source: 'VS Code workspace settings', values: { gopls: { 'build.env': { GOOS: 'windows' } } } },
    ]);
    const { ctx, sources } = goplsBuildContext({ GOOS: 'linux', GOARCH: 'amd64', CGO_ENABLED: '1', GOFLAGS: '-tags=netgo' }, 'x64', settings);
    expect(ctx).toMatchObject({ goos: 'windows', tags: ['customtag'] });
    expect(sources[1]!.source).toBe('VS Code user settings, VS Code workspace settings');
    expect(buildConstraintFindings({ file: '/w/x_windows.go', head: 'package bc\n', ctx, ctxSource: sources })).toEqual([]);
  });
  it('the fix keeps the other build flags and drops the old -tags', () => {
    const settings = goplsBuildSettings([{ source: 'u', values: { gopls: { 'build.buildFlags': ['-mod=mod', '-tags', 'old'] } } }]);
    const { ctx, sources } = goplsBuildContext({ GOOS: 'linux', GOARCH: 'amd64' }, 'x64', settings);
    const [f] = buildConstraintFindings({ file: '/w/tagged.go', head, ctx, ctxSource: sources, keepFlags: dropTags(settings.buildFlags!) });
    expect(f!.fixes![0]).toMatchObject({ value: { 'build.buildFlags': ['-mod=mod', '-tags=old,customtag'] } });
  });
});
