import { describe, expect, it } from 'vitest';
import path from 'node:path';
import os from 'node:os';
import { chownSync, mkdtempSync, rmSync, writeFileSync, readFileSync, utimesSync } from 'node:fs';
import { capitalize, goplsLogsProbe } from '../../../src/probes/goplsLogs.js';
import { logfileFromFlags, orderEditorChannelFiles, discoverGoplsLogs } from '../../../src/goplsLog/discover.js';
import type { ProbeContext } from '../../../src/probes/probe.js';
import { Host } from '../../../src/host/host.js';
import { FindingSchema } from '../../../src/doctor/model.js';

const F = path.resolve('test/fixtures/logs');

function ctx(over: Partial<ProbeContext> = {}, budgetMs = 5000): ProbeContext {
  const end = performance.now() + budgetMs;
  return {
    host: new Host({ root: 'test/fixtures/hosts/none', pid: 1, uid: 1000 }),
    env: { TMPDIR: '/nonexistent-tmp' },
    workspaces: ['/tmp'],
    goplsLogs: [],
    settings: {},
    signal: new AbortController().signal,
    remainingMs: () => end - performance.now(),
    facts: undefined as never,
    ...over,
  };
}

describe('discovery', () => {
  it('-logfile in its spellings', () => {
    expect(logfileFromFlags(['-rpc.trace', '-logfile', '/x/g.log'])).toBe('/x/g.log');
    expect(logfileFromFlags(['-logfile=auto'])).toBe('auto');
    expect(logfileFromFlags(['--logfile=/y'])).toBe('/y');
    expect(logfileFromFlags(['-rpc.trace'])).toBeUndefined();
  });
  it('editor channel and its rolled copies, live file first', () => {
    expect(orderEditorChannelFiles(['gopls (server).log_2', 'Go.log', 'gopls (server).log', 'gopls (server).log_1'])).toEqual(['gopls (server).log', 'gopls (server).log_1', 'gopls (server).log_2']);
  });
  it('-logfile=auto is <TMPDIR>/gopls-<pid>.log, newest first', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'ged-auto-'));
    writeFileSync(path.join(tmp, 'gopls-111.log'), 'a');
    writeFileSync(path.join(tmp, 'gopls-222.log'), 'b');
    writeFileSync(path.join(tmp, 'other.log'), 'c');
    utimesSync(path.join(tmp, 'gopls-111.log'), 1000, 1000);
    const found = await discoverGoplsLogs({ explicit: [], goplsFlags: ['-logfile=auto'], env: { TMPDIR: tmp }, workspaces: [] });
    expect(found).toEqual([
      { path: path.join(tmp, 'gopls-222.log'), origin: 'logfile-auto' },
      { path: path.join(tmp, 'gopls-111.log'), origin: 'logfile-auto' },
    ]);
  });
  // Every gopls of this user with -logfile=auto writes beside the others, whichever folder it serves
  // (gopls v0.23 internal/cache/session.go logs "Created View (#N)" with directory=… for each view).
  it('-logfile=auto takes the logs written for a diagnosed folder (or naming none), not another window\'s, however new', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'ged-auto-folder-'));
    const view = (dir: string) => `[Info  - 10:00:00] 2026/12/06 10:00:00 Created View (#1)\n\tdirectory=${dir}\n\tview_type="GoMod"\n\troot_dir="file://${dir}"\n`;
    for (const [name, text, at] of [
      ['gopls-101.log', view('/src/other'), 5000],
      ['gopls-102.log', view('/src/mine/sub'), 4000],
      ['gopls-103.log', 'panic: no view lines at all\n', 3000],
      ['gopls-104.log', view('/src'), 2500],
      ['gopls-105.log', view('/src/mine'), 2000],
    ] as const) {
      writeFileSync(path.join(tmp, name), text);
      utimesSync(path.join(tmp, name), at, at);
    }
    const auto = (workspaces: string[], maxAuto = 5) => discoverGoplsLogs({ explicit: [], goplsFlags: ['-logfile=auto'], env: { TMPDIR: tmp }, workspaces, maxAuto }).then((f) => f.map((x) => path.basename(x.path)));
    // A view of a module below the workspace, a log naming no folder, a view whose folder holds the workspace.
    expect(await auto(['/src/mine'])).toEqual(['gopls-102.log', 'gopls-103.log', 'gopls-104.log', 'gopls-105.log']);
    expect(await auto(['/src/mine'], 2)).toEqual(['gopls-102.log', 'gopls-103.log']);
    expect(await auto(['/src/other'])).toEqual(['gopls-101.log', 'gopls-103.log', 'gopls-104.log']);
    // /src/mine-2 is not inside /src/mine.
    expect(await auto(['/src/mine-2'])).toEqual(['gopls-103.log', 'gopls-104.log']);
    expect(await auto([])).toHaveLength(5);
    rmSync(tmp, { recursive: true, force: true });
  });
  // A shared /tmp holds every user's auto logs, readable: the newest may be another user's gopls.
  it.skipIf(process.getuid?.() !== 0)("-logfile=auto takes this user's gopls-<pid>.log only, however new another user's is", async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'ged-auto-owner-'));
    for (const [name, owner, at] of [
      ['gopls-111.log', 0, 1000],
      ['gopls-222.log', 65534, 3000],
      ['gopls-333.log', 1000, 4000],
      ['gopls-444.log', 0, 2000],
    ] as const) {
      writeFileSync(path.join(tmp, name), 'x');
      chownSync(path.join(tmp, name), owner, owner);
      utimesSync(path.join(tmp, name), at, at);
    }
    const auto = (uid?: number) => discoverGoplsLogs({ explicit: [], goplsFlags: ['-logfile=auto'], env: { TMPDIR: tmp }, workspaces: [], maxAuto: 3, ...(uid !== undefined ? { uid } : {}) }).then((f) => f.map((x) => path.basename(x.path)));
    expect(await auto()).toEqual(['gopls-444.log', 'gopls-111.log']);
    expect(await auto(65534)).toEqual(['gopls-222.log']);
    expect(await auto(-1)).toEqual(['gopls-333.log', 'gopls-222.log', 'gopls-444.log']);
    rmSync(tmp, { recursive: true, force: true });
  });
});

