// gopls's "no package metadata for file" on this machine: a log naming files that exist here, and
// the real go saying why each is in no package. A module with a `//go:build ignore` file and a
// `//go:build windows` one (go list puts both under IgnoredGoFiles), a file with no go.mod above
// it, and a module a go.work does not use. The gopls-logs probe runs as in a real diagnosis (a
// live host, the run's facts), and its finding names the file and the reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import { Host } from '../../src/host/host.js';
import { createFacts } from '../../src/facts/runFacts.js';
import { goplsLogsProbe } from '../../src/probes/goplsLogs.js';
import { FindingSchema, type Finding } from '../../src/doctor/model.js';
import type { ProbeContext } from '../../src/probes/probe.js';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { GO, GOPLS } from './support.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'ged-nopkg-'));
const mod = path.join(tmp, 'mod');
const loose = path.join(tmp, 'loose');
const work = path.join(tmp, 'work');
const env = { ...process.env, GOFLAGS: '', GOOS: '', GOARCH: '', GOTOOLCHAIN: 'local', GOWORK: '', GO111MODULE: '' };

/** A log as gopls's trace writes an error reply, one per file. */
function logOf(name: string, files: string[]): string {
  const p = path.join(tmp, name);
  writeFileSync(p, files.map((f, i) => `[Error - Received] 10:00:0${i}.000 AM #${i + 2} no package metadata for file ${pathToFileURL(f).href}\n`).join('\n'));
  return p;
}

async function diagnose(log: string, workspaces: string[], settings: ProbeContext['settings'] = {}): Promise<Finding[]> {
  const host = new Host();
  const ac = new AbortController();
  const end = performance.now() + 30_000;
  const ctx: ProbeContext = {
    host,
    env,
    workspaces,
    goplsLogs: [log],
    settings,
    signal: ac.signal,
    remainingMs: () => end - performance.now(),
    facts: createFacts({ host, env, settings, signal: ac.signal, timeoutMs: 20_000, workspaces }),
  };
  const r = await goplsLogsProbe.run(ctx);
  return (r.findings ?? []).map((f) => FindingSchema.parse({ ...f, probeId: 'gopls-logs' }));
}

const about = (fs: Finding[], file: string) => fs.filter((f) => f.role !== 'symptom' && f.message.startsWith(`${file} `));

