// The module-downloads probe on this machine, reproduced as a new user meets it: a module that
// requires golang.org/x/mod (which installing the pinned gopls put in the module cache), built
// with the real go. Each case shows the symptom with `go build` first, then asks the doctor.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Host } from '../../src/host/host.js';
import { runDoctor } from '../../src/engine/pipeline.js';
import type { Finding } from '../../src/doctor/model.js';
import { goModHash, moduleDownloadsProbe } from '../../src/probes/moduleDownloads.js';
import { GO, cachedXMod } from './support.js';

const { version: XMOD, goLine: GO_LINE } = cachedXMod();

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'moddl-real-'));
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(root, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return root;
}

function module(extra: Record<string, string> = {}): string {
  return tree({
    'go.mod': `module example.com/a\n\ngo ${GO_LINE}\n\nrequire golang.org/x/mod ${XMOD}\n`,
    'a.go': 'package a\n\nimport "golang.org/x/mod/semver"\n\nvar V = semver.IsValid("v1.0.0")\n',
    ...extra,
  });
}

/** go.sum lines for x/mod, as go mod download would write them, read from the cache's own hashes. */
function goSumFor(dir: string): string {
  const r = spawnSync(GO!, ['mod', 'download', '-json', `golang.org/x/mod@${XMOD}`], { cwd: dir, env: env({ GOPROXY: 'off', GOFLAGS: '-mod=mod' }), encoding: 'utf8' });
  const j = JSON.parse(r.stdout) as { Sum: string; GoModSum: string };
  return `golang.org/x/mod ${XMOD} ${j.Sum}\ngolang.org/x/mod ${XMOD}/go.mod ${j.GoModSum}\n`;
}

/**
 * A module laid out in a module cache by hand, as go lays out a download (cache/download/…/@v/V.
 * {mod,info,ziphash} and the extracted tree), so a case runs offline; the fault suite's
 * layOutCachedModule does the same with a go.mod of the module's own path. `fill` makes the
 * recorded zip hash (go compares it with go.sum, never re-hashes); returns it.
 */
function layOutCached(cache: string, mod: string, version: string, gomod: string, files: Record<string, string>, fill: number): string {
  const dl = path.join(cache, 'cache', 'download', mod, '@v');
  const extracted = path.join(cache, `${mod}@${version}`);
  mkdirSync(dl, { recursive: true });
  mkdirSync(extracted, { recursive: true });
  const zipSum = 'h1:' + Buffer.alloc(32, fill).toString('base64');
  writeFileSync(path.join(dl, `${version}.mod`), gomod);
  writeFileSync(path.join(dl, `${version}.info`), `{"Version":"${version}","Time":"2025-06-01T00:00:00Z"}`);
  writeFileSync(path.join(dl, `${version}.ziphash`), zipSum);
  writeFileSync(path.join(extracted, 'go.mod'), gomod);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(extracted, name), text);
  return zipSum;
}

function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '', GOWORK: 'off' };
  for (const k of ['GOPROXY', 'GOMODCACHE', 'HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy']) delete e[k];
  return { ...e, ...extra };
}

function goBuild(ws: string, e: NodeJS.ProcessEnv): string {
  const r = spawnSync(GO!, ['build', './...'], { cwd: ws, env: e, encoding: 'utf8', timeout: 120_000 });
  return `${r.stdout}${r.stderr}`;
}

async function findings(ws: string, e: NodeJS.ProcessEnv): Promise<{ all: Finding[]; observed: Record<string, unknown> }> {
  const report = await runDoctor({ host: new Host(), probes: [moduleDownloadsProbe], workspaces: [ws], env: e, timeoutMs: 20_000 });
  return { all: report.causes.flatMap((c) => c.findings), observed: report.probes[0]!.observed };
}

