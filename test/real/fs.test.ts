// The file-system probes against this very machine, as root: real noexec, read-only and full
// mounts made for the test and removed in finally (others run tests on this VM meanwhile).
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, realpathSync, writeFileSync, existsSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { liveHost } from '../../src/host/host.js';
import { runDoctor } from '../../src/engine/pipeline.js';
import type { Probe } from '../../src/probes/probe.js';
import { mountsProbe } from '../../src/probes/mounts.js';
import { fileAccessProbe } from '../../src/probes/fileAccess.js';
import { macPolicyProbe } from '../../src/probes/macPolicy.js';
import { parseGetfacl } from '../../src/probes/fileAccess.js';
import { lookPath } from '../../src/facts/lookPath.js';

const isRoot = process.getuid?.() === 0;
const made: string[] = [];

function mounted(dir: string): boolean {
  return readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .some((l) => l.split(' ')[4] === dir);
}

function tempDir(prefix: string): string {
  const d = realpathSync(mkdtempSync(path.join(os.tmpdir(), prefix)));
  made.push(d);
  return d;
}

/** Unmounts (lazily if busy) and proves it is gone. */
function unmount(dir: string): void {
  try {
    execFileSync('umount', [dir], { stdio: 'pipe' });
  } catch {
    execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
  }
  expect(mounted(dir)).toBe(false);
}

async function diagnose(probes: Probe[], env: NodeJS.ProcessEnv) {
  const report = await runDoctor({ host: liveHost(), probes, workspaces: [], env: { ...process.env, ...env }, timeoutMs: 15_000 });
  return { report, findings: report.causes.flatMap((c) => c.findings) };
}

afterAll(() => {
  for (const d of made) {
    if (mounted(d)) execFileSync('umount', ['-l', d]);
    rmSync(d, { recursive: true, force: true });
  }
});

