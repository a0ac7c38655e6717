import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/host/host.js';
import { runDoctor } from '../../../src/engine/pipeline.js';
import { mountsProbe, assessMounts, runsFromGocache, workspaceExec, fullWorkspaceFixes, type PathMount, type CanaryResult } from '../../../src/probes/mounts.js';
import { mountOf, parseMountTable } from '../../../src/procfs/mountTable.js';
import type { ExecOptions, ExecResult } from '../../../src/host/exec.js';

/** A fixture host that must not spawn anything: a spawn fails the test. */
function fixtureHost(name: string): Host {
  return new Host({
    root: `test/fixtures/hosts/${name}`,
    pid: 4242,
    uid: 1000,
    exec: async (file: string, _args: readonly string[], _o: ExecOptions): Promise<ExecResult> => {
      throw new Error(`fixture host spawned ${file}`);
    },
  });
}

/** PATH is empty, so go is "missing" and the Go paths come from these variables. */
async function run(name: string, env: NodeJS.ProcessEnv) {
  const report = await runDoctor({ host: fixtureHost(name), probes: [mountsProbe], workspaces: [], env: { PATH: '', HOME: '/home/gopher', ...env } });
  const rec = report.probes[0]!;
  const findings = report.causes.flatMap((c) => c.findings);
  return { report, rec, findings };
}

describe('mounts probe on fixture hosts', () => {
  it('noexec GOTMPDIR (tmpfs captured on this VM) → noexec-mount error citing the mountinfo line', async () => {
    const { rec, findings } = await run('noexec-gotmpdir', { GOTMPDIR: '/tmp/ged-noexec-rOkU' });
    expect(rec.status).toBe('fail');
    const f = findings.find((x) => x.classId === 'noexec-mount')!;
    expect(f.severity).toBe('error');
    expect(f.message).toContain('/tmp/ged-noexec-rOkU');
    const ev = f.evidence.find((e) => e.source === '/proc/self/mountinfo')!;
    expect(ev.excerpt).toBe('42 27 0:39 / /tmp/ged-noexec-rOkU rw,nosuid,nodev,noexec,relatime - tmpfs tmpfs rw,size=4096k');
    expect(ev.line).toBeGreaterThan(1);
    expect(f.fixes.map((x) => x.id)).toContain('noexec-remount-exec');
    const remount = f.fixes.find((x) => x.id === 'noexec-remount-exec');
    expect(remount).toMatchObject({ kind: 'terminal', needsRoot: true, text: 'sudo mount -o remount,exec /tmp/ged-noexec-rOkU' });
    // Not live: the alternative is checked by mount options only, and offered as settings.
    const tools = f.fixes.find((x) => x.id === 'gotmpdir-toolsenv');
    expect(tools).toMatchObject({ kind: 'setting', key: 'go.toolsEnvVars', merge: true, value: { GOTMPDIR: '/home/gopher/.cache/go-tmp' } });
    // One button writes both go.toolsEnvVars and go.testEnvVars: no second, "tests only" button.
    expect(tools).toMatchObject({ extraWrites: [{ key: 'go.testEnvVars', value: { GOTMPDIR: '/home/gopher/.cache/go-tmp' } }] });
    expect(f.fixes.filter((x) => x.kind === 'setting' && x.key === 'go.testEnvVars')).toEqual([]);
    expect(rec.observed.canary).toMatch(/not run/);
  });

  it('the same fixture with GOTMPDIR unset (/tmp on ext4) → nothing', async () => {
    const { rec, findings } = await run('noexec-gotmpdir', {});
    expect(findings).toEqual([]);
    expect(rec.status).toBe('ok');
    expect((rec.observed.paths as Array<{ role: string; mountPoint: string }>).find((p) => p.role === 'GOTMPDIR')?.mountPoint).toBe('/');
  });

  it('read-only bind mount as GOMODCACHE → fs-access warning (builds use what is there; downloads fail)', async () => {
    const { findings } = await run('mounts-ro-modcache', { GOMODCACHE: '/tmp/ged-modcache-o2SY' });
    const f = findings.find((x) => x.classId === 'fs-access')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/GOMODCACHE .*read-only: go and gopls use the modules already there, and every download fails/);
  });

  it('read-only bind mount as GOCACHE → fs-access error (every build writes there)', async () => {
    const { findings } = await run('mounts-ro-modcache', { GOCACHE: '/tmp/ged-modcache-o2SY' });
    const f = findings.find((x) => x.classId === 'fs-access')!;
    expect(f.severity).toBe('error');
    expect(f.message).toMatch(/GOCACHE .*read-only/);
    expect(f.evidence.some((e) => e.source === '/proc/self/mountinfo' && e.excerpt.includes(' ro,relatime '))).toBe(true);
    expect(findings.some((x) => x.classId === 'noexec-mount')).toBe(false);
  });

  it('a tiny but healthy tmpfs as GOCACHE → no mount finding', async () => {
    const { findings, rec } = await run('mounts-full-gocache', { GOCACHE: '/tmp/ged-gocache-pli0' });
    expect(findings).toEqual([]);
    expect((rec.observed.paths as Array<{ role: string; kind: string }>).find((p) => p.role === 'GOCACHE')?.kind).toBe('tmpfs');
  });

  it('WSL2: caches on the 9p Windows drive → fs-access warnings, no error', async () => {
    const { findings } = await run('wsl-9p', { GOPATH: '/mnt/c/Users/natec/go', GOCACHE: '/mnt/c/Users/natec/AppData/Local/go-build' });
    expect(findings.length).toBe(2);
    for (const f of findings) {
      expect(f).toMatchObject({ classId: 'fs-access', severity: 'warning' });
      expect(f.message).toMatch(/Windows drive/);
      expect(f.evidence.some((e) => e.excerpt.startsWith('90 29 0:40 / /mnt/c '))).toBe(true);
    }
  });

  it('GOCACHE on a FUSE mount (bindfs, captured on this VM) → one fs-access warning', async () => {
    const { findings } = await run('mounts-fuse-gocache', { GOCACHE: '/tmp/ged-fusecache-biMH' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ classId: 'fs-access', severity: 'warning' });
    expect(findings[0]!.message).toMatch(/GOCACHE \/tmp\/ged-fusecache-biMH is on a FUSE file system \(fuse\)/);
    expect(findings[0]!.fixes[0]).toMatchObject({ kind: 'setting', key: 'go.toolsEnvVars', value: { GOCACHE: '/home/gopher/.cache/go-build' } });
  });

  it('GOMODCACHE on an exFAT disk through FUSE (fuseblk, captured on this VM) → a warning about speed and permission bits, not locks', async () => {
    const { findings } = await run('mounts-fuseblk-modcache', { GOMODCACHE: '/mnt/exf/gomod' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ classId: 'fs-access', severity: 'warning' });
    expect(findings[0]!.message).toContain('GOMODCACHE /mnt/exf/gomod is on a disk in a Windows format driven through FUSE (fuseblk, from /dev/loop0) at /mnt/exf');
    expect(findings[0]!.message).not.toMatch(/lock/);
  });

  it('skips with a reason when mountinfo cannot be read', async () => {
    const { rec } = await run('seccomp-filter', {});
    expect(rec.status).toBe('skipped');
    expect(rec.reason).toMatch(/mountinfo: ENOENT/);
  });
});

