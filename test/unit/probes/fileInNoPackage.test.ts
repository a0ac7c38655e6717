// Why a file gopls had "no package metadata" for is in no package: the pure part, on facts as the
// machine check reads them (test/real/fileInNoPackage.test.ts reads them from a real go).
import { describe, expect, it } from 'vitest';
import { DEFAULT_DIRECTORY_FILTERS, directoryFilterExcluding, noPackageFindings, parseDirListing, type NoPackageFacts } from '../../../src/probes/fileInNoPackage.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { findingsOf } from '../../../src/probes/goplsLogs.js';
import { rankCauses } from '../../../src/doctor/rank.js';
import { FindingSchema } from '../../../src/doctor/model.js';

const LINE = '  Message: no package metadata for file file:///w/app/gen/tables.go';
const said = (file = '/w/app/gen/tables.go') => ({ file, source: '/logs/gopls.log', line: 7, excerpt: LINE, count: 2 });
const listing = (o: Partial<ReturnType<typeof parseDirListing>> = {}) => ({ commandLine: 'go list -e -find -json=… . (in /w/app/gen)', files: ['a.go'], ignored: [], importPath: 'example.com/app/gen', ...o });
const base = (o: Partial<NoPackageFacts> = {}): NoPackageFacts => ({ said: said(), goMod: '/w/app/go.mod', folders: ['/w/app'], listing: listing(), ...o });

function one(f: NoPackageFacts) {
  const out = noPackageFindings(f).map((x) => FindingSchema.parse(x));
  expect(out).toHaveLength(1);
  return out[0]!;
}

describe('parseDirListing', () => {
  it('files go builds or tests, the ignored ones, and a package error', () => {
    const out = parseDirListing('{"Dir":"/w/app/gen","ImportPath":"example.com/app/gen","GoFiles":["a.go"],"TestGoFiles":["a_test.go"],"XTestGoFiles":["x_test.go"],"CgoFiles":["c.go"],"IgnoredGoFiles":["tables.go"]}', '', 'go list');
    expect(out).toEqual({ commandLine: 'go list', files: ['a.go', 'c.go', 'a_test.go', 'x_test.go'], ignored: ['tables.go'], importPath: 'example.com/app/gen' });
    const err = parseDirListing('{"ImportPath":".","Match":["."],"Incomplete":true,"Error":{"ImportStack":[],"Pos":"","Err":"current directory is contained in a module that is not one of the workspace modules listed in go.work."}}', '', 'go list');
    expect(err.error).toMatch(/^current directory is contained in a module that is not one/);
  });
  it('nothing listed: go\'s stderr is the error', () => {
    expect(parseDirListing('', "go: go.mod file not found in current directory or any parent directory; see 'go help modules'\n", 'go list').error).toBe("go: go.mod file not found in current directory or any parent directory; see 'go help modules'");
  });
});

// gopls/internal/cache/filterer.go's own examples and its default, on paths relative to the folder.
const FILTERS: Array<[string, string[], string | undefined]> = [
  ['web/node_modules/x/y.go', DEFAULT_DIRECTORY_FILTERS, '-**/node_modules'],
  ['node_modules/y.go', DEFAULT_DIRECTORY_FILTERS, '-**/node_modules'],
  ['cmd/main.go', DEFAULT_DIRECTORY_FILTERS, undefined],
  ['foo/x.go', ['-foo'], '-foo'],
  ['a/foo/x.go', ['-foo'], undefined],
  ['foobar/x.go', ['+foobar', '-foo'], undefined],
  ['a/b/foo/x.go', ['-**/foo'], '-**/foo'],
  ['foo/a/bar/x.go', ['-foo', '+foo/**/bar'], undefined],
  ['foo/a/baz/x.go', ['-foo', '+foo/**/bar'], '-foo'],
  ['bazel-out/k8/x.go', ['-bazel-out', '-bazel-bin'], '-bazel-out'],
  ['src/x.go', ['-'], '-'],
  ['src/x.go', ['-', '+src'], undefined],
  ['gen/x.go', ['-gen/'], '-gen/'],
  ['x.go', ['bogus', '-'], '-'],
];

