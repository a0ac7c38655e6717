// /proc/<pid>/mountinfo (proc(5), Documentation/filesystems/proc.rst §3.5). Pure: text in, records out.
//
//   36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue
//   (1)(2)(3)   (4)   (5)      (6)      (7)   (8) (9)   (10)         (11)
//
// The kernel escapes space, tab, newline and backslash in paths as \040 \011 \012 \134
// (seq_file mangle_path), so fields split on single spaces and are decoded afterwards.

export interface MountInfo {
  mountId: number;
  parentId: number;
  /** "major:minor" of st_dev for files on this file system. */
  majorMinor: string;
  /** The directory of the file system that forms the root of this mount (a bind or a cgroup namespace shows here). */
  root: string;
  mountPoint: string;
  /** Per-mount options: rw/ro, nosuid, nodev, noexec, relatime… */
  options: string[];
  /** shared:N, master:N, propagate_from:N, unbindable. */
  optionalFields: string[];
  fsType: string;
  source: string;
  /** Per-superblock options. */
  superOptions: string[];
}

/** Decodes the kernel's octal escapes (\040 space, \011 tab, \012 newline, \134 backslash, any \ooo). */
export function unescapeMountField(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8)));
}

function splitOptions(s: string | undefined): string[] {
  if (!s) return [];
  return s.split(',').filter((o) => o.length > 0).map(unescapeMountField);
}

/** One line, or undefined when it is not a well-formed mountinfo line. */
export function parseMountInfoLine(line: string): MountInfo | undefined {
  const fields = line.split(' ');
  const sep = fields.indexOf('-', 6);
  if (fields.length < 10 || sep < 6 || fields.length < sep + 3) return undefined;
  const mountId = Number(fields[0]);
  const parentId = Number(fields[1]);
  if (!Number.isInteger(mountId) || !Number.isInteger(parentId)) return undefined;
  const majorMinor = fields[2] ?? '';
  if (!/^\d+:\d+$/.test(majorMinor)) return undefined;
  return {
    mountId,
    parentId,
    majorMinor,
    root: unescapeMountField(fields[3] ?? ''),
    mountPoint: unescapeMountField(fields[4] ?? ''),
    options: splitOptions(fields[5]),
    optionalFields: fields.slice(6, sep).filter((f) => f.length > 0),
    fsType: unescapeMountField(fields[sep + 1] ?? ''),
    source: unescapeMountField(fields[sep + 2] ?? ''),
    // Anything after the source belongs to the super options (they never contain a raw space,
    // but a malformed line should not lose them).
    superOptions: splitOptions(fields.slice(sep + 3).join(' ')),
  };
}

/** Every well-formed line, in file order (later mounts on the same point shadow earlier ones). */
export function parseMountInfo(text: string): MountInfo[] {
  const out: MountInfo[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') continue;
    const m = parseMountInfoLine(line);
    if (m) out.push(m);
  }
  return out;
}