describe('assessMounts', () => {
  const table = parseMountTable(
    [
      '27 1 254:0 / / rw,relatime - ext4 /dev/vda rw',
      '30 27 0:26 / /tmp rw,nosuid,nodev,noexec,relatime - tmpfs tmpfs rw',
      '31 27 0:27 / /opt/tools rw,noexec,relatime - ext4 /dev/sdb rw',
    ].join('\n'),
  );
  const pm = (role: PathMount['entry']['role'], p: string): PathMount => ({ entry: { role, path: p, origin: `go env ${role}` }, real: p, exists: true, mount: [...table].reverse().find((m) => p === m.mountPoint || p.startsWith(m.mountPoint === '/' ? '/' : m.mountPoint + '/')) });
  const denied: CanaryResult = { ran: true, dir: '/tmp', ok: false, errorCode: 'EACCES', commandLine: '/tmp/go-env-doctor-canary-x/canary', message: 'spawn /tmp/go-env-doctor-canary-x/canary EACCES' };

  it('noexec plus a canary that got EACCES is proof (0.97) and cites the exec', () => {
    const [f] = assessMounts([pm('GOTMPDIR', '/tmp')], { canary: denied, alt: { dir: '/home/u/.cache/go-tmp', verified: 'canary' } });
    expect(f).toMatchObject({ classId: 'noexec-mount', severity: 'error', confidence: 0.97 });
    expect(f!.evidence.map((e) => e.source)).toEqual(['go env GOTMPDIR', '/proc/self/mountinfo', '/tmp/go-env-doctor-canary-x/canary']);
    // go env -w, not export: an export changes one terminal, which the editor and the re-check never see.
    expect(f!.fixes!.find((x) => x.id === 'noexec-gotmpdir-go-env')).toMatchObject({ kind: 'terminal', needsRoot: false, text: 'mkdir -p /home/u/.cache/go-tmp && go env -w GOTMPDIR=/home/u/.cache/go-tmp' });
    expect(f!.fixes!.some((x) => x.kind === 'terminal' && /\bexport\b/.test(x.text))).toBe(false);
  });

  it('EACCES from the canary without noexec blames a security policy', () => {
    const [f] = assessMounts([pm('GOTMPDIR', '/var/tmp')], { canary: { ...denied, dir: '/var/tmp' } });
    expect(f!.severity).toBe('error');
    expect(f!.message).toMatch(/security policy/);
    expect(f!.fixes!.some((x) => x.id === 'noexec-remount-exec')).toBe(false);
  });

  it('a canary that ran fine on a healthy mount → nothing', () => {
    expect(assessMounts([pm('GOTMPDIR', '/var/tmp')], { canary: { ran: true, dir: '/var/tmp', ok: true, exitCode: 0, commandLine: 'c' } })).toEqual([]);
  });

  it('gopls on a noexec mount explains a failed launch', () => {
    const [f] = assessMounts([pm('gopls binary dir', '/opt/tools/bin')]);
    expect(f).toMatchObject({ classId: 'noexec-mount', severity: 'error', explains: ['gopls-launch'] });
  });

  it('GOCACHE noexec is an error from Go 1.24 on (go run binaries run from the cache)', () => {
    expect(assessMounts([pm('GOCACHE', '/tmp/go-build')], { goVersion: 'go1.26.0' })[0]!.severity).toBe('error');
    expect(assessMounts([pm('GOCACHE', '/tmp/go-build')], { goVersion: 'go1.22.5' })[0]!.severity).toBe('warning');
    expect(runsFromGocache('go1.24rc1')).toBe(true);
    expect(runsFromGocache(undefined)).toBe(false);
  });

  describe('GOCACHE noexec: a build cache of your own where programs may run comes before the remount', () => {
    const own = (verified: 'canary' | 'mount-options', bytesFree = 40 * 2 ** 30) => ({ dir: '/home/u/.cache/go-build', checked: '/home/u/.cache', bytesFree, verified });
    it.each([
      ['in the go env file, checked by the canary', undefined, 'canary', 'terminal', /A test executable ran there\./],
      ['exported: go.toolsEnvVars (go env -w cannot override it)', '/tmp/go-build', 'mount-options', 'setting', /Its mount has no noexec\./],
    ] as const)('%s', (_n, exported, verified, kind, said) => {
      const [f] = assessMounts([pm('GOCACHE', '/tmp/go-build')], { goVersion: 'go1.26.8', ownGocache: { found: own(verified), ...(exported ? { exported } : {}), searched: [] } });
      expect(f!.fixes!.map((x) => x.id)).toEqual(['noexec-own-gocache', 'noexec-remount-exec-gocache']);
      expect(f!.fixes![0]).toMatchObject({ kind, title: 'Use a build cache where programs may run: /home/u/.cache/go-build' });
      if (kind === 'terminal') expect(f!.fixes![0]).toMatchObject({ text: 'mkdir -p /home/u/.cache/go-build && go env -w GOCACHE=/home/u/.cache/go-build', needsRoot: false });
      else expect(f!.fixes![0]).toMatchObject({ value: { GOCACHE: '/home/u/.cache/go-build' } });
      expect(f!.fixes![0]!.detail).toMatch(said);
    });

    it('none found: says what was passed over, and only the remount is offered', () => {
      const [f] = assessMounts([pm('GOCACHE', '/tmp/go-build')], { goVersion: 'go1.26.8', ownGocache: { searched: [{ dir: '/home/u/.cache/go-build', why: 'is on /home, mounted noexec' }] } });
      expect(f!.message).toContain('No directory of your own where programs may run was found for a build cache (/home/u/.cache/go-build is on /home, mounted noexec): only the remount mends it.');
      expect(f!.fixes!.map((x) => x.id)).toEqual(['noexec-remount-exec-gocache']);
    });

    it('names go run and go tool, not go test or GOTMPDIR (measured: go test and go build work there)', () => {
      const [f] = assessMounts([pm('GOCACHE', '/tmp/go-build')], { goVersion: 'go1.26.8' });
      expect(f!.message).toMatch(/go run and go tool binaries/);
      expect(f!.message).toMatch(/go build and go test are not affected; GOTMPDIR does not help/);
    });
  });
});

