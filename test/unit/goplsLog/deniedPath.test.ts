// The path a "permission denied" line names, in the programs' own shapes (Go's fs.PathError,
// coreutils and bash, Node, Python). Paths are made up.
import { describe, expect, it } from 'vitest';
import { deniedPathOf } from '../../../src/goplsLog/deniedPath.js';

const CASES: Array<[string, ReturnType<typeof deniedPathOf>]> = [
  ['go: mkdir /var/lib/gopath: permission denied', { path: '/var/lib/gopath', op: 'mkdir' }],
  ['go: writing stat cache: open /home/dev/go/pkg/mod/cache/download/x/@v/v1.0.0.info: permission denied', { path: '/home/dev/go/pkg/mod/cache/download/x/@v/v1.0.0.info', op: 'open' }],
  ['error: rename /srv/ws/a.tmp /srv/ws/a: permission denied', { path: '/srv/ws/a' }],
  ["mkdir: cannot create directory '/opt/go-cache': Permission denied", { path: '/opt/go-cache' }],
  ['bash: /usr/local/go/bin/go: Permission denied', { path: '/usr/local/go/bin/go' }],
  ["Error: EACCES: permission denied, mkdir '/tmp/gopls-cache'", { path: '/tmp/gopls-cache', op: 'mkdir' }],
  ["PermissionError: [Errno 13] Permission denied: '/data/proj/out.log'", { path: '/data/proj/out.log' }],
  ['open /home/dev/proj/: permission denied', { path: '/home/dev/proj', op: 'open' }],
  // No absolute path: nothing to look up.
  ['fork/exec ./run.sh: permission denied', undefined],
  ['permission denied', undefined],
  ['open $WORK/b001/_pkg_.a: permission denied', undefined],
  ['open /a/../b: permission denied', undefined],
];

describe('deniedPathOf', () => {
  it.each(CASES)('%s', (line, want) => {
    expect(deniedPathOf(line)).toEqual(want);
  });
});
