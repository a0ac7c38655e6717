// Why an exec was refused, told by a listing beside the refusal: the refused path under a mount
// listed noexec, or an ls -l / stat of the file with no execute bit. The listings below are this
// machine's own output (findmnt, mount, /proc/mounts, mountinfo, ls -l, stat after a tmpfs mounted
// noexec and a file touched without x; the refusals are bash's, dash's, node's and Go's own words
// for them), pasted as users paste them. Through the real analyzer too.
import { describe, expect, it } from 'vitest';
import { ExecListing, refusedPath, sameFile } from '../../../src/goplsLog/execListing.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';

const facts = (text: string) => {
  const l = new ExecListing();
  text.split('\n').forEach((line, i) => l.see(line, i + 1));
  return l.readings().map((r) => r.fact);
};

const FINDMNT = 'TARGET  SOURCE FSTYPE OPTIONS\n/mnt/nx tmpfs  tmpfs  rw,noexec,relatime,size=8192k';
const FINDMNT_TREE = [
  'TARGET                                      SOURCE                  FSTYPE   OPTIONS',
  '/                                           /dev/vda                ext4     rw,relatime,discard',
  '├─/proc                                     proc                    proc     rw,relatime',
  '│ └─/home                                   /dev/vdb                ext4     rw,nosuid,nodev,noexec,relatime',
].join('\n');

describe('refusedPath', () => {
  it.each([
    ['bash', 'bash: line 1: /mnt/nx/tool: Permission denied', '/mnt/nx/tool'],
    ['bash, relative', 'bash: ./bin/shop: Permission denied', './bin/shop'],
    ['dash', 'sh: 1: /mnt/nx/tool: Permission denied', '/mnt/nx/tool'],
    ['node', 'Error: spawn /mnt/nx/tool EACCES', '/mnt/nx/tool'],
    ['go os/exec', 'fork/exec /mnt/nx/tool: permission denied', '/mnt/nx/tool'],
    ['go LookPath', 'exec: "/home/u/go/bin/gopls": permission denied', '/home/u/go/bin/gopls'],
    ['zsh', 'zsh: permission denied: ./run.sh', './run.sh'],
    ['make', 'make: execvp: ./scripts/gen: Permission denied', './scripts/gen'],
    // A directory entered, a file opened: no exec.
    ['cd', 'bash: cd: /root: Permission denied', undefined],
    ['open', 'open /home/u/go/pkg/mod/cache/lock: permission denied', undefined],
    ['a command name without a path', 'bash: gopls: Permission denied', undefined],
  ])('%s', (_n, line, want) => {
    expect(refusedPath(line)).toBe(want);
  });
});

describe('sameFile', () => {
  it.each([
    ['./bin/shop', 'bin/shop', true],
    ['/home/u/go/bin/gopls', 'gopls', true],
    ['/home/u/go/bin/gopls', '/home/u/go/bin/gopls', true],
    ['/home/u/go/bin/gopls', 'xgopls', false],
    ['./bin/shop', 'shop.sh', false],
  ])('%s ~ %s', (a, b, want) => {
    expect(sameFile(a, b)).toBe(want);
  });
});

describe('ExecListing', () => {
  it.each([
    ['findmnt -T after the refusal', `bash: line 1: /mnt/nx/tool: Permission denied\n$ findmnt -T /mnt/nx/tool\n${FINDMNT}`, ['exec-refused-on-noexec']],
    ['findmnt before the refusal', `${FINDMNT}\nError: spawn /mnt/nx/tool EACCES`, ['exec-refused-on-noexec']],
    ['mount(8)', 'fork/exec /mnt/nx/tool: permission denied\ntmpfs on /mnt/nx type tmpfs (rw,noexec,relatime,size=8192k)', ['exec-refused-on-noexec']],
    ['/proc/mounts', 'sh: 1: /mnt/nx/tool: Permission denied\ntmpfs /mnt/nx tmpfs rw,noexec,relatime,size=8192k 0 0', ['exec-refused-on-noexec']],
    ['mountinfo', 'fork/exec /mnt/nx/tool: permission denied\n45 27 0:40 / /mnt/nx rw,noexec,relatime - tmpfs tmpfs rw,size=8192k', ['exec-refused-on-noexec']],
    ['a full findmnt tree, the deepest target decides', `Error: spawn /home/dana/go/bin/gopls EACCES\n${FINDMNT_TREE}`, ['exec-refused-on-noexec']],
    // The deepest mount holding the path is exec-able: a noexec one above it says nothing.
    ['a deeper exec-able mount', `Error: spawn /home/dana/go/bin/gopls EACCES\n${FINDMNT_TREE}\n│ └─/home/dana/go  /dev/vdc  ext4  rw,relatime`, []],
    ['noexec elsewhere only', 'fork/exec /srv/app/tool: permission denied\ntmpfs on /mnt/nx type tmpfs (rw,noexec,relatime)\n/dev/vda on / type ext4 (rw,relatime)', []],
    ['a relative path is not placed under a mount', `bash: ./tool: Permission denied\n${FINDMNT_TREE}`, []],
    ['no refusal: a listing alone', FINDMNT, []],
    ['ls -l without x', 'bash: line 1: /tmp/plainf: Permission denied\n$ ls -l /tmp/plainf\n-rw-r--r-- 1 root root 0 Dec  6 00:37 /tmp/plainf', ['exec-refused-no-x-bit']],
    ['ls -l of the directory, before', '-rw-r--r-- 1 dana dana 9123456 Mar  2 10:11 shop\n$ ./bin/shop\nbash: ./bin/shop: Permission denied', ['exec-refused-no-x-bit']],
    ['ls -l with --time-style=long-iso', 'fork/exec /opt/t/run: permission denied\n-rw-r----- 1 ci ci 812 2024-05-02 10:11 /opt/t/run', ['exec-refused-no-x-bit']],
    ['stat', 'bash: line 1: /tmp/plainf: Permission denied\n  File: /tmp/plainf\n  Size: 0         \tBlocks: 0          IO Block: 4096   regular empty file\nDevice: 254,0\tInode: 9978177     Links: 1\nAccess: (0644/-rw-r--r--)  Uid: (    0/    root)   Gid: (    0/    root)', ['exec-refused-no-x-bit']],
    ['ls -l with an x bit: the mode is not why', 'bash: ./bin/shop: Permission denied\n-rwxr-xr-x 1 dana dana 9123456 Mar  2 10:11 bin/shop', []],
    ['ls -l of another file', 'bash: ./bin/shop: Permission denied\n-rw-r--r-- 1 dana dana 120 Mar  2 10:11 go.mod', []],
    // cmd/go writes what it builds with x bits: a binary it built listed without them is a file
    // system that keeps no modes (termux#1345's GOBIN on Android's shared storage), not a chmod.
    ['a binary go install wrote', '~: go install ./hello\n~: hello\nbash: /sdcard/go/bin/hello: Permission denied\n-rw-rw---- 1 root everybody 1852648 Sep  2 22:03 hello', []],
  ])('%s', (_n, text, want) => {
    expect(facts(text)).toEqual(want);
  });
});

