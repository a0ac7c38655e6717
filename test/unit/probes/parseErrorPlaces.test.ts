// Where go's parse errors of go.mod and go.work point: the file (resolved against the directory go
// ran in, as base.ShortPath shortens it) and the line, for a fix that opens it there. Table tests on
// go1.26's words.
import { describe, expect, it } from 'vitest';
import { parseErrorPlaces } from '../../../src/probes/modules.js';

describe('parseErrorPlaces', () => {
  it.each([
    { stderr: 'go: errors parsing go.mod:\ngo.mod:5: unknown directive: requre\n', dir: '/w/m', want: [{ file: '/w/m/go.mod', line: 5 }] },
    { stderr: 'go: errors parsing go.work:\ngo.work:3: unknown directive: foo\n', dir: '/w', want: [{ file: '/w/go.work', line: 3 }] },
    // From a subdirectory go names the file above it relatively, or absolutely when that is shorter.
    { stderr: 'go: errors parsing ../go.mod:\n../go.mod:7:2: malformed module path "a b"\n', dir: '/w/m/sub', want: [{ file: '/w/m/go.mod', line: 7, column: 2 }] },
    { stderr: 'go: errors parsing /srv/x/go.mod:\n/srv/x/go.mod:2: invalid go version \'1.x\': must match format 1.23.0\n', dir: '/w', want: [{ file: '/srv/x/go.mod', line: 2 }] },
    // Two errors on one line are one place; two lines are two.
    { stderr: 'go.mod:4: a\ngo.mod:4: b\ngo.mod:9: c\n', dir: '/m', want: [{ file: '/m/go.mod', line: 4 }, { file: '/m/go.mod', line: 9 }] },
    // Not a place: go.sum, a go.mod without a line, a version that only looks like one.
    { stderr: 'verifying example.com/a@v1.0.0/go.mod: checksum mismatch\n', dir: '/m', want: [] },
    { stderr: 'go: go.mod file not found in current directory or any parent directory\n', dir: '/m', want: [] },
    { stderr: 'go.sum:3: malformed go.sum\n', dir: '/m', want: [] },
  ])('$stderr', ({ stderr, dir, want }) => {
    expect(parseErrorPlaces(stderr, dir)).toEqual(want);
  });
});
