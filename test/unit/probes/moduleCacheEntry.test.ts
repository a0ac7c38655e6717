// Is a module version in the module cache, as go decides it (modfetch's DownloadDir and
// DownloadZip, go 1.26): a table over the parts of an entry, and the same layouts on disk. The
// states were measured with go1.26.8 and GOPROXY=off on golang.org/x/text v0.21.0: the zip and
// .ziphash alone built (go unpacked them); the extracted folder without .ziphash and no zip, and the
// .mod alone, both failed with "module lookup disabled by GOPROXY=off".
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cacheEntryPaths, cacheEntryState, cacheEntryWords, readCacheEntry, readCacheEntrySync, usableOffline, type CacheEntryFiles, type CacheEntryState } from '../../../src/probes/moduleCacheEntry.js';
import { cachedPart } from '../../../src/probes/moduleDownloads.js';

const none: CacheEntryFiles = { dir: 'absent', partial: false, zip: false, ziphash: false, mod: false };

describe('cacheEntryState: go’s verdict on one entry', () => {
  const rows: Array<{ name: string; in: Partial<CacheEntryFiles>; want: CacheEntryState }> = [
    { name: 'extracted, with .ziphash (as go leaves it)', in: { dir: 'folder', ziphash: true, zip: true, mod: true }, want: 'extracted' },
    { name: 'extracted, .ziphash, the zip removed (go never needs it again)', in: { dir: 'folder', ziphash: true, mod: true }, want: 'extracted' },
    { name: 'zip and .ziphash, no folder (a CI cache of cache/download only)', in: { zip: true, ziphash: true, mod: true }, want: 'zip' },
    { name: 'half extracted (.partial) but the zip is there: go unpacks again', in: { dir: 'folder', partial: true, zip: true, ziphash: true }, want: 'zip' },
    { name: 'folder without .ziphash and no zip', in: { dir: 'folder', mod: true }, want: 'incomplete' },
    { name: 'folder marked .partial, no zip', in: { dir: 'folder', partial: true, ziphash: true }, want: 'incomplete' },
    { name: 'a file where the folder should be, no zip', in: { dir: 'file', ziphash: true }, want: 'incomplete' },
    { name: 'a zip without its .ziphash: go hashes it again, offline', in: { zip: true, mod: true }, want: 'zip' },
    { name: 'only the .mod (go list -m all fetched it)', in: { mod: true }, want: 'mod-only' },
    { name: 'nothing', in: {}, want: 'absent' },
    { name: 'the folder refuses search', in: { dir: 'EACCES', zip: true, ziphash: true }, want: 'unreadable' },
    { name: 'EPERM the same', in: { dir: 'EPERM' }, want: 'unreadable' },
  ];
  it.each(rows)('$name → $want', ({ in: parts, want }) => {
    expect(cacheEntryState({ ...none, ...parts })).toBe(want);
  });

  it('only an extracted folder or a zip go can unpack builds offline', () => {
    const all: CacheEntryState[] = ['extracted', 'zip', 'incomplete', 'mod-only', 'absent', 'unreadable'];
    expect(all.filter(usableOffline)).toEqual(['extracted', 'zip']);
  });
});

describe('cacheEntryPaths: go’s case escaping of path and version', () => {
  it.each([
    ['golang.org/x/text', 'v0.21.0', 'golang.org/x/text@v0.21.0', 'cache/download/golang.org/x/text/@v/v0.21.0'],
    ['github.com/Azure/go-autorest', 'v14.2.0+incompatible', 'github.com/!azure/go-autorest@v14.2.0+incompatible', 'cache/download/github.com/!azure/go-autorest/@v/v14.2.0+incompatible'],
    ['github.com/BurntSushi/toml', 'v1.4.1-0.20240526193622-A1b2C3d4E5f6', 'github.com/!burnt!sushi/toml@v1.4.1-0.20240526193622-!a1b2!c3d4!e5f6', 'cache/download/github.com/!burnt!sushi/toml/@v/v1.4.1-0.20240526193622-!a1b2!c3d4!e5f6'],
  ])('%s %s', (p, v, dir, download) => {
    expect(cacheEntryPaths('/m', { path: p, version: v })).toEqual({ dir: path.join('/m', dir), download: path.join('/m', download) });
  });
});

describe('cacheEntryWords and cachedPart: what a report says of a partial entry', () => {
  const m = { path: 'github.com/Foo/bar', version: 'v1.2.3' };
  it('names the escaped files it found', () => {
    expect(cacheEntryWords('absent', m)).toBe('no github.com/!foo/bar@v1.2.3');
    expect(cacheEntryWords('mod-only', m)).toContain('only cache/download/github.com/!foo/bar/@v/v1.2.3.mod');
    expect(cacheEntryWords('incomplete', m)).toContain('github.com/!foo/bar@v1.2.3 is there but not usable');
  });
  it('says nothing more for modules wholly absent; names the go.mod-only and unusable ones', () => {
    expect(cachedPart([{ ...m, cached: 'absent' }, { path: 'a.example/x', version: 'v0.1.0' }])).toBe('');
    expect(cachedPart([{ ...m, cached: 'mod-only' }])).toBe(' (it holds only the go.mod of github.com/Foo/bar v1.2.3, which loads the module graph but builds no package)');
    const both = cachedPart([{ ...m, cached: 'mod-only' }, { path: 'a.example/x', version: 'v0.1.0', cached: 'incomplete' }]);
    expect(both).toContain('only the go.mod of github.com/Foo/bar v1.2.3');
    expect(both).toContain('the folder of a.example/x v0.1.0 there is incomplete');
  });
});

describe('readCacheEntry on disk: the same layouts, read as go reads them', () => {
  const m = { path: 'example.com/Lib', version: 'v1.0.0' };
  const layouts: Array<{ name: string; files: string[]; folder: boolean; want: CacheEntryState }> = [
    { name: 'all of it', files: ['zip', 'ziphash', 'mod', 'info'], folder: true, want: 'extracted' },
    { name: 'cache/download only', files: ['zip', 'ziphash', 'mod', 'info'], folder: false, want: 'zip' },
    { name: 'the .mod and .info only', files: ['mod', 'info'], folder: false, want: 'mod-only' },
    { name: 'a folder whose .ziphash is gone', files: ['mod'], folder: true, want: 'incomplete' },
    { name: 'a folder still .partial', files: ['partial', 'ziphash', 'mod'], folder: true, want: 'incomplete' },
    { name: 'nothing', files: [], folder: false, want: 'absent' },
  ];
  it.each(layouts)('$name → $want (async and sync agree)', async ({ files, folder, want }) => {
    const cache = mkdtempSync(path.join(os.tmpdir(), 'modcache-entry-'));
    try {
      const p = cacheEntryPaths(cache, m);
      mkdirSync(path.dirname(p.download), { recursive: true });
      for (const ext of files) writeFileSync(`${p.download}.${ext}`, ext);
      if (folder) {
        mkdirSync(p.dir, { recursive: true });
        writeFileSync(path.join(p.dir, 'go.mod'), 'module example.com/Lib\n');
      }
      const a = await readCacheEntry(cache, m);
      expect(a).toEqual({ state: want, dir: path.join(cache, 'example.com/!lib@v1.0.0') });
      expect(readCacheEntrySync(cache, m)).toEqual(a);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