describe('workspaceExec: a workspace on a noexec mount is information, with the remount as a root line', () => {
  // Lines as this machine's mountinfo shows a tmpfs mounted -o nodev,nosuid,noexec and a bind mount.
  const table = parseMountTable(
    [
      '27 1 254:0 / / rw,relatime - ext4 /dev/vda rw',
      '912 27 0:88 / /work/x/mnt rw,nosuid,nodev,noexec,relatime - tmpfs tmpfs rw,size=65536k',
      '913 27 254:0 /srv/src /home/u/src ro,noexec,relatime - ext4 /dev/vda rw',
      '914 27 0:89 / /data rw,nosuid,nodev,relatime - tmpfs tmpfs rw',
    ].join('\n'),
  );
  const ws = (real: string) => ({ path: real, real, mount: mountOf(table, real) });
  it.each([
    ['/work/x/mnt/ws', '/work/x/mnt', 'is on /work/x/mnt'],
    ['/work/x/mnt', '/work/x/mnt', 'is a mount point'],
    ['/home/u/src/mod', '/home/u/src', 'is on /home/u/src'],
  ])('%s → one info naming %s', (real, mountPoint, where) => {
    const [f, ...rest] = workspaceExec([ws(real)]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ classId: 'noexec-mount', severity: 'info' });
    expect(f!.message).toContain(`The workspace ${real} ${where}`);
    expect(f!.message).toMatch(/mounted noexec: .*go build writes there cannot be started .*__debug_bin/);
    expect(f!.evidence[0]).toMatchObject({ source: '/proc/self/mountinfo', excerpt: expect.stringContaining(` ${mountPoint} `) });
    expect(f!.fixes).toEqual([expect.objectContaining({ kind: 'terminal', needsRoot: true, text: `sudo mount -o remount,exec ${mountPoint}` })]);
  });
  it.each([['/data/ws'], ['/home/u/elsewhere']])('%s (exec allowed) → nothing', (real) => expect(workspaceExec([ws(real)])).toEqual([]));
  it('no mount known → nothing', () => expect(workspaceExec([{ path: '/x', real: '/x' }])).toEqual([]));
});

