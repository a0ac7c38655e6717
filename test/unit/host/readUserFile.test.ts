// Issue 9 finding 5: workspace files are read with a cap, never whole, and never block.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CAP, readUserFile, readUserTextSync } from '../../../src/host/readUserFile.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'ged-userfile-'));

describe('readUserFile', () => {
  it('a 500 MB sparse go.work: the first MiB, marked truncated', async () => {
    const f = path.join(dir, 'go.work');
    writeFileSync(f, 'go 1.22\n\nuse ./mod\n');
    truncateSync(f, 500 * 1024 * 1024);
    const r = await readUserFile(f, CAP.goModFile);
    expect(r.ok && r.truncated).toBe(true);
    expect(r.ok && r.text.length).toBe(CAP.goModFile);
    expect(r.ok && r.text.startsWith('go 1.22\n\nuse ./mod\n')).toBe(true);
  });

  it('a small file whole; a FIFO refused at once', async () => {
    const f = path.join(dir, 'go.mod');
    writeFileSync(f, 'module m\n');
    expect(await readUserFile(f, CAP.goModFile)).toEqual({ ok: true, text: 'module m\n', truncated: false, size: 9 });
    const fifo = path.join(dir, 'fifo.mod');
    execFileSync('mkfifo', [fifo]);
    expect(await readUserFile(fifo, CAP.goModFile)).toEqual({ ok: false, code: 'ENOTFILE' });
  });

  it('the synchronous twin: the same text, the same cap, a FIFO refused at once', async () => {
    const f = path.join(dir, 'go.sum');
    writeFileSync(f, 'golang.org/x/text v0.3.0 h1:x\n');
    truncateSync(f, 64 * 1024 * 1024);
    const text = readUserTextSync(f, CAP.goSum);
    expect(text?.length).toBe(CAP.goSum);
    const r = await readUserFile(f, CAP.goSum);
    expect(r.ok && r.text).toBe(text);
    const fifo = path.join(dir, 'fifo.sum');
    execFileSync('mkfifo', [fifo]);
    expect(readUserTextSync(fifo, CAP.goSum)).toBeUndefined();
    expect(readUserTextSync(path.join(dir, 'absent'), CAP.goSum)).toBeUndefined();
  });
});
