import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fsKind, mountOf, parseMountTable } from '../../../src/procfs/mountTable.js';

const fixture = (name: string) => readFileSync(`test/fixtures/hosts/${name}/proc/self/mountinfo`, 'utf8');

describe('parseMountTable', () => {
  it('keeps the raw line and its 1-based number for evidence, skipping blank and malformed lines', () => {
    const t = parseMountTable('27 1 254:0 / / rw,relatime - ext4 /dev/vda rw\n\ngarbage line\n42 27 0:39 / /tmp/x rw,noexec - tmpfs tmpfs rw\n');
    expect(t.map((m) => [m.line, m.mountPoint])).toEqual([
      [1, '/'],
      [4, '/tmp/x'],
    ]);
    expect(t[1]!.raw).toBe('42 27 0:39 / /tmp/x rw,noexec - tmpfs tmpfs rw');
  });
});

describe('mountOf', () => {
  const table = parseMountTable(
    [
      '27 1 254:0 / / rw,relatime - ext4 /dev/vda rw',
      '30 27 0:26 / /tmp rw,nosuid,nodev,noexec,relatime shared:12 - tmpfs tmpfs rw,size=1024k',
      '31 30 0:27 / /tmp/exec\\040ok rw,relatime - tmpfs tmpfs rw',
      '33 27 0:29 / /opt rw,relatime - ext4 /dev/sdb rw',
      '34 33 0:30 / /opt rw,noexec - tmpfs tmpfs rw',
    ].join('\n'),
  );
  const rows: Array<{ name: string; path: string; want: string }> = [
    { name: 'the root mount holds everything else', path: '/home/me/go', want: '27' },
    { name: 'a mount point itself', path: '/tmp', want: '30' },
    { name: 'below a mount point', path: '/tmp/go-build123/b001', want: '30' },
    { name: 'a sibling with the same prefix is not under it', path: '/tmpfoo/x', want: '27' },
    { name: 'the longest prefix wins, with an escaped space decoded', path: '/tmp/exec ok/bin', want: '31' },
    { name: 'of two mounts on one point, the later is on top', path: '/opt/go', want: '34' },
  ];
  for (const r of rows) {
    it(r.name, () => {
      expect(String(mountOf(table, r.path)?.mountId)).toBe(r.want);
    });
  }

  it('finds the noexec tmpfs captured on this VM', () => {
    const m = mountOf(parseMountTable(fixture('noexec-gotmpdir')), '/tmp/ged-noexec-rOkU/go-build1');
    expect(m?.options).toContain('noexec');
    expect(m?.fsType).toBe('tmpfs');
  });
});

describe('fsKind', () => {
  const wsl = parseMountTable(fixture('wsl-9p'));
  const rows: Array<{ name: string; line: string; want: ReturnType<typeof fsKind> }> = [
    { name: 'ext4', line: '27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard', want: 'local' },
    { name: 'nfs4', line: '100 30 0:52 / /home rw,relatime shared:60 - nfs4 10.0.0.1:/export rw,vers=4.2', want: 'network' },
    { name: 'cifs', line: '101 30 0:53 / /mnt/share rw,relatime - cifs //srv/share rw,vers=3.1.1', want: 'network' },
    { name: 'sshfs is FUSE', line: '120 30 0:60 / /mnt/remote rw,nosuid,nodev,relatime - fuse.sshfs user@host:/ rw,user_id=1000', want: 'fuse' },
    { name: 'tmpfs', line: '42 27 0:39 / /tmp/x rw,relatime - tmpfs tmpfs rw,size=64k', want: 'tmpfs' },
    { name: 'overlay (containers)', line: '140 30 0:5 / / rw,relatime - overlay overlay rw,lowerdir=/a,upperdir=/b', want: 'overlay' },
    { name: 'WSL1 drvfs', line: '39 25 0:34 / /mnt/e rw - drvfs E: rw', want: 'wsl-windows' },
  ];
  for (const r of rows) {
    it(r.name, () => {
      expect(fsKind(parseMountTable(r.line)[0]!)).toBe(r.want);
    });
  }
  it('WSL2 drives (9p, aname=drvfs) are Windows drives; the 9p /init tools mount is merely network', () => {
    expect(fsKind(mountOf(wsl, '/mnt/c/Users/natec/go')!)).toBe('wsl-windows');
    expect(fsKind(mountOf(wsl, '/init')!)).toBe('network');
    expect(mountOf(wsl, '/mnt/c/x')!.source).toBe('C:\\');
  });
});
