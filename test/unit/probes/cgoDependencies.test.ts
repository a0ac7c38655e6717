import { describe, expect, it } from 'vitest';
import { parseCgoDeps } from '../../../src/probes/cgoDependencies.js';
import { moduleOfCachedFile } from '../../../src/probes/cgoHeaders.js';

describe('parseCgoDeps (go list -deps -f CGO_DEPS_TEMPLATE)', () => {
  it.each([
    ['', []],
    ['\n\n', []],
    ['/m/github.com/google/gopacket@v1.1.19/pcap\tpcap_unix.go\n', ['/m/github.com/google/gopacket@v1.1.19/pcap/pcap_unix.go']],
    ['/w/a\ta.go\tb.go\n/m/x@v1/y\ty.go\n', ['/w/a/a.go', '/w/a/b.go', '/m/x@v1/y/y.go']],
    // A relative directory, a path-like file name or a non-Go name is not go list's: dropped.
    ['rel/dir\ta.go\n/w/b\t../../etc/passwd\tc.c\td.go\n', ['/w/b/d.go']],
    ['go: warning: something\n/w/c\tc.go\n', ['/w/c/c.go']],
    // runtime/cgo's marker line is no package directory.
    ['runtime/cgo\n/w/c\tc.go\n', ['/w/c/c.go']],
  ])('%j → %j', (stdout, want) => expect(parseCgoDeps(stdout)).toEqual(want));
});

describe('moduleOfCachedFile', () => {
  it.each([
    ['/m/github.com/google/gopacket@v1.1.19/pcap/pcap_unix.go', '/m', 'github.com/google/gopacket@v1.1.19'],
    ['/m/github.com/!burnt!sushi/toml@v1.6.0/a.go', '/m', 'github.com/!burnt!sushi/toml@v1.6.0'],
    ['/m/cache/download/x@v/v1.zip', '/m', undefined],
    ['/w/app/a.go', '/m', undefined],
    ['/m2/x@v1/a.go', '/m', undefined],
    ['/m/x@v1/a.go', undefined, undefined],
  ])('%s under %s → %s', (file, cache, want) => expect(moduleOfCachedFile(file, cache)).toBe(want));
});
