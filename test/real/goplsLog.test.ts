// The real pinned gopls v0.23.0 on this machine: a trace recorded through the LSP session helper
// is parsed back (counts, methods, latencies, no false alarms), and a real SIGABRT is judged.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync, mkdirSync, openSync, closeSync } from 'node:fs';
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { Host } from '../../src/host/host.js';
import { recordGoplsTrace } from '../../src/goplsLog/record.js';
import { readLogFile } from '../../src/goplsLog/read.js';
import { crashVerdict } from '../../src/goplsLog/crashVerdict.js';
import { findingsOf } from '../../src/probes/goplsLogs.js';

const GOPLS = path.resolve('.tools/bin/gopls');
const GOBIN = '/usr/local/go/bin';
const haveGopls = existsSync(GOPLS);

function module(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ged-real-log-'));
  mkdirSync(path.join(dir, 'greet'));
  writeFileSync(path.join(dir, 'go.mod'), 'module example.com/hello\n\ngo 1.22\n');
  writeFileSync(path.join(dir, 'greet', 'greet.go'), 'package greet\n\nfunc Hello() string { return "hi" }\n');
  writeFileSync(path.join(dir, 'main.go'), 'package main\n\nimport (\n\t"fmt"\n\n\t"example.com/hello/greet"\n)\n\nfunc main() { fmt.Println(greet.Hello()) }\n');
  return dir;
}

describe.skipIf(!haveGopls)('real gopls logs', () => {
  it('records a trace with the real gopls and parses it back', async () => {
    const ws = module();
    const env = { ...process.env, PATH: `${GOBIN}:${process.env.PATH}` };
    const rec = await recordGoplsTrace({ host: new Host(), env, settings: { alternateGopls: GOPLS }, workspaces: [ws], seconds: 2 });
    expect(rec.ok, JSON.stringify(rec)).toBe(true);
    if (!rec.ok) return;
    const r = await readLogFile(rec.path);
    const s = r.summary!;
    expect(r.complete).toBe(true);
    // What the session sent: initialize, then (after initialized + didOpen) shutdown.
    expect(s.requestsSent.initialize).toBe(1);
    expect(s.notificationsSent.initialized).toBe(1);
    expect(s.notificationsSent['textDocument/didOpen']).toBe(1);
    expect(s.serverStartCount).toBe(1);
    for (const l of s.latencies) {
      expect(l.p50).toBeGreaterThanOrEqual(0);
      expect(l.max).toBeLessThan(30_000);
    }
    expect(s.latencies.find((l) => l.method === 'initialize')).toBeDefined();
    expect(s.unknownLines).toBe(0);
    // A healthy module on a healthy machine: no error finding.
    expect(findingsOf(rec.path, s).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('a real SIGABRT: the dump is read and the verdict is killed-by-signal', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ged-abrt-'));
    const errFile = path.join(dir, 'gopls (server).log');
    const fd = openSync(errFile, 'w');
    const child = spawn(GOPLS, ['serve'], { stdio: ['pipe', 'ignore', fd] });
    closeSync(fd);
    // Let the runtime start its goroutines, then abort it.
    await new Promise((r) => setTimeout(r, 700));
    const exited = new Promise<{ code: number | null; signal: string | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
    child.kill('SIGABRT');
    const ex = await exited;
    child.stdin?.destroy();
    const r = await readLogFile(errFile);
    expect(r.summary!.crashes[0]).toMatchObject({ kind: 'signal', message: 'SIGABRT: abort' });
    const v = crashVerdict({ logs: [{ source: errFile, summary: r.summary! }], exit: { code: ex.code, signal: ex.signal, source: 'gopls serve', pid: child.pid } });
    expect(v.kind).toBe('killed-by-signal');
    expect(v.stack?.some((l) => /^\t\w+\.go:\d+$/.test(l))).toBe(true);
  });
});
