// The memory estimate's go list -deps runs with -mod=mod to list past a go.sum that lacks lines,
// and go then writes go.sum: the doctor's run created one in a module that had none (measured with
// go1.26.8). Real go, real files, a module whose go.sum is absent and a go.work workspace.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Host } from '../../../src/host/host.js';
import { readGoEnv } from '../../../src/facts/readGoEnv.js';
import { readWorkspacePackages } from '../../../src/facts/workspacePackages.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'ws-packages-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const env: NodeJS.ProcessEnv = { ...process.env, GOPATH: path.join(root, 'gopath'), GOMODCACHE: path.join(root, 'modcache'), GOCACHE: path.join(root, 'gocache'), GOENV: path.join(root, 'goenv'), GOFLAGS: '-modcacherw', GOTOOLCHAIN: 'local', GOPROXY: 'off', GOSUMDB: 'off' };
delete env.GOWORK;

async function list(ws: string) {
  const host = new Host();
  const signal = new AbortController().signal;
  return readWorkspacePackages({ host, env, goEnv: () => readGoEnv(host, env, signal, 10_000), workspaces: [ws], signal, remainingMs: () => 8000 });
}

describe('readWorkspacePackages leaves the workspace as it found it', () => {
  it.each([1, 3])('a module of %i packages requiring a module of the module cache, no go.sum: listed, and no go.sum or go.mod change', async (n) => {
    const dir = path.join(root, `mod${n}`);
    // example.com/dep v0.1.0 laid out as go leaves a download: extracted folder, .mod, .ziphash.
    const cache = env.GOMODCACHE!;
    const dl = path.join(cache, 'cache', 'download', 'example.com', 'dep', '@v');
    mkdirSync(dl, { recursive: true });
    mkdirSync(path.join(cache, 'example.com', 'dep@v0.1.0'), { recursive: true });
    writeFileSync(path.join(dl, 'v0.1.0.mod'), 'module example.com/dep\n\ngo 1.22\n');
    writeFileSync(path.join(dl, 'v0.1.0.info'), '{"Version":"v0.1.0","Time":"2025-06-01T00:00:00Z"}');
    writeFileSync(path.join(dl, 'v0.1.0.ziphash'), 'h1:Ma/ntDpbnBqyHqXgb+8XKmBqqBDo0oUfXqljwDWSpDk=');
    writeFileSync(path.join(cache, 'example.com', 'dep@v0.1.0', 'go.mod'), 'module example.com/dep\n\ngo 1.22\n');
    writeFileSync(path.join(cache, 'example.com', 'dep@v0.1.0', 'dep.go'), 'package dep\n\n// V is used.\nconst V = 1\n');
    const ws = path.join(dir, 'ws');
    const goMod = 'module example.com/ws\n\ngo 1.22\n\nrequire example.com/dep v0.1.0\n';
    for (let i = 0; i < n; i++) {
      mkdirSync(path.join(ws, `p${i}`), { recursive: true });
      writeFileSync(path.join(ws, `p${i}`, 'p.go'), `package p${i}\n\nimport "example.com/dep"\n\n// W is used.\nconst W = dep.V\n`);
    }
    writeFileSync(path.join(ws, 'go.mod'), goMod);
    const got = await list(ws);
    // Every package of the module and the dependency, go.sum or not (what -mod=mod is for).
    expect(got?.count).toBe(n + 1);
    expect(readdirSync(ws).sort()).toEqual([...Array.from({ length: n }, (_, i) => `p${i}`), 'go.mod'].sort());
    expect(readFileSync(path.join(ws, 'go.mod'), 'utf8')).toBe(goMod);
  });

  it('a go.work workspace (where go refuses -mod=mod): listed all the same', async () => {
    const dir = path.join(root, 'work');
    for (const m of ['a', 'b']) mkdirSync(path.join(dir, m), { recursive: true });
    writeFileSync(path.join(dir, 'go.work'), 'go 1.22\n\nuse (\n\t./a\n\t./b\n)\n');
    writeFileSync(path.join(dir, 'a', 'go.mod'), 'module example.com/a\n\ngo 1.22\n');
    writeFileSync(path.join(dir, 'a', 'a.go'), 'package a\n\nimport "example.com/b"\n\n// X is used.\nvar X = b.Y\n');
    writeFileSync(path.join(dir, 'b', 'go.mod'), 'module example.com/b\n\ngo 1.22\n');
    writeFileSync(path.join(dir, 'b', 'b.go'), 'package b\n\n// Y is used.\nconst Y = 1\n');
    const got = await list(path.join(dir, 'a'));
    expect(got?.count).toBe(2);
    expect(existsSync(path.join(dir, 'go.work.sum'))).toBe(false);
  });
});