describe('directoryFilterExcluding', () => {
  it.each(FILTERS)('%s with %j', (rel, filters, want) => {
    expect(directoryFilterExcluding(rel, filters)).toBe(want);
  });
});

describe('noPackageFindings', () => {
  it('its folder is left out by gopls\'s directoryFilters: the entry and where it was set', () => {
    const f = one(base({ said: said('/w/app/bazel-out/gen/tables.go'), listing: listing({ files: ['tables.go'] }), filtered: { filter: '-bazel-out', source: '/w/app/.vscode/settings.json' } }));
    expect(f.message).toContain("gopls's directoryFilters leave its folder out (`-bazel-out`), so gopls loads no package there");
    expect(f.evidence[1]).toEqual({ source: '/w/app/.vscode/settings.json', excerpt: '"directoryFilters" entry "-bazel-out" matches bazel-out/gen' });
  });

  it('no go.mod at or above it: a warning naming the file and the folders looked in, with go mod init in the workspace folder', () => {
    const f = one(base({ goMod: undefined, listing: listing({ files: [], error: 'go: go.mod file not found in current directory or any parent directory' }) }));
    expect(f).toMatchObject({ classId: 'module-resolution', severity: 'warning' });
    expect(f.role).toBeUndefined();
    expect(f.message).toMatch(/^\/w\/app\/gen\/tables\.go is in no package gopls loads: there is no go\.mod in its folder or any folder above it/);
    // go list's own "go.mod file not found" says the same thing: not repeated.
    expect(f.message).not.toContain('go list fails');
    expect(f.evidence[0]).toEqual({ source: '/logs/gopls.log', line: 7, excerpt: LINE });
    expect(f.evidence[1]).toEqual({ source: '/w/app/gen', excerpt: 'no go.mod in /w/app/gen, /w/app, /w, /' });
    expect(f.fixes[0]).toMatchObject({ id: 'go-mod-init', kind: 'terminal', cwd: '/w/app', text: 'go mod init example.com/app' });
  });

  it('its module is not in the go.work use list: the go.work quoted, go work use typed in its folder', () => {
    const f = one(base({ said: said('/w/mods/b/b.go'), goMod: '/w/mods/b/go.mod', folders: ['/w/mods'], goWork: { path: '/w/mods/go.work', uses: ['./a'], text: 'go 1.22\n\nuse ./a\n' } }));
    expect(f.message).toContain('its module (/w/mods/b/go.mod) is not in the use list of the go.work in effect (/w/mods/go.work)');
    expect(f.evidence[1]).toEqual({ source: '/w/mods/go.work', excerpt: 'use ./a' });
    expect(f.fixes).toEqual([{ id: 'go-work-use-module', kind: 'terminal', title: 'Add b to /w/mods/go.work', text: 'go work use ./b', needsRoot: false, cwd: '/w/mods' }]);
    // Used, under another spelling of the same directory: nothing to say about go.work.
    expect(noPackageFindings(base({ said: said('/w/mods/b/b.go'), goMod: '/w/mods/b/go.mod', folders: ['/w/mods'], goWork: { path: '/w/mods/go.work', uses: ['b/'], text: 'use b/\n' }, listing: listing({ files: ['b.go'] }) }))[0]!.severity).toBe('info');
  });

  it('left out by its build constraint (go list IgnoredGoFiles): the constraint\'s reason, evidence and fixes', () => {
    const exclusion = { reasons: ['its constraint `go:build ignore` is false for GOOS=linux GOARCH=amd64 without tags'], evidence: [{ source: '/w/app/gen/tables.go', excerpt: '//go:build ignore', line: 1 }], fixes: [] };
    const f = one(base({ listing: listing({ ignored: ['tables.go'] }), exclusion }));
    expect(f.message).toContain('the build gopls loads leaves it out: its constraint `go:build ignore` is false for GOOS=linux');
    expect(f.evidence.slice(1)).toEqual([{ source: 'go list -e -find -json=… . (in /w/app/gen)', excerpt: '"IgnoredGoFiles": ["tables.go"]' }, exclusion.evidence[0]]);
    expect(f.confidence).toBe(0.85);
  });

  it('`//go:build ignore` (a standaloneTags tag alone): on purpose, no tag to add; as package main, gopls loads it on its own', () => {
    const exclusion = { reasons: ['its constraint `go:build ignore` is false'], evidence: [{ source: '/w/app/gen/tables.go', excerpt: '//go:build ignore', line: 1 }], fixes: [{ id: 'gopls-build-tags', kind: 'link' as const, title: 't', url: 'https://x' }] };
    const lib = one(base({ listing: listing({ ignored: ['tables.go'] }), exclusion: { ...exclusion, deliberate: { tag: 'ignore', main: false } } }));
    expect(lib.message).toContain('its constraint `//go:build ignore` keeps it out of every build on purpose, and gopls loads such a file on its own only when it is package main');
    expect(lib.fixes).toEqual([]);
    const main = one(base({ listing: listing({ ignored: ['tables.go'] }), exclusion: { ...exclusion, deliberate: { tag: 'ignore', main: true } } }));
    expect(main.message).toContain('gopls v0.10 and later load such a package main file on its own');
    expect(main.confidence).toBe(0.6);
  });

  it('ignored by go list with no constraint the build reading explains (gopls settings include it): still said, weaker', () => {
    const f = one(base({ listing: listing({ ignored: ['tables.go'] }) }));
    expect(f.message).toContain('go list leaves it out of the package in its folder (IgnoredGoFiles');
    expect(f.confidence).toBe(0.7);
  });

  it('a name starting with _ or .: go skips it before reading it', () => {
    const f = one(base({ said: said('/w/app/gen/_old.go') }));
    expect(f.message).toContain('its name starts with "_", and the go command ignores every file whose name does');
  });

  it('GOPATH mode and not under GOPATH/src; under it, no reason from the mode', () => {
    const f = one(base({ goMod: undefined, gopath: ['/home/u/go'] }));
    expect(f.message).toContain('GO111MODULE=off puts the go command in GOPATH mode, and it is under no GOPATH/src (GOPATH=/home/u/go)');
    expect(noPackageFindings(base({ said: said('/home/u/go/src/x/y.go'), goMod: undefined, gopath: ['/home/u/go'], folders: ['/home/u/go/src/x'], listing: listing({ files: ['y.go'] }) }))[0]!.severity).toBe('info');
  });

  it('go list fails there and nothing above explains it: its error quoted', () => {
    const f = one(base({ listing: listing({ files: [], error: 'found packages gen (a.go) and tables (tables.go) in /w/app/gen' }) }));
    expect(f.message).toContain('go list fails in its folder: found packages gen (a.go) and tables (tables.go)');
    expect(f.confidence).toBe(0.6);
  });

  it('outside every workspace folder, only when nothing else explains it', () => {
    const f = one(base({ folders: ['/w/other'], listing: listing({ files: ['tables.go'] }) }));
    expect(f.message).toContain('it is outside every workspace folder (/w/other)');
    expect(f.fixes[0]).toMatchObject({ id: 'open-folder-of-file', kind: 'terminal', text: 'code --add /w/app' });
    expect(one(base({ goMod: undefined, folders: ['/w/other'] })).message).not.toContain('outside every workspace folder');
  });

  it('nothing here leaves it out: an info that it was transient, no warning', () => {
    const f = one(base({ listing: listing({ files: ['a.go', 'tables.go'] }) }));
    expect(f).toMatchObject({ severity: 'info' });
    expect(f.message).toContain('go list puts it in package example.com/app/gen now');
  });
});

describe('ranked with the symptom', () => {
  it('the cause explains gopls\'s "no package metadata" line: the symptom is explained, the cause comes first', () => {
    const symptom = findingsOf('/logs/gopls.log', analyzeText(`${LINE}\n`)).map((f) => FindingSchema.parse(f));
    const cause = noPackageFindings(base({ goMod: undefined })).map((f) => FindingSchema.parse(f));
    const [c] = rankCauses([...symptom, ...cause]);
    expect(c!.id).toBe('module-resolution');
    expect(c!.findings[0]!.message).toMatch(/^\/w\/app\/gen\/tables\.go is in no package/);
    expect(c!.findings[1]).toMatchObject({ role: 'symptom', explainedBy: ['module-resolution'] });
  });
});
