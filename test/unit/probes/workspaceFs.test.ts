import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Host } from '../../../src/host/host.js';
import { runDoctor } from '../../../src/engine/pipeline.js';
import { mountsProbe } from '../../../src/probes/mounts.js';
import { assessFscache, assessWorkspaceMounts, type FscacheInput } from '../../../src/probes/workspaceFs.js';
import { parseMountTable } from '../../../src/procfs/mountTable.js';
import { fscacheSpace, parseCachefilesdConf, parseFscacheCaches, parseFscacheStats, wantsFscache } from '../../../src/procfs/fscache.js';
import type { ExecOptions, ExecResult } from '../../../src/host/exec.js';

function fixtureHost(name: string): Host {
  return new Host({
    root: `test/fixtures/hosts/${name}`,
    pid: 4242,
    uid: 1000,
    exec: async (file: string, _a: readonly string[], _o: ExecOptions): Promise<ExecResult> => {
      throw new Error(`fixture host spawned ${file}`);
    },
  });
}

async function run(name: string, workspaces: string[], env: NodeJS.ProcessEnv = {}) {
  const report = await runDoctor({ host: fixtureHost(name), probes: [mountsProbe], workspaces, env: { PATH: '', HOME: '/home/gopher', ...env } });
  return { rec: report.probes[0]!, findings: report.causes.flatMap((c) => c.findings) };
}

describe('the workspace folder on a remote file system (fixture hosts)', () => {
  it('WSL2: a workspace under /mnt/c (9p, aname=drvfs) → fs-access and file-watch warnings quoting the mountinfo line, polling and move fixes', async () => {
    const { findings, rec } = await run('wsl-9p', ['/mnt/c/Users/natec/src/hello']);
    const fs = findings.find((f) => f.classId === 'fs-access')!;
    expect(fs.severity).toBe('warning');
    expect(fs.message).toContain('/mnt/c/Users/natec/src/hello is on a Windows drive (C:\\) seen through WSL (9p, aname=drvfs) at /mnt/c');
    expect(fs.message).toMatch(/case-insensitive/);
    expect(fs.message).toMatch(/without the metadata mount option/);
    expect(fs.evidence.find((e) => e.source === '/proc/self/mountinfo')!.excerpt).toMatch(/^90 29 0:40 \/ \/mnt\/c rw,noatime - 9p C:\\134 /);
    expect(fs.fixes.find((x) => x.id === 'workspace-move-local')).toMatchObject({ kind: 'terminal', needsRoot: false, text: 'mkdir -p /home/gopher/src && cp -a /mnt/c/Users/natec/src/hello /home/gopher/src/hello' });
    const fw = findings.find((f) => f.classId === 'file-watch')!;
    expect(fw.severity).toBe('warning');
    expect(fw.message).toMatch(/Windows programs produce no event/);
    expect(fw.fixes.find((x) => x.id === 'wsl-filewatcher-polling')).toMatchObject({ kind: 'setting', key: 'remote.WSL.fileWatcher.polling', value: true });
    expect(rec.observed.workspaces).toEqual([{ path: '/mnt/c/Users/natec/src/hello', real: '/mnt/c/Users/natec/src/hello', mountPoint: '/mnt/c', fsType: '9p', kind: 'wsl-windows' }]);
  });

  it('the file-watch note is titled by what it is: no watch is used up (a tester read "run out of inotify watches" on sshfs)', async () => {
    const report = await runDoctor({ host: fixtureHost('nfs-fsc-home'), probes: [mountsProbe], workspaces: ['/home/kenjo/src/app'], env: { PATH: '', HOME: '/home/gopher' } });
    const fw = report.causes.find((c) => c.id === 'file-watch')!;
    expect(fw.title).toBe('Changes made on the other side of the mount produce no file events');
    expect(fw.title).not.toMatch(/run out/);
  });

  it('the same WSL host with the workspace in the Linux file system → no workspace finding', async () => {
    const { findings } = await run('wsl-9p', ['/home/natec/src/hello']);
    expect(findings).toEqual([]);
  });

  it('NFSv4.2 home with fsc and FS-Cache at work → fs-access warning, file-watch info, no FS-Cache finding', async () => {
    const { findings, rec } = await run('nfs-fsc-home', ['/home/kenjo/src/app']);
    const fs = findings.filter((f) => f.classId === 'fs-access');
    expect(fs).toHaveLength(1);
    expect(fs[0]!.message).toContain('a network file system (nfs4, from 172.16.2.6:/home/kenjo) at /home/kenjo');
    expect(fs[0]!.message).toMatch(/NFSv4 locks/);
    expect(findings.find((f) => f.classId === 'file-watch')).toMatchObject({ severity: 'info' });
    expect(rec.observed.fscache).toMatchObject({ mounts: ['/home/kenjo'], stats: true, cachefilesd: [] });
  });

  it('fsc with no cache bound (caches table empty) → info that fsc does nothing', async () => {
    const { findings } = await run('nfs-fsc-nocache', ['/home/kenjo/src/app']);
    const f = findings.find((x) => /no cache is bound/.test(x.message))!;
    expect(f).toMatchObject({ classId: 'fs-access', severity: 'info' });
    expect(f.evidence.map((e) => e.source)).toEqual(['/proc/self/mountinfo', '/proc/fs/fscache/caches']);
    expect(f.fixes[0]).toMatchObject({ id: 'cachefilesd-start', needsRoot: true });
  });

  it('no workspace on an fsc mount → FS-Cache is not even read', async () => {
    const { rec } = await run('nfs-fsc-nocache', ['/srv/app']);
    expect(rec.observed.fscache).toBeUndefined();
  });
});