describe.skipIf(!GO || !XMOD)('module downloads on the real machine (offline)', () => {
  it('no go.sum: go build fails with "missing go.sum entry", the doctor says so (was "no problems found")', async () => {
    const ws = module();
    const e = env({ GOPROXY: 'off' });
    expect(goBuild(ws, e)).toContain('missing go.sum entry for module providing package golang.org/x/mod/semver');
    const { all } = await findings(ws, e);
    const f = all.find((x) => x.message.includes('has no checksum'));
    expect(f).toMatchObject({ classId: 'module-resolution', severity: 'error' });
    expect(f!.message).toContain(`golang.org/x/mod ${XMOD}`);
    expect(f!.evidence[0]!.source).toContain('go.sum (absent)');
    expect(f!.fixes[0]).toMatchObject({ id: 'go-mod-tidy', kind: 'terminal', text: 'go mod tidy', cwd: ws });
  });

  // A tester's: under GOPROXY=off, with the module not in the cache, the go.sum finding's own fix
  // was plain go mod tidy, which fails as typed ("module lookup disabled by GOPROXY=off").
  it('no go.sum, the module not cached, GOPROXY=off: the fix goes once through the default proxy, not plain go mod tidy', async () => {
    const ws = mkdtempSync(path.join(os.tmpdir(), 'ged-md-offline-'));
    writeFileSync(path.join(ws, 'go.mod'), 'module example.com/off\n\ngo 1.22\n\nrequire example.com/notcached v1.0.0\n');
    writeFileSync(path.join(ws, 'main.go'), 'package main\n\nimport "example.com/notcached"\n\nfunc main() { notcached.X() }\n');
    const e = env({ GOPROXY: 'off', GOMODCACHE: mkdtempSync(path.join(os.tmpdir(), 'ged-md-emptycache-')) });
    const { all } = await findings(ws, e);
    const f = all.find((x) => x.message.includes('has no checksum'));
    expect(f?.fixes.map((x) => x.id)).toEqual(['go-mod-tidy-default-proxy']);
  });

  // A network tester's: GOSUMDB naming a database without its key was only caught with --online.
  it('a GOSUMDB go refuses: offline, an error while go.sum lacks a line go must verify, a warning once it has them all', async () => {
    const ws = module();
    const e = env({ GOPROXY: 'off', GOSUMDB: 'sum.example.com https://sum.example.com' });
    expect(goBuild(ws, e)).toContain('missing go.sum entry');
    const tidy = spawnSync(GO!, ['mod', 'tidy'], { cwd: ws, env: e, encoding: 'utf8' });
    expect(tidy.stderr).toContain(`golang.org/x/mod@${XMOD}: verifying module: invalid GOSUMDB: malformed verifier id`);
    const unsummed = (await findings(ws, e)).all.find((x) => x.message.startsWith('GOSUMDB='));
    expect(unsummed).toMatchObject({ classId: 'module-resolution', severity: 'error' });
    expect(unsummed!.message).toContain('is not a setting go accepts ("invalid GOSUMDB: malformed verifier id")');
    expect(unsummed!.message).toContain(`no line for golang.org/x/mod ${XMOD}`);
    expect(unsummed!.fixes[0]).toMatchObject({ value: { GOSUMDB: 'sum.golang.org' } });
    // With go.sum complete go builds, and the setting waits for the next module.
    writeFileSync(path.join(ws, 'go.sum'), goSumFor(ws));
    expect(goBuild(ws, e)).toBe('');
    const summed = (await findings(ws, e)).all.find((x) => x.message.startsWith('GOSUMDB='));
    expect(summed).toMatchObject({ severity: 'warning' });
    expect(summed!.message).toContain('the next module added');
    // A GOPRIVATE that covers the module keeps it from the database: nothing to verify, a warning.
    rmSync(path.join(ws, 'go.sum'));
    const priv = (await findings(ws, { ...e, GOPRIVATE: 'golang.org/x' })).all.find((x) => x.message.startsWith('GOSUMDB='));
    expect(priv).toMatchObject({ severity: 'warning' });
  });

  it('a complete go.sum and the module in the cache: nothing to say', async () => {
    const ws = module();
    writeFileSync(path.join(ws, 'go.sum'), goSumFor(ws));
    const e = env();
    expect(goBuild(ws, { ...e, GOPROXY: 'off' })).toBe('');
    const { all, observed } = await findings(ws, e);
    expect(all).toEqual([]);
    // The real cache's recorded hash and its go.mod, hashed as go does, agree with go's own go.sum.
    expect(observed.modules).toEqual([{ dir: ws, direct: 1, missingSum: [], notCached: [], sumMismatch: [] }]);
  });

  it("go.sum's line for x/mod changed (a merge gone wrong): go build refuses it, the doctor names both hashes", async () => {
    const ws = module();
    const good = goSumFor(ws);
    const zip = good.split('\n')[0]!.split(' ')[2]!;
    const other = `h1:${Buffer.alloc(32, 3).toString('base64')}`;
    writeFileSync(path.join(ws, 'go.sum'), good.replace(zip, other));
    const e = env();
    expect(goBuild(ws, { ...e, GOPROXY: 'off' })).toContain(`verifying golang.org/x/mod@${XMOD}: checksum mismatch`);
    const { all, observed } = await findings(ws, e);
    const f = all.find((x) => x.severity === 'error');
    expect(f?.message).toContain(`records ${other} for golang.org/x/mod@${XMOD}, but the copy in the module cache hashes to ${zip}`);
    expect(observed.modules).toMatchObject([{ sumMismatch: [`golang.org/x/mod ${XMOD} zip`] }]);
  });

  // `go get` before the import is written marks the requirement `// indirect`, and go 1.17+ go.mod
  // files list every module the build uses: the doctor said "no problems found" here.
  it("go.sum's line changed for a requirement marked // indirect: the same error", async () => {
    const ws = module({ 'go.mod': `module example.com/a\n\ngo ${GO_LINE}\n\nrequire golang.org/x/mod ${XMOD} // indirect\n` });
    const good = goSumFor(ws);
    const zip = good.split('\n')[0]!.split(' ')[2]!;
    const other = `h1:${Buffer.alloc(32, 5).toString('base64')}`;
    writeFileSync(path.join(ws, 'go.sum'), good.replace(zip, other));
    const e = env();
    expect(goBuild(ws, { ...e, GOPROXY: 'off' })).toContain(`verifying golang.org/x/mod@${XMOD}: checksum mismatch`);
    const { all, observed } = await findings(ws, e);
    const f = all.find((x) => x.severity === 'error');
    expect(f).toMatchObject({ classId: 'module-resolution' });
    expect(f!.message).toContain(`records ${other} for golang.org/x/mod@${XMOD}, but the copy in the module cache hashes to ${zip}`);
    expect(observed.modules).toMatchObject([{ direct: 0, sumMismatch: [`golang.org/x/mod ${XMOD} zip`] }]);
  });

  it('an indirect requirement with a sound go.sum: nothing to say', async () => {
    const ws = module({ 'go.mod': `module example.com/a\n\ngo ${GO_LINE}\n\nrequire golang.org/x/mod ${XMOD} // indirect\n` });
    writeFileSync(path.join(ws, 'go.sum'), goSumFor(ws));
    const e = env();
    expect(goBuild(ws, { ...e, GOPROXY: 'off' })).toBe('');
    const { all } = await findings(ws, e);
    expect(all).toEqual([]);
  });

  // A requirement on another module of the go.work (or one a go.work replace points at a folder) is
  // served from disk: no go.sum line, no cache entry. It was an error "go.sum has no checksum for
  // example.com/lib", with a go mod tidy that fails against the proxy.
  it.each<{ name: string; files: Record<string, string> }>([
    {
      name: 'two modules of a go.work, one requiring the other',
      files: {
        'go.work': `go ${GO_LINE}\n\nuse (\n\t./app\n\t./lib\n)\n`,
        'lib/go.mod': `module example.com/lib\n\ngo ${GO_LINE}\n`,
        'lib/lib.go': 'package lib\n\nfunc F() {}\n',
        'app/go.mod': `module example.com/app\n\ngo ${GO_LINE}\n\nrequire example.com/lib v0.1.0\n`,
        'app/main.go': 'package main\n\nimport "example.com/lib"\n\nfunc main() { lib.F() }\n',
      },
    },
    {
      name: 'a go.work replace pointing a requirement at a folder',
      files: {
        'go.work': `go ${GO_LINE}\n\nuse ./app\n\nreplace example.com/ext v1.0.0 => ./ext\n`,
        'ext/go.mod': `module example.com/ext\n\ngo ${GO_LINE}\n`,
        'ext/ext.go': 'package ext\n\nfunc G() {}\n',
        'app/go.mod': `module example.com/app\n\ngo ${GO_LINE}\n\nrequire example.com/ext v1.0.0\n`,
        'app/main.go': 'package main\n\nimport "example.com/ext"\n\nfunc main() { ext.G() }\n',
      },
    },
  ])('$name: go builds offline with no go.sum, and nothing is said', async ({ files }) => {
    const ws = tree(files);
    const e = env();
    delete e.GOWORK;
    expect(goBuild(path.join(ws, 'app'), { ...e, GOPROXY: 'off' })).toBe('');
    const { all, observed } = await findings(path.join(ws, 'app'), e);
    expect(all).toEqual([]);
    expect(observed.modules).toEqual(expect.arrayContaining([expect.objectContaining({ dir: path.join(ws, 'app'), direct: 0, missingSum: [], notCached: [] })]));
  });

  // GOWORK=off (set for CI, left from a script) hides the go.work that serves the requirement: the
  // report blamed go.sum and offered go mod tidy, which fails against the proxy.
  it('GOWORK=off over a go.work that serves the requirement: the error names GOWORK and the go.work, and with GOWORK set to it go builds', async () => {
    const ws = tree({
      'go.work': `go ${GO_LINE}\n\nuse (\n\t./app\n\t./lib\n)\n`,
      'lib/go.mod': `module example.com/lib\n\ngo ${GO_LINE}\n`,
      'lib/lib.go': 'package lib\n\nfunc F() {}\n',
      'app/go.mod': `module example.com/app\n\ngo ${GO_LINE}\n\nrequire example.com/lib v0.1.0\n`,
      'app/main.go': 'package main\n\nimport "example.com/lib"\n\nfunc main() { lib.F() }\n',
    });
    const app = path.join(ws, 'app');
    const e = env({ GOWORK: 'off' });
    expect(goBuild(app, { ...e, GOPROXY: 'off' })).toContain('missing go.sum entry for module providing package example.com/lib');
    const { all } = await findings(app, e);
    const f = all.find((x) => x.severity === 'error')!;
    expect(f.message).toContain(`GOWORK=off (from the environment the tools get) makes go ignore ${path.join(ws, 'go.work')}, whose modules serve example.com/lib`);
    expect(all.some((x) => x.message.includes('has no checksum'))).toBe(false);
    // Unset for the Go tools (empty is unset to go), never this workspace's path in user settings.
    expect(f.fixes[0]).toMatchObject({ id: 'toolsenv-gowork-auto', value: { GOWORK: '' } });
    expect(goBuild(app, { ...e, GOPROXY: 'off', GOWORK: '' })).toBe('');
  });

  // A fork required by its own path while its go.mod keeps the original's name: go refuses it; the
  // report said only that gopls found no module providing it. Laid out in a module cache by hand,
  // as go lays out a download (cache/download/…/@v/V.{mod,info,ziphash} and the extracted tree).
  it('a requirement whose go.mod declares another module path (a fork): an error quoting go, and the replace fix makes go build', async () => {
    const cache = mkdtempSync(path.join(os.tmpdir(), 'moddl-fork-cache-'));
    const declared = 'github.com/orig/thing';
    const fork = 'git.corp.example/fork';
    const gomod = `module ${declared}\n\ngo 1.21\n`;
    const zipSum = layOutCached(cache, fork, 'v1.0.0', gomod, { 'thing.go': 'package thing\n\nconst Name = "thing"\n' }, 7);
    const sum = `${fork} v1.0.0 ${zipSum}\n${fork} v1.0.0/go.mod ${goModHash(gomod)}\n`;
    const ws = tree({ 'go.mod': `module example.com/fk\n\ngo 1.21\n\nrequire ${fork} v1.0.0\n`, 'go.sum': sum, 'main.go': `package main\n\nimport "${fork}"\n\nfunc main() { println(thing.Name) }\n` });
    const e = env({ GOMODCACHE: cache, GOPROXY: 'off', GOFLAGS: '-modcacherw', GONOSUMDB: '*' });
    expect(goBuild(ws, e)).toContain(`module declares its path as: ${declared}`);
    const { all } = await findings(ws, e);
    const f = all.find((x) => x.severity === 'error')!;
    expect(f.message).toContain(`requires ${fork} v1.0.0, but that module's go.mod declares itself ${declared}`);
    const fix = f.fixes[0] as { id: string; text: string };
    expect(fix.id).toBe('go-mod-replace-fork');
    // The fix, then the import renamed and go.sum given the replaced module's lines, as go mod tidy would.
    spawnSync('bash', ['-c', fix.text], { cwd: ws, env: { ...e, PATH: `${path.dirname(GO!)}:${process.env.PATH}` } });
    writeFileSync(path.join(ws, 'main.go'), `package main\n\nimport "${declared}"\n\nfunc main() { println(thing.Name) }\n`);
    spawnSync(GO!, ['mod', 'tidy'], { cwd: ws, env: { ...e, GOFLAGS: '-mod=mod -modcacherw' } });
    expect(goBuild(ws, e)).toBe('');
  });

  // GOPRIVATE=corp.example does not cover git.corp.example/lib: go mod tidy, the missing-sum fix,
  // asks sum.golang.org to verify the private module and fails (offline here; a 404 online).
  it('a private-looking module GONOSUMDB/GOPRIVATE do not cover: the missing-sum error says tidy will ask the public checksum database, and GONOSUMDB lets tidy and the build pass', async () => {
    const cache = mkdtempSync(path.join(os.tmpdir(), 'moddl-priv-cache-'));
    const mod = 'git.corp.example/lib';
    layOutCached(cache, mod, 'v1.1.0', `module ${mod}\n\ngo 1.21\n`, { 'lib.go': 'package lib\n\nconst N = 1\n' }, 9);
    const ws = tree({ 'go.mod': `module example.com/pv\n\ngo 1.21\n\nrequire ${mod} v1.1.0\n`, 'main.go': `package main\n\nimport "${mod}"\n\nfunc main() { println(lib.N) }\n` });
    const e = env({ GOMODCACHE: cache, GOPROXY: 'off', GOPRIVATE: 'corp.example', GOFLAGS: '-modcacherw' });
    const tidy = (x: NodeJS.ProcessEnv) => spawnSync(GO!, ['mod', 'tidy'], { cwd: ws, env: { ...x, GOFLAGS: '-mod=mod -modcacherw' }, encoding: 'utf8', timeout: 60_000 });
    expect(tidy(e).status).not.toBe(0);
    const { all } = await findings(ws, e);
    const f = all.find((x) => x.message.includes('has no checksum'))!;
    expect(f.message).toContain(`${mod} looks private, and neither GONOSUMDB nor GOPRIVATE ("corp.example") covers it`);
    const fix = f.fixes[0] as { id: string; value: Record<string, string> };
    expect(fix.id).toBe('toolsenv-gonosumdb');
    const fixed = { ...e, ...fix.value };
    expect(tidy(fixed).status).toBe(0);
    expect(goBuild(ws, fixed)).toBe('');
  });

  it('GOPROXY=off and the module not in the cache: an error quoting what go says', async () => {
    const ws = module();
    writeFileSync(path.join(ws, 'go.sum'), goSumFor(ws));
    const e = env({ GOPROXY: 'off', GOMODCACHE: mkdtempSync(path.join(os.tmpdir(), 'moddl-cache-')), GOFLAGS: '-modcacherw' });
    expect(goBuild(ws, e)).toContain('module lookup disabled by GOPROXY=off');
    const { all } = await findings(ws, e);
    const f = all.find((x) => x.severity === 'error');
    expect(f?.classId).toBe('module-resolution');
    expect(f?.message).toContain('not in the module cache and GOPROXY=off forbids downloading');
    // The one-off go mod download through the default proxy (plain go mod download fails as typed
    // here); not go mod tidy: go.sum is complete, and tidy would rewrite go.mod.
    expect(f?.fixes.map((x) => x.id)).toEqual(['go-mod-download-once']);
    // Applied as printed, with the machine's own module cache standing in for proxy.golang.org
    // (read only, as a file:// proxy; the test stays offline): go.mod and go.sum keep every byte,
    // the build works and the finding is gone.
    const fix = f!.fixes[0] as { text: string; cwd: string };
    expect(fix.cwd).toBe(ws);
    const served = spawnSync(GO!, ['env', 'GOMODCACHE'], { env: env(), encoding: 'utf8' }).stdout.trim();
    const before = [readFileSync(path.join(ws, 'go.mod'), 'utf8'), readFileSync(path.join(ws, 'go.sum'), 'utf8')];
    const typed = fix.text.replace('GOPROXY=https://proxy.golang.org,direct', `GOPROXY=file://${served}/cache/download GOSUMDB=off`);
    const r = spawnSync('bash', ['-c', typed], { cwd: fix.cwd, env: e, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect([readFileSync(path.join(ws, 'go.mod'), 'utf8'), readFileSync(path.join(ws, 'go.sum'), 'utf8')]).toEqual(before);
    expect(goBuild(ws, e)).toBe('');
    expect((await findings(ws, e)).all.filter((x) => x.severity === 'error')).toEqual([]);
  });

  // A tester's healthy module whose dependency was not downloaded yet: a note titled "gopls cannot
  // place your files in a module", alarming and wrong. The module cache served as file:// proxy.
  it('a dependency not downloaded yet, with a proxy that serves it: a note titled as such', async () => {
    const ws = module();
    writeFileSync(path.join(ws, 'go.sum'), goSumFor(ws));
    const real = spawnSync(GO!, ['env', 'GOMODCACHE'], { encoding: 'utf8' }).stdout.trim();
    const e = env({ GOPROXY: `file://${real}/cache/download`, GOMODCACHE: mkdtempSync(path.join(os.tmpdir(), 'moddl-cache-')), GOFLAGS: '-modcacherw' });
    const report = await runDoctor({ host: new Host(), probes: [moduleDownloadsProbe], workspaces: [ws], env: e, timeoutMs: 20_000 });
    expect(report.causes.map((c) => [c.id, c.severity, c.title]), JSON.stringify(report.causes.flatMap((c) => c.findings.map((x) => x.message)))).toEqual([['module-resolution', 'info', 'Required modules are not downloaded yet']]);
    expect(goBuild(ws, e)).toBe(`go: downloading golang.org/x/mod ${XMOD}\n`);
    spawnSync(GO!, ['clean', '-modcache'], { env: e });
  });

  // A tester's SSL_CERT_FILE and SSL_CERT_DIR naming paths that are not there: go trusts no CA and
  // every https download fails ("tls: failed to verify certificate: x509: certificate signed by
  // unknown authority", go1.26.8 from proxy.golang.org); nothing said so without --online, though
  // reading the two paths needs no network. SSL_CERT_FILE alone missing is harmless: go reads the
  // system folders then.
  it('SSL_CERT_FILE and SSL_CERT_DIR that are not there, a module to download: an error naming both, offline', async () => {
    const ws = module();
    writeFileSync(path.join(ws, 'go.sum'), goSumFor(ws));
    const gone = mkdtempSync(path.join(os.tmpdir(), 'moddl-certs-'));
    const missing = { SSL_CERT_FILE: path.join(gone, 'ca.pem'), SSL_CERT_DIR: path.join(gone, 'certs') };
    const cache = mkdtempSync(path.join(os.tmpdir(), 'moddl-cache-'));
    const { all } = await findings(ws, env({ ...missing, GOMODCACHE: cache, GOFLAGS: '-modcacherw' }));
    const f = all.find((x) => x.message.startsWith('go trusts no certificate authority'));
    expect(f, JSON.stringify(all.map((x) => x.message), null, 1)).toMatchObject({ classId: 'module-resolution', severity: 'error', headline: 'module-downloads' });
    expect(f!.message).toContain(`SSL_CERT_FILE=${missing.SSL_CERT_FILE} (${missing.SSL_CERT_FILE}: not there) and SSL_CERT_DIR=${missing.SSL_CERT_DIR} (${missing.SSL_CERT_DIR}: not there)`);
    expect(f!.message).toContain(`golang.org/x/mod ${XMOD} among them`);
    expect(f!.fixes.map((x) => x.id)).toEqual(['toolsenv-ssl_cert_file-clear-roots', 'toolsenv-ssl_cert_dir-clear-roots']);
    // Everything cached: a warning, the workspace builds until a module is not.
    expect((await findings(ws, env(missing))).all.find((x) => x.message.startsWith('go trusts no certificate authority'))?.severity).toBe('warning');
    // SSL_CERT_FILE alone: the system folders still hold roots (where this machine has them).
    if (existsSync('/etc/ssl/certs') && readdirSync('/etc/ssl/certs').length) {
      expect((await findings(ws, env({ SSL_CERT_FILE: missing.SSL_CERT_FILE, GOMODCACHE: cache }))).all.some((x) => x.message.startsWith('go trusts no certificate authority'))).toBe(false);
    }
  });

  it('a GOPROXY go rejects (a misspelt scheme) and the module not in the cache: an error quoting what go says, offline', async () => {
    const ws = module();
    writeFileSync(path.join(ws, 'go.sum'), goSumFor(ws));
    const e = env({ GOPROXY: 'htps://proxy.golang.org', GOMODCACHE: mkdtempSync(path.join(os.tmpdir(), 'moddl-cache-')), GOFLAGS: '-modcacherw' });
    expect(goBuild(ws, e)).toContain('invalid proxy URL scheme (must be https, http, file): htps://proxy.golang.org');
    const { all } = await findings(ws, e);
    const f = all.find((x) => x.severity === 'error');
    expect(f?.classId).toBe('module-resolution');
    expect(f?.message).toContain('every download fails with "invalid proxy URL scheme (must be https, http, file): htps://proxy.golang.org"');
  });

  // A tester's: GOSUMDB="sum.golang.org http://127.0.0.1:9" with go.sum missing read offline as
  // "run go mod tidy", which failed at that server, and GOSUMDB was never named.
  it.each([
    { where: 'environment', fix: 'toolsenv-gosumdb-fixed' },
    { where: 'go env file', fix: 'go-env-unset-gosumdb' },
  ])('a GOSUMDB URL on 127.0.0.1 that refuses connections, set in the $where, go.sum missing: GOSUMDB named, its fixes applied as printed let go mod tidy through', async ({ where, fix }) => {
    const ws = module();
    const port = await new Promise<number>((resolve) => {
      const srv = require('node:net').createServer().listen(0, '127.0.0.1', () => {
        const p = srv.address().port as number;
        srv.close(() => resolve(p));
      });
    });
    const gosumdb = `sum.golang.org http://127.0.0.1:${port}`;
    const goenv = path.join(mkdtempSync(path.join(os.tmpdir(), 'moddl-sumdb-goenv-')), 'env');
    if (where === 'go env file') writeFileSync(goenv, `GOSUMDB=${gosumdb}\n`);
    // A module cache of its own, as the tester's: go keeps the database's answers in the module
    // cache, and the shared one has x/mod's. Its zip comes from the shared cache as a file proxy;
    // the database, once GOSUMDB is unset, through proxy.golang.org (which serves it).
    const shared = spawnSync(GO!, ['env', 'GOMODCACHE'], { env: env(), encoding: 'utf8' }).stdout.trim();
    const e = env({ GOENV: goenv, GOMODCACHE: mkdtempSync(path.join(os.tmpdir(), 'moddl-sumdb-cache-')), GOFLAGS: '-modcacherw', GOPROXY: `file://${shared}/cache/download,https://proxy.golang.org`, ...(where === 'environment' ? { GOSUMDB: gosumdb } : {}) });
    const tidy = spawnSync(GO!, ['mod', 'tidy'], { cwd: ws, env: e, encoding: 'utf8' });
    expect(tidy.stderr).toContain(`dial tcp 127.0.0.1:${port}: connect: connection refused`);
    const { all } = await findings(ws, e);
    const f = all.find((x) => x.message.includes('the checksum database GOSUMDB names'));
    expect(f, JSON.stringify(all.map((x) => x.message))).toMatchObject({ classId: 'module-resolution', severity: 'error' });
    expect(f!.message).toContain(`(GOSUMDB=${gosumdb})`);
    expect(f!.message).toContain(`(127.0.0.1:${port}) does not accept connections (ECONNREFUSED)`);
    expect(f!.evidence.map((x) => x.source)).toContain(`TCP connect 127.0.0.1:${port}`);
    // The plain go.sum finding, whose go mod tidy fails here, is not offered beside it.
    expect(all.filter((x) => x.message.includes('has no checksum'))).toEqual([]);
    const ids = f!.fixes.map((x) => x.id);
    expect(ids[0]).toBe(fix);
    expect(ids.indexOf('go-mod-tidy-default-sumdb')).toBeLessThan(ids.indexOf('toolsenv-gonosumdb'));
    expect(f!.fixes.find((x) => x.id === 'toolsenv-gonosumdb')).toMatchObject({ value: { GONOSUMDB: 'golang.org/x/mod' } });
    // Each fix as printed, from a go.sum-less module: go mod tidy then works.
    const first = f!.fixes[0]!;
    const fixedEnv = first.kind === 'setting' ? { ...e, ...(first as { value: Record<string, string> }).value } : e;
    if (first.kind === 'terminal') expect(spawnSync('bash', ['-c', (first as { text: string }).text], { cwd: ws, env: e, encoding: 'utf8' }).status).toBe(0);
    const after = spawnSync(GO!, ['mod', 'tidy'], { cwd: ws, env: fixedEnv, encoding: 'utf8' });
    expect(after.status, after.stderr).toBe(0);
    expect(goBuild(ws, fixedEnv)).toBe('');
    expect((await findings(ws, fixedEnv)).all.filter((x) => x.severity === 'error')).toEqual([]);
    if (where === 'go env file') writeFileSync(goenv, `GOSUMDB=${gosumdb}\n`);
    for (const id of ['go-mod-tidy-default-sumdb', 'toolsenv-gonosumdb']) {
      rmSync(path.join(ws, 'go.sum'));
      const x = f!.fixes.find((y) => y.id === id)! as { kind: string; text?: string; value?: Record<string, string> };
      const r = x.kind === 'terminal' ? spawnSync('bash', ['-c', x.text!], { cwd: ws, env: e, encoding: 'utf8' }) : spawnSync(GO!, ['mod', 'tidy'], { cwd: ws, env: { ...e, ...x.value }, encoding: 'utf8' });
      expect(r.status, `${id}: ${r.stderr}`).toBe(0);
    }
    // GONOSUMDB covering the module: go never asks, nothing about GOSUMDB.
    rmSync(path.join(ws, 'go.sum'));
    expect((await findings(ws, { ...e, GONOSUMDB: 'golang.org/x' })).all.filter((x) => x.message.includes('GOSUMDB names'))).toEqual([]);
  });

  it('a GOPROXY on 127.0.0.1 that refuses connections and the module not in the cache: an error naming the hop', async () => {
    const ws = module();
    writeFileSync(path.join(ws, 'go.sum'), goSumFor(ws));
    // A port nobody listens on: bind one, note it, close it.
    const port = await new Promise<number>((resolve) => {
      const s = require('node:net').createServer().listen(0, '127.0.0.1', () => {
        const p = s.address().port as number;
        s.close(() => resolve(p));
      });
    });
    const e = env({ GOPROXY: `http://127.0.0.1:${port}`, GOMODCACHE: mkdtempSync(path.join(os.tmpdir(), 'moddl-cache-')), GOFLAGS: '-modcacherw' });
    expect(goBuild(ws, e)).toContain(`dial tcp 127.0.0.1:${port}: connect: connection refused`);
    const { all } = await findings(ws, e);
    const f = all.find((x) => x.severity === 'error');
    expect(f?.message).toContain(`(127.0.0.1:${port}) does not accept connections (ECONNREFUSED)`);
    expect(f?.evidence.map((x) => x.source)).toContain(`TCP connect 127.0.0.1:${port}`);
    // A tester's: the only fix was go mod download "where GOPROXY is reachable", which fails the same
    // way. The variable is the cure, named with where it is set.
    expect(f?.message).toContain(`GOPROXY=http://127.0.0.1:${port} comes from the environment the editor was started with`);
    expect(f?.fixes.map((x) => x.id)).toEqual(['go-mod-download-default-proxy', 'toolsenv-goproxy-default', 'goproxy-docs']);
    expect(f?.fixes.map((x) => x.id)).not.toContain('go-mod-download');
    // Set with go env -w: the fix is in the go env file, and go env -u takes it out.
    const goenv = path.join(mkdtempSync(path.join(os.tmpdir(), 'moddl-goenv-')), 'env');
    writeFileSync(goenv, `GOPROXY=http://127.0.0.1:${port}\n`);
    const fromFile = env({ GOENV: goenv, GOMODCACHE: e.GOMODCACHE, GOFLAGS: '-modcacherw' });
    expect(goBuild(ws, fromFile)).toContain(`dial tcp 127.0.0.1:${port}: connect: connection refused`);
    const g = (await findings(ws, fromFile)).all.find((x) => x.severity === 'error');
    expect(g?.message).toContain(`GOPROXY=http://127.0.0.1:${port} comes from your go env file (${goenv}, go env -w)`);
    const unset = g!.fixes.find((x) => x.id === 'go-env-unset-goproxy');
    expect(unset).toMatchObject({ kind: 'terminal', text: 'go env -u GOPROXY' });
    expect(spawnSync(GO!, ['env', '-u', 'GOPROXY'], { env: fromFile, encoding: 'utf8' }).status).toBe(0);
    expect(spawnSync(GO!, ['env', 'GOPROXY'], { env: fromFile, encoding: 'utf8' }).stdout.trim()).toBe('https://proxy.golang.org,direct');
  });

  // go moves past an entry followed by "|" on any error, a refused connection too; past one followed
  // by "," only on 404/410. A tester's GOPROXY=http://127.0.0.1:9|https://proxy.golang.org built,
  // and the report said it could not. The proxy that serves is a file:// one over the machine's
  // module cache (read only), so the case stays offline; the number of refusing entries varies.
  it.each([
    { list: (a: string, b: string, served: string) => `${a}|${served}`, builds: true },
    { list: (a: string, b: string, served: string) => `${a}|${b}|${served}`, builds: true },
    { list: (a: string, b: string, served: string) => `${a}|${b},${served}`, builds: false, refusedAt: 1 },
    { list: (a: string, b: string, served: string) => `${a},${served}`, builds: false, refusedAt: 0 },
    { list: (a: string, _b: string) => `${a}|off`, builds: false, refusedAt: 0, off: true },
    // go quotes the last entry's refusal then (modfetch.TryProxies keeps the last proxy error).
    { list: (a: string, b: string) => `${a}|${b}|off`, builds: false, refusedAt: 1, off: true },
  ])('GOPROXY entries on 127.0.0.1 that refuse, then a proxy that serves (case %#): an error only where go stops at a refusal', async ({ list, builds, refusedAt, off }) => {
    const ws = module();
    writeFileSync(path.join(ws, 'go.sum'), goSumFor(ws));
    const ports = await Promise.all([0, 1].map(() => new Promise<number>((resolve) => {
      const srv = require('node:net').createServer().listen(0, '127.0.0.1', () => {
        const p = srv.address().port as number;
        srv.close(() => resolve(p));
      });
    })));
    const urls = ports.map((p) => `http://127.0.0.1:${p}`);
    const served = `file://${path.join(spawnSync(GO!, ['env', 'GOMODCACHE'], { encoding: 'utf8', env: env() }).stdout.trim(), 'cache', 'download')}`;
    const e = env({ GOPROXY: list(urls[0]!, urls[1]!, served), GONOSUMDB: 'golang.org/x', GOMODCACHE: mkdtempSync(path.join(os.tmpdir(), 'moddl-cache-')), GOFLAGS: '-modcacherw' });
    // The doctor first: the build fills the module cache it reads.
    const { all } = await findings(ws, e);
    const build = spawnSync(GO!, ['build', './...'], { cwd: ws, env: e, encoding: 'utf8', timeout: 120_000 });
    const out = `${build.stdout}${build.stderr}`;
    const errors = all.filter((x) => x.severity === 'error');
    expect(build.status === 0, out).toBe(builds);
    if (builds) {
      expect(errors).toEqual([]);
      const note = all.find((x) => x.message.includes('go first tries'));
      expect(note?.message).toContain(`go first tries ${urls[0]} (on this machine, 127.0.0.1:${ports[0]} refuses connections: ECONNREFUSED)`);
      expect(note?.message).toContain(`from ${served} when first needed`);
    } else {
      const target = `127.0.0.1:${ports[refusedAt!]}`;
      expect(out).toContain(`dial tcp ${target}: connect: connection refused`);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0]!.message).toContain(off ? `"dial tcp ${target}: connect: connection refused"` : `(${target}) does not accept connections (ECONNREFUSED)`);
      if (off) expect(errors[0]!.message).toContain('What follows is off');
    }
  });

  it('an HTTPS_PROXY on 127.0.0.1 that refuses connections: the variable is named, cleared or bypassed for the Go tools, and tried once without', async () => {
    const ws = module();
    writeFileSync(path.join(ws, 'go.sum'), goSumFor(ws));
    const port = await new Promise<number>((resolve) => {
      const s = require('node:net').createServer().listen(0, '127.0.0.1', () => {
        const p = s.address().port as number;
        s.close(() => resolve(p));
      });
    });
    const e = env({ HTTPS_PROXY: `http://127.0.0.1:${port}`, GOPROXY: 'https://proxy.golang.org', GOMODCACHE: mkdtempSync(path.join(os.tmpdir(), 'moddl-cache-')), GOFLAGS: '-modcacherw' });
    expect(goBuild(ws, e)).toContain(`proxyconnect tcp: dial tcp 127.0.0.1:${port}: connect: connection refused`);
    const f = (await findings(ws, e)).all.find((x) => x.severity === 'error');
    expect(f?.message).toContain(`fail with "proxyconnect tcp: dial tcp 127.0.0.1:${port}: connect: connection refused"`);
    expect(f?.message).toContain(`HTTPS_PROXY=http://127.0.0.1:${port} comes from the environment the editor was started with`);
    expect(f?.fixes.map((x) => x.id)).toEqual(['go-mod-download-no-http-proxy', 'toolsenv-https_proxy-clear-proxy', 'toolsenv-no_proxy-bypass-proxy', 'go-proxy-env-docs']);
    expect(f?.fixes[0]).toMatchObject({ text: 'env -u HTTPS_PROXY go mod download', cwd: ws });
    expect(f?.fixes[1]).toMatchObject({ key: 'go.toolsEnvVars', value: { HTTPS_PROXY: '' } });
    expect(f?.fixes[2]).toMatchObject({ key: 'go.toolsEnvVars', value: { NO_PROXY: 'proxy.golang.org' } });
  });

  it("HTTPS_PROXY in the login shell only: an env-inheritance warning that explains module-resolution, with the login value as the fix", async () => {
    const ws = module();
    writeFileSync(path.join(ws, 'go.sum'), goSumFor(ws));
    const home = tree({ '.bash_profile': 'export HTTPS_PROXY=http://proxy.corp.example:3128\n' });
    const { all } = await findings(ws, env({ HOME: home, SHELL: '/bin/bash' }));
    const f = all.find((x) => x.classId === 'env-inheritance');
    expect(f?.message).toContain('HTTPS_PROXY differs between the editor (unset) and your login shell ("http://proxy.corp.example:3128")');
    expect(f?.explains).toEqual(['module-resolution']);
    expect(f?.fixes[0]).toMatchObject({ kind: 'setting', key: 'go.toolsEnvVars', value: { HTTPS_PROXY: 'http://proxy.corp.example:3128' } });
  });
});