describe.skipIf(!GO)('"no package metadata for file" on this machine (real go)', () => {
  beforeAll(() => {
    mkdirSync(mod);
    writeFileSync(path.join(mod, 'go.mod'), 'module example.com/np\n\ngo 1.22\n');
    writeFileSync(path.join(mod, 'a.go'), 'package np\n\nfunc A() int { return 1 }\n');
    // Kept out of every build on purpose, and not package main: gopls does not load it on its own.
    writeFileSync(path.join(mod, 'gen.go'), '//go:build ignore\n\n// Notes in code, never built.\npackage np\n\nfunc Old() int { return A() }\n');
    writeFileSync(path.join(mod, 'winonly.go'), '//go:build windows\n\npackage np\n\nfunc Win() int { return A() }\n');
    mkdirSync(loose);
    writeFileSync(path.join(loose, 'script.go'), 'package main\n\nfunc main() {}\n');
    mkdirSync(path.join(work, 'a'), { recursive: true });
    mkdirSync(path.join(work, 'b'));
    writeFileSync(path.join(work, 'go.work'), 'go 1.22\n\nuse ./a\n');
    writeFileSync(path.join(work, 'a', 'go.mod'), 'module example.com/a\n\ngo 1.22\n');
    writeFileSync(path.join(work, 'a', 'a.go'), 'package a\n');
    writeFileSync(path.join(work, 'b', 'go.mod'), 'module example.com/b\n\ngo 1.22\n');
    writeFileSync(path.join(work, 'b', 'b.go'), 'package b\n');
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('files go list ignores: the constraint line named as the reason, beside the log line and go list\'s IgnoredGoFiles', async () => {
    const fs = await diagnose(logOf('constraints.log', [path.join(mod, 'gen.go'), path.join(mod, 'winonly.go')]), [mod]);
    // gopls's line, a symptom, is still there.
    expect(fs.find((f) => f.role === 'symptom')).toMatchObject({ classId: 'module-resolution', symptom: 'no-build' });

    const [gen] = about(fs, path.join(mod, 'gen.go'));
    expect(gen).toMatchObject({ classId: 'module-resolution', severity: 'warning' });
    expect(gen!.message).toContain('is in no package gopls loads: its constraint `//go:build ignore` keeps it out of every build on purpose, and gopls loads such a file on its own only when it is package main');
    // No tag to add: -tags=ignore would pull every such file into the package.
    expect(gen!.fixes).toEqual([]);
    expect(gen!.evidence.map((e) => e.excerpt)).toEqual(expect.arrayContaining([expect.stringContaining('no package metadata for file'), '"IgnoredGoFiles": ["gen.go","winonly.go"]', '//go:build ignore']));
    expect(gen!.evidence.find((e) => e.excerpt.startsWith('"IgnoredGoFiles"'))!.source).toMatch(/go list -e -find .* \(in .*\/mod\)$/);

    const [win] = about(fs, path.join(mod, 'winonly.go'));
    expect(win!.message).toContain('its constraint `go:build windows` is false for GOOS=linux');
    // The build that includes it: GOOS=windows for gopls (the build-constraints probe's fix).
    expect(win!.fixes).toEqual([expect.objectContaining({ id: 'gopls-build-env', kind: 'setting', value: { 'build.env': { GOOS: 'windows' } } })]);
  });

  it('a file with no go.mod above it, and a module the go.work does not use', async () => {
    const fs = await diagnose(logOf('modules.log', [path.join(loose, 'script.go'), path.join(work, 'b', 'b.go')]), [tmp]);
    const [script] = about(fs, path.join(loose, 'script.go'));
    expect(script).toMatchObject({ classId: 'module-resolution', severity: 'warning' });
    expect(script!.message).toContain('there is no go.mod in its folder or any folder above it');
    expect(script!.fixes[0]).toMatchObject({ id: 'go-mod-init', kind: 'terminal' });

    const [b] = about(fs, path.join(work, 'b', 'b.go'));
    expect(b!.message).toContain(`its module (${path.join(work, 'b', 'go.mod')}) is not in the use list of the go.work in effect (${path.join(work, 'go.work')})`);
    expect(b!.fixes[0]).toMatchObject({ id: 'go-work-use-module', text: 'go work use ./b', cwd: work });
  });

  it("a package in a folder the user's gopls directoryFilters leave out: the filter and where it was set", async () => {
    mkdirSync(path.join(mod, 'gen'), { recursive: true });
    writeFileSync(path.join(mod, 'gen', 'tables.go'), 'package gen\n');
    const settings = { editorSettings: [{ source: path.join(mod, '.vscode', 'settings.json'), values: { gopls: { 'build.directoryFilters': ['-gen'] } } }] };
    const fs = await diagnose(logOf('filters.log', [path.join(mod, 'gen', 'tables.go')]), [mod], settings);
    const [f] = about(fs, path.join(mod, 'gen', 'tables.go'));
    expect(f).toMatchObject({ classId: 'module-resolution', severity: 'warning' });
    expect(f!.message).toContain("gopls's directoryFilters leave its folder out (`-gen`)");
    expect(f!.evidence[1]).toEqual({ source: path.join(mod, '.vscode', 'settings.json'), excerpt: '"directoryFilters" entry "-gen" matches gen' });
  });

  it('the same filter set in the workspace\'s .vscode/settings.json (the CLI, no live editor settings): read from the file', async () => {
    mkdirSync(path.join(mod, 'gen'), { recursive: true });
    writeFileSync(path.join(mod, 'gen', 'tables.go'), 'package gen\n');
    const file = path.join(mod, '.vscode', 'settings.json');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '{\n  // generated code stays out of gopls\n  "gopls": { "build.directoryFilters": ["-gen"] }\n}\n');
    try {
      const fs = await diagnose(logOf('filters-file.log', [path.join(mod, 'gen', 'tables.go')]), [mod]);
      const [f] = about(fs, path.join(mod, 'gen', 'tables.go'));
      expect(f!.message).toContain("gopls's directoryFilters leave its folder out (`-gen`)");
      expect(f!.evidence[1]).toEqual({ source: file, excerpt: '"directoryFilters" entry "-gen" matches gen' });
    } finally {
      rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  it('a file that is in its package now: an info, no warning', async () => {
    const fs = await diagnose(logOf('fine.log', [path.join(mod, 'a.go')]), [mod]);
    const [a] = about(fs, path.join(mod, 'a.go'));
    expect(a).toBeUndefined();
    const info = fs.find((f) => f.message.includes(path.join(mod, 'a.go')) && f.role !== 'symptom');
    expect(info).toMatchObject({ severity: 'info' });
    expect(info!.message).toContain('go list puts it in package example.com/np now');
    // The log's own symptom goes down to information too: a persisted channel keeps replies that
    // came while a file was being created, and nothing here is wrong now.
    expect(fs.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(fs.find((f) => f.role === 'symptom')!.message).toContain('Every file it named is in a package here now');
  });

  it("with a package driver in gopls's build.env, go list's answer is no comfort: the log's warning stays", async () => {
    const driver = path.join(tmp, 'driver.sh');
    writeFileSync(driver, '#!/bin/sh\necho not json\n', { mode: 0o755 });
    const fs = await diagnose(logOf('driver.log', [path.join(mod, 'a.go')]), [mod], { goplsSettings: { 'build.env': { GOPACKAGESDRIVER: driver } } });
    expect(fs.some((f) => f.message.includes('go list puts it in package'))).toBe(false);
    expect(fs.find((f) => f.role === 'symptom')).toMatchObject({ severity: 'warning' });
  });

  it('one file fine and one left out: the symptom stays a warning', async () => {
    const fs = await diagnose(logOf('mixed.log', [path.join(mod, 'a.go'), path.join(mod, 'gen.go')]), [mod]);
    expect(fs.find((f) => f.role === 'symptom')).toMatchObject({ classId: 'module-resolution', severity: 'warning' });
  });
});

/**
 * A real gopls (-rpc.trace -logfile, as go.languageServerFlags would set) with the user's
 * directoryFilters, asked for hover on three files it has no package for: one under a filtered
 * folder, a `//go:build ignore` file of the package (not main: not standalone), and, not opened,
 * a `//go:build windows` one. Its own log is what the doctor reads.
 */
async function goplsLog(ws: string, config: Record<string, unknown>, open: string[], unopened: string[], logfile: string): Promise<string[]> {
  const child = spawn(GOPLS, ['-rpc.trace', '-logfile', logfile], { cwd: ws, stdio: ['pipe', 'pipe', 'ignore'], env });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => config));
  conn.onRequest(() => null);
  conn.onNotification(() => undefined);
  conn.listen();
  const errors: string[] = [];
  try {
    const uri = pathToFileURL(ws).href;
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'ws' }], capabilities: { workspace: { configuration: true, workspaceFolders: true } } });
    await conn.sendNotification('initialized', {});
    for (const f of [...open, ...unopened]) {
      const u = pathToFileURL(f).href;
      if (open.includes(f)) await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'go', version: 1, text: readFileSync(f, 'utf8') } });
      await conn.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: { line: 0, character: 0 } }).catch((e: Error) => errors.push(e.message));
    }
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
  } finally {
    conn.dispose();
    child.kill();
  }
  return errors;
}