describe('harmlessNoexec', () => {
  const harmless = (text: string) => {
    const l = new ExecListing();
    text.split('\n').forEach((line, i) => l.see(line, i + 1));
    return l.harmlessNoexec();
  };
  const MOUNT = [
    '$ mount | grep -E \' /(tmp|dev/shm|run) \'',
    'tmpfs on /run type tmpfs (rw,nosuid,nodev,noexec,relatime,size=1630072k,mode=755)',
    'tmpfs on /dev/shm type tmpfs (rw,nosuid,nodev,noexec)',
    'tmpfs on /tmp type tmpfs (rw,nosuid,nodev,relatime)',
  ].join('\n');
  it.each([
    ['/tmp shown exec-able: /run and /dev/shm are the system\'s', MOUNT, [2, 3]],
    ['/tmp itself noexec', MOUNT.replace('(rw,nosuid,nodev,relatime)', '(rw,nosuid,nodev,noexec,relatime)'), []],
    ['GOTMPDIR under /dev/shm', `GOTMPDIR="/dev/shm/gobuild"\n${MOUNT}`, []],
    ['TMPDIR on an exec-able /tmp', `export TMPDIR=/tmp/me\n${MOUNT}`, [3, 4]],
    ['/tmp not listed', MOUNT.split('\n').slice(0, 3).join('\n'), []],
    ['a refused exec in the text', `fork/exec /dev/shm/x/main: permission denied\n${MOUNT}`, []],
    ['a noexec /home beside it is no system mount', `${MOUNT}\n/dev/vdb on /home type ext4 (rw,noexec)`, [2, 3]],
  ])('%s', (_n, text, want) => {
    expect(harmless(text)).toEqual(want);
  });

  it('through the analyzer: the listing alone makes no noexec reading, a noexec /tmp does', () => {
    const ids = (text: string) => analyzeText(text).events.map((e) => e.ruleId);
    expect(ids(MOUNT)).not.toContain('noexec-listed');
    expect(ids(MOUNT.replace('(rw,nosuid,nodev,relatime)', '(rw,nosuid,nodev,noexec,relatime)'))).toContain('noexec-listed');
    expect(ids(`${MOUNT}\n/dev/vdb on /home type ext4 (rw,noexec)`)).toContain('noexec-listed');
  });
});

describe('through the analyzer', () => {
  const ids = (text: string) => analyzeText(text).events.map((e) => e.ruleId);

  it('names the noexec mount when findmnt shows it under the refused gopls', () => {
    const text = `[Error - 10:11:12 AM] Starting client failed\nLaunching server using command /home/dana/go/bin/gopls failed. Error: spawn /home/dana/go/bin/gopls EACCES\n$ findmnt -T /home/dana/go/bin\nTARGET SOURCE              FSTYPE OPTIONS\n/home  /dev/mapper/vg-home ext4   rw,nosuid,nodev,noexec,relatime`;
    const e = analyzeText(text).events.find((x) => x.ruleId === 'exec-refused-on-noexec');
    // The evidence is the listing's line, which says why.
    expect(e).toMatchObject({ line: 5, text: '/home  /dev/mapper/vg-home ext4   rw,nosuid,nodev,noexec,relatime', severity: 'error' });
  });

  it('names the mode when ls -l shows no x bit on the refused file', () => {
    expect(ids('bash: ./bin/shop: Permission denied\n$ ls -l bin/shop\n-rw-r--r-- 1 dana dana 9123456 Mar  2 10:11 bin/shop')).toContain('exec-refused-no-x-bit');
  });
});