describe('gopls-logs probe', () => {
  it('skips when there is no log', async () => {
    const r = await goplsLogsProbe.run(ctx());
    expect(r.status).toBe('skipped');
  });

  it('go missing trace: env-inheritance error explaining module-resolution, evidence with line numbers', async () => {
    const file = path.join(F, 'trace-go-missing.rpc.log');
    const r = await goplsLogsProbe.run(ctx({ goplsLogs: [file] }));
    const fs = r.findings!.map((f) => FindingSchema.parse(f));
    const go = fs.find((f) => f.classId === 'env-inheritance')!;
    expect(go.severity).toBe('error');
    expect(go.explains).toContain('module-resolution');
    expect(go.evidence[0]).toMatchObject({ source: file, line: 42 });
    const nv = fs.find((f) => f.classId === 'module-resolution')!;
    expect(nv.evidence[0]).toEqual({ source: file, line: 77, excerpt: '[Error - Received] 18:16:35.831 PM #1 no views' });
    expect((r.observed!.logs as Array<{ requests: number }>)[0]!.requests).toBe(6);
  });

  it('healthy trace: counts observed; the hover on a file outside the module is a module-resolution symptom; the broken import a warning', async () => {
    const r = await goplsLogsProbe.run(ctx({ goplsLogs: [path.join(F, 'trace-healthy.rpc.log'), path.join(F, 'trace-broken-import.rpc.log')] }));
    // The user's broken import (publishDiagnostics) is named with what settles it (go get, go mod
    // tidy): a missing require and a module go could not fetch read the same (a tester's GOPROXY=off
    // log got "no problems"). A warning and a symptom, never an error.
    expect(r.findings).toHaveLength(2);
    expect(r.findings![1]).toMatchObject({ classId: 'module-resolution', severity: 'warning', role: 'symptom', message: expect.stringContaining('no module in the build provides example.com/missing') });
    expect(r.findings![1]!.fixes!.map((f) => f.id)).toEqual(['go-get-unprovided-import', 'go-mod-tidy', 'go-env-module-fetch']);
    // "no package metadata for file" (gopls's NarrowestMetadataForFile): the file is in no package
    // gopls loaded. A symptom for a cause to explain, not an unnamed error line. The fixture host
    // is not this machine, so the file is not looked for here.
    expect(r.findings![0]).toMatchObject({ classId: 'module-resolution', severity: 'warning', role: 'symptom', symptom: 'no-build', evidence: [{ line: 89, excerpt: expect.stringContaining('no package metadata for file file:///tmp/gedlog/nope/missing.go') }] });
    expect(r.findings![0]!.unclassified).toBeUndefined();
    expect(r.status).toBeUndefined();
    expect(r.observed!.logs).toHaveLength(2);
  });

  it('finds the editor channel and its rolled copy through editorLogDir', async () => {
    const r = await goplsLogsProbe.run(ctx({ settings: { editorLogDir: path.join(F, 'editor') } }));
    const logs = r.observed!.logs as Array<{ path: string; origin: string }>;
    expect(logs.map((l) => [path.basename(l.path), l.origin])).toEqual([
      ['gopls (server).log', 'editor-channel'],
      ['gopls (server).log_1', 'editor-channel'],
    ]);
    const classes = r.findings!.map((f) => f.classId);
    expect(classes).toContain('gopls-launch'); // the SIGABRT dump
    expect(classes).toContain('env-inheritance'); // go missing in the rolled copy
  });

  it('stops at the deadline and says how far it got', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'ged-big-'));
    const big = path.join(tmp, 'big.log');
    // Bigger than one read chunk (64 KiB): real records repeated.
    writeFileSync(big, readFileSync(path.join(F, 'trace-healthy.rpc.log')).toString().repeat(250));
    const ac = new AbortController();
    ac.abort();
    const r = await goplsLogsProbe.run(ctx({ goplsLogs: [big], signal: ac.signal }, 5000));
    // Each of the 250 sessions was ended by the editor's shutdown and exit: restarts, not a
    // crash loop, so nothing worse than the partial read itself.
    expect(r.status).toBe('warn');
    expect(r.reason).toMatch(/big\.log: read 0\.1 of 3\.1 MB before the deadline/);
  });
});

