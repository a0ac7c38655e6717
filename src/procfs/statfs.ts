// Free space and free inodes of a file system (statfs(2) as node's fs.statfs returns it). Pure.
import { formatBytes } from '../host/bytes.js';

export interface SpaceFacts {
  /** Fundamental block size (f_bsize). */
  bsize: number;
  /** Blocks in the file system. */
  blocks: number;
  /** Blocks available to an unprivileged user (f_bavail): what `go build` as this user can use. */
  bavail: number;
  /** Inodes in the file system; 0 when the file system does not count them (btrfs, 9p, some FUSE). */
  files: number;
  ffree: number;
}

export type SpaceLevel = 'ok' | 'warning' | 'error';

export interface SpaceVerdict {
  level: SpaceLevel;
  bytesFree: number;
  bytesTotal: number;
  /** Percent of the file system free for this user, 0..100. */
  pctFree: number;
  inodesFree?: number;
  pctInodesFree?: number;
  /** Inodes in the file system, where it counts them. */
  inodesTotal?: number;
  /** Which of the two is short: the cure differs (a cache of few large files frees bytes, not inodes). */
  bytesShort: boolean;
  inodesShort: boolean;
  /** Plain words, e.g. "312 MiB free (0.4%)". */
  reasons: string[];
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
export const SPACE_ERROR_BYTES = 50 * MiB;
/**
 * Below this, even a small program cannot be built or linked there: a hello-world binary is about
 * 2 MiB, its build's work files a few more (go1.26.8, measured). A file system that is small but
 * still mostly empty (a 16 MiB tmpfs made for GOTMPDIR, where go run and go test -count=1 of a
 * small module succeed, a tester's) is a warning above it: a bigger binary will not fit.
 */
export const SPACE_TINY_BYTES = 8 * MiB;
export const SPACE_WARN_BYTES = GiB;
export const SPACE_WARN_PCT = 2;
export const INODES_ERROR = 1000;

function pct(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 100;
}

/**
 * error: nothing left (< 50 MiB on a file system more than half used, < 8 MiB on any, or < 1000
 * inodes); warning: < 50 MiB on a small file system still mostly empty, < 2% free (bytes or
 * inodes), or < 1 GiB free on a file system more than half used. A small file system that is still mostly
 * empty (a 64 MiB tmpfs made for GOTMPDIR) is not "little space left".
 */
export function assessSpace(s: SpaceFacts): SpaceVerdict {
  const bytesFree = s.bavail * s.bsize;
  const bytesTotal = s.blocks * s.bsize;
  const pctFree = pct(s.bavail, s.blocks);
  const reasons: string[] = [];
  let level: SpaceLevel = 'ok';
  const raise = (l: SpaceLevel) => {
    if (l === 'error' || (l === 'warning' && level === 'ok')) level = l;
  };
  let bytesShort = false;
  let inodesShort = false;
  if (s.blocks > 0) {
    if (bytesFree < SPACE_ERROR_BYTES && (bytesFree < SPACE_TINY_BYTES || pctFree < 50)) {
      raise('error');
      reasons.push(`${formatBytes(bytesFree)} free of ${formatBytes(bytesTotal)}`);
    } else if (bytesFree < SPACE_ERROR_BYTES) {
      raise('warning');
      reasons.push(`${formatBytes(bytesFree)} free of ${formatBytes(bytesTotal)}, a small file system: a build whose binary or test binary is bigger than that fails there with "no space left on device"`);
    } else if ((bytesFree < SPACE_WARN_BYTES && pctFree < 50) || pctFree < SPACE_WARN_PCT) {
      raise('warning');
      reasons.push(`${formatBytes(bytesFree)} free of ${formatBytes(bytesTotal)} (${pctFree}%)`);
    }
  }
  bytesShort = level !== 'ok';
  let inodesFree: number | undefined;
  let pctInodesFree: number | undefined;
  if (s.files > 0) {
    inodesFree = s.ffree;
    pctInodesFree = pct(s.ffree, s.files);
    if (s.ffree < INODES_ERROR) {
      raise('error');
      reasons.push(`${s.ffree} inodes free of ${s.files}`);
    } else if (pctInodesFree < SPACE_WARN_PCT) {
      raise('warning');
      reasons.push(`${s.ffree} inodes free of ${s.files} (${pctInodesFree}%)`);
    }
  }
  inodesShort = s.files > 0 && (s.ffree < INODES_ERROR || (pctInodesFree ?? 100) < SPACE_WARN_PCT);
  return { level, bytesFree, bytesTotal, pctFree, inodesFree, pctInodesFree, ...(s.files > 0 ? { inodesTotal: s.files } : {}), bytesShort, inodesShort, reasons };
}
