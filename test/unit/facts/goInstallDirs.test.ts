import { describe, expect, it } from 'vitest';
import { goInstallDirs } from '../../../src/facts/goInstallDirs.js';

const SYSTEM = ['/usr/local/go/bin', '/usr/lib/go/bin', '/usr/lib/golang/bin', '/snap/bin', '/usr/bin', '/opt/go/bin'];
const HOME = ['/home/u/go/bin', '/home/u/.local/go/bin', '/home/u/go-sdk/bin'];

describe('goInstallDirs: where a go off PATH usually is', () => {
  it.each([
    ['no home: the system places only', {}, SYSTEM],
    ['GOROOT first', { goroot: '/srv/go' }, ['/srv/go/bin', ...SYSTEM]],
    ['GOROOT at a usual place is not listed twice', { goroot: '/usr/local/go' }, SYSTEM],
    ['a home: ~/go (a tarball unpacked there) and ~/.local/go', { home: '/home/u' }, [...SYSTEM, ...HOME]],
    // golang.org/dl's downloads: newest release first, by version and not by string; gotip and strays are no release.
    ['~/sdk, newest first', { home: '/home/u', sdkEntries: ['go1.9.7', 'gotip', 'go1.22.1', 'go1.22rc1', 'notes.txt', 'go1.22.10'] }, [...SYSTEM, ...HOME, '/home/u/sdk/go1.22.10/bin', '/home/u/sdk/go1.22.1/bin', '/home/u/sdk/go1.22rc1/bin', '/home/u/sdk/go1.9.7/bin']],
    ['a relative HOME names nothing', { home: 'u', sdkEntries: ['go1.22.1'] }, SYSTEM],
  ])('%s', (_name, where, want) => {
    expect(goInstallDirs(where)).toEqual(want);
  });
});