describe('a log that says nothing is not a healthy one', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'ged-silent-'));
  const empty = path.join(tmp, 'gopls.log');
  const binary = path.join(tmp, 'random.bin');
  writeFileSync(empty, '');
  // Deterministic noise with newlines now and then, as a wrong file handed in would be.
  const noise = Buffer.alloc(64 * 1024);
  for (let i = 0, x = 7; i < noise.length; i++) noise[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  writeFileSync(binary, noise);
  it.each([
    ['an empty file', empty, /gopls\.log is empty: gopls wrote nothing to it/],
    ['random bytes', binary, /nothing in random\.bin \(\d+ lines\) reads like a gopls log or an LSP trace/],
  ])('%s: warn, and the reason says so', async (_, file, reason) => {
    const r = await goplsLogsProbe.run(ctx({ goplsLogs: [file] }));
    expect(r.status).toBe('warn');
    expect(r.reason).toMatch(reason);
  });
  it.each([
    ['a real healthy trace', path.join(F, 'trace-healthy.rpc.log')],
    ["a bug report's excerpt a rule reads (no gopls line in it)", path.join(F, 'public/gaia-117-inotify.txt')],
  ])('%s: no such note', async (_, file) => {
    const r = await goplsLogsProbe.run(ctx({ goplsLogs: [file] }));
    expect(r.reason ?? '').not.toMatch(/is empty|reads like a gopls log/);
  });
});

