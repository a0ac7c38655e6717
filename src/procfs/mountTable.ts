// Which mount a path lives on, and what kind of file system that is. Pure: mountinfo text in.
import { parseMountInfoLine, type MountInfo } from './mountinfo.js';

export interface MountLine extends MountInfo {
  /** The line as the kernel printed it, for evidence. */
  raw: string;
  /** 1-based line number in mountinfo. */
  line: number;
}

export function parseMountTable(text: string): MountLine[] {
  const out: MountLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const m = line.trim() ? parseMountInfoLine(line) : undefined;
    if (m) out.push({ ...m, raw: line, line: i + 1 });
  });
  return out;
}

function under(p: string, mountPoint: string): boolean {
  if (mountPoint === '/') return p.startsWith('/');
  return p === mountPoint || p.startsWith(mountPoint + '/');
}

/**
 * The mount that holds an absolute, already resolved path: the longest mount point that is a
 * prefix of it; of several mounts on that same point the last one listed is on top.
 */
export function mountOf(table: readonly MountLine[], realPath: string): MountLine | undefined {
  let best: MountLine | undefined;
  for (const m of table) {
    if (!under(realPath, m.mountPoint)) continue;
    if (!best || m.mountPoint.length >= best.mountPoint.length) best = m;
  }
  return best;
}

export type FsKind = 'local' | 'network' | 'fuse' | 'wsl-windows' | 'vm-shared' | 'tmpfs' | 'overlay';

/**
 * Network and FUSE file systems make the go command slow and break its file locking
 * (cmd/go/internal/lockedfile); WSL's 9p/drvfs view of Windows drives is both.
 */
export function fsKind(m: Pick<MountInfo, 'fsType' | 'superOptions'>): FsKind {
  const t = m.fsType;
  if (t === 'drvfs' || (t === '9p' && m.superOptions.some((o) => o.startsWith('aname=drvfs')))) return 'wsl-windows';
  if (/^(nfs|nfs4|cifs|smb3|smbfs|9p|ceph|glusterfs|afs|lustre|gpfs|beegfs|virtiofs|davfs)$/.test(t)) return 'network';
  // A folder of the hypervisor's host: VirtualBox's vboxsf (Vagrant's default synced folder),
  // VMware's hgfs (the kernel module, or open-vm-tools' FUSE client), Parallels' prl_fs.
  if (/^(vboxsf|vmhgfs|prl_fs|fuse\.vmhgfs-fuse)$/.test(t)) return 'vm-shared';
  if (t === 'fuse' || t === 'fuseblk' || t.startsWith('fuse.') || t.startsWith('fuseblk.')) return 'fuse';
  if (t === 'tmpfs' || t === 'ramfs') return 'tmpfs';
  if (t === 'overlay' || t === 'aufs') return 'overlay';
  return 'local';
}

/**
 * FUSE over a local block device (fuseblk: ntfs-3g, exfat-fuse on a disk or partition of this
 * machine): a user-space driver, but no other side that could change files behind the kernel.
 */
export function isFuseBlock(m: Pick<MountInfo, 'fsType'>): boolean {
  return m.fsType === 'fuseblk' || m.fsType.startsWith('fuseblk.');
}

export function hasOption(m: Pick<MountInfo, 'options'>, opt: string): boolean {
  return m.options.includes(opt);
}

export function isReadOnly(m: Pick<MountInfo, 'options'>): boolean {
  return m.options.includes('ro');
}
