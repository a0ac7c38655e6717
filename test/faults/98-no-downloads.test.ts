// Issue 9 finding 10: a workspace go.mod with `go 1.99.0` (not installed) under GOTOOLCHAIN=auto
// made the doctor's own go (go env, go version -m, gopls's go list) fetch a toolchain from the
// user's GOPROXY. Here GOPROXY is a local server that records every request and answers 404:
// the run must make none, and still say that opening this workspace will download go1.99.0.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOPLS, removeTree, runDoctorCli, summarize, tempDir, userEnv } from './lib/harness.js';

let server: Server;
let proxyUrl = '';
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(404).end('not here');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  proxyUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

describe('the doctor never downloads a toolchain', () => {
  for (const line of ['go 1.99.0', 'go 1.22\n\ntoolchain go1.99.0']) {
    it(`go.mod with "${line.replace(/\n+/g, ' / ')}", GOTOOLCHAIN=auto, a recording GOPROXY: zero requests, and a finding that says so`, async () => {
      requests.length = 0;
      const dir = tempDir('no-download');
      try {
        const ws = path.join(dir, 'ws');
        mkdirSync(ws);
        writeFileSync(path.join(ws, 'go.mod'), `module example.com/newer\n\n${line}\n`);
        writeFileSync(path.join(ws, 'main.go'), 'package main\n\nfunc main() {}\n');
        const env = userEnv({ GOTOOLCHAIN: 'auto', GOPROXY: proxyUrl, GOSUMDB: 'off', GOMODCACHE: path.join(dir, 'modcache'), GOPATH: path.join(dir, 'gopath'), GOCACHE: path.join(dir, 'gocache'), GOFLAGS: '' });
        const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, gopls: GOPLS, timeoutMs: 15_000 });
        console.log(`[no-download ${line}] requests: ${JSON.stringify(requests)}; ${summarize(run)}`);
        expect(run.report, summarize(run)).toBeDefined();
        expect(requests).toEqual([]);
        const all = run.report!.causes.flatMap((c) => c.findings.map((f) => f.message)).join('\n');
        expect(all).toMatch(/asks for toolchain go1\.99\.0, which is not installed; opening it will download it/);
      } finally {
        removeTree(dir);
      }
    });
  }
});
