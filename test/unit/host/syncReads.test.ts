// The Host's synchronous doors (for /proc walks) read what the async ones read, under the same
// root, with the same cap, and never hang the thread on a FIFO.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Host } from '../../../src/host/host.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'ged-syncreads-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(path.join(root, 'proc/42/fd'), { recursive: true });
writeFileSync(path.join(root, 'proc/42/status'), 'Name:\tgopls\nUid:\t1000\t1000\t1000\t1000\n');
symlinkSync('anon_inode:inotify', path.join(root, 'proc/42/fd/3'));
symlinkSync('/dev/null', path.join(root, 'proc/42/fd/0'));
writeFileSync(path.join(root, 'big'), 'x'.repeat(100_000));
const host = new Host({ root, pid: 42, uid: 1000 });

describe('Host sync reads', () => {
  it('read, list and readlink under the host root, like their async twins', async () => {
    expect(host.readTextSync('/proc/42/status')).toBe(await host.readText('/proc/42/status'));
    expect(host.listSync('/proc/42/fd')?.sort()).toEqual((await host.list('/proc/42/fd'))?.sort());
    expect(host.readlinkSync('/proc/42/fd/3')).toBe('anon_inode:inotify');
    expect(host.readlinkSync('/proc/42/fd/3')).toBe(await host.readlink('/proc/42/fd/3'));
  });

  it('cut a file at the cap, as the async read does', async () => {
    const text = host.readTextSync('/big', 40_000);
    expect(text?.length).toBe(40_000);
    expect(text).toBe(await host.readText('/big', 40_000));
    expect(host.readTextSync('/big')?.length).toBe(100_000);
  });

  it('answer undefined for what is not there', () => {
    expect(host.readTextSync('/proc/7/status')).toBeUndefined();
    expect(host.listSync('/proc/7/fd')).toBeUndefined();
    expect(host.readlinkSync('/proc/42/status')).toBeUndefined();
  });

  it.runIf(process.platform === 'linux')('return at once on a FIFO with no writer', () => {
    execFileSync('mkfifo', [path.join(root, 'fifo')]);
    // A blocking open would never return (and the test time out): nothing writes to it.
    expect(host.readTextSync('/fifo')).toBe('');
  });
});
