import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, chownSync, chmodSync, rmSync, realpathSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assessAccess, gatherDirFact, parseGetfacl, formatMode, type DirFact } from '../../../src/probes/fileAccess.js';

// getfacl(1), "The output format of getfacl is as follows" (acl package man page).
const GETFACL_MAN = `# file: somedir/
# owner: lisa
# group: staff
# flags: -s-
user::rwx
user:joe:rwx               #effective:r-x
group::rwx                 #effective:r-x
group:cool:r-x
mask::r-x
other::r-x
default:user::rwx
default:user:joe:rwx       #effective:r-x
default:group::r-x
default:mask::r-x
default:other:---
`;

describe('parseGetfacl', () => {
  it('reads entries, the mask and effective rights, ignoring headers and defaults', () => {
    const acl = parseGetfacl(GETFACL_MAN);
    expect(acl.mask).toBe('r-x');
    expect(acl.extended).toBe(true);
    expect(acl.entries.find((e) => e.tag === 'user' && e.qualifier === 'joe')).toEqual({ tag: 'user', qualifier: 'joe', perms: 'rwx', effective: 'r-x' });
    expect(acl.entries.filter((e) => e.tag === 'mask')).toHaveLength(1);
    expect(acl.text.split('\n')).toHaveLength(6);
  });
  it('a plain mode-bits ACL is not extended', () => {
    const acl = parseGetfacl('# file: /tmp\n# owner: root\n# group: root\n# flags: --t\nuser::rwx\ngroup::rwx\nother::rwx\n');
    expect(acl).toMatchObject({ extended: false, mask: undefined });
  });
});

const base = (over: Partial<DirFact>): DirFact => ({
  entry: { role: 'GOMODCACHE', path: '/home/u/go/pkg/mod', origin: 'go env GOMODCACHE' },
  real: '/home/u/go/pkg/mod',
  exists: true,
  isDir: true,
  checked: '/home/u/go/pkg/mod',
  owner: 1000,
  mode: 0o40755,
  read: { ok: true },
  write: { ok: true },
  search: { ok: true },
  dev: 2049,
  ...over,
});

