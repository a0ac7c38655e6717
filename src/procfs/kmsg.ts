// The kernel log as /dev/kmsg gives it, one record per read(2): "PRIO,SEQ,USEC,FLAGS[,…];text",
// then " KEY=value" lines (Documentation/ABI/testing/dev-kmsg). Read where the dmesg program is
// missing (a minimal container): the same records, stamped by the same clock, in microseconds.
import { closeSync, constants, openSync, readSync } from 'node:fs';
import type { KernelRecord } from './kernelLog.js';

/** One record, as dmesg would print it ("[  463.186989] text"), so the OOM parsers read both alike. Pure. */
export function parseKmsgRecord(rec: string): KernelRecord | undefined {
  const m = /^\d+,\d+,(\d+),[^;]*;([^\n]*)/.exec(rec);
  if (!m) return undefined;
  const seconds = Number(m[1]) / 1e6;
  const text = m[2]!;
  return { seconds, text, line: `[${seconds.toFixed(6).padStart(12)}] ${text}` };
}

/** A record is at most 8 KiB (CONSOLE_EXT_LOG_MAX); a smaller buffer makes read(2) fail with EINVAL. */
const RECORD_BYTES = 16 * 1024;

/**
 * Every record still in the ring buffer, oldest first, up to `maxRecords`. Non-blocking: the
 * buffer's end is EAGAIN. Throws what open(2) says (EPERM under dmesg_restrict, ENOENT).
 */
export function readKmsg(file = '/dev/kmsg', maxRecords = 50_000): KernelRecord[] {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  const out: KernelRecord[] = [];
  const buf = Buffer.alloc(RECORD_BYTES);
  try {
    while (out.length < maxRecords) {
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') break;
        // Records were overwritten while reading: the next read goes on from the oldest left.
        if (code === 'EPIPE') continue;
        throw e;
      }
      if (n === 0) break;
      const r = parseKmsgRecord(buf.toString('utf8', 0, n));
      if (r) out.push(r);
    }
  } finally {
    closeSync(fd);
  }
  return out;
}
