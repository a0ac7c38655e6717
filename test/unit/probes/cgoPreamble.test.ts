import { describe, expect, it } from 'vitest';
import { ccOrigin, cgoPreamble, directiveApplies, expandSrcdir, missingHeaders, parseCgoDirective, splitQuoted } from '../../../src/probes/cgoPreamble.js';

const linux = { goos: 'linux', goarch: 'amd64', cgo: true, tags: [] as string[] };

describe('cgoPreamble', () => {
  it('a block comment right above import "C": its C, #cgo lines blanked, line numbers kept', () => {
    const src = 'package p\n\n/*\n#cgo CFLAGS: -I${SRCDIR}/include\n#cgo linux LDFLAGS: -lpcap\n#include <pcap.h>\n*/\nimport "C"\n';
    const p = cgoPreamble(src)!;
    expect(p.line).toBe(3);
    expect(p.c.split('\n')).toEqual(['', '', '', '#include <pcap.h>', '']);
    expect(p.directives).toEqual([
      { verb: 'CFLAGS', args: ['-I${SRCDIR}/include'] },
      { verb: 'LDFLAGS', args: ['-lpcap'], constraint: 'linux' },
    ]);
  });
  it("a preamble whose C starts a line with const (gopacket's pcap_unix.go): still the preamble", () => {
    const src = 'package pcap\n\nimport (\n\t"errors"\n)\n\n/*\n#cgo linux LDFLAGS: -lpcap\n#include <pcap.h>\n\nconst char* name(int t) {\n\treturn "";\n}\nvar_t x;\n*/\nimport "C"\n\nconst errorBufferSize = C.PCAP_ERRBUF_SIZE\n';
    const p = cgoPreamble(src)!;
    expect(p.line).toBe(7);
    expect(p.c).toContain('#include <pcap.h>');
    expect(p.directives).toEqual([{ verb: 'LDFLAGS', args: ['-lpcap'], constraint: 'linux' }]);
  });
  it('a declaration before import "C" still ends the import section (a raw string below is not an import)', () => {
    expect(cgoPreamble('package p\n\n/* a comment */\nfunc F() string {\n\treturn `\n// #include <x.h>\nimport "C"\n`\n}\n')).toBeUndefined();
  });
  it('a run of // lines', () => {
    const p = cgoPreamble('package p\n\n// #cgo pkg-config: libpcap\n// #include <pcap.h>\nimport "C"\n')!;
    expect(p.line).toBe(3);
    expect(p.c).toBe('\n#include <pcap.h>');
    expect(p.directives).toEqual([{ verb: 'pkg-config', args: ['libpcap'] }]);
  });
  it('import "C" with no comment above it, and a file without it', () => {
    expect(cgoPreamble('package p\n\nimport "C"\n')).toMatchObject({ c: '', directives: [] });
    expect(cgoPreamble('package p\n\nimport "fmt"\n')).toBeUndefined();
  });
  it('a cgo file inside a raw string of a test is not the file\'s own import (x/tools internal/imports/fix_test.go)', () => {
    const src = 'package imports\n\nimport "testing"\n\nfunc TestCgo(t *testing.T) {\n\tconst input = `package x\n\n// #include "foo.h"\nimport "C"\n`\n}\n';
    expect(cgoPreamble(src)).toBeUndefined();
  });
});

describe('#cgo directives', () => {
  it.each([
    ['#cgo CFLAGS: -DX=1 -I/opt/x', { verb: 'CFLAGS', args: ['-DX=1', '-I/opt/x'] }],
    ['#cgo linux,amd64 !android LDFLAGS: -lm', { verb: 'LDFLAGS', args: ['-lm'], constraint: 'linux,amd64 !android' }],
    ['#cgo CFLAGS: "-I/opt/my dir" -DA', { verb: 'CFLAGS', args: ['-I/opt/my dir', '-DA'] }],
    ['#include <x.h>', undefined],
  ])('%s', (line, want) => expect(parseCgoDirective(line)).toEqual(want));
  it.each([
    [undefined, true],
    ['linux', true],
    ['darwin', false],
    ['linux,arm64', false],
    ['darwin linux', true],
    ['!windows', true],
  ])('constraint %s on linux/amd64: %s', (constraint, want) => expect(directiveApplies({ verb: 'CFLAGS', args: [], ...(constraint ? { constraint } : {}) }, linux)).toBe(want));
  it('splitQuoted and ${SRCDIR}', () => {
    expect(splitQuoted(` -I'/a b' "" x\\ y `)).toEqual(['-I/a b', '', 'x y']);
    expect(expandSrcdir(['-I${SRCDIR}/inc', '-L${SRCDIR}'], '/w/p')).toEqual(['-I/w/p/inc', '-L/w/p']);
  });
});

describe('missingHeaders', () => {
  it.each([
    // gcc 12.2 (Debian 12), measured.
    ['<stdin>:5:10: fatal error: pcap.h: No such file or directory\ncompilation terminated.\n', ['pcap.h']],
    ['<stdin>:1:10: fatal error: openssl/ssl.h: No such file or directory\n', ['openssl/ssl.h']],
    // clang's wording.
    ["<stdin>:3:10: fatal error: 'sqlite3.h' file not found\n#include <sqlite3.h>\n", ['sqlite3.h']],
    // A C error that is not a missing file is not this.
    ['<stdin>:4:2: error: #error "needs a 64-bit target"\n', []],
  ])('%j', (stderr, want) => expect(missingHeaders(stderr)).toEqual(want));
});

describe('ccOrigin', () => {
  it.each<[string | undefined, string | undefined, string]>([
    // Exported to the editor: the environment's, whatever it names (gcc too).
    ['clang', 'clang', 'env'],
    ['gcc', 'gcc', 'env'],
    // Not exported, yet not go's default: go env -w wrote it.
    [undefined, 'clang', 'file'],
    [undefined, 'gcc -m64', 'file'],
    [undefined, '/opt/cross/bin/aarch64-linux-gnu-gcc', 'file'],
    // go's own default, or go env not read.
    [undefined, 'gcc', 'default'],
    [undefined, '', 'default'],
    [undefined, undefined, 'default'],
  ])('CC=%j in the environment, go env CC=%j → %s', (env, goEnv, want) => expect(ccOrigin(env, goEnv)).toBe(want));
});
