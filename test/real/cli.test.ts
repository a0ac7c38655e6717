// The CLI contract of shared/TAXONOMY.md, through the real binary: flags, exit status, and the
// JSON/Markdown outputs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildOnce, cachedXMod, CLI, GO, GOPLS, ROOT } from './support.js';
import { CLASS_IDS } from '../../src/doctor/model.js';
import { goInstallDirs } from '../../src/facts/goInstallDirs.js';

if (!GO) console.error('\n!!! test/real/cli.test.ts: no `go` on PATH: the cases that need a real gopls are SKIPPED' + (process.env.CI ? ' and FAIL under CI=true' : '') + '\n');

function cli(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** TAXONOMY.md: 2 with an error cause, 1 with warnings only, else 0. */
function expectedExit(report: { causes: Array<{ severity: string }> }): number {
  if (report.causes.some((c) => c.severity === 'error')) return 2;
  if (report.causes.some((c) => c.severity === 'warning')) return 1;
  return 0;
}

let tmp: string;
let module_: string;
beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'cli-real-'));
  module_ = path.join(tmp, 'mod');
  mkdirSync(module_);
  writeFileSync(path.join(module_, 'go.mod'), 'module example.com/mod\n\ngo 1.22\n');
  writeFileSync(path.join(module_, 'main.go'), 'package main\n\nfunc main() {}\n');
  if (GO) execFileSync(process.execPath, [path.join(ROOT, 'test/setup/install-gopls.mjs')], { stdio: 'inherit' });
  await buildOnce();
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('CLI errors: exit 3 and a short message on stderr', () => {
  it.each([
    [['diagnose', '--frobnicate'], '--frobnicate'],
    [['diagnose', '--timeout-ms', 'soon'], '--timeout-ms'],
    [['diagnose', '--json', '--markdown'], '--markdown'],
    [['explode'], 'explode'],
  ])('%j', (args, mentions) => {
    const r = cli(args);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^go-env-doctor: /);
    expect(lines[0]).toContain(mentions);
    // The message, at most followed by the usage synopsis: never a stack trace.
    expect(lines).toHaveLength(1); // the contract: one line, no usage dump, no stack
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('an absent --gopls-log', () => {
    const r = cli(['diagnose', '--json', '--workspace', module_, '--gopls-log', path.join(tmp, 'absent.log')]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')[0]).toMatch(/^go-env-doctor: cannot read --gopls-log .*absent\.log.*ENOENT/);
  });

  // A tester's --file nope.go was "no problems found", exit 0, the check skipped in a probe line.
  it('an absent --file', () => {
    const r = cli(['diagnose', '--json', '--workspace', module_, '--file', path.join(tmp, 'nope.go')]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')[0]).toMatch(/^go-env-doctor: --file .*nope\.go.* is not a file \(ENOENT\)/);
  });

  it('a directory given as --gopls-log', () => {
    const r = cli(['diagnose', '--gopls-log', tmp]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('--gopls-log');
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable --gopls-log (mode 000)', () => {
    const log = path.join(tmp, 'secret.log');
    writeFileSync(log, 'x');
    chmodSync(log, 0);
    const r = cli(['diagnose', '--gopls-log', log]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('EACCES');
  });

  it('a --workspace that is not a directory', () => {
    const r = cli(['diagnose', '--workspace', path.join(tmp, 'nope')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('--workspace');
  });
});

describe.skipIf(!GO)('CLI outputs and exit status', () => {
  it('--json prints one JSON document and nothing else, with the TAXONOMY fields', () => {
    const r = cli(['diagnose', '--json', '--workspace', module_, '--gopls', GOPLS, '--timeout-ms', '30000']);
    const report = JSON.parse(r.stdout);
    expect(r.stdout.trim().startsWith('{')).toBe(true);
    expect(report.schemaVersion).toBe(1);
    expect(Array.isArray(report.causes)).toBe(true);
    expect(Array.isArray(report.probes)).toBe(true);
    expect(report.probes.map((p: { id: string }) => p.id)).toContain('gopls');
    for (const p of report.probes) {
      expect(typeof p.id).toBe('string');
      expect(['ok', 'warn', 'fail', 'skipped', 'timeout', 'crashed']).toContain(p.status);
      expect(typeof p.durationMs).toBe('number');
    }
    for (const c of report.causes) {
      expect(CLASS_IDS).toContain(c.id);
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(1);
      expect(['info', 'warning', 'error']).toContain(c.severity);
      expect(typeof c.title).toBe('string');
      expect(c.findings.length).toBeGreaterThan(0);
      for (const f of c.findings) {
        expect(typeof f.message).toBe('string');
        expect(f.evidence.length).toBeGreaterThan(0);
        for (const e of f.evidence) expect(e.source && typeof e.excerpt === 'string').toBeTruthy();
      }
      for (const fix of c.fixes) expect(typeof fix.id === 'string' && typeof fix.title === 'string' && typeof fix.kind === 'string').toBe(true);
    }
    const scores = report.causes.map((c: { score: number }) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(r.code).toBe(expectedExit(report));
  });

  it('--markdown prints a Markdown report', () => {
    const r = cli(['diagnose', '--markdown', '--workspace', module_, '--gopls', GOPLS, '--timeout-ms', '30000']);
    expect(r.stdout.startsWith('## Go Environment Doctor report')).toBe(true);
    expect(r.stdout).toContain(`\`${module_}\``);
    expect(() => JSON.parse(r.stdout)).toThrow();
    expect([0, 1]).toContain(r.code);
  });

  it('exit 2 when a cause is an error (a gopls that does not exist)', () => {
    const r = cli(['diagnose', '--json', '--workspace', module_, '--gopls', path.join(tmp, 'no-gopls-here'), '--timeout-ms', '10000']);
    const report = JSON.parse(r.stdout);
    expect(report.causes[0].id).toBe('gopls-launch');
    expect(report.causes[0].severity).toBe('error');
    expect(r.code).toBe(2);
  });

  /** The CLI and the module where another uid can read them (a CI clone may sit in a 0700 directory). */
  const reachableCopy = (prefix: string): string => {
    const reach = mkdtempSync(path.join(os.tmpdir(), prefix));
    chmodSync(reach, 0o755);
    execFileSync('cp', ['-r', path.join(ROOT, 'dist'), path.join(reach, 'dist')]);
    execFileSync('cp', ['-r', module_, path.join(reach, 'mod')]);
    execFileSync('chmod', ['-R', 'a+rX', reach]);
    return reach;
  };
  /** diagnose --json of that copy as `uid`, with only go on a minimal PATH and no HOME. */
  const diagnoseAs = (uid: number, reach: string) =>
    spawnSync('setpriv', ['--reuid', String(uid), '--regid', String(uid), '--clear-groups', process.execPath, path.join(reach, 'dist', 'cli.js'), 'diagnose', '--json', '--workspace', path.join(reach, 'mod'), '--timeout-ms', '20000'], {
      env: { PATH: `${path.dirname(GO!)}:/usr/bin:/bin` },
      cwd: '/',
      encoding: 'utf8',
      timeout: 120_000,
    });

  // A container run with --user 1234 on an image without that user, and no HOME: os.homedir()
  // throws (uv_os_homedir ENOENT), and the CLI died with "internal error" (exit 3) before any probe.
  it.runIf(process.getuid?.() === 0)('a uid with no passwd entry and no HOME: a report naming the missing HOME, not an internal error', () => {
    // Two suites at once on one machine (a developer's run beside a helper's) shared one uid, and
    // one's cleanup of /tmp/go-<uid> removed the other's build cache mid-build: a uid of this
    // process's own, still one with no passwd entry.
    const uid = 54321 + (process.pid % 10000);
    expect(spawnSync('getent', ['passwd', String(uid)]).status, `uid ${uid} must have no passwd entry`).not.toBe(0);
    const reach = reachableCopy('cli-nouser-');
    try {
      const r = diagnoseAs(uid, reach);
      expect(r.stderr).not.toContain('internal error');
      const report = JSON.parse(r.stdout);
      expect(r.status).toBe(expectedExit(report));
      expect(report.causes[0]).toMatchObject({ id: 'env-inheritance', severity: 'error' });
      expect(JSON.stringify(report.causes[0].findings)).toContain('HOME is unset');
      // gopls is not installed for that uid either, and go install could not help before go works.
      const noGopls = report.causes.flatMap((c: { findings: { message: string }[] }) => c.findings).find((f: { message: string }) => f.message.startsWith('gopls was not found'));
      expect(noGopls.message).toMatch(/\(3 PATH directories looked in\); go env fails here, so GOBIN, GOPATH and GOROOT are unknown/);
      // With no home to point at, the fix names a directory of this uid's own, and it works: go
      // builds with the values it sets.
      const fix = report.causes[0].fixes.find((f: { id: string }) => f.id === 'toolsenv-gocache-gopath');
      expect(fix).toMatchObject({ kind: 'setting', key: 'go.toolsEnvVars', value: { GOCACHE: `/tmp/go-${uid}/go-build`, GOPATH: `/tmp/go-${uid}/go` } });
      expect(fix.detail).toContain(`no home directory for uid ${uid} (no passwd entry)`);
      const build = spawnSync('setpriv', ['--reuid', String(uid), '--regid', String(uid), '--clear-groups', GO!, 'build', '-o', '/dev/null', '.'], {
        env: { PATH: `${path.dirname(GO!)}:/usr/bin:/bin`, GOTOOLCHAIN: 'local', ...fix.value },
        cwd: path.join(reach, 'mod'),
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(build.status, build.stderr).toBe(0);
    } finally {
      rmSync(reach, { recursive: true, force: true });
      rmSync(`/tmp/go-${uid}`, { recursive: true, force: true });
    }
  });

  // A tester's `useradd -M` user with HOME unset: the fix put GOCACHE under its passwd home, which
  // does not exist and cannot be made ("mkdir /home/x: permission denied"). nobody's passwd home is
  // /nonexistent here: the fix must name a directory that user can have, and it must work.
  it.runIf(process.getuid?.() === 0 && spawnSync('getent', ['passwd', 'nobody']).stdout?.toString().split(':')[5] === '/nonexistent')('a user whose passwd home does not exist, with no HOME: the build cache and GOPATH go where that user can write', () => {
    const uid = 65534;
    const reach = reachableCopy('cli-nohome-');
    try {
      const r = diagnoseAs(uid, reach);
      const report = JSON.parse(r.stdout);
      const fixes = report.causes.flatMap((c: { fixes: Array<{ id: string; value?: Record<string, string>; detail?: string }> }) => c.fixes);
      // No fix writes or runs anything there (its detail may say the home is missing).
      expect(JSON.stringify(fixes.map((f: { value?: unknown; text?: string }) => [f.value, f.text]))).not.toContain('/nonexistent');
      const fix = fixes.find((f: { id: string }) => f.id === 'toolsenv-gocache-gopath');
      expect(fix?.value).toEqual({ GOCACHE: `/tmp/go-${uid}/go-build`, GOPATH: `/tmp/go-${uid}/go` });
      // nobody has a passwd entry; what it lacks is the home that entry names (a tester read "no
      // passwd entry" here, which getent disproves).
      expect(fix.detail).toContain('its passwd home /nonexistent does not exist');
      expect(fix.detail).not.toContain('no passwd entry');
    } finally {
      rmSync(reach, { recursive: true, force: true });
      rmSync(`/tmp/go-${uid}`, { recursive: true, force: true });
    }
  });

  // A tester's XDG_CACHE_HOME at a root-owned 0755 directory, run as another uid with GOCACHE
  // unset: go's build cache and gopls's go there. The report named GOCACHE, never XDG_CACHE_HOME,
  // and offered a link; its command must be one that makes go build work.
  it.runIf(process.getuid?.() === 0)('XDG_CACHE_HOME the user cannot write: named as the culprit, with a go env -w GOCACHE command that works', () => {
    const uid = 4242;
    const reach = reachableCopy('cli-xdg-');
    const home = path.join(reach, 'home');
    const xdg = path.join(reach, 'rootxdg');
    try {
      mkdirSync(home);
      mkdirSync(xdg, { mode: 0o755 });
      execFileSync('chown', ['-R', `${uid}:${uid}`, home, path.join(reach, 'mod')]);
      const as = (argv: string[], cwd: string) =>
        spawnSync('setpriv', ['--reuid', String(uid), '--regid', String(uid), '--clear-groups', ...argv], {
          env: { HOME: home, XDG_CACHE_HOME: xdg, PATH: `${path.dirname(GO!)}:/usr/bin:/bin`, GOTOOLCHAIN: 'local' },
          cwd,
          encoding: 'utf8',
          timeout: 120_000,
        });
      const r = as([process.execPath, path.join(reach, 'dist', 'cli.js'), 'diagnose', '--json', '--no-cache', '--workspace', path.join(reach, 'mod'), '--timeout-ms', '20000'], '/');
      const report = JSON.parse(r.stdout);
      const cause = report.causes.find((c: { id: string }) => c.id === 'fs-access');
      const gocache = cause.findings.find((f: { message: string }) => f.message.startsWith(`GOCACHE ${xdg}/go-build`));
      expect(gocache.message).toContain(`GOCACHE is not set, so go uses its default under XDG_CACHE_HOME=${xdg}`);
      expect(gocache.evidence).toContainEqual({ source: 'environment', excerpt: `XDG_CACHE_HOME=${xdg}\nGOCACHE is unset` });
      const fix = cause.fixes.find((f: { id: string }) => f.id === 'gocache-go-env-w');
      expect(fix).toMatchObject({ kind: 'terminal', needsRoot: false });
      expect(cause.fixes.some((f: { id: string }) => f.id === 'xdg-cache-home-to-profile')).toBe(true);
      expect(cause.fixes.some((f: { id: string }) => f.id === 'fs-access-set-gocache')).toBe(false);
      expect(as([GO!, 'build', '-o', '/dev/null', '.'], path.join(reach, 'mod')).status).not.toBe(0);
      // The command as the user would type it, then the build the report said fails.
      const typed = as(['sh', '-c', fix.text.replace(/\bgo env -w/, `${GO} env -w`)], home);
      expect(typed.status, typed.stderr).toBe(0);
      const build = as([GO!, 'build', '-o', '/dev/null', '.'], path.join(reach, 'mod'));
      expect(build.status, build.stderr).toBe(0);
    } finally {
      rmSync(reach, { recursive: true, force: true });
    }
  });

  // TMPDIR naming a directory that does not exist: go env, go list and so gopls's load all fail.
  // gopls then says "No packages found for open file", which the report took for build tags.
  it('TMPDIR that does not exist: named as TMPDIR first, and gopls\'s empty load is a symptom, not build tags', () => {
    const gone = path.join(tmp, 'no-such-tmp');
    const main = path.join(module_, readdirSync(module_).find((n) => n.endsWith('.go'))!);
    const r = cli(['diagnose', '--json', '--workspace', module_, '--file', main, '--gopls', GOPLS, '--timeout-ms', '30000'], { ...process.env, TMPDIR: gone, GOTMPDIR: '' });
    const report = JSON.parse(r.stdout);
    expect(report.causes[0]).toMatchObject({ id: 'fs-access', severity: 'error' });
    const all = report.causes.flatMap((c: { findings: Array<{ message: string; role?: string; probeId?: string }> }) => c.findings);
    expect(all.some((f: { message: string }) => f.message.startsWith(`TMPDIR ${gone} does not exist`))).toBe(true);
    expect(all.some((f: { message: string }) => f.message.includes('build tags or GOOS/GOARCH exclude it'))).toBe(false);
    for (const f of all.filter((x: { message: string }) => x.message.includes('No packages found for open file'))) expect(f.role).toBe('symptom');
  });

  it('a reader that is gone before the report is written (`| true`): no stack trace, and the exit status is the diagnosis\'s', () => {
    const json = JSON.parse(cli(['diagnose', '--json', '--workspace', module_, '--gopls', GOPLS, '--timeout-ms', '30000']).stdout);
    const r = spawnSync('bash', ['-c', '"$0" "$1" diagnose --workspace "$2" --gopls "$3" --timeout-ms 30000 | true; exit "${PIPESTATUS[0]}"', process.execPath, CLI, module_, GOPLS], { encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).not.toMatch(/EBADF|EPIPE|Unhandled|internal error/);
    expect(r.status).toBe(expectedExit(json));
  });

  it('exit 1 when the worst cause is a warning, 0 or 1 on the healthy module, always as the causes say', () => {
    const nomod = path.join(tmp, 'nomod');
    mkdirSync(nomod, { recursive: true });
    writeFileSync(path.join(nomod, 'main.go'), 'package main\n\nfunc main() {}\n');
    for (const ws of [nomod, module_]) {
      const r = cli(['diagnose', '--json', '--workspace', ws, '--gopls', GOPLS, '--timeout-ms', '30000']);
      const report = JSON.parse(r.stdout);
      expect(r.code).toBe(expectedExit(report));
      if (ws === nomod) expect(r.code).toBeGreaterThanOrEqual(1);
      else expect(r.code).not.toBe(2);
    }
  });
});

// Without a live editor the CLI reads the Go extension's choices from the user's settings.json: the
// gopls it runs (go.alternateTools) and where gopls logs (go.languageServerFlags -logfile), so the
// report is about the editor's gopls, not whatever is on PATH. A checkout's own
// .vscode/settings.json names no binary for it to run (as in Restricted Mode).
describe.skipIf(!GO)("the Go extension's settings from the user's settings.json", () => {
  it('runs go.alternateTools.gopls and reads the -logfile of go.languageServerFlags; a workspace-level gopls is never run', () => {
    const config = path.join(tmp, 'xdg-config');
    const log = path.join(tmp, 'editor-gopls.log');
    writeFileSync(log, '[Error - 10:00:00 AM] Request initialize failed with message: unsupported URI scheme:  (gopls only supports file URIs)\n');
    mkdirSync(path.join(config, 'Code', 'User'), { recursive: true });
    writeFileSync(path.join(config, 'Code', 'User', 'settings.json'), `{\n  // the user's own\n  "go.alternateTools": { "gopls": ${JSON.stringify(GOPLS)} },\n  "go.languageServerFlags": ["-logfile", ${JSON.stringify(log)}],\n}\n`);
    const ws = path.join(tmp, 'settings-ws');
    const marker = path.join(tmp, 'workspace-gopls-ran');
    mkdirSync(path.join(ws, '.vscode'), { recursive: true });
    writeFileSync(path.join(ws, 'go.mod'), 'module example.com/sws\n\ngo 1.22\n');
    writeFileSync(path.join(ws, 'main.go'), 'package main\n\nfunc main() {}\n');
    const evil = path.join(ws, 'evil-gopls');
    writeFileSync(evil, `#!/bin/sh\ntouch ${JSON.stringify(marker)}\n`);
    chmodSync(evil, 0o755);
    writeFileSync(path.join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'go.alternateTools': { gopls: evil } }));
    // PATH has go and nothing else of ours: no gopls there.
    const env = { ...process.env, XDG_CONFIG_HOME: config, PATH: [path.dirname(GO!), '/usr/bin', '/bin'].join(path.delimiter) };
    const r = cli(['diagnose', '--json', '--workspace', ws, '--timeout-ms', '30000'], env);
    const report = JSON.parse(r.stdout) as { causes: Array<{ id: string; findings: Array<{ message: string; evidence: Array<{ source: string }> }> }>; probes: Array<{ id: string; status: string; observed: Record<string, unknown> }> };
    const gopls = report.probes.find((p) => p.id === 'gopls')!;
    expect(gopls.status).toBe('ok');
    expect(JSON.stringify(gopls.observed)).toContain(GOPLS);
    expect(report.probes.find((p) => p.id === 'gopls-logs')!.status).not.toBe('skipped');
    expect(report.causes.flatMap((c) => c.findings).some((f) => f.evidence.some((e) => e.source === log))).toBe(true);
    expect(existsSync(marker)).toBe(false);
  });
});

// A tester's `env -i` run, and one with PATH=/usr/bin:/bin: go installed in /usr/local/go, and
// the fixes said "Install Go". Runs where the go on PATH is in a usual place the minimal PATH lacks.
const GO_DIR = GO ? path.dirname(GO) : '';
describe.runIf(GO && !['/usr/bin', '/bin'].includes(GO_DIR) && goInstallDirs({ home: os.homedir() }).includes(GO_DIR))('go installed in a usual place, off the PATH the CLI has', () => {
  it.each([
    ['no environment at all (env -i)', {} as Record<string, string>],
    // A HOME with no start-up files: the machine's own (root's ~/.profile reads a ~/.bashrc that puts
    // go on PATH) would rightly leave the append out as already there.
    ['PATH=/usr/bin:/bin', { HOME: '<empty home>', PATH: '/usr/bin:/bin' } as Record<string, string>],
  ])('%s: its directory put on PATH, never "install Go", also for a log saying go was not found', (_name, given) => {
    const env = given.HOME ? { ...given, HOME: mkdtempSync(path.join(tmp, 'home-')) } : given;
    const log = path.join(tmp, 'go-not-found.log');
    writeFileSync(log, 'gopls: go command required, not found: exec: "go": executable file not found in $PATH\n');
    const r = spawnSync(process.execPath, [CLI, 'diagnose', '--json', '--no-cache', '--workspace', module_, '--gopls-log', log, '--timeout-ms', '30000'], { env, cwd: '/', encoding: 'utf8', timeout: 120_000 });
    const report = JSON.parse(r.stdout) as { causes: Array<{ id: string; fixes: Array<{ id: string; title: string }> }> };
    const fixes = report.causes.flatMap((c) => c.fixes);
    expect(fixes.filter((f) => ['install-go', 'go-install-docs'].includes(f.id) || /\binstall go\b/i.test(f.title))).toEqual([]);
    for (const id of ['env-inheritance', 'gopls-launch']) expect(report.causes.find((c) => c.id === id)?.fixes.map((f) => f.id), id).toContain('login-path-to-profile');
    expect(fixes.find((f) => f.id === 'login-path-to-profile')!.title).toContain(GO_DIR);
  });
});

describe.skipIf(!GO)('a go.alternateTools.gopls that is not there', () => {
  // vscode-go passes over an absolute alternate tool that is no file and finds gopls the usual way;
  // the CLI ran the missing path and reported gopls unable to start.
  it('is passed over as the Go extension passes over it: the gopls on PATH is checked, and the setting is named', () => {
    const config = path.join(tmp, 'xdg-config-altgopls-gone');
    mkdirSync(path.join(config, 'Code', 'User'), { recursive: true });
    writeFileSync(path.join(config, 'Code', 'User', 'settings.json'), JSON.stringify({ 'go.alternateTools': { gopls: '/opt/gone-since-reinstall/gopls' } }));
    const ws = path.join(tmp, 'altgopls-gone-ws');
    mkdirSync(ws, { recursive: true });
    writeFileSync(path.join(ws, 'go.mod'), 'module example.com/agg\n\ngo 1.22\n');
    writeFileSync(path.join(ws, 'main.go'), 'package main\n\nfunc main() {}\n');
    const env = { ...process.env, XDG_CONFIG_HOME: config, PATH: [path.dirname(GO!), path.dirname(GOPLS), '/usr/bin', '/bin'].join(path.delimiter) };
    const r = cli(['diagnose', '--json', '--workspace', ws, '--timeout-ms', '30000'], env);
    const report = JSON.parse(r.stdout) as { causes: Array<{ id: string; severity: string; findings: Array<{ message: string }> }>; probes: Array<{ id: string; status: string; observed: Record<string, unknown> }> };
    expect(report.probes.find((p) => p.id === 'gopls')!.status).toBe('ok');
    expect(JSON.stringify(report.probes.find((p) => p.id === 'gopls')!.observed)).toContain(GOPLS);
    expect(report.causes.filter((c) => c.id === 'gopls-launch' && c.severity === 'error')).toEqual([]);
    expect(report.causes.flatMap((c) => c.findings).some((f) => f.message.includes('go.alternateTools.gopls is "/opt/gone-since-reinstall/gopls", which does not exist'))).toBe(true);
  });
});

describe.skipIf(!GO)('a go.alternateTools.gopls without execute permission', () => {
  // vscode-go's executableFileExists passes over it, and the editor runs the gopls on PATH: it was
  // "gopls cannot start" and "gopls not found" (a tester's).
  it('is passed over as the Go extension passes over it, and the setting is named as it is', () => {
    const config = path.join(tmp, 'xdg-config-altgopls-noexec');
    mkdirSync(path.join(config, 'Code', 'User'), { recursive: true });
    const noexec = path.join(tmp, 'gopls-noexec');
    writeFileSync(noexec, '#!/bin/sh\nexit 1\n', { mode: 0o644 });
    writeFileSync(path.join(config, 'Code', 'User', 'settings.json'), JSON.stringify({ 'go.alternateTools': { gopls: noexec } }));
    const env = { ...process.env, XDG_CONFIG_HOME: config, PATH: [path.dirname(GO!), path.dirname(GOPLS), '/usr/bin', '/bin'].join(path.delimiter) };
    const r = cli(['diagnose', '--json', '--workspace', module_, '--timeout-ms', '30000'], env);
    const report = JSON.parse(r.stdout) as { causes: Array<{ id: string; severity: string; findings: Array<{ message: string }> }>; probes: Array<{ id: string; status: string; observed: Record<string, unknown> }> };
    expect(report.probes.find((p) => p.id === 'gopls')!.status).toBe('ok');
    expect(report.causes.filter((c) => c.id === 'gopls-launch' && c.severity === 'error')).toEqual([]);
    expect(report.causes.flatMap((c) => c.findings).some((f) => f.message.includes(`go.alternateTools.gopls is ${JSON.stringify(noexec)}, a file without execute permission (mode 0644)`))).toBe(true);
  });
});

describe.skipIf(!GO)('a multi-root .code-workspace file as --workspace', () => {
  // A tester's was refused ("not a readable directory", exit 3), and its settings were never read.
  it('opens its folders and reads its settings: a fatal -logfile is named, and its build tags count for --file', () => {
    const root = mkdtempSync(path.join(tmp, 'multiroot-'));
    const api = path.join(root, 'api');
    mkdirSync(api);
    writeFileSync(path.join(api, 'go.mod'), 'module example.com/api\n\ngo 1.22\n');
    writeFileSync(path.join(api, 'a.go'), 'package api\n\nfunc A() int { return 1 }\n');
    writeFileSync(path.join(api, 'it.go'), '//go:build integration\n\npackage api\n\nfunc B() int { return A() }\n');
    const file = path.join(root, 'all.code-workspace');
    writeFileSync(file, '{\n  // one module\n  "folders": [ { "path": "api" } ],\n  "settings": { "gopls": { "build.buildFlags": ["-tags=integration"] }, "go.languageServerFlags": ["-logfile", "/nonexistent-ged-dir/g.log"] },\n}\n');
    const r = cli(['diagnose', '--json', '--workspace', file, '--file', path.join(api, 'it.go'), '--timeout-ms', '30000'], { ...process.env, XDG_CONFIG_HOME: path.join(root, 'no-config') });
    const report = JSON.parse(r.stdout) as { workspaces: string[]; causes: Array<{ findings: Array<{ message: string; probeId?: string }> }> };
    expect(report.workspaces).toEqual([api]);
    const messages = report.causes.flatMap((c) => c.findings).map((f) => `${f.probeId}: ${f.message}`);
    expect(messages.some((m) => m.includes('-logfile /nonexistent-ged-dir/g.log'))).toBe(true);
    expect(messages.filter((m) => m.startsWith('build-constraints:'))).toEqual([]);
    expect(cli(['diagnose', '--json', '--workspace', path.join(root, 'none.code-workspace')]).code).toBe(3);
  });
});

describe.skipIf(!GO)('--record-trace', () => {
  // The trace stays (the report's evidence points into it) but it is not redacted: a tester found
  // one per run in TMPDIR and nothing said so.
  it('says on stderr where the trace is and that it is not redacted; stdout stays the JSON report', () => {
    const tmpdir = mkdtempSync(path.join(tmp, 'trace-tmp-'));
    const r = cli(['diagnose', '--json', '--workspace', module_, '--gopls', GOPLS, '--record-trace', '1', '--timeout-ms', '30000'], { ...process.env, TMPDIR: tmpdir });
    JSON.parse(r.stdout);
    const m = /the gopls trace is (\S+); it is not redacted/.exec(r.stderr);
    expect(m, r.stderr).not.toBeNull();
    expect(existsSync(m![1]!)).toBe(true);
    expect(m![1]!.startsWith(tmpdir)).toBe(true);
    expect(r.stderr).toContain(`rm -r ${path.dirname(m![1]!)}`);
  });

  // A tester's: under ulimit -v the traced gopls died of "out of memory" 5 s into a 30 s hold, and
  // the report said no problems, exit 0. Here the real gopls is killed 2 s into a 6 s recording.
  it('a traced gopls that dies during the recording is a finding, and the run is not "no problems"', () => {
    const bin = mkdtempSync(path.join(tmp, 'dies-bin-'));
    const wrapper = path.join(bin, 'gopls-killed-later');
    // The redirection keeps stdin: a non-interactive shell gives a background job /dev/null otherwise.
    writeFileSync(wrapper, `#!/bin/bash\n"${GOPLS}" "$@" 0<&0 & p=$!\n( sleep 2; kill -9 $p ) &\nwait $p\n`, { mode: 0o755 });
    const r = cli(['diagnose', '--json', '--workspace', module_, '--gopls', wrapper, '--record-trace', '6', '--timeout-ms', '30000'], process.env);
    const report = JSON.parse(r.stdout) as { causes: Array<{ id: string; findings: Array<{ message: string; role?: string }> }> };
    const died = report.causes.flatMap((c) => c.findings).find((f) => f.message.startsWith('The traced gopls'));
    expect(died, r.stdout).toBeDefined();
    expect(died!.message, died!.message).toMatch(/exited with code 137|was killed by SIGKILL/);
    expect(died!.message).toContain('into a recording of 6 s');
    expect(died!.role).toBe('symptom');
    expect(r.code).toBeGreaterThan(0);
  });
});

describe.skipIf(!GO)('go.alternateTools.go from the user\'s settings.json, as the Go extension runs it', () => {
  // A golang.org/dl wrapper named there and never downloaded fails every go command the editor
  // runs; the report read the go on PATH and said "no problems found".
  it('a go1.22.1 wrapper that was never downloaded: the go commands fail as the editor\'s do; an absolute path that is not there falls back to the go on PATH', () => {
    const config = path.join(tmp, 'xdg-config-altgo');
    mkdirSync(path.join(config, 'Code', 'User'), { recursive: true });
    const bin = path.join(tmp, 'dl-bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(path.join(bin, 'go1.22.1'), `#!/bin/sh\necho "go1.22.1: not downloaded. Run 'go1.22.1 download' to install to $HOME/sdk/go1.22.1" >&2\nexit 1\n`, { mode: 0o755 });
    const env = { ...process.env, XDG_CONFIG_HOME: config, PATH: `${bin}:${process.env.PATH}` };
    const errors = (r: ReturnType<typeof cli>) => (JSON.parse(r.stdout) as { causes: Array<{ severity: string; findings: Array<{ message: string }> }> }).causes.filter((c) => c.severity === 'error').flatMap((c) => c.findings.map((f) => f.message)).join('\n');
    writeFileSync(path.join(config, 'Code', 'User', 'settings.json'), JSON.stringify({ 'go.alternateTools': { go: 'go1.22.1' } }));
    expect(errors(cli(['diagnose', '--json', '--workspace', module_, '--gopls', GOPLS, '--timeout-ms', '30000'], env))).toContain('go1.22.1: not downloaded');
    writeFileSync(path.join(config, 'Code', 'User', 'settings.json'), JSON.stringify({ 'go.alternateTools': { go: path.join(tmp, 'nowhere', 'go') } }));
    expect(errors(cli(['diagnose', '--json', '--workspace', module_, '--gopls', GOPLS, '--timeout-ms', '30000'], env))).not.toMatch(/go env fails|not downloaded/);
  });
});

describe.skipIf(!GO)('go.languageServerFlags whose -logfile gopls cannot create', () => {
  // gopls exits 2 at start when it cannot create its -logfile; the doctor's own gopls, started
  // without those flags, worked, and the report said "no problems found".
  it('a -logfile in a directory that does not exist: the real gopls exits at once, and the report names the flag', () => {
    const config = path.join(tmp, 'xdg-config-logfile');
    mkdirSync(path.join(config, 'Code', 'User'), { recursive: true });
    const logfile = path.join(tmp, 'no-such-dir', 'gopls.log');
    writeFileSync(path.join(config, 'Code', 'User', 'settings.json'), JSON.stringify({ 'go.languageServerFlags': ['-rpc.trace', '-logfile', logfile] }));
    const gopls = spawnSync(GOPLS, ['-rpc.trace', '-logfile', logfile], { input: '', encoding: 'utf8', timeout: 20_000 });
    expect(gopls.status).toBe(2);
    expect(gopls.stderr).toContain(`unable to create log file: open ${logfile}: no such file or directory`);
    const r = cli(['diagnose', '--json', '--workspace', module_, '--gopls', GOPLS, '--timeout-ms', '30000'], { ...process.env, XDG_CONFIG_HOME: config });
    const report = JSON.parse(r.stdout) as { causes: Array<{ id: string; severity: string; findings: Array<{ message: string; evidence: Array<{ source: string }> }> }> };
    expect(report.causes[0]).toMatchObject({ id: 'gopls-launch', severity: 'error' });
    expect(report.causes[0]!.findings[0]!.message).toContain(`go.languageServerFlags sets -logfile ${logfile}, and ${path.dirname(logfile)} does not exist`);
    // The settings file that sets it, with its line (the evidence named only the setting).
    expect(report.causes[0]!.findings[0]!.evidence[0]!.source).toBe(`${path.join(config, 'Code', 'User', 'settings.json')}:1`);
  });
});

describe.skipIf(!GO || !cachedXMod().version)("go.toolsEnvVars from the user's settings.json, as the Go extension applies them", () => {
  // A user setting GOFLAGS=-mod=vendor broke gopls in the editor ("inconsistent vendoring"), and the
  // CLI, which ran with the terminal's environment, said "no problems found".
  it('applied over the CLI\'s environment: GOFLAGS=-mod=vendor in a module with no vendor/ is an error; the same in a checkout\'s own settings is not applied', () => {
    const config = path.join(tmp, 'xdg-config-envvars');
    mkdirSync(path.join(config, 'Code', 'User'), { recursive: true });
    const ws = path.join(tmp, 'toolsenv-ws');
    mkdirSync(path.join(ws, '.vscode'), { recursive: true });
    const xmod = cachedXMod();
    writeFileSync(path.join(ws, 'go.mod'), `module example.com/tev\n\ngo ${xmod.goLine}\n\nrequire golang.org/x/mod ${xmod.version}\n`);
    writeFileSync(path.join(ws, 'main.go'), 'package main\n\nimport "golang.org/x/mod/semver"\n\nfunc main() { println(semver.IsValid("v1")) }\n');
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: config };
    delete env.GOFLAGS;
    const go = (e: NodeJS.ProcessEnv) => spawnSync(GO!, ['list', './...'], { cwd: ws, env: e, encoding: 'utf8' });
    expect(go({ ...env, GOFLAGS: '-mod=vendor' }).stderr).toMatch(/vendor/);
    const errorsOf = (r: ReturnType<typeof cli>) => (JSON.parse(r.stdout) as { causes: Array<{ severity: string; findings: Array<{ message: string }> }> }).causes.filter((c) => c.severity === 'error').flatMap((c) => c.findings.map((f) => f.message));
    // In the checkout's own .vscode/settings.json: not applied (Restricted Mode semantics).
    writeFileSync(path.join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'go.toolsEnvVars': { GOFLAGS: '-mod=vendor' } }));
    expect(errorsOf(cli(['diagnose', '--json', '--workspace', ws, '--timeout-ms', '30000'], env)).join('\n')).not.toContain('GOFLAGS=-mod=vendor');
    // In the user's own settings: applied, as the editor applies it.
    writeFileSync(path.join(config, 'Code', 'User', 'settings.json'), JSON.stringify({ 'go.toolsEnvVars': { GOFLAGS: '-mod=vendor' } }));
    expect(errorsOf(cli(['diagnose', '--json', '--workspace', ws, '--timeout-ms', '30000'], env)).join('\n')).toContain('GOFLAGS=-mod=vendor');
  });

  // A typo there was said to come "from the environment the editor was started with", with a fix
  // telling the user to remove an export their shell start-up files never had (a tester's).
  it('a GOFLAGS go rejects, set in go.toolsEnvVars: named as coming from that setting, not an export', () => {
    const config = path.join(tmp, 'xdg-config-envvars-typo');
    mkdirSync(path.join(config, 'Code', 'User'), { recursive: true });
    writeFileSync(path.join(config, 'Code', 'User', 'settings.json'), JSON.stringify({ 'go.toolsEnvVars': { GOFLAGS: '-mod=vendr' } }));
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: config };
    delete env.GOFLAGS;
    const report = JSON.parse(cli(['diagnose', '--json', '--workspace', module_, '--timeout-ms', '30000'], env).stdout) as { causes: Array<{ findings: Array<{ message: string; fixes: Array<{ detail?: string }> }> }> };
    const f = report.causes.flatMap((c) => c.findings).find((x) => x.message.startsWith('GOFLAGS=-mod=vendr'));
    expect(f, JSON.stringify(report.causes.flatMap((c) => c.findings).map((x) => x.message))).toBeDefined();
    expect(f!.message).toContain('(from go.toolsEnvVars in your editor settings)');
    expect(JSON.stringify(f!.fixes)).not.toContain('shell start-up');
  });
});

// The fixes are printed for the user's shell ($SHELL): a workspace opened through a symlink whose
// real directory name holds Ctrl-U gets an "open the real path" fix that only $'…' can type in
// bash. fish gets its own words, which real fish reads back; dash (0.5.12 here) cannot, so the
// fix is withheld with the reason.
describe('terminal fixes in the words of $SHELL', () => {
  const FISH = ['/usr/bin/fish', '/bin/fish'].find((p) => existsSync(p));
  const DASH = ['/usr/bin/dash', '/bin/dash'].find((p) => existsSync(p));
  let link: string;
  let real: string;
  beforeAll(() => {
    real = path.join(tmp, 're\u0015al');
    mkdirSync(real);
    writeFileSync(path.join(real, 'go.mod'), 'module example.com/ctl\n\ngo 1.22\n');
    writeFileSync(path.join(real, 'm.go'), 'package ctl\n');
    link = path.join(tmp, 'ctl-link');
    symlinkSync(real, link);
  });
  type Fx = { id: string; kind: string; text?: string };
  const run = (shell: string) => {
    const r = cli(['diagnose', '--json', '--workspace', link, '--timeout-ms', '8000'], { ...process.env, SHELL: shell });
    const report = JSON.parse(r.stdout) as { causes: Array<{ fixes: Fx[]; findings: Array<{ message: string; fixes: Fx[] }> }> };
    return { fixes: report.causes.flatMap((c) => c.fixes), findings: report.causes.flatMap((c) => c.findings) };
  };

  it('bash: $\'…\'', () => {
    expect(run('/bin/bash').fixes.find((f) => f.id === 'open-real-path')?.text).toBe(`code $'${tmp}/re\\x15al'`);
  });
  it.skipIf(!FISH)('fish: its own quoting, which fish reads back as the real path', () => {
    const text = run(FISH!).fixes.find((f) => f.id === 'open-real-path')!.text!;
    expect(text).toBe(`code '${tmp}/re'\\x15'al'`);
    expect(execFileSync(FISH!, ['--no-config', '-c', text.replace(/^code /, "printf '%s' ")], { encoding: 'utf8' })).toBe(real);
  });
  it.skipIf(!DASH)('dash: withheld, and the finding says why', () => {
    const { fixes, findings } = run(DASH!);
    expect(fixes.map((f) => f.id)).not.toContain('open-real-path');
    expect(findings.some((f) => /dash does not read \$'…'/.test(f.message))).toBe(true);
  });
});
