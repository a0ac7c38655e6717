import { describe, expect, it } from 'vitest';
import { parseMountInfo, parseMountInfoLine, unescapeMountField } from '../../../src/procfs/mountinfo.js';

describe('parseMountInfoLine', () => {
  const rows: { name: string; in: string; want: Partial<ReturnType<typeof parseMountInfoLine>> | undefined }[] = [
    {
      // The example from Documentation/filesystems/proc.rst §3.5.
      name: 'kernel docs example with an optional field',
      in: '36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue',
      want: {
        mountId: 36, parentId: 35, majorMinor: '98:0', root: '/mnt1', mountPoint: '/mnt2',
        options: ['rw', 'noatime'], optionalFields: ['master:1'], fsType: 'ext3', source: '/dev/root',
        superOptions: ['rw', 'errors=continue'],
      },
    },
    {
      name: 'no optional fields (this VM, cgroup v1 memory)',
      in: '35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory',
      want: { mountId: 35, parentId: 31, root: '/', mountPoint: '/sys/fs/cgroup/memory', optionalFields: [], fsType: 'cgroup', source: 'cgroup', superOptions: ['rw', 'memory'] },
    },
    {
      name: 'several optional fields and noexec',
      in: '30 24 0:26 / /tmp rw,nosuid,nodev,noexec,relatime shared:12 master:3 propagate_from:2 - tmpfs tmpfs rw,size=1024k',
      want: { options: ['rw', 'nosuid', 'nodev', 'noexec', 'relatime'], optionalFields: ['shared:12', 'master:3', 'propagate_from:2'], mountPoint: '/tmp' },
    },
    {
      name: 'octal escapes in the mount point and root',
      in: '100 27 0:50 /dir\\040with\\011tab /media/My\\040Disk\\134x\\012y rw - fuseblk /dev/sdb1 rw,user_id=0',
      want: { root: '/dir with\ttab', mountPoint: '/media/My Disk\\x\ny', fsType: 'fuseblk' },
    },
    {
      name: 'cgroup namespace root in a container',
      in: '1450 1449 0:29 /docker/abc123 /sys/fs/cgroup/memory ro,nosuid,nodev,noexec,relatime master:15 - cgroup cgroup rw,memory',
      want: { root: '/docker/abc123', mountPoint: '/sys/fs/cgroup/memory', options: ['ro', 'nosuid', 'nodev', 'noexec', 'relatime'] },
    },
    {
      name: 'empty source keeps the super options in place',
      in: '40 27 0:40 / /run/x rw - tmpfs  rw,mode=700',
      want: { fsType: 'tmpfs', source: '', superOptions: ['rw', 'mode=700'] },
    },
    { name: 'no separator', in: '36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 ext3 /dev/root rw', want: undefined },
    { name: 'garbage', in: 'hello world', want: undefined },
    { name: 'non-numeric id', in: 'x 35 98:0 / /mnt rw - ext4 /dev/sda1 rw', want: undefined },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const got = parseMountInfoLine(row.in);
      if (row.want === undefined) expect(got).toBeUndefined();
      else expect(got).toMatchObject(row.want);
    });
  }
});

describe('parseMountInfo', () => {
  it('parses every line of a real file and skips blank and broken ones', () => {
    const text = [
      '22 27 0:21 / /proc rw,relatime - proc proc rw',
      '',
      'broken line',
      '27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard,resv_strict,resuid=65534,resgid=65534',
      '41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw',
      '',
    ].join('\n');
    const got = parseMountInfo(text);
    expect(got.map((m) => m.mountPoint)).toEqual(['/proc', '/', '/sys/fs/cgroup/unified']);
    expect(got[2]?.fsType).toBe('cgroup2');
  });
});

describe('unescapeMountField', () => {
  it.each([
    ['/a\\040b', '/a b'],
    ['/a\\134\\040', '/a\\ '],
    ['/plain', '/plain'],
    ['/not\\9escape', '/not\\9escape'],
  ])('%s → %s', (input, want) => expect(unescapeMountField(input)).toBe(want));
});