describe('a death the same log explains', () => {
  it('"crashed 5 times" and "connection closed" after an out-of-memory crash are that death, not a launch problem of their own', async () => {
    const r = await goplsLogsProbe.run(ctx({ goplsLogs: [path.join(F, 'editor-oom-then-stopped.log')] }));
    const fs = (r.findings ?? []).map((f) => FindingSchema.parse(f));
    expect(fs.filter((f) => f.classId === 'gopls-launch')).toEqual([]);
    const after = fs.filter((f) => /after gopls ran out of memory \(line \d+\)/.test(f.message));
    expect(after.length).toBeGreaterThanOrEqual(2);
    for (const f of after) {
      expect(f.classId).toBe('memory-limit');
      // Restarting gopls would run it out of memory again.
      expect(f.fixes.map((x) => x.id)).not.toContain('gopls-restart');
    }
  });
});

describe("go's inconsistent vendoring and its reasons are one finding", () => {
  it('the header and the reasons below it: one bullet, the reasons\'', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'ged-vendor-'));
    writeFileSync(path.join(tmp, 'go.log'), 'go: inconsistent vendoring in /w/app:\n\tgolang.org/x/text@v0.14.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt\n\n\tTo ignore the vendor directory, use -mod=readonly or -mod=mod.\n');
    const r = await goplsLogsProbe.run(ctx({ goplsLogs: [path.join(tmp, 'go.log')] }));
    const vendoring = (r.findings ?? []).filter((f) => /vendor/.test(f.message) && f.classId === 'module-resolution');
    expect(vendoring).toHaveLength(1);
    // Only "not marked as explicit": all go says without a vendor directory under -mod=vendor
    // (measured, go1.26.8), and also after go.mod gained a require (vendorAbsentFinding.ts).
    expect(vendoring[0]!.message).toContain('no vendor directory and -mod=vendor is given');
    expect(vendoring[0]!.message).toContain('go.mod gained requires without go mod vendor');
  });
  it('a vendor/modules.txt that names another version is there and stale: no missing vendor directory is told', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'ged-vendor-'));
    writeFileSync(path.join(tmp, 'go.log'), 'go: inconsistent vendoring in /w/app:\n\tgolang.org/x/text@v0.14.0: is explicitly required in go.mod, but vendor/modules.txt indicates golang.org/x/text@v0.13.0\n\n\tTo ignore the vendor directory, use -mod=readonly or -mod=mod.\n');
    const r = await goplsLogsProbe.run(ctx({ goplsLogs: [path.join(tmp, 'go.log')] }));
    const vendoring = (r.findings ?? []).filter((f) => /inconsistent vendoring/.test(f.message));
    expect(vendoring).toHaveLength(1);
    expect(vendoring[0]!.message).toContain('The vendor directory disagrees with go.mod');
    expect(vendoring[0]!.message).not.toContain('no vendor directory');
  });
});

describe('a line a rule names is not also one no rule names', () => {
  it('gopls dying under ulimit -v at start: an out-of-memory reading, and no "no rule names" entry for the same line', async () => {
    // The first lines of a real gopls v0.23.0 stderr under ulimit -v 300000 (a tester's).
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'ged-reserve-'));
    writeFileSync(path.join(tmp, 'stderr.log'), 'fatal error: failed to reserve page summary memory\n\nruntime stack:\nruntime.throw({0x1425975?, 0x20000000?})\n\t/usr/local/go/src/runtime/panic.go:1229 +0x48 fp=0x7ffffd11e1b0 sp=0x7ffffd11e180 pc=0x48f988\n');
    const r = await goplsLogsProbe.run(ctx({ goplsLogs: [path.join(tmp, 'stderr.log')] }));
    const fs = r.findings ?? [];
    expect(fs.some((f) => f.classId === 'memory-limit')).toBe(true);
    expect(fs.filter((f) => /no rule names/.test(f.message))).toEqual([]);
    // The words the log has, and what they mean: not "runtime: out of memory", which it never said.
    const oom = fs.find((f) => f.classId === 'memory-limit')!;
    expect(oom.message).not.toContain('"fatal error: runtime: out of memory"');
    expect(oom.message).toContain('virtual-memory limit (ulimit -v, RLIMIT_AS)');
    expect(oom.evidence.map((e) => e.excerpt).join('\n')).toContain('failed to reserve page summary memory');
  });
});