describe.runIf(isRoot && process.platform === 'linux')('file-system probes on this machine', () => {
  it('the untouched machine: no error from mounts, file-access or mac-policy', async () => {
    const { report, findings } = await diagnose([mountsProbe, fileAccessProbe, macPolicyProbe], {});
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const mounts = report.probes.find((p) => p.id === 'mounts')!;
    expect(mounts.status).toBe('ok');
    // The canary really ran in the temp dir and exited 0.
    expect(mounts.observed.canary).toMatchObject({ ran: true, ok: true, exitCode: 0 });
    expect(report.probes.find((p) => p.id === 'file-access')!.status).toBe('ok');
    expect(report.probes.find((p) => p.id === 'mac-policy')!.status).toBe('ok');
  });

  it('GOTMPDIR on a tmpfs mounted noexec → noexec-mount error, canary EACCES, evidence from mountinfo', async () => {
    const dir = tempDir('ged-real-noexec-');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'noexec,nosuid,nodev,size=4m', 'tmpfs', dir]);
    try {
      expect(mounted(dir)).toBe(true);
      const { report, findings } = await diagnose([mountsProbe], { GOTMPDIR: dir });
      const f = findings.find((x) => x.classId === 'noexec-mount')!;
      expect(f).toBeDefined();
      expect(f.severity).toBe('error');
      expect(f.confidence).toBe(0.97);
      const mi = f.evidence.find((e) => e.source === '/proc/self/mountinfo')!;
      expect(mi.excerpt).toContain(` ${dir} `);
      expect(mi.excerpt).toMatch(/noexec/);
      expect(f.evidence.some((e) => e.excerpt.startsWith('spawn EACCES'))).toBe(true);
      expect(report.probes[0]!.observed.canary).toMatchObject({ ran: true, ok: false, errorCode: 'EACCES', dir });
      // The suggested GOTMPDIR was verified by running the canary there.
      const tools = f.fixes.find((x) => x.id === 'gotmpdir-toolsenv');
      expect(tools).toMatchObject({ kind: 'setting', key: 'go.toolsEnvVars', merge: true });
      expect(report.probes[0]!.observed.alternativeTmp).toMatchObject({ verified: 'canary' });
      expect(report.causes[0]!.id).toBe('noexec-mount');
      // The canary cleaned up after itself.
      expect(execFileSync('ls', ['-A', dir], { encoding: 'utf8' })).toBe('');
    } finally {
      unmount(dir);
    }
  });

  // A tester's: a noexec TMPDIR (GOTMPDIR unset) was reported as "GOTMPDIR … is a mount point,
  // mounted noexec" with evidence "GOTMPDIR=…", while `go env GOTMPDIR` printed nothing.
  it('TMPDIR on a tmpfs mounted noexec, GOTMPDIR unset: named TMPDIR, as go test meets it', async () => {
    const dir = tempDir('ged-real-noexec-tmpdir-');
    const mod = tempDir('ged-real-noexec-mod-');
    writeFileSync(path.join(mod, 'go.mod'), 'module example.com/t\n\ngo 1.22\n');
    writeFileSync(path.join(mod, 't_test.go'), 'package t\n\nimport "testing"\n\nfunc TestT(t *testing.T) {}\n');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'noexec,nosuid,nodev,size=64m', 'tmpfs', dir]);
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: dir, GOFLAGS: '' };
      delete env.GOTMPDIR;
      const go = await lookPath('go', env);
      if (go) {
        expect(execFileSync(go, ['env', 'GOTMPDIR'], { env, encoding: 'utf8' }).trim()).toBe('');
        const t = spawnSync(go, ['test', '.'], { cwd: mod, env, encoding: 'utf8', timeout: 120_000 });
        expect(t.stdout + t.stderr).toMatch(new RegExp(`fork/exec ${dir}/go-build\\S*: permission denied`));
      }
      const { findings } = await diagnose([mountsProbe], { TMPDIR: dir, GOTMPDIR: undefined });
      const f = findings.find((x) => x.classId === 'noexec-mount')!;
      expect(f.message).toMatch(new RegExp(`^TMPDIR ${dir} .*mounted noexec`));
      expect(f.message).not.toContain('GOTMPDIR');
      expect(f.evidence[0]).toEqual({ source: '$TMPDIR (GOTMPDIR is unset)', excerpt: `TMPDIR=${dir}` });
    } finally {
      unmount(dir);
    }
  });

  it('a read-only bind mount as GOMODCACHE → fs-access warnings (mount option and EROFS): go uses what is in it, downloads fail', async () => {
    const src = tempDir('ged-real-modsrc-');
    const dir = tempDir('ged-real-modcache-');
    execFileSync('mount', ['--bind', src, dir]);
    try {
      execFileSync('mount', ['-o', 'remount,bind,ro', dir]);
      const { findings, report } = await diagnose([mountsProbe, fileAccessProbe], { GOMODCACHE: dir });
      const fromMounts = findings.filter((x) => x.probeId === 'mounts' && x.classId === 'fs-access');
      const fromAccess = findings.filter((x) => x.probeId === 'file-access');
      // A filled cache mounted read-only builds (an image's pre-filled cache): only a download
      // fails, and the module-downloads probe makes that an error when the workspace needs one.
      expect(fromMounts.map((x) => x.severity)).toEqual(['warning']);
      expect(fromMounts[0]!.message).toContain(dir);
      // Root passes access(W_OK) on anyone's directory, but not on a read-only mount.
      expect(fromAccess).toHaveLength(1);
      expect(fromAccess[0]).toMatchObject({ severity: 'warning' });
      expect(fromAccess[0]!.message).toMatch(/cannot download any other .*read-only file system/);
      expect(fromAccess[0]!.evidence[1]!.excerpt).toContain('W_OK EROFS');
      expect(report.causes[0]!.id).toBe('fs-access');
    } finally {
      unmount(dir);
    }
  });

  it('a full tiny tmpfs as GOCACHE → fs-access error: no space left', async () => {
    const dir = tempDir('ged-real-gocache-');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]);
    try {
      // Fill it to the last block.
      try {
        writeFileSync(path.join(dir, 'fill'), Buffer.alloc(256 * 1024));
      } catch (e) {
        expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
      }
      const { findings } = await diagnose([fileAccessProbe], { GOCACHE: dir });
      const f = findings.find((x) => x.severity === 'error' && /Not enough space/.test(x.message))!;
      expect(f).toBeDefined();
      expect(f.classId).toBe('fs-access');
      expect(f.message).toContain(`GOCACHE ${dir}`);
      expect(f.evidence[0]!.source).toBe(`statfs(2) on ${dir}`);
      // Another file fills it and the cache holds nothing: go clean would free nothing (a tester's),
      // so it is withheld and the move offered.
      expect(f.fixes.some((x) => x.id === 'fs-space-go-clean-cache')).toBe(false);
      expect(f.withholds).toEqual(['fs-space-go-clean-cache']);
      expect(f.fixes[0]!.id).toBe('fs-space-move-gocache');
    } finally {
      unmount(dir);
      expect(existsSync(path.join(dir, 'fill'))).toBe(false);
    }
  });

  it('a workspace on a FUSE mount (bindfs): inotify misses writes made on the other side; fs-access and file-watch name the mount', async () => {
    const bindfs = await lookPath('bindfs', process.env);
    if (!bindfs) return console.warn('bindfs not installed (apt-get install bindfs): skipped');
    const src = tempDir('ged-real-wssrc-');
    const ws = tempDir('ged-real-wsfuse-');
    writeFileSync(path.join(src, 'go.mod'), 'module example.com/fusews\n\ngo 1.22\n');
    execFileSync(bindfs, [src, ws]);
    try {
      expect(mounted(ws)).toBe(true);
      // What the finding claims, shown on this kernel: a watch on the mount sees a write made
      // through the mount, and not the one made beside it in the backing directory first.
      const seen: string[] = [];
      const { watch } = await import('node:fs');
      const w = watch(ws, (_ev, name) => name && seen.push(String(name)));
      try {
        writeFileSync(path.join(src, 'other_side.go'), 'package fusews\n');
        const through = new Promise<void>((resolve) => {
          const t = setInterval(() => seen.includes('this_side.go') && (clearInterval(t), resolve()), 20);
        });
        writeFileSync(path.join(ws, 'this_side.go'), 'package fusews\n');
        await through;
      } finally {
        w.close();
      }
      expect(seen).toContain('this_side.go');
      expect(seen).not.toContain('other_side.go');

      const report = await runDoctor({ host: liveHost(), probes: [mountsProbe], workspaces: [ws], env: { ...process.env }, timeoutMs: 15_000 });
      const findings = report.causes.flatMap((c) => c.findings);
      const fs = findings.find((f) => f.classId === 'fs-access' && f.message.includes(`The workspace ${ws}`))!;
      expect(fs).toMatchObject({ severity: 'warning' });
      expect(fs.message).toContain(`a FUSE file system (fuse, from ${src}) at ${ws}`);
      expect(fs.evidence.find((e) => e.source === '/proc/self/mountinfo')!.excerpt).toMatch(new RegExp(` ${ws} .* - fuse ${src} `));
      const fw = findings.find((f) => f.classId === 'file-watch')!;
      expect(fw.message).toMatch(/produce no event/);
      expect(fw.fixes.map((x) => x.id)).toEqual(['workspace-move-local', 'gopls-restart']);
      expect(report.probes[0]!.observed.workspaces).toMatchObject([{ real: ws, fsType: 'fuse', kind: 'fuse' }]);
    } finally {
      unmount(ws);
    }
  });

  it('getfacl on this machine: a mask of r-x cuts a named user down to read and search', async () => {
    const getfacl = await lookPath('getfacl', process.env);
    const setfacl = await lookPath('setfacl', process.env);
    if (!getfacl || !setfacl) return; // acl is not installed: the probe does not use it either
    const dir = tempDir('ged-real-acl-');
    execFileSync(setfacl, ['-m', 'u:1001:rwx,g::rwx,m::r-x', dir]);
    const acl = parseGetfacl(execFileSync(getfacl, ['-p', '-n', '--', dir], { encoding: 'utf8' }));
    expect(acl).toMatchObject({ extended: true, mask: 'r-x' });
    expect(acl.entries.find((e) => e.qualifier === '1001')).toEqual({ tag: 'user', qualifier: '1001', perms: 'rwx', effective: 'r-x' });
  });

  it('as uid 1001 through the built CLI: a root-owned module cache with an r-x ACL mask, and a module needing a download → error; the cache named with owner, mode, uid and mask', async () => {
    const setpriv = await lookPath('setpriv', process.env);
    const setfacl = await lookPath('setfacl', process.env);
    const cli = path.resolve('dist/cli.js');
    if (!setpriv || !setfacl || !existsSync(cli)) return; // `npm test` builds dist first
    const base = tempDir('ged-real-uid-');
    execFileSync('chmod', ['0755', base]);
    const home = path.join(base, 'home');
    const mod = path.join(base, 'mod');
    execFileSync('mkdir', [home, mod]);
    // The workspace requires a module the (empty) cache lacks: it must be downloaded into it.
    writeFileSync(path.join(home, 'go.mod'), 'module example.com/u\n\ngo 1.22\n\nrequire golang.org/x/mod v0.20.0\n');
    execFileSync('chown', ['-R', '1001:1001', home]);
    execFileSync(setfacl, ['-m', 'u:1001:rwx,m::r-x', mod]);
    // uid 1001 may not be able to reach the checkout (a clone under a 0700 folder): it runs its own
    // copy of the CLI from a folder it can traverse: the loader (dist/cli.js) and the bundle it
    // loads from beside it (dist/cli-main.js, src/cliLoader.ts), which requires nothing else.
    const ownCli = path.join(base, 'cli.js');
    copyFileSync(cli, ownCli);
    copyFileSync(path.join(path.dirname(cli), 'cli-main.js'), path.join(base, 'cli-main.js'));
    const r = spawnSync(setpriv, ['--reuid=1001', '--regid=1001', '--clear-groups', process.execPath, ownCli, 'diagnose', '--json'], {
      cwd: home,
      encoding: 'utf8',
      env: { PATH: `${path.dirname(process.execPath)}:/usr/local/go/bin:/usr/bin:/bin`, HOME: home, GOMODCACHE: mod },
      timeout: 60_000,
    });
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout) as { causes: Array<{ findings: Array<{ probeId: string; severity: string; message: string; evidence: Array<{ source: string; excerpt: string }> }> }> };
    const f = report.causes.flatMap((c) => c.findings).find((x) => x.probeId === 'file-access' && x.message.startsWith('GOMODCACHE'))!;
    expect(f.severity).toBe('warning');
    const download = report.causes.flatMap((c) => c.findings).find((x) => x.probeId === 'module-downloads' && x.severity === 'error' && x.message.includes('which cannot be written (EACCES)'));
    expect(download?.message).toContain(`golang.org/x/mod v0.20.0, required by ${path.join(home, 'go.mod')}, is not in the module cache ${mod}`);
    expect(f.message).toContain('owned by uid 0, mode 0755, you are uid 1001');
    expect(f.message).toContain('ACL mask is r-x');
    expect(f.evidence.some((e) => e.source === `getfacl -p ${mod}` && e.excerpt.includes('mask::r-x'))).toBe(true);
  });
});
