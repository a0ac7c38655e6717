import { describe, expect, it } from 'vitest';
import { importPaths, isModuleImport } from '../../../src/lsp/goImports.js';

describe('importPaths', () => {
  it.each([
    ['one import', 'package main\n\nimport "fmt"\n\nfunc main() {}\n', ['fmt']],
    ['a block with names, dot and blank imports and comments', 'package x\n\nimport (\n\t"context" // ctx\n\teg "golang.org/x/sync/errgroup"\n\t. "math"\n\t_ "embed"\n\t/* "not/this" */\n)\n', ['context', 'golang.org/x/sync/errgroup', 'math', 'embed']],
    ['two declarations and a raw string', 'package x\nimport "os"\nimport (\n\t`github.com/acme/lib`\n)\n', ['os', 'github.com/acme/lib']],
    ['cgo preamble is C, not Go', 'package x\n\n/*\n#include "stdio.h"\n*/\nimport "C"\n', ['C']],
    ['no imports', 'package x\n\nvar s = "import \\"nope\\""\n', []],
  ])('%s', (_, src, want) => {
    expect(importPaths(src)).toEqual(want);
  });
});

describe('isModuleImport', () => {
  it.each([
    ['fmt', false],
    ['net/http', false],
    ['C', false],
    ['golang.org/x/sync/errgroup', true],
    ['github.com/acme/lib', true],
    ['example.com/loose/sub', true],
  ])('%s → %s', (p, want) => {
    expect(isModuleImport(p)).toBe(want);
  });
});
