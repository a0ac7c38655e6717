import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildNameOf, companionLanguage, companionSources, leadingComments } from '../../../src/probes/cgoCompanions.js';

const linux = { goos: 'linux', goarch: 'amd64', cgo: true, tags: [] as string[] };

describe('companionLanguage (go/build: CXXFiles, FFiles)', () => {
  it.each([
    ['a.cc', 'C++'],
    ['a.cpp', 'C++'],
    ['a.cxx', 'C++'],
    ['a.f', 'Fortran'],
    ['a.F', 'Fortran'],
    ['a.for', 'Fortran'],
    ['a.f90', 'Fortran'],
    ['a.c', undefined],
    ['a.h', undefined],
    ['a.hpp', undefined],
    ['a.C', undefined],
    ['a.m', undefined],
    ['a.S', undefined],
    ['a.go', undefined],
    ['cpp', undefined],
  ])('%s → %s', (name, want) => expect(companionLanguage(name)).toBe(want));
});

describe('leadingComments (where go/build reads a non-Go file\'s //go:build)', () => {
  it.each([
    ['//go:build darwin\n\n#include <x.h>\n', '//go:build darwin\n'],
    ['/* licence\n * text\n */\n//go:build linux\nint x;\n', '//go:build linux'],
    ['/* one line */\n// +build ignore\n\nint x;\n', '// +build ignore\n'],
    ['#include <vector>\n//go:build darwin\n', ''],
    ['', ''],
  ])('%j → %j', (src, want) => expect(leadingComments(src)).toBe(want));
});

describe('buildNameOf (the name _GOOS/_GOARCH is judged on)', () => {
  it.each([
    ['a_darwin.cpp', 'a_darwin.go'],
    ['a_linux_arm64.f90', 'a_linux_arm64.go'],
    ['wrapper.pb.cc', 'wrapper.go'],
    ['noext', 'noext.go'],
  ])('%s → %s', (name, want) => expect(buildNameOf(name)).toBe(want));
});

describe('companionSources', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ged-companions-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it("lists the package's C++ and Fortran files this build compiles, by name and //go:build", async () => {
    const files: Record<string, string> = {
      'b.cpp': 'int b;\n',
      'a.cc': '// +build linux\n\nint a;\n',
      'mac_darwin.cpp': 'int m;\n',
      'tagged.cxx': '//go:build gedfault\n\nint t;\n',
      '_hidden.cpp': 'int h;\n',
      '.dot.cpp': 'int d;\n',
      'x.f90': '      end\n',
      'x_windows.f': '      end\n',
      'c.c': 'int c;\n',
    };
    for (const [n, t] of Object.entries(files)) writeFileSync(path.join(dir, n), t);
    mkdirSync(path.join(dir, 'sub.cpp'));
    expect(await companionSources(dir, linux)).toEqual({ 'C++': [path.join(dir, 'a.cc'), path.join(dir, 'b.cpp')], Fortran: [path.join(dir, 'x.f90')] });
    expect(await companionSources(dir, { ...linux, tags: ['gedfault'] })).toEqual({ 'C++': [path.join(dir, 'a.cc'), path.join(dir, 'b.cpp'), path.join(dir, 'tagged.cxx')], Fortran: [path.join(dir, 'x.f90')] });
  });
  it('a directory that cannot be read: none', async () => {
    expect(await companionSources(path.join(dir, 'missing'), linux)).toEqual({ 'C++': [], Fortran: [] });
  });
});