// A private module (GOPRIVATE) that is not in the module cache: go fetches it with git from its
// host. The note that no .netrc entry exists is worth making only where git has no other way to
// authenticate: not with a credential helper for the host, nor when an insteadOf rule rewrites the
// URL to one carrying a token (both verified with the real git config of a HOME made here).
describe.skipIf(!GO)('a private module not in the cache: when .netrc is worth a note', () => {
  const HOST = 'git.corp.example';
  async function note(gitconfig: string | undefined): Promise<Finding[]> {
    const home = tree(gitconfig === undefined ? {} : { '.gitconfig': gitconfig });
    const ws = tree({
      'go.mod': `module example.com/app\n\ngo 1.22\n\nrequire ${HOST}/team/kit v0.2.0\n`,
      'go.sum': `${HOST}/team/kit v0.2.0 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n${HOST}/team/kit v0.2.0/go.mod h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n`,
      'main.go': `package main\n\nimport _ "${HOST}/team/kit"\n\nfunc main() {}\n`,
    });
    const e = env({ HOME: home, GOPRIVATE: HOST, GOMODCACHE: path.join(home, 'modcache'), GIT_CONFIG_NOSYSTEM: '1', XDG_CONFIG_HOME: path.join(home, '.config'), NETRC: undefined });
    delete e.NETRC;
    const { all } = await findings(ws, e);
    return all.filter((f) => f.message.includes('.netrc'));
  }
  it('no .netrc and no credential helper: a note naming the missing .netrc', async () => {
    const f = await note(undefined);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ classId: 'module-resolution', severity: 'info' });
    expect(f[0]!.message).toContain(`go fetches ${HOST}/team/kit`);
  });
  it.each([
    ['a credential helper for every host', '[credential]\n\thelper = store\n'],
    ['a credential helper for that host', `[credential "https://${HOST}"]\n\thelper = cache\n`],
    ['an insteadOf to a URL with a token', `[url "https://oauth2:tok@${HOST}/"]\n\tinsteadOf = https://${HOST}/\n`],
  ])('%s: no note', async (_, cfg) => {
    expect(await note(cfg)).toEqual([]);
  });
  it('a credential helper for another host: the note stays', async () => {
    expect(await note('[credential "https://github.com"]\n\thelper = cache\n')).toHaveLength(1);
  });
});
