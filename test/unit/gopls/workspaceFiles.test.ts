import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, truncateSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFirstGoFile } from '../../../src/lsp/workspaceFiles.js';

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
