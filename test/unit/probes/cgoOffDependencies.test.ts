import { describe, expect, it } from 'vitest';
import { cgoOffPackages, cgoRefusalIn, parseListedPackages } from '../../../src/probes/cgoOffDependencies.js';

// go list -deps -e -f CGO_SPLIT_TEMPLATE on a module requiring github.com/google/gopacket v1.1.19 and
// github.com/mattn/go-sqlite3 v1.14.53 (measured with go1.26.8), with CGO_ENABLED=1 and =0.
const M = '/root/go/pkg/mod/github.com';
const ON = [
  `github.com/google/gopacket/pcap\tgithub.com/google/gopacket@v1.1.19\t${M}/google/gopacket@v1.1.19/pcap\tdoc.go pcap.go\tpcap_unix.go\t`,
  `github.com/mattn/go-sqlite3\tgithub.com/mattn/go-sqlite3@v1.14.53\t${M}/mattn/go-sqlite3@v1.14.53\tconvert.go doc.go sqlite3_func_crypt.go sqlite3_opt_preupdate.go sqlite3_opt_preupdate_omit.go sqlite3_sql.go\tbackup.go callback.go error.go sqlite3.go\t`,
  `example.com/app\tmain\t/tmp/app\tmain.go\t\t`,
  '',
].join('\n');
const OFF = [
  `github.com/google/gopacket/pcap\tgithub.com/google/gopacket@v1.1.19\t${M}/google/gopacket@v1.1.19/pcap\tdoc.go pcap.go\t\t`,
  `github.com/mattn/go-sqlite3\tgithub.com/mattn/go-sqlite3@v1.14.53\t${M}/mattn/go-sqlite3@v1.14.53\tconvert.go doc.go sqlite3_func_crypt.go static_mock.go\t\t`,
  `example.com/app\tmain\t/tmp/app\tmain.go\t\t`,
  '',
].join('\n');

describe('parseListedPackages', () => {
  it('reads each package line, with go list\'s error unquoted', () => {
    const got = parseListedPackages(`example.com/only/c\tmain\t/tmp/only/c\t\t\t"build constraints exclude all Go files in /tmp/only/c"\n`);
    expect(got).toEqual([{ importPath: 'example.com/only/c', module: 'main', dir: '/tmp/only/c', goFiles: [], cgoFiles: [], error: 'build constraints exclude all Go files in /tmp/only/c' }]);
  });
  it.each([
    ['', 0],
    ['go: warning: "./..." matched no packages\n', 0],
    ['a\tb\tc\n', 0],
    [ON, 3],
  ])('%j → %i packages', (stdout, n) => expect(parseListedPackages(stdout)).toHaveLength(n));
  it('keeps an error that spans lines and escapes as one string', () => {
    const [p] = parseListedPackages('x\tm@v1\t/d\ta.go\t\t"no required module provides package y;\\n\\tto add it: \\x22go get y\\x22"\n');
    expect(p!.error).toBe('no required module provides package y;\n\tto add it: "go get y"');
  });
});

describe('cgoOffPackages', () => {
  it('pcap loses its cgo file with nothing in its place; go-sqlite3 builds static_mock.go instead', () => {
    expect(cgoOffPackages(parseListedPackages(ON), parseListedPackages(OFF))).toEqual([
      { importPath: 'github.com/google/gopacket/pcap', module: 'github.com/google/gopacket@v1.1.19', dir: `${M}/google/gopacket@v1.1.19/pcap`, dropped: ['pcap_unix.go'], standIns: [], remaining: 2 },
      { importPath: 'github.com/mattn/go-sqlite3', module: 'github.com/mattn/go-sqlite3@v1.14.53', dir: `${M}/mattn/go-sqlite3@v1.14.53`, dropped: ['backup.go', 'callback.go', 'error.go', 'sqlite3.go'], standIns: ['static_mock.go'], remaining: 4 },
    ]);
  });
  it('leaves out the workspace\'s own packages, and packages only a cgo file imports', () => {
    const on = parseListedPackages(`example.com/only/c\tmain\t/w/c\t\tc.go\t\nexample.com/x\tx@v1\t/m/x@v1\t\tx.go\t\n`);
    expect(cgoOffPackages(on, parseListedPackages(`example.com/only/c\tmain\t/w/c\t\t\t"build constraints exclude all Go files in /w/c"\n`))).toEqual([]);
  });
  it('a dependency made only of cgo files has no file left, with go list\'s words', () => {
    const on = parseListedPackages(`example.com/cdep\texample.com/cdep@v1.0.0\t/m/cdep\t\tcgo.go\t\n`);
    const off = parseListedPackages(`example.com/cdep\texample.com/cdep@v1.0.0\t/m/cdep\t\t\t"build constraints exclude all Go files in /m/cdep"\n`);
    expect(cgoOffPackages(on, off)).toEqual([{ importPath: 'example.com/cdep', module: 'example.com/cdep@v1.0.0', dir: '/m/cdep', dropped: ['cgo.go'], standIns: [], remaining: 0, error: 'build constraints exclude all Go files in /m/cdep' }]);
  });
});

describe('cgoRefusalIn (a stand-in\'s own words about cgo)', () => {
  it.each([
    // go-sqlite3 v1.14.53 static_mock.go
    ['var errorMsg = errors.New("Binary was compiled with \'CGO_ENABLED=0\', go-sqlite3 requires cgo to work. This is a stub")', "Binary was compiled with 'CGO_ENABLED=0', go-sqlite3 requires cgo to work. This is a stub"],
    ['panic(`this package needs cgo; rebuild with CGO_ENABLED=1`)', 'this package needs cgo; rebuild with CGO_ENABLED=1'],
    ['return fmt.Errorf("x: \\"%s\\" requires cgo support", name)', 'x: "%s" requires cgo support'],
    // Only words about cgo count; a build tag or an import path is not a message.
    ['//go:build !cgo\n\npackage p\n\nfunc f() int { return 6 * 7 }\n', undefined],
    ['import "github.com/x/cgo-free/cgo"\nvar s = "nothing to do with it here"', undefined],
    ['var tag = "cgo"', undefined],
  ])('%j → %j', (src, want) => expect(cgoRefusalIn(src)).toBe(want));
});
