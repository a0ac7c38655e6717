// /proc/<pid>/fdinfo/<fd> of an inotify instance (Documentation/filesystems/proc.rst §3.8):
//   pos:	0
//   flags:	02004000
//   mnt_id:	17
//   ino:	1038
//   inotify wd:2 ino:518141 sdev:fe00000 mask:fc6 ignored_mask:0 fhandle-bytes:8 fhandle-type:1 f_handle:418151004b87d8e3
// Each "inotify wd:" line is one watch charged to the user. Pure.

/** The link text of an fd that is an inotify instance. */
export const INOTIFY_FD_LINK = 'anon_inode:inotify';

export function isInotifyLink(link: string | undefined): boolean {
  return link === INOTIFY_FD_LINK;
}

/** The "inotify wd:" lines of an instance's fdinfo, as printed. Two fds of one instance (a dup, an fd a child inherited) list the same lines. */
export function inotifyWatchLines(fdinfo: string): string[] {
  return fdinfo.split('\n').filter((line) => line.startsWith('inotify wd:'));
}

/**
 * The inode a watch line names, with its file system's device as major:minor. The kernel prints
 * the superblock's dev_t in its internal encoding (major << 20 | minor, fs/notify/fdinfo.c
 * "sdev:%x") and the inode number in hex.
 */
export function watchedInode(line: string): { major: number; minor: number; ino: bigint } | undefined {
  const m = /\bino:([0-9a-f]+) sdev:([0-9a-f]+)\b/.exec(line);
  if (!m) return undefined;
  const sdev = parseInt(m[2]!, 16);
  return { major: Math.floor(sdev / 2 ** 20), minor: sdev % 2 ** 20, ino: BigInt(`0x${m[1]}`) };
}

/** st_dev as glibc encodes it (gnu_dev_major/gnu_dev_minor), split into major and minor. Pure. */
export function devMajorMinor(dev: bigint): { major: number; minor: number } {
  return {
    major: Number(((dev >> 8n) & 0xfffn) | ((dev >> 32n) & ~0xfffn)),
    minor: Number((dev & 0xffn) | ((dev >> 12n) & ~0xffn)),
  };
}

/** How many watches an instance holds: its "inotify wd:" lines. */
export function countInotifyWatches(fdinfo: string): number {
  return inotifyWatchLines(fdinfo).length;
}