describe('assessAccess', () => {
  it('a healthy directory → nothing', () => {
    expect(assessAccess([base({})], 1000)).toEqual([]);
  });

  it('a module cache owned by another user → error naming owner, mode and uid, with chown and go clean fixes', () => {
    const [f] = assessAccess([base({ owner: 1001, write: { ok: false, code: 'EACCES' } })], 1000);
    expect(f).toMatchObject({ classId: 'fs-access', severity: 'error' });
    expect(f!.message).toContain('owned by uid 1001, mode 0755, you are uid 1000');
    expect(f!.evidence.map((e) => e.source)).toEqual(['go env GOMODCACHE', 'access(2), stat(2) on /home/u/go/pkg/mod']);
    expect(f!.evidence[1]!.excerpt).toContain('W_OK EACCES');
    expect(f!.fixes!.find((x) => x.id === 'fs-access-chown-gomodcache')).toMatchObject({ kind: 'terminal', needsRoot: true, text: 'sudo chown -R "$USER:" /home/u/go/pkg/mod' });
    // A path is data even in a command typed for the user: quoted, never expanded when Enter is pressed.
    const odd = "/home/u/my go/$(touch x)";
    const [g] = assessAccess([base({ owner: 1001, write: { ok: false, code: 'EACCES' }, real: odd, checked: odd, entry: { role: 'GOMODCACHE', path: odd, origin: 'go env GOMODCACHE' } })], 1000);
    expect(g!.fixes!.find((x) => x.id === 'fs-access-chown-gomodcache')).toMatchObject({ text: `sudo chown -R "$USER:" '/home/u/my go/$(touch x)'` });
    expect(f!.fixes!.some((x) => x.id === 'fs-access-go-clean-modcache')).toBe(true);
  });

  it('an ACL mask without w is named as the reason', () => {
    const [f] = assessAccess([base({ owner: 1001, mode: 0o40775, write: { ok: false, code: 'EACCES' }, acl: parseGetfacl(GETFACL_MAN) })], 1000);
    expect(f!.message).toMatch(/ACL mask is r-x/);
    expect(f!.evidence.some((e) => e.source.startsWith('getfacl') && e.excerpt.includes('mask::r-x'))).toBe(true);
  });

  it('EROFS → error "read-only file system", no chown fix', () => {
    const [f] = assessAccess([base({ entry: { role: 'GOCACHE', path: '/c', origin: 'go env GOCACHE' }, real: '/c', checked: '/c', write: { ok: false, code: 'EROFS' } })], 0);
    expect(f).toMatchObject({ severity: 'error' });
    expect(f!.message).toMatch(/read-only file system/);
    expect(f!.fixes!.some((x) => x.id.includes('chown'))).toBe(false);
  });

  it('an unwritable gopls cache is only a warning (gopls falls back to a temp dir); the clear is offered only when its guard agrees', () => {
    const cache = { entry: { role: 'gopls cache' as const, path: '/h/.cache/gopls', origin: 'x' }, real: '/h/.cache/gopls', owner: 1000, write: { ok: false as const, code: 'EACCES' } };
    const [f] = assessAccess([base({ ...cache, clearGuard: { ok: true, path: '/h/.cache/gopls' } })], 1000);
    expect(f!.severity).toBe('warning');
    expect(f!.fixes!.find((x) => x.kind === 'clearGoplsCache')).toMatchObject({ path: '/h/.cache/gopls' });
    // Issue 9 finding 3: ~/.cache/gopls a symlink to $HOME. No rm -rf of anything; the reason is said.
    const [g] = assessAccess([base({ ...cache, real: '/h', clearGuard: { ok: false, reason: '/h/.cache/gopls is a symbolic link; refusing to delete through it' } })], 1000);
    expect(g!.fixes!.some((x) => x.kind === 'clearGoplsCache')).toBe(false);
    expect(g!.evidence).toContainEqual({ source: 'gopls cache clear: not offered', excerpt: expect.stringMatching(/symbolic link/) });
  });

  it('a missing GOCACHE whose parent is not writable cannot be created', () => {
    const [f] = assessAccess([base({ entry: { role: 'GOCACHE', path: '/h/.cache/go-build', origin: 'x' }, real: '/h/.cache/go-build', exists: false, checked: '/h/.cache', owner: 0, write: { ok: false, code: 'EACCES' } })], 1000);
    expect(f!.message).toMatch(/does not exist and cannot be created: its nearest existing parent \/h\/.cache is not writable/);
    expect(f!.message).toContain('owned by uid 0');
  });

  it('a missing GOCACHE whose parent is writable is fine (go creates it)', () => {
    expect(assessAccess([base({ entry: { role: 'GOCACHE', path: '/h/.cache/go-build', origin: 'x' }, real: '/h/.cache/go-build', exists: false, checked: '/h/.cache' })], 1000)).toEqual([]);
  });

  it('a missing GOTMPDIR is an error: go does not create it', () => {
    const [f] = assessAccess([base({ entry: { role: 'GOTMPDIR', path: '/scratch/t', origin: 'go env GOTMPDIR' }, real: '/scratch/t', exists: false, checked: '/' })], 0);
    expect(f).toMatchObject({ severity: 'error' });
    expect(f!.fixes![0]).toMatchObject({ id: 'fs-access-mkdir-gotmpdir', text: 'mkdir -p /scratch/t' });
  });

  it('space is judged once per file system, listing every Go path on it', () => {
    const full = { bsize: 4096, blocks: 16, bavail: 0, files: 100, ffree: 90 };
    const facts = [
      base({ entry: { role: 'GOCACHE', path: '/c', origin: 'x' }, real: '/c', checked: '/c', dev: 7, space: full }),
      base({ entry: { role: 'GOTMPDIR', path: '/c/t', origin: 'x' }, real: '/c/t', checked: '/c/t', dev: 7, space: full }),
      base({ dev: 8, space: { bsize: 4096, blocks: 1e8, bavail: 5e7, files: 1e7, ffree: 9e6 } }),
    ];
    const found = assessAccess(facts, 0);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error' });
    expect(found[0]!.message).toMatch(/Not enough space for GOCACHE \/c, GOTMPDIR \/c\/t/);
    expect(found[0]!.fixes!.some((x) => x.id === 'fs-space-go-clean-cache')).toBe(true);
  });

  it('formats modes as octal with the type bits stripped', () => {
    expect(formatMode(0o41777)).toBe('01777');
    expect(formatMode(0o40700)).toBe('0700');
  });
});

describe('gatherDirFact on this machine', () => {
  const isRoot = process.getuid?.() === 0;
  it.runIf(isRoot)('root passes W_OK on a 0755 directory owned by someone else, so no finding', async () => {
    const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'ged-access-')));
    try {
      const cache = path.join(dir, 'mod');
      mkdirSync(cache);
      chownSync(cache, 1001, 1001);
      chmodSync(cache, 0o755);
      const f = await gatherDirFact({ role: 'GOMODCACHE', path: cache, origin: 'test' });
      expect(f).toMatchObject({ exists: true, isDir: true, owner: 1001, write: { ok: true } });
      expect(formatMode(f.mode!)).toBe('0755');
      expect(f.space!.blocks).toBeGreaterThan(0);
      expect(assessAccess([f], 0)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a file where a directory is expected', async () => {
    const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'ged-access-')));
    try {
      writeFileSync(path.join(dir, 'gocache'), 'x');
      const f = await gatherDirFact({ role: 'GOCACHE', path: path.join(dir, 'gocache'), origin: 'test' });
      const [finding] = assessAccess([f], 0);
      expect(finding!.message).toMatch(/is a file, not a directory/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a missing directory is checked at its nearest existing parent', async () => {
    const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'ged-access-')));
    try {
      const f = await gatherDirFact({ role: 'GOCACHE', path: path.join(dir, 'a', 'b'), origin: 'test' });
      expect(f).toMatchObject({ exists: false, checked: dir, real: path.join(dir, 'a', 'b') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
