// Issue 9 finding 8: a log path may name a FIFO, /proc/kmsg behind a symlink, or a tty. Each is
// refused from the opened descriptor, at once, with a reason, and nothing is left blocking.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readLogFile } from '../../../src/goplsLog/read.js';
import { goplsLogsProbe } from '../../../src/probes/goplsLogs.js';
import type { ProbeContext } from '../../../src/probes/probe.js';
import { Host } from '../../../src/host/host.js';

const kmsgReadable = (() => {
  try {
    accessSync('/proc/kmsg', constants.R_OK);
    return true;
  } catch {
    return false;
  }
})();

function tmp(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'ged-openlog-'));
}

function ctx(extraLogPaths: string[]): ProbeContext {
  const end = performance.now() + 5000;
  return {
    host: new Host({ root: 'test/fixtures/hosts/none', pid: 1, uid: 1000 }),
    env: { TMPDIR: '/nonexistent-tmp' },
    workspaces: ['/tmp'],
    goplsLogs: [],
    settings: { extraLogPaths },
    signal: new AbortController().signal,
    remainingMs: () => end - performance.now(),
    facts: undefined as never,
  };
}

describe('opening a log never blocks', () => {
  it('a FIFO with no writer is refused as a FIFO', async () => {
    const fifo = path.join(tmp(), 'gopls.log');
    execFileSync('mkfifo', [fifo]);
    const r = await readLogFile(fifo);
    expect(r.error?.code).toBe('ENOTFILE');
    expect(r.error?.message).toContain('a FIFO');
  });

  it.skipIf(!kmsgReadable)('a symlink to /proc/kmsg is refused as a kernel interface, not read', async () => {
    const link = path.join(tmp(), 'gopls.log');
    symlinkSync('/proc/kmsg', link);
    const r = await readLogFile(link);
    expect(r.error?.message).toMatch(/kernel interface on proc/);
    expect(r.bytesRead).toBe(0);
  });

  it('a regular file is still read in full', async () => {
    const f = path.join(tmp(), 'gopls.log');
    writeFileSync(f, '[Trace - 09:00:00.000 AM] Sending request \'initialize - (1)\'.\n');
    const r = await readLogFile(f);
    expect(r.error).toBeUndefined();
    expect(r.complete).toBe(true);
    expect(r.summary?.requestsSent.initialize).toBe(1);
  });

  it('the probe skips with each reason when no log given in settings can be read', async () => {
    const d = tmp();
    const fifo = path.join(d, 'fifo.log');
    execFileSync('mkfifo', [fifo]);
    const links = [fifo];
    if (kmsgReadable) {
      symlinkSync('/proc/kmsg', path.join(d, 'kmsg.log'));
      links.push(path.join(d, 'kmsg.log'));
    }
    const r = await goplsLogsProbe.run(ctx(links));
    expect(r.status).toBe('skipped');
    expect(r.reason).toContain(`${fifo}: a FIFO`);
    if (kmsgReadable) expect(r.reason).toContain('kernel interface on proc');
  });
});