describe('fixes for a go or gopls that was not found', () => {
  it.each([
    ['gopls: go command required, not found: exec: "go": executable file not found in $PATH', 'install-go'],
    ['[Error - 10:00:00 AM] The "gopls" command is not available. Run "go install -v golang.org/x/tools/gopls@latest" to install.', 'gopls-install-command'],
  ])('%s → %s', async (line, id) => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'ged-notfound-'));
    writeFileSync(path.join(tmp, 'Go.log'), `${line}\n`);
    const r = await goplsLogsProbe.run(ctx({ goplsLogs: [path.join(tmp, 'Go.log')] }));
    expect((r.findings ?? []).flatMap((f) => f.fixes ?? []).map((f) => f.id)).toContain(id);
  });
});

describe('fixes from log evidence', () => {
  it('an inotify ENOSPC in a log offers the same persistent sysctl fix the inotify probe does', async () => {
    const out = await goplsLogsProbe.run(ctx({ goplsLogs: [path.join(F, 'public/gaia-117-inotify.txt')] }));
    const f = out.findings!.find((x) => x.classId === 'file-watch');
    const fix = f!.fixes!.find((x) => x.id === 'inotify-raise-watches');
    expect(fix).toMatchObject({ kind: 'terminal', needsRoot: true, text: expect.stringContaining('/etc/sysctl.d/60-inotify-watches.conf') });
  });
});

describe("a rule's sentence as a finding's message", () => {
  it.each([
    ['a file operation was refused', 'A file operation was refused'],
    ['memory ran out', 'Memory ran out'],
    // Programs and files keep the spelling their authors give them.
    ['gopls answered "no views"', 'gopls answered "no views"'],
    ['go could not reach a module proxy', 'go could not reach a module proxy'],
    ['git needed credentials', 'git needed credentials'],
    ['go.sum lacks a line', 'go.sum lacks a line'],
    ['inotify_add_watch failed with ENOSPC', 'inotify_add_watch failed with ENOSPC'],
    ['env(1) could not find the program', 'env(1) could not find the program'],
    ['go/packages.Load failed', 'go/packages.Load failed'],
  ])('%j → %j', (says, want) => {
    expect(capitalize(says)).toBe(want);
  });
});

describe("a -logfile the workspace's own settings name (Restricted Mode)", () => {
  it('is not opened for reading; the user\'s own, or a trusted workspace\'s, is', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ged-wsflag-'));
    const log = path.join(dir, 'gopls.log');
    writeFileSync(log, readFileSync(path.join(F, 'trace-go-missing.rpc.log'), 'utf8'));
    const flags = ['-logfile', log];
    const untrusted = await goplsLogsProbe.run(ctx({ settings: { goplsFlags: flags, goplsFlagsFromWorkspace: true, trustWorkspaceBinaries: false } }));
    expect(untrusted.status).toBe('skipped');
    expect(untrusted.findings ?? []).toEqual([]);
    for (const settings of [{ goplsFlags: flags }, { goplsFlags: flags, goplsFlagsFromWorkspace: true, trustWorkspaceBinaries: true }]) {
      const read = await goplsLogsProbe.run(ctx({ settings }));
      expect(read.status).not.toBe('skipped');
      expect((read.findings ?? []).length).toBeGreaterThan(0);
    }
  });
});
