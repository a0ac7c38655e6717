// What a GOPROXY=off refusal names, in the shapes gopls v0.23.0's logs carry it (measured: the
// fixtures trace-proxyoff-*.rpc.log) and go's own.
import { describe, expect, it } from 'vitest';
import { packageInModule, proxyOffRefusalIn, refusedModules, unprovidedPackageIn } from '../../../src/goplsLog/proxyOffRefusals.js';

describe('proxyOffRefusalIn', () => {
  const rows: Array<{ name: string; in: string; module?: string; said?: string }> = [
    { name: 'go list, module graph not loadable (inside a logMessage JSON string)', in: String.raw`Params: {"type":1,"message":"2026/12/06 03:43:52 go/packages.Load #1: err: exit status 1: stderr: go: github.com/fatih/structtag@v1.2.0: module lookup disabled by GOPROXY=off\n\n\tview_id=\"1\""}`, module: 'github.com/fatih/structtag@v1.2.0', said: 'go: github.com/fatih/structtag@v1.2.0: module lookup disabled by GOPROXY=off' },
    { name: "go get, gopls's quick fix (an escaped newline between)", in: String.raw`"message":"2026/12/06 03:45:35 command error: err: exit status 1: stderr: go: downloading github.com/fatih/structtag v1.2.0\nmodule lookup disabled by GOPROXY=off\n\n"}`, module: 'github.com/fatih/structtag@v1.2.0' },
    { name: 'go get, printed on two lines', in: 'go: downloading golang.org/x/sys v0.13.0\nmodule lookup disabled by GOPROXY=off', module: 'golang.org/x/sys@v0.13.0' },
    { name: 'a pseudo-version', in: 'go: example.com/a/b@v0.0.0-20240101000000-abcdef123456: module lookup disabled by GOPROXY=off', module: 'example.com/a/b@v0.0.0-20240101000000-abcdef123456' },
    { name: 'gopls v0.12–v0.14 go.mod diagnostic', in: 'example.com/x@v1.2.0 has not been downloaded', module: 'example.com/x@v1.2.0' },
    { name: "go list's per-package error names no module", in: 'main.go:6:2: module lookup disabled by GOPROXY=off', said: 'module lookup disabled by GOPROXY=off' },
    { name: 'the client alone on its line', in: 'module lookup disabled by GOPROXY=off', said: 'module lookup disabled by GOPROXY=off' },
  ];
  for (const r of rows)
    it(r.name, () => {
      const got = proxyOffRefusalIn(r.in)!;
      expect(got.module).toBe(r.module);
      if (r.said) expect(got.said).toBe(r.said);
    });
  it('a line with no refusal is none', () => {
    expect(proxyOffRefusalIn('go: downloading github.com/fatih/structtag v1.2.0')).toBeUndefined();
    expect(proxyOffRefusalIn('GOPROXY=off is set')).toBeUndefined();
  });
});

describe('refusedModules', () => {
  it('names each module once, in the order the log told them', () => {
    expect(refusedModules(['go: b.example/y@v2.0.0: module lookup disabled by GOPROXY=off', 'module lookup disabled by GOPROXY=off', 'go: a.example/x@v1.0.0: module lookup disabled by GOPROXY=off', 'go: b.example/y@v2.0.0: module lookup disabled by GOPROXY=off'])).toEqual(['b.example/y@v2.0.0', 'a.example/x@v1.0.0']);
  });
});

describe('unprovidedPackageIn and packageInModule', () => {
  it("reads the package from gopls's BrokenImport diagnostic, JSON-escaped or not", () => {
    expect(unprovidedPackageIn(String.raw`"message":"could not import github.com/fatih/structtag (no required module provides package \"github.com/fatih/structtag\")"`)).toBe('github.com/fatih/structtag');
    expect(unprovidedPackageIn('main.go:6:2: no required module provides package example.com/m/sub; to add it:')).toBe('example.com/m/sub');
    expect(unprovidedPackageIn('could not import fmt')).toBeUndefined();
  });
  it('a package is in a module when its path is the module path or below it', () => {
    expect(packageInModule('github.com/fatih/structtag', 'github.com/fatih/structtag@v1.2.0')).toBe(true);
    expect(packageInModule('golang.org/x/sys/unix', 'golang.org/x/sys@v0.13.0')).toBe(true);
    expect(packageInModule('golang.org/x/system', 'golang.org/x/sys@v0.13.0')).toBe(false);
  });
});