describe('assessWorkspaceMounts (pure)', () => {
  const table = parseMountTable(
    [
      '27 1 254:0 / / rw,relatime - ext4 /dev/vda rw',
      '50 27 0:50 / /net/build rw,relatime - nfs build1:/export rw,vers=3,rsize=65536,hard,proto=tcp,nolock,local_lock=all,addr=10.0.0.2',
      '51 27 0:51 / /net/v3 rw,relatime - nfs srv:/v3 rw,vers=3,hard,proto=tcp,local_lock=none,addr=10.0.0.3',
      '52 27 0:52 / /home/u/remote rw,nosuid,nodev,relatime - fuse.sshfs u@devbox:/home/u rw,user_id=1000,group_id=1000',
      '53 27 0:53 / /mnt/share rw,relatime - cifs //fs/share rw,vers=3.1.1,cache=strict',
      '54 27 0:54 / /mnt/d rw,noatime - drvfs D:\\134 rw,metadata,case=off',
      // A minishift VM's VirtualBox shared folder, from a real mountinfo kept in a public test file.
      '198 0 0:37 / /hosthome rw,nodev,relatime shared:130 - vboxsf /hosthome rw',
      // exfat-fuse 1.3.0 on a loop device, as this VM's /proc/self/mountinfo showed it.
      '45 27 7:0 / /mnt/exf rw,nosuid,nodev,relatime - fuseblk /dev/loop0 rw,user_id=0,group_id=0,default_permissions,allow_other,blksize=4096',
    ].join('\n'),
  );
  const at = (p: string) => ({ path: p, real: p, mount: [...table].reverse().find((m) => m.mountPoint === '/' || p.startsWith(m.mountPoint + '/')) });

  it.each([
    ['/net/build/mod', /locks are local to this machine/, 'info'],
    ['/net/v3/mod', /no locks available/, 'info'],
    ['/home/u/remote/proj', /sshfs keeps them on this machine only/, 'info'],
    ['/mnt/share/proj', /depend on the server's lock support/, 'info'],
    ['/mnt/d/proj', /permission bits are kept \(metadata\)/, 'warning'],
    ['/hosthome/me/src/app', /shared from the virtual machine's host \(vboxsf, VirtualBox, from \/hosthome\) at \/hosthome/, 'warning'],
  ] as const)('%s → %s', (ws, re, watchSeverity) => {
    const f = assessWorkspaceMounts([at(ws)], '/home/u');
    expect(f.map((x) => x.classId)).toEqual(['fs-access', 'file-watch']);
    expect(f[0]!.message).toMatch(re);
    expect(f[1]!.severity).toBe(watchSeverity);
  });

  it("a VM's host folder (vboxsf): edits made on the host produce no event, a warning as on WSL", () => {
    const f = assessWorkspaceMounts([at('/hosthome/me/src/app')], '/home/u');
    expect(f[1]!.message).toMatch(/files changed by programs on the host \(the editor or git there\) produce no event/);
    expect(f[0]!.fixes?.[0]).toMatchObject({ id: 'workspace-move-local', text: 'mkdir -p /home/u/src && cp -a /hosthome/me/src/app /home/u/src/app' });
  });

  it('the copy goes to a folder that does not exist yet: cp -a into an existing one would nest it', () => {
    // A tester's sshfs export of ~/src/gin itself: "cp -a ~/remote/gin ~/src/gin" made ~/src/gin/gin.
    const home = mkdtempSync(path.join(os.tmpdir(), 'ged-home-'));
    mkdirSync(path.join(home, 'src', 'app'), { recursive: true });
    try {
      const f = assessWorkspaceMounts([at('/hosthome/me/src/app')], home);
      expect(f[0]!.fixes?.[0]).toMatchObject({ id: 'workspace-move-local', text: `mkdir -p ${home}/src && cp -a /hosthome/me/src/app ${home}/src/app-local` });
      mkdirSync(path.join(home, 'src', 'app-local'));
      expect((assessWorkspaceMounts([at('/hosthome/me/src/app')], home)[0]!.fixes?.[0] as { text: string }).text).toMatch(/app-local-2$/);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('a Windows-format disk through FUSE (fuseblk): the slowness and the lost permission bits, and no file-watch note (nothing else writes it)', () => {
    const f = assessWorkspaceMounts([at('/mnt/exf/ws')], '/home/u');
    expect(f.map((x) => x.classId)).toEqual(['fs-access']);
    expect(f[0]!.message).toContain('a disk in a Windows format driven through FUSE (fuseblk, from /dev/loop0: ntfs-3g or exfat-fuse) at /mnt/exf');
    expect(f[0]!.message).toMatch(/chmod succeeds and changes nothing/);
    expect(f[0]!.message).not.toMatch(/locks/);
  });

  it('local, tmpfs and overlay workspaces say nothing; no HOME → no move fix', () => {
    expect(assessWorkspaceMounts([at('/home/u/src/x')], '/home/u')).toEqual([]);
    const f = assessWorkspaceMounts([at('/mnt/share/p')]);
    expect(f[0]!.fixes).toEqual([]);
  });
});

describe('FS-Cache parsers', () => {
  it('reads 5.17+ stats, repeated names merged, and old-kernel CacheEv/Ops lines', () => {
    const s = parseFscacheStats('-- FS-Cache statistics --\nCookies: n=684 v=1 vcol=0 voom=0\nNoSpace: nwr=7 ncr=2 cull=31\nRdHelp : RA=974 RP=0\nRdHelp : ZR=13854 sh=0\n');
    expect(fscacheSpace(s)).toEqual({ noWriteSpace: 7, noCreateSpace: 2, culled: 31, pendingOps: undefined, cookies: 684 });
    expect(s.get('RdHelp')?.get('ZR')).toBe(13854);
    const old = parseFscacheStats('FS-Cache statistics\nOps    : pend=12 run=1 enq=40 can=0 rej=0\nCacheEv: nsp=3 stl=0 rtr=0 cul=9\n');
    expect(fscacheSpace(old)).toMatchObject({ noWriteSpace: 3, culled: 9, pendingOps: 12 });
    expect(fscacheSpace(parseFscacheStats('nothing here\n'))).toBeUndefined();
  });

  it('decodes a quoted-printable mail copy (a real diff with cull=6)', () => {
    const s = parseFscacheStats(' NoSpace: nwr=3D0 ncr=3D0 cull=3D6\n-IO     : rd=3D0 wr=3D0\n');
    expect(fscacheSpace(s)).toMatchObject({ noWriteSpace: 0, culled: 6 });
  });

  it('the caches table: a header alone is no cache; a row names the cache and its state', () => {
    expect(parseFscacheCaches('CACHE    REF   VOLS  OBJS  ACCES S NAME\n======== ===== ===== ===== ===== = ===============\n')).toEqual([]);
    expect(parseFscacheCaches('CACHE    REF   VOLS  OBJS  ACCES S NAME\n======== ===== ===== ===== ===== = ===============\n00000001     2     1    40     1 A mycache\n')).toMatchObject([{ name: 'mycache', state: 'A' }]);
  });

  it('cachefilesd.conf: values with and without %, comments, defaults', () => {
    expect(parseCachefilesdConf(undefined)).toEqual({ dir: '/var/cache/fscache', brun: 10, bcull: 7, bstop: 3 });
    expect(parseCachefilesdConf('dir /srv/fscache\ntag mycache\nbrun 20%\nbcull 15 # roomy\nbstop 5%\n')).toEqual({ dir: '/srv/fscache', brun: 20, bcull: 15, bstop: 5 });
  });

  it('which options ask for FS-Cache', () => {
    expect(wantsFscache(['rw', 'vers=4.2', 'fsc', 'local_lock=none'])).toBe(true);
    expect(wantsFscache(['rw', 'fsc=mytag'])).toBe(true);
    expect(wantsFscache(['rw', 'cache=fscache', 'trans=virtio'])).toBe(true);
    expect(wantsFscache(['rw', 'vers=4.2', 'fscx'])).toBe(false);
  });
});

describe('assessFscache (pure)', () => {
  const [nfs] = parseMountTable('60 27 0:60 / /home rw,relatime - nfs4 srv:/home rw,vers=4.2,fsc,addr=10.0.0.9');
  const base: FscacheInput = { mounts: [{ who: 'the workspace /home/u/app', mount: nfs! }], stats: 'Cookies: n=40 v=1\nNoSpace: nwr=0 ncr=0 cull=0\n', conf: parseCachefilesdConf(undefined), confRead: false, cachefilesd: [{ pid: 812, state: 'S' }] };

  it('a healthy cache → nothing', () => {
    expect(assessFscache(base)).toEqual([]);
    expect(assessFscache({ ...base, cacheDirPctFree: 7.5 })).toEqual([]);
  });

  it.each([
    [{ stats: 'NoSpace: nwr=120 ncr=4 cull=800\n' }, /refused 120 writes and 4 new objects for lack of space and culled 800/],
    [{ cacheDirPctFree: 5 }, /5% free, below bcull 7%: cachefilesd culls/],
    [{ cacheDirPctFree: 1.2 }, /below bstop 3%: caching has stopped/],
    [{ cacheDirPctFree: 12, conf: { dir: '/srv/c', brun: 20, bcull: 15, bstop: 5 } }, /\/srv\/c has 12% free, below bcull 15%/],
  ])('out of room: %o', (over, re) => {
    const f = assessFscache({ ...base, ...over });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ classId: 'fs-access', severity: 'warning' });
    expect(f[0]!.message).toMatch(re);
    expect(f[0]!.fixes![0]).toMatchObject({ id: 'cachefilesd-restart', needsRoot: true });
  });

  it('cachefilesd stuck in D → a stall warning naming the pid', () => {
    const f = assessFscache({ ...base, cachefilesd: [{ pid: 812, state: 'D' }] });
    expect(f[0]!.message).toMatch(/cachefilesd \(pid 812\) is in uninterruptible sleep/);
    expect(f[0]!.evidence.some((e) => e.source === '/proc/812/stat')).toBe(true);
  });

  it('no FS-Cache in the kernel → info only', () => {
    const f = assessFscache({ ...base, stats: undefined });
    expect(f).toMatchObject([{ severity: 'info' }]);
    expect(f[0]!.message).toMatch(/no FS-Cache/);
  });
});
