// go list's words for a package cgo off leaves with no file (go1.26.8, gcc off PATH, a tester's
// cgo1), beside a package that keeps its files and a folder outside the module.
import { describe, expect, it } from 'vitest';
import { parseCgoOnlyList } from '../../../src/probes/cgoOnlyPackages.js';

describe('parseCgoOnlyList', () => {
  it.each([
    { name: 'cgo files only', in: '/work/h2-scratch/cgo1\t0\t0\tbuild constraints exclude all Go files in /work/h2-scratch/cgo1\n', want: [{ dir: '/work/h2-scratch/cgo1', error: 'build constraints exclude all Go files in /work/h2-scratch/cgo1' }] },
    { name: 'a package with Go files left', in: '/work/h2-scratch/dep\t1\t0\t\n', want: [] },
    { name: 'cgo on: the cgo file counts', in: '/work/h2-scratch/cgo1\t0\t1\t\n', want: [] },
    { name: 'another error', in: '\t0\t0\tdirectory ../dep outside main module or its selected dependencies\n', want: [] },
  ])('$name', ({ in: text, want }) => expect(parseCgoOnlyList(text)).toEqual(want));
});
