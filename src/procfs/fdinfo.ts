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

export function countInotifyWatches(fdinfo: string): number {
  let n = 0;
  for (const line of fdinfo.split('\n')) if (line.startsWith('inotify wd:')) n++;
  return n;
}
