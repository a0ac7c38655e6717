import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, truncateSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildConstraintOf, chooseProbeFile, excludedByFileName, findFirstGoFile, parseGoWorkUses } from '../../../src/lsp/workspaceFiles.js';

let root: string;
function file(rel: string) {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), 'package x\n');
}
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'gofiles-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('findFirstGoFile', () => {
  it('finds nothing in a folder without Go, and skips what gopls ignores', async () => {
    file('README.md');
    file('.git/x.go');
    file('vendor/v/v.go');
    file('testdata/t.go');
    file('node_modules/n/n.go');
    file('_tmp/u.go');
    expect(await findFirstGoFile(root)).toBeUndefined();
  });

  it('prefers the shallowest file, breadth first', async () => {
    file('a/b/c/deep.go');
    file('z/shallow.go');
    expect(await findFirstGoFile(root)).toBe(path.join(root, 'z/shallow.go'));
    file('main.go');
    expect(await findFirstGoFile(root)).toBe(path.join(root, 'main.go'));
  });

  it('stops at its bounds', async () => {
    expect(await findFirstGoFile(path.join(root, 'a'), { maxDirs: 2, maxEntries: 100 })).toBeUndefined();
    expect(await findFirstGoFile(path.join(root, 'a'), { maxDirs: 3, maxEntries: 100 })).toBe(path.join(root, 'a/b/c/deep.go'));
  });

  it('is undefined for an unreadable root', async () => {
    expect(await findFirstGoFile(path.join(root, 'absent'))).toBeUndefined();
  });

  it('skips a file too big to send in didOpen, and prefers a non-test file (issue 9 finding 5)', async () => {
    const d = path.join(root, 'sized');
    mkdirSync(d, { recursive: true });
    // Sparse: 200 MB on paper, nothing on disk.
    const big = path.join(d, 'a_big.go');
    writeFileSync(big, 'package x\n');
    truncateSync(big, 200 * 1024 * 1024);
    writeFileSync(path.join(d, 'b_test.go'), 'package x\n');
    expect(await findFirstGoFile(d)).toBe(path.join(d, 'b_test.go'));
    writeFileSync(path.join(d, 'c.go'), 'package x\n');
    expect(await findFirstGoFile(d)).toBe(path.join(d, 'c.go'));
  });
});

describe('chooseProbeFile: a small non-test file of the module at the folder root', () => {
  let ws: string;
  const put = (rel: string, text = 'package x\n') => {
    mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
    writeFileSync(path.join(ws, rel), text);
  };
  beforeAll(() => {
    ws = mkdtempSync(path.join(os.tmpdir(), 'probefile-'));
  });

  it('skips tests, nested modules, other platforms and tagged files; takes the smallest at the shallowest depth', async () => {
    // prometheus's shape: the root module, and a nested module whose test file sorted first.
    put('go.mod', 'module example.com/root\n');
    put('a_test.go', 'package root\n');
    put('compliance/go.mod', 'module example.com/compliance\n');
    put('compliance/remote_write_sender_test.go', 'package compliance\n');
    put('compliance/sender.go', 'package compliance\n');
    put('cmd/tool/big.go', `package main\n${'// filler\n'.repeat(200)}`);
    put('util/util_windows.go', 'package util\n');
    put('util/tagged.go', '//go:build ignore\n\npackage util\n');
    put('util/long.go', `package util\n${'// filler\n'.repeat(50)}`);
    put('util/short.go', 'package util\n\nfunc F() {}\n');
    put('zz/tiny.go', 'package zz\n');
    expect(await chooseProbeFile(ws)).toBe(path.join(ws, 'zz/tiny.go'));
    rmSync(path.join(ws, 'zz'), { recursive: true });
    expect(await chooseProbeFile(ws)).toBe(path.join(ws, 'util/short.go'));
    put('root.go', `package root\n${'// filler\n'.repeat(80)}`);
    expect(await chooseProbeFile(ws), 'a file at the root itself wins over smaller deeper ones').toBe(path.join(ws, 'root.go'));
  });

  it('a go.work folder without its own go.mod: the first module it uses', async () => {
    const w = mkdtempSync(path.join(os.tmpdir(), 'probefile-work-'));
    mkdirSync(path.join(w, 'b'), { recursive: true });
    mkdirSync(path.join(w, 'a'), { recursive: true });
    writeFileSync(path.join(w, 'go.work'), 'go 1.22\n\nuse (\n\t./b // the main one\n\t./a\n)\n');
    writeFileSync(path.join(w, 'a/go.mod'), 'module a\n');
    writeFileSync(path.join(w, 'a/a.go'), 'package a\n');
    writeFileSync(path.join(w, 'b/go.mod'), 'module b\n');
    writeFileSync(path.join(w, 'b/b.go'), 'package b\n');
    expect(await chooseProbeFile(w)).toBe(path.join(w, 'b/b.go'));
    rmSync(w, { recursive: true, force: true });
  });

  it('only test files: still opens one rather than nothing', async () => {
    const w = mkdtempSync(path.join(os.tmpdir(), 'probefile-tests-'));
    writeFileSync(path.join(w, 'go.mod'), 'module t\n');
    writeFileSync(path.join(w, 'x_test.go'), 'package t\n');
    expect(await chooseProbeFile(w)).toBe(path.join(w, 'x_test.go'));
    rmSync(w, { recursive: true, force: true });
  });
});

describe('build constraint parsers', () => {
  it.each([
    ['x_windows.go', true],
    ['x_linux.go', false],
    ['x_linux_arm64.go', true],
    ['x_linux_amd64.go', false],
    ['x_arm64.go', true],
    ['x_amd64_test.go', false],
    ['x_darwin_test.go', true],
    ['windows.go', false],
    ['my_thing.go', false],
  ])('%s excluded on linux/amd64: %s', (name, excluded) => {
    expect(excludedByFileName(name, 'linux', 'amd64')).toBe(excluded);
  });
  it.each([
    ['//go:build ignore\n\npackage x\n', 'ignore'],
    ['// Copyright\n\n//go:build linux && !cgo\n\npackage x\n', 'linux && !cgo'],
    ['// +build darwin\n\npackage x\n', 'darwin'],
    ['package x\n\n//go:build ignore\n', undefined],
  ])('constraint of %j', (head, want) => {
    expect(buildConstraintOf(head)).toBe(want);
  });
  it('go.work use lines', () => {
    expect(parseGoWorkUses('go 1.22\nuse ./one\nuse (\n\t.\n\t"./two" // c\n)\n')).toEqual(['./one', '.', './two']);
  });
});