// A full workspace file system got no fix (a tester's tmpfs of a few inodes). What fills it is
// shown in what is short; a tmpfs is offered a live remount with room enough to pass the check.
describe('fullWorkspaceFixes', () => {
  const MiB = 1024 * 1024;
  it.each([
    ['tmpfs out of inodes (6, 4 used)', 'tmpfs', { noBytes: false, noInodes: true, totalBytes: 64 * MiB, totalInodes: 6, usedBytes: 8192, usedInodes: 4 }, 'workspace-full-show-inodes', 'mount -o remount,nr_inodes=260 /mnt/w'],
    ['tmpfs out of inodes (5000, all used)', 'tmpfs', { noBytes: false, noInodes: true, totalBytes: 64 * MiB, totalInodes: 5000, usedBytes: MiB, usedInodes: 5000 }, 'workspace-full-show-inodes', 'mount -o remount,nr_inodes=10000 /mnt/w'],
    ['tmpfs out of bytes (3 MiB)', 'tmpfs', { noBytes: true, noInodes: false, totalBytes: 3 * MiB, totalInodes: 1000, usedBytes: 3 * MiB, usedInodes: 10 }, 'workspace-full-show-space', 'mount -o remount,size=19m /mnt/w'],
    ['tmpfs out of both (100 MiB)', 'tmpfs', { noBytes: true, noInodes: true, totalBytes: 100 * MiB, totalInodes: 300, usedBytes: 99 * MiB, usedInodes: 290 }, 'workspace-full-show-space', 'mount -o remount,size=200m,nr_inodes=600 /mnt/w'],
    ['ext4 out of bytes: no command guessed to grow it', 'ext4', { noBytes: true, noInodes: false, totalBytes: 10 * 1024 * MiB, totalInodes: 655360, usedBytes: 10 * 1024 * MiB, usedInodes: 1000 }, 'workspace-full-show-space', undefined],
  ])('%s', (_, fsType, s, show, grow) => {
    const fixes = fullWorkspaceFixes('/mnt/w', fsType, s);
    expect(fixes[0]!.id).toBe(show);
    expect((fixes[0] as { text: string }).text).toContain(show.endsWith('inodes') ? 'du -x --inodes' : 'du -xh');
    const g = fixes.find((f) => f.id === 'workspace-full-tmpfs-grow') as { text: string; needsRoot: boolean } | undefined;
    expect(g?.text.replace(/^sudo /, '')).toBe(grow);
    if (g) expect(g.needsRoot).toBe(true);
  });
});
