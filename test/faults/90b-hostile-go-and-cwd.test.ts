// The CLI as a CI job or a devcontainer runs it, under conditions that break the tools around it
// (an outside tester's lane): a `go` on PATH that hangs, or prints garbage; a working directory
// removed under the shell. Each run gets a report (or, when nothing can be diagnosed, one clear
// line and exit 3), its exit status as TAXONOMY.md says, no claim of health it did not check, and
// no process of its own left behind.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, GOPLS_DIR, NODE, pidsWithMarker, removeTree, runCmd, runDoctorCli, sleep, summarize, tempDir, userEnv, writeSmallModule } from './lib/harness.js';

async function noSurvivors(marker: string): Promise<number[]> {
  let left = pidsWithMarker(marker);
  for (let i = 0; i < 20 && left.length; i++) {
    await sleep(100);
    left = pidsWithMarker(marker);
  }
  for (const pid of left) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  return left;
}

/** A directory of stand-ins named `go`, first on PATH, with the real gopls after them. */
function goStandin(dir: string, script: string): NodeJS.ProcessEnv {
  const bin = path.join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(path.join(bin, 'go'), script);
  chmodSync(path.join(bin, 'go'), 0o755);
  return userEnv({ PATH: `${bin}:${GOPLS_DIR}:/usr/bin:/bin` });
}

describe('a go on PATH that never answers', () => {
  // Two deadlines: the words and the exit status do not depend on how long the run was given.
  for (const timeoutMs of [3000, 4500]) {
    it(`--timeout-ms ${timeoutMs}: exit 0 as the contract says, but no claim of health; the timeouts name the go`, async () => {
      const dir = tempDir(`hang-go-${timeoutMs}`);
      const marker = path.basename(dir);
      // Ignores SIGTERM, as a wedged wrapper may; the marker is in the sleep's command line.
      const env = goStandin(dir, `#!/bin/sh\ntrap '' TERM\nsleep 600 # ${marker}\n`);
      const ws = writeSmallModule(path.join(dir, 'ws'));
      try {
        const json = await runDoctorCli({ workspaces: [ws], env, cwd: ws, timeoutMs });
        console.log(`[hang-go ${timeoutMs}] ${Math.round(json.wallMs)} ms; ${summarize(json)}`);
        expect(json.report, summarize(json)).toBeDefined();
        const rep = json.report as unknown as { incomplete: boolean; causes: { severity: string }[]; probes: { id: string; status: string; reason?: string }[] };
        expect(rep.incomplete).toBe(true);
        const timedOut = rep.probes.filter((p) => p.status === 'timeout');
        expect(timedOut.length).toBeGreaterThan(0);
        // Each says what it was waiting for: the go that hung.
        for (const p of timedOut) expect(p.reason, p.id).toContain(`${path.join(dir, 'bin', 'go')} `);
        // Exit status as TAXONOMY.md: 0 when no cause is a warning or an error.
        expect(json.code).toBe(rep.causes.some((c) => c.severity === 'error') ? 2 : rep.causes.some((c) => c.severity === 'warning') ? 1 : 0);
        expect(await noSurvivors(marker)).toEqual([]);

        for (const format of ['text', 'markdown'] as const) {
          const r = await runDoctorCli({ workspaces: [ws], env, cwd: ws, timeoutMs, format, extra: format === 'text' ? ['--no-color'] : [] });
          expect(r.code).toBe(json.code);
          expect(r.stdout, format).not.toContain('should work here');
          expect(r.stdout.split('\n').find((l) => l.includes('no problems found')) ?? '', format).not.toMatch(/no problems found in /);
          // Printed while a follow-up runs, the text says "so far" and gives the final verdict after it.
          if (!rep.causes.length) expect(r.stdout, format).toContain(format === 'markdown' ? 'no clean bill of health' : 'probes did not finish');
          expect(await noSurvivors(marker)).toEqual([]);
        }
      } finally {
        await noSurvivors(marker);
        removeTree(dir);
      }
    });
  }
});

describe('a go on PATH that prints garbage', () => {
  for (const bytes of [200, 3000]) {
    it(`${bytes} bytes of binary for every command: reported, never quoted as a Go version`, async () => {
      const dir = tempDir(`garbage-go-${bytes}`);
      const ws = writeSmallModule(path.join(dir, 'ws'));
      const env = goStandin(dir, `#!/bin/sh\nhead -c ${bytes} /dev/urandom\nprintf '\\033]0;title\\007GOROOT=/nope\\n'\nexit 0\n`);
      try {
        const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
        console.log(`[garbage-go ${bytes}] ${summarize(run)}`);
        expect(run.report, summarize(run)).toBeDefined();
        expect(run.code).toBe(2);
        const messages = run.report!.causes.flatMap((c) => c.findings.map((f) => f.message));
        // The broken go is named; what it printed is not passed off as its release.
        expect(messages.join('\n')).toContain(path.join(dir, 'bin', 'go'));
        expect(messages.filter((m) => /^The editor runs /.test(m))).toEqual([]);
        for (const m of messages) expect(m.length, m.slice(0, 200)).toBeLessThan(2000);
      } finally {
        removeTree(dir);
      }
    });
  }
});