describe.skipIf(!GO || !existsSync(GOPLS))('gopls v0.23.0 says "no package metadata" in its own log, and the doctor says why (real gopls)', () => {
  const ws = path.join(tmp, 'real');
  beforeAll(() => {
    mkdirSync(path.join(ws, 'gen'), { recursive: true });
    writeFileSync(path.join(ws, 'go.mod'), 'module example.com/real\n\ngo 1.22\n');
    writeFileSync(path.join(ws, 'a.go'), 'package real\n\nfunc A() int { return 1 }\n');
    writeFileSync(path.join(ws, 'gen', 'tables.go'), 'package gen\n\nfunc G() int { return 1 }\n');
    writeFileSync(path.join(ws, 'old.go'), '//go:build ignore\n\npackage real\n\nfunc Old() int { return A() }\n');
    writeFileSync(path.join(ws, 'win.go'), '//go:build windows\n\npackage real\n\nfunc Win() int { return A() }\n');
  });

  it('a filtered folder, an ignore file, an unopened windows file: each named with its reason', async () => {
    const log = path.join(tmp, 'real-gopls.log');
    const filters = { directoryFilters: ['-gen'] };
    const said = await goplsLog(ws, filters, [path.join(ws, 'gen', 'tables.go'), path.join(ws, 'old.go')], [path.join(ws, 'win.go')], log);
    expect(said).toEqual(['gen/tables.go', 'old.go', 'win.go'].map((f) => `no package metadata for file ${pathToFileURL(path.join(ws, f)).href}`));

    const settings = { editorSettings: [{ source: path.join(ws, '.vscode', 'settings.json'), values: { gopls: filters } }] };
    const fs = await diagnose(log, [ws], settings);
    expect(fs.find((f) => f.role === 'symptom' && f.classId === 'module-resolution')).toMatchObject({ symptom: 'no-build', severity: 'warning' });
    expect(about(fs, path.join(ws, 'gen', 'tables.go'))[0]!.message).toContain("gopls's directoryFilters leave its folder out (`-gen`)");
    expect(about(fs, path.join(ws, 'old.go'))[0]!.message).toContain('its constraint `//go:build ignore` keeps it out of every build on purpose');
    const win = about(fs, path.join(ws, 'win.go'))[0]!;
    expect(win.message).toContain('its constraint `go:build windows` is false for GOOS=linux');
    expect(win.message).toContain('a request on it while it is not open gets no package');
  });
});
