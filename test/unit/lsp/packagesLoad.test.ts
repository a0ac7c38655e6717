// gopls's go/packages.Load records, in the shapes gopls v0.23.0 wrote them on this machine: a
// logMessage's own text, a -logfile's continuation line, and a trace's JSON (escaped).
import { describe, expect, it } from 'vitest';
import { countLoad, loadedNothing, packagesOfLoadRecord, type PackageLoads } from '../../../src/lsp/packagesLoad.js';

describe('packagesOfLoadRecord', () => {
  const rows: Array<{ name: string; in: string; want: number | undefined }> = [
    { name: 'a load that worked (logMessage text)', in: '2026/12/06 06:54:36 go/packages.Load #2\n\tview_id="2"\n\tsnapshot=0\n\tdirectory=/tmp/h3/ws/gowork/app\n\tquery=[/tmp/h3/ws/gowork/app/... builtin]\n\tpackages=2\n\tduration=137.572559ms\n', want: 2 },
    { name: 'a load that failed (logMessage text)', in: '2026/12/06 06:55:13 go/packages.Load #1: err: exit status 1: stderr: package unsafe is not in std (/tmp/e/src/unsafe)\n\n\tview_id="1"\n\tsnapshot=0\n\tdirectory=/tmp/h3/ws/goroot\n\tquery=[/tmp/h3/ws/goroot/... builtin]\n\tpackages=0\n\tduration=10.2ms\n', want: 0 },
    { name: "a -logfile's continuation line", in: '\tpackages=137', want: 137 },
    { name: "a trace's JSON, escaped", in: 'Params: {"type":3,"message":"2026/12/06 06:54:36 go/packages.Load #2\\n\\tview_id=\\"2\\"\\n\\tquery=[/w/... builtin]\\n\\tpackages=14\\n\\tduration=1s\\n"}', want: 14 },
    { name: 'the field last in a JSON string', in: '{"message":"go/packages.Load #3\\n\\tpackages=0"}', want: 0 },
    { name: 'no load record', in: '2026/12/06 Created View (#1)\n\tdirectory=/w', want: undefined },
    { name: 'the word in prose is no field', in: 'we loaded packages=5 of them', want: undefined },
    { name: 'a field of another name', in: '\tsubpackages=3', want: undefined },
  ];
  for (const r of rows) it(r.name, () => expect(packagesOfLoadRecord(r.in)).toBe(r.want));
});

describe('loadedNothing', () => {
  const loads = (...ns: number[]): PackageLoads => {
    const l = { empty: 0, loaded: 0 };
    for (const n of ns) countLoad(l, n);
    return l;
  };
  it('is true only when loads ran and none returned a package', () => {
    expect(loadedNothing(loads(0))).toBe(true);
    expect(loadedNothing(loads(0, 0, 0, 0))).toBe(true);
    // One load that returned packages: a partial failure, not a dead workspace.
    expect(loadedNothing(loads(0, 0, 3))).toBe(false);
    expect(loadedNothing(loads(7))).toBe(false);
    // No load seen (gopls never reached one, or a session before counting): nothing to say.
    expect(loadedNothing(loads())).toBe(false);
    expect(loadedNothing(undefined)).toBe(false);
  });
});
