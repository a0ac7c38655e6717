// Reading a file from the user's workspace or toolchain (go.work, go.mod, GOROOT/VERSION, the
// .go file gopls is shown): a repository can hold a 500 MB sparse go.work that is a few KB in
// git (issue 9 finding 5), so nothing is read whole. Opened O_NONBLOCK and checked with fstat
// like a log (a FIFO named go.mod must not hang the run), then read up to a cap.
import { closeSync, fstatSync, openSync, promises as fs, readSync, constants as fsConst } from 'node:fs';

export type UserFileRead = { ok: true; text: string; truncated: boolean; size: number } | { ok: false; code: string };

/** Caps, by what the file is. Real files are far below them; past them the rest is not needed. */
export const CAP = {
  /** go.work / go.mod: a large real go.mod is ~100 KB. */
  goModFile: 1024 * 1024,
  /** GOROOT/VERSION: two short lines. */
  versionFile: 4096,
  /** go.sum / go.work.sum: a large monorepo's is a few MB. */
  goSum: 16 * 1024 * 1024,
  /** ~/.netrc, one certificate file of SSL_CERT_DIR. */
  smallConfig: 1024 * 1024,
  /** SSL_CERT_FILE or the system bundle (~220 KB on Debian). */
  certBundle: 4 * 1024 * 1024,
} as const;

export async function readUserFile(p: string, cap: number): Promise<UserFileRead> {
  let h: fs.FileHandle | undefined;
  try {
    h = await fs.open(p, fsConst.O_RDONLY | fsConst.O_NONBLOCK | fsConst.O_NOCTTY);
    const st = await h.stat();
    if (!st.isFile()) return { ok: false, code: st.isDirectory() ? 'EISDIR' : 'ENOTFILE' };
    const want = Math.min(cap, st.size) + 1;
    const buf = Buffer.alloc(Math.min(want, cap + 1));
    let n = 0;
    while (n < buf.length) {
      const { bytesRead } = await h.read(buf, n, buf.length - n, null);
      if (bytesRead === 0) break;
      n += bytesRead;
    }
    return { ok: true, text: buf.toString('utf8', 0, Math.min(n, cap)), truncated: n > cap || st.size > cap, size: st.size };
  } catch (e) {
    return { ok: false, code: (e as NodeJS.ErrnoException).code ?? 'EIO' };
  } finally {
    await h?.close().catch(() => undefined);
  }
}

/** The text, or undefined when it cannot be read; capped. */
export async function readUserText(p: string, cap: number): Promise<string | undefined> {
  const r = await readUserFile(p, cap);
  return r.ok ? r.text : undefined;
}

/**
 * readUserText for a caller that must stay synchronous (a finding built inside a sort or map):
 * the same O_NONBLOCK open, regular-file check and cap.
 */
export function readUserTextSync(p: string, cap: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(p, fsConst.O_RDONLY | fsConst.O_NONBLOCK | fsConst.O_NOCTTY);
    const st = fstatSync(fd);
    if (!st.isFile()) return undefined;
    const buf = Buffer.alloc(Math.min(cap, st.size));
    let n = 0;
    while (n < buf.length) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
    }
    return buf.toString('utf8', 0, n);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