describe('a working directory removed under the shell', () => {
  // A constant script: enters $1, removes it, then runs the CLI with the rest; data stays arguments.
  const GONE = 'cd "$1" && rmdir "$1" && shift && exec "$@"';
  const cases = [
    { name: 'no --workspace', args: [] as string[], exit3: /no default workspace/ },
    { name: 'a relative --workspace', args: ['--workspace', 'ws'], exit3: /relative path "ws" cannot be resolved/ },
    { name: 'a relative --gopls-log', args: ['--gopls-log', 'gopls.log'], exit3: /relative path "gopls.log" cannot be resolved/ },
  ];
  for (const c of cases)
    it(`${c.name}: exit 3 with one clear line, no stack trace`, async () => {
      const dir = tempDir('cwd-gone');
      const gone = path.join(dir, 'gone');
      mkdirSync(gone);
      try {
        const r = await runCmd('/bin/sh', ['-c', GONE, 'sh', gone, NODE, CLI, 'diagnose', '--json', ...c.args], { env: userEnv(), killAfterMs: 60_000 });
        expect(r.code, r.stderr).toBe(3);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(c.exit3);
        expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
      } finally {
        removeTree(dir);
      }
    });

  it('an absolute --workspace: diagnosed as from anywhere, no probe crashed, no spawn failed for it', async () => {
    const dir = tempDir('cwd-gone-abs');
    const gone = path.join(dir, 'gone');
    mkdirSync(gone);
    const ws = writeSmallModule(path.join(dir, 'ws'));
    try {
      const r = await runCmd('/bin/sh', ['-c', GONE, 'sh', gone, NODE, CLI, 'diagnose', '--json', '--workspace', ws], { env: userEnv(), killAfterMs: 60_000 });
      const rep = JSON.parse(r.stdout) as { causes: { id: string; severity: string; findings: { message: string }[] }[]; probes: { id: string; status: string; reason?: string }[] };
      const odd = rep.probes.filter((p) => p.status === 'crashed' || /ENOENT|uv_cwd/.test(p.reason ?? ''));
      expect(odd, JSON.stringify(odd)).toEqual([]);
      expect(rep.causes.filter((c) => c.severity === 'error'), JSON.stringify(rep.causes.map((c) => c.findings[0]?.message))).toEqual([]);
      expect(r.code).toBeLessThan(2);
    } finally {
      removeTree(dir);
    }
  });
});

// A CI job redirecting the report to a full disk: before, a stack trace and exit 1 ("warnings only").
describe('stdout that cannot be written', () => {
  for (const format of ['json', 'markdown', 'text'] as const)
    it(`--${format} to /dev/full: exit 3 and one line on stderr`, async () => {
      const dir = tempDir(`full-${format}`);
      const ws = writeSmallModule(path.join(dir, 'ws'));
      try {
        // A constant script: stdout goes to /dev/full, the CLI and its arguments stay arguments.
        const args = ['diagnose', '--workspace', ws, ...(format === 'text' ? ['--no-color'] : [`--${format}`])];
        const r = await runCmd('/bin/sh', ['-c', 'exec "$@" >/dev/full', 'sh', NODE, CLI, ...args], { env: userEnv(), killAfterMs: 60_000 });
        expect(r.code, r.stderr).toBe(3);
        expect(r.stderr).toMatch(/^go-env-doctor: the report could not be written to stdout: ENOSPC/m);
        expect(r.stderr).not.toMatch(/\n\s+at /);
      } finally {
        removeTree(dir);
      }
    });
  // The report was written: a stderr that fails loses only notes, and the diagnosis's status stands.
  it('--json with stderr to /dev/full: the report on stdout and the diagnosis\'s own exit status', async () => {
    const dir = tempDir('full-stderr');
    const ws = writeSmallModule(path.join(dir, 'ws'));
    // Workspace go.toolsEnvVars make the CLI write a note to stderr (they are applied only in a trusted window).
    mkdirSync(path.join(ws, '.vscode'), { recursive: true });
    writeFileSync(path.join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'go.toolsEnvVars': { GOFLAGS: '-tags=foo' } }));
    try {
      const args = ['diagnose', '--workspace', ws, '--json'];
      const r = await runCmd('/bin/sh', ['-c', 'exec "$@" 2>/dev/full', 'sh', NODE, CLI, ...args], { env: userEnv(), killAfterMs: 60_000 });
      const report = JSON.parse(r.stdout) as { causes: Array<{ severity: string }> };
      const want = report.causes.some((c) => c.severity === 'error') ? 2 : report.causes.some((c) => c.severity === 'warning') ? 1 : 0;
      expect(r.code).toBe(want);
    } finally {
      removeTree(dir);
    }
  });
});
