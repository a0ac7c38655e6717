import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, chownSync, chmodSync, rmSync, realpathSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assessAccess, foreignTreeFindings, chownIsSafe, fileAccessProbe, gatherDirFact, goplsFallbackEntry, parseGetfacl, formatMode, refusedBySandbox, type DirFact } from '../../../src/probes/fileAccess.js';
import type { FlatpakSandbox, Need } from '../../../src/probes/flatpakGrants.js';
import type { GoPathRole } from '../../../src/probes/goPaths.js';
import { FindingSchema } from '../../../src/doctor/model.js';
import { rankCauses } from '../../../src/doctor/rank.js';
import { Host } from '../../../src/host/host.js';
import { makeCtx } from '../../support/probeContext.js';

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

  it('a module cache owned by another user → a warning (go uses what is in it; downloads fail) naming owner, mode and uid, with the chown fix and no go clean', () => {
    const [f] = assessAccess([base({ owner: 1001, write: { ok: false, code: 'EACCES' } })], 1000);
    expect(f).toMatchObject({ classId: 'fs-access', severity: 'warning' });
    expect(f!.message).toContain('cannot download any other');
    expect(f!.message).toContain('owned by uid 1001, mode 0755, you are uid 1000');
    expect(f!.evidence.map((e) => e.source)).toEqual(['go env GOMODCACHE', 'access(2), stat(2) on /home/u/go/pkg/mod']);
    expect(f!.evidence[1]!.excerpt).toContain('W_OK EACCES');
    expect(f!.fixes!.find((x) => x.id === 'fs-access-chown-gomodcache')).toMatchObject({ kind: 'terminal', needsRoot: true, text: 'sudo chown -R "$USER:" /home/u/go/pkg/mod' });
    // A path is data even in a command typed for the user: quoted, never expanded when Enter is pressed.
    const odd = "/home/u/my go/$(touch x)";
    const [g] = assessAccess([base({ owner: 1001, write: { ok: false, code: 'EACCES' }, real: odd, checked: odd, entry: { role: 'GOMODCACHE', path: odd, origin: 'go env GOMODCACHE' } })], 1000);
    expect(g!.fixes!.find((x) => x.id === 'fs-access-chown-gomodcache')).toMatchObject({ text: `sudo chown -R "$USER:" '/home/u/my go/$(touch x)'` });
    // go clean cannot empty a directory this user cannot write.
    expect(f!.fixes!.some((x) => x.id === 'fs-access-go-clean-modcache')).toBe(false);
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

  // A tester's read-only GOCACHE that did not exist yet: "permission denied" was quoted beside EROFS, and the module cache's page offered.
  it('a GOCACHE to be created under a read-only file system: go\'s EROFS words, and the build cache\'s page, not the module cache\'s', () => {
    const [f] = assessAccess([base({ entry: { role: 'GOCACHE', path: '/ro/c', origin: 'go env GOCACHE' }, real: '/ro/c', exists: false, checked: '/ro', write: { ok: false, code: 'EROFS' } })], 1000);
    expect(f!.message).toContain('("could not create cache", "read-only file system")');
    expect(f!.message).not.toContain('permission denied');
    const ids = f!.fixes!.map((x) => x.id);
    expect(ids).toContain('fs-access-build-cache-docs');
    expect(ids).not.toContain('fs-access-module-cache-docs');
  });

  it('an existing gopls cache it cannot write stops gopls (it uses the directory as is); the clear is offered only when its guard agrees', () => {
    const cache = { entry: { role: 'gopls cache' as const, path: '/h/.cache/gopls', origin: 'x' }, real: '/h/.cache/gopls', owner: 1000, write: { ok: false as const, code: 'EACCES' } };
    const [f] = assessAccess([base({ ...cache, clearGuard: { ok: true, path: '/h/.cache/gopls' } })], 1000);
    expect(f).toMatchObject({ severity: 'error', explains: ['gopls-launch'] });
    expect(f!.message).toMatch(/stops at start/);
    expect(f!.fixes!.find((x) => x.kind === 'clearGoplsCache')).toMatchObject({ path: '/h/.cache/gopls' });
    // Issue 9 finding 3: ~/.cache/gopls a symlink to $HOME. No rm -rf of anything; the reason is said.
    const [g] = assessAccess([base({ ...cache, real: '/h', clearGuard: { ok: false, reason: '/h/.cache/gopls is a symbolic link; refusing to delete through it' } })], 1000);
    expect(g!.fixes!.some((x) => x.kind === 'clearGoplsCache')).toBe(false);
    expect(g!.evidence).toContainEqual({ source: 'gopls cache clear: not offered', excerpt: expect.stringMatching(/symbolic link/) });
  });

  it('a gopls cache it cannot create sends gopls to $TMPDIR/gopls: a warning when that works, an error naming both when another user owns it', () => {
    const missing = base({ entry: { role: 'gopls cache', path: '/nonexistent/.cache/gopls', origin: '$XDG_CACHE_HOME or $HOME/.cache, + /gopls' }, real: '/nonexistent/.cache/gopls', exists: false, checked: '/', owner: 0, write: { ok: false, code: 'EACCES' } });
    const usable = base({ entry: goplsFallbackEntry({}), real: '/tmp/gopls', exists: false, checked: '/tmp', owner: 0, mode: 0o41777 });
    const [w] = assessAccess([{ ...missing, fallback: usable }], 65534, undefined, { path: '/nonexistent', exists: false });
    expect(w).toMatchObject({ severity: 'warning' });
    expect(w!.message).toContain('/tmp/gopls instead');
    const othersCopy = base({ entry: goplsFallbackEntry({}), real: '/tmp/gopls', checked: '/tmp/gopls', owner: 0, mode: 0o40700, write: { ok: false, code: 'EACCES' }, search: { ok: false, code: 'EACCES' } });
    const [e] = assessAccess([{ ...missing, fallback: othersCopy }], 65534, undefined, { path: '/nonexistent', exists: false });
    expect(e).toMatchObject({ classId: 'fs-access', severity: 'error', explains: ['gopls-launch'] });
    expect(e!.message).toMatch(/\/tmp\/gopls is not writable \(EACCES\): owned by uid 0, mode 0700/);
    expect(e!.message).toMatch(/HOME=\/nonexistent, which does not exist/);
    expect(e!.fixes!.map((x) => x.id)).toEqual(['fs-access-set-goplscache']);
    expect(goplsFallbackEntry({ TMPDIR: '/run/user/1000/t' }).path).toBe('/run/user/1000/t/gopls');
  });

  // A tester's XDG_CACHE_HOME at a root-owned 0755 directory, GOCACHE unset: the report named
  // GOCACHE only, with a link ("Set GOCACHE") for a fix.
  it('a build cache XDG_CACHE_HOME put where the user cannot write: XDG_CACHE_HOME named, and commands in place of the link', () => {
    const entry = { role: 'GOCACHE' as const, path: '/tmp/rootxdg/go-build', origin: 'default: $XDG_CACHE_HOME + /go-build', xdgCacheHome: '/tmp/rootxdg' };
    const gocache = base({ entry, real: '/tmp/rootxdg/go-build', exists: false, checked: '/tmp/rootxdg', owner: 0, mode: 0o40755, write: { ok: false, code: 'EACCES' } });
    const [f] = assessAccess([gocache], 4242, undefined, { path: '/tmp/h4242', exists: true, writable: true });
    expect(FindingSchema.safeParse(f).success).toBe(true);
    expect(f!.message).toContain('GOCACHE is not set, so go uses its default under XDG_CACHE_HOME=/tmp/rootxdg');
    expect(f!.evidence).toContainEqual({ source: 'environment', excerpt: 'XDG_CACHE_HOME=/tmp/rootxdg\nGOCACHE is unset' });
    expect(f!.fixes!.map((x) => x.id)).toEqual(['gocache-go-env-w', 'xdg-cache-home-to-profile', 'fs-access-build-cache-docs']);
    expect(f!.fixes![0]).toMatchObject({ kind: 'terminal', text: 'mkdir -p "$HOME/.cache/go-build" && go env -w GOCACHE="$HOME/.cache/go-build"', needsRoot: false });
    expect(f!.fixes![1]).toMatchObject({ kind: 'terminal', text: `printf '%s\\n' 'export XDG_CACHE_HOME="$HOME/.cache"' >> ~/.profile` });
    // The page of the build cache, never the module cache's.
    expect(f!.fixes!.filter((x) => x.kind === 'link').map((x) => x.kind === 'link' && x.url)).toEqual(['https://pkg.go.dev/cmd/go#hdr-Build_and_test_caching']);
    // gopls's cache, there for the same reason: the variable named, and XDG_CACHE_HOME's fix beside GOPLSCACHE's.
    const gopls = base({ entry: { role: 'gopls cache', path: '/tmp/rootxdg/gopls', origin: '$XDG_CACHE_HOME + /gopls', xdgCacheHome: '/tmp/rootxdg' }, real: '/tmp/rootxdg/gopls', exists: false, checked: '/tmp/rootxdg', owner: 0, mode: 0o40755, write: { ok: false, code: 'EACCES' } });
    const [g] = assessAccess([{ ...gopls, fallback: base({ entry: goplsFallbackEntry({}), real: '/tmp/gopls', exists: false, checked: '/tmp', owner: 0, mode: 0o41777 }) }], 4242, undefined, { path: '/tmp/h4242', exists: true, writable: true });
    expect(g!.message).toContain('GOPLSCACHE is not set, so gopls uses its default under XDG_CACHE_HOME=/tmp/rootxdg');
    expect(g!.fixes!.map((x) => x.id)).toEqual(['xdg-cache-home-to-profile', 'fs-access-set-goplscache']);
    // A home the commands cannot write to: the variable is still named, and the link stays.
    const [h] = assessAccess([gocache], 4242, undefined, { path: '/home/ro', exists: true, writable: false });
    expect(h!.message).toContain('XDG_CACHE_HOME=/tmp/rootxdg');
    expect(h!.fixes!.map((x) => x.id)).toEqual(['fs-access-set-gocache', 'fs-access-build-cache-docs']);
  });

  // A tester ran as nobody with HOME=/root (root's, 0700): four links "Set GOCACHE/GOMODCACHE/GOPATH/
  // GOPLSCACHE to a directory you can write", no directory, and no word that HOME was someone else's.
  it.each([
    [65534, '/root', 0, '/tmp/go-65534'],
    [1234, '/home/alice', 1000, '/run/user/1234/t/go-1234'],
  ])('uid %i with HOME=%s (uid %i\'s): whose home it is, and one fix moving every Go directory into %s', (uid, home, owner, tmp) => {
    const under = (role: GoPathRole, rel: string) => base_({ role, rel });
    const base_ = ({ role, rel }: { role: GoPathRole; rel: string }) => base({ entry: { role, path: path.join(home, rel), origin: 'default' }, real: path.join(home, rel), exists: false, checked: home, owner, mode: 0o40700, write: { ok: false, code: 'EACCES' } });
    const facts = [under('GOCACHE', '.cache/go-build'), under('GOMODCACHE', 'go/pkg/mod'), under('GOPATH', 'go'), under('gopls cache', '.cache/gopls')];
    const findings = assessAccess(facts, uid, undefined, { path: home, exists: true, writable: false, owner, tmpBase: tmp });
    for (const f of findings) expect(FindingSchema.safeParse(f).success).toBe(true);
    expect(findings.length).toBeGreaterThanOrEqual(3);
    for (const f of findings.filter((x) => x.message.includes(home))) expect(f.message).toContain(`HOME=${home}, the home of another user (uid ${owner}), which you (uid ${uid}) cannot write`);
    const [cause] = rankCauses(findings.map((f) => FindingSchema.parse(f)));
    const fix = cause!.fixes.find((x) => x.id === 'toolsenv-gocache-gopath');
    expect(fix).toMatchObject({ kind: 'setting', key: 'go.toolsEnvVars', value: { GOCACHE: `${tmp}/go-build`, GOPATH: `${tmp}/go`, GOMODCACHE: `${tmp}/go/pkg/mod`, GOPLSCACHE: `${tmp}/gopls-cache` } });
    expect(cause!.fixes.filter((x) => /to a directory you (can write|own)/.test(x.title))).toEqual([]);
    // Without a directory of its own to offer (another user made /tmp/go-<uid>): the links, as before.
    const without = assessAccess(facts, uid, undefined, { path: home, exists: true, writable: false, owner });
    expect(without.flatMap((f) => f.fixes ?? []).map((x) => x.id)).toContain('fs-access-set-gocache');
  });

  it('never offers chown -R of a directory that is not the Go tools\' or under the home: HOME=/nonexistent made it chown /', () => {
    const home = { path: '/nonexistent', exists: false };
    const gocache = base({ entry: { role: 'GOCACHE', path: '/nonexistent/.cache/go-build', origin: 'default: $XDG_CACHE_HOME or $HOME/.cache, + /go-build' }, real: '/nonexistent/.cache/go-build', exists: false, checked: '/', owner: 0, write: { ok: false, code: 'EACCES' } });
    const [f] = assessAccess([gocache], 65534, undefined, home);
    expect(f!.fixes!.some((x) => x.kind === 'terminal' && /chown/.test(x.text))).toBe(false);
    expect(f!.fixes!.some((x) => x.id === 'fs-access-go-clean-cache')).toBe(false); // nothing to empty
    expect(f!.fixes!.find((x) => x.id === 'fs-access-set-gocache')!.detail).toMatch(/HOME=\/nonexistent, which does not exist/);
    expect(f!.message).toMatch(/HOME=\/nonexistent, which does not exist/);
    // A container run with -u 1000 and no HOME: HOME=/, which exists but is root's.
    const slash = base({ entry: { role: 'GOCACHE', path: '/.cache/go-build', origin: 'default: $XDG_CACHE_HOME or $HOME/.cache, + /go-build' }, real: '/.cache/go-build', exists: false, checked: '/', owner: 0, write: { ok: false, code: 'EACCES' } });
    const [h] = assessAccess([slash], 1000, undefined, { path: '/', exists: true, writable: false });
    expect(h!.message).toContain('It lies under HOME=/, which you cannot write.');
    expect(h!.fixes!.some((x) => x.kind === 'terminal' && /chown/.test(x.text))).toBe(false);
    // The classic case still gets it: ~/go made by `sudo go install`, its pkg/mod missing.
    const sudoMade = base({ real: '/home/u/go/pkg/mod', exists: false, checked: '/home/u/go', owner: 0, write: { ok: false, code: 'EACCES' } });
    const [g] = assessAccess([sudoMade], 1000, undefined, { path: '/home/u', exists: true });
    expect(g!.fixes!.find((x) => x.id === 'fs-access-chown-gomodcache')).toMatchObject({ text: 'sudo chown -R "$USER:" /home/u/go' });
  });

  it.each([
    ['/', false, true, false],
    ['/usr/local', true, true, false],
    ['/home', false, true, false],
    ['/home/u', true, true, false],
    ['/home/u/.cache', false, true, true],
    ['/home/u/go/pkg/mod', true, true, true],
    ['/opt/gopath', true, true, true],
    ['/opt/gopath', false, true, false],
    ['/srv', true, false, false],
    ['/var/lib/go', true, false, true],
  ])('chownIsSafe(%s, own dir %s, home known %s) → %s', (dir, own, known, safe) => {
    expect(chownIsSafe(dir, own, known ? { path: '/home/u', exists: true } : undefined)).toBe(safe);
  });

  it('HOME=/ makes no folder "below home": a root-owned /tmp/rootxdg the user does not own gets no chown', () => {
    expect(chownIsSafe('/tmp/rootxdg', false, { path: '/', exists: true })).toBe(false);
    expect(chownIsSafe('/tmp/rootxdg', true, { path: '/', exists: true })).toBe(true);
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
    expect(formatMode(0o41777)).toBe('1777');
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

  // GOPATH set to a file: GOMODCACHE below it cannot be made, because a file is on its path, not
  // for want of a permission (a tester's writable file was called "not writable (EACCES)", with a
  // fix about containers). Real mkdir says ENOTDIR.
  it('a missing directory below a file: the file named as a file, no ownership fix', async () => {
    const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'ged-access-')));
    try {
      writeFileSync(path.join(dir, 'afile'), 'x');
      const cache = path.join(dir, 'afile', 'pkg', 'mod');
      expect(() => mkdirSync(cache, { recursive: true })).toThrow(/ENOTDIR/);
      const f = await gatherDirFact({ role: 'GOMODCACHE', path: cache, origin: 'test' });
      const [finding] = assessAccess([f], 0);
      expect(finding!.message).toContain(`${path.join(dir, 'afile')}, on its path, is a file, not a directory (mkdir fails with ENOTDIR)`);
      expect(finding!.message).not.toMatch(/not writable/);
      expect(finding!.fixes).toEqual([]);
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

// Inside a Flatpak sandbox (flatpakGrants.ts) a Go directory the grants do not expose is not the
// host's folder: its refusal is the sandbox's, said with the missing grant, never with chown/mkdir.
const sandbox: FlatpakSandbox = {
  app: 'com.visualstudio.code',
  filesystems: ['host', 'xdg-config/gtk-3.0', 'xdg-config/kdeglobals:ro'],
  infoEvidence: { source: '/.flatpak-info', excerpt: '[Context]\nfilesystems=host;xdg-config/gtk-3.0;xdg-config/kdeglobals:ro;' },
  places: { home: '/home/dev', appId: 'com.visualstudio.code' },
};
const at = (role: GoPathRole, p: string, over: Partial<DirFact> = {}): DirFact => base({ entry: { role, path: p, origin: `go env ${role}` }, real: p, checked: p, ...over });
const roFs = { write: { ok: false, code: 'EROFS' } };
const missing = (parent: string, over: Partial<DirFact> = {}) => ({ exists: false, checked: parent, ...over });

describe('refusedBySandbox: is this directory\'s failure the sandbox\'s?', () => {
  const table: Array<[string, DirFact, false | { need: Need; grant: object }]> = [
    ['GOPATH /var/lib/gopath missing, / read-only (host keeps /var)', at('GOPATH', '/var/lib/gopath', missing('/', roFs)), { need: 'write', grant: { granted: false } }],
    ['GOMODCACHE /var/lib/go not writable', at('GOMODCACHE', '/var/lib/go', roFs), { need: 'write', grant: { granted: false } }],
    ['GOCACHE /var/cache/go-build not writable (the app\'s own /var/cache: real)', at('GOCACHE', '/var/cache/go-build', roFs), false],
    ['GOPATH /srv/go not readable (host exposes /srv: the denial is real)', at('GOPATH', '/srv/go', { read: { ok: false, code: 'EACCES' } }), false],
    ['GOPATH /home/dev/go not writable (host exposes home: real)', at('GOPATH', '/home/dev/go', { write: { ok: false, code: 'EACCES' } }), false],
    ['GOCACHE under a read-only grant, not writable', at('GOCACHE', '/home/dev/.config/kdeglobals/go-build', roFs), { need: 'write', grant: { granted: true, mode: 'ro' } }],
    ['GOPATH under a read-only grant, not readable (ro reads: real)', at('GOPATH', '/home/dev/.config/kdeglobals/go', { read: { ok: false, code: 'EACCES' } }), false],
    ['GOTMPDIR /var/lib/gotmp missing (go does not create it)', at('GOTMPDIR', '/var/lib/gotmp', missing('/var/lib')), { need: 'write', grant: { granted: false } }],
    ['GOTMPDIR /var/tmp/go missing (the app\'s own /var/tmp: mkdir there works)', at('GOTMPDIR', '/var/tmp/go', missing('/var/tmp')), false],
    ['GOPATH /usr/local/gopath not writable (the runtime\'s /usr)', at('GOPATH', '/usr/local/gopath', roFs), { need: 'write', grant: { granted: false, reserved: '/usr' } }],
    ['GOTMPDIR /tmp works (private, not exposed, fine)', at('GOTMPDIR', '/tmp'), false],
    ['GOPATH /var/lib/gopath missing, parent writable (go creates it)', at('GOPATH', '/var/lib/gopath', missing('/var/lib')), false],
    ['GOROOT-side: a path in the Go SDK extension (/usr/lib/sdk/golang)', at('GOPATH', '/usr/lib/sdk/golang', roFs), false],
    ['a file where a directory should be (not an access failure)', at('GOCACHE', '/var/lib/go', { isDir: false, ...roFs }), false],
  ];
  it.each(table)('%s', (_name, fact, want) => {
    const got = refusedBySandbox(fact, sandbox);
    if (want === false) expect(got).toBeUndefined();
    else expect(got).toMatchObject(want);
  });
});

describe('assessAccess in a Flatpak sandbox', () => {
  const fixIds = (fs: ReturnType<typeof assessAccess>) => fs.flatMap((f) => (f.fixes ?? []).map((x) => x.id));

  it('GOPATH and its module cache outside the grants: one env-inheritance cause naming GOPATH and the grant, explaining fs-access; the fs-access findings are symptoms with no chown', () => {
    const denied = { owner: 0, write: { ok: false, code: 'EACCES' } };
    const facts = [at('GOPATH', '/var/lib/gopath', denied), at('GOMODCACHE', '/var/lib/gopath/pkg/mod', denied)];
    expect(fixIds(assessAccess(facts, 1000))).toContain('fs-access-chown-gomodcache'); // outside a sandbox: today's advice
    const found = assessAccess(facts, 1000, sandbox).map((f) => FindingSchema.parse(f));
    const env = found.filter((f) => f.classId === 'env-inheritance');
    expect(env).toHaveLength(1);
    expect(env[0]).toMatchObject({ severity: 'warning', explains: ['fs-access'] });
    expect(env[0]!.message).toContain('Flatpak sandbox (com.visualstudio.code) whose filesystem grants do not cover it (filesystems=host;xdg-config/gtk-3.0;xdg-config/kdeglobals:ro): /var/lib/gopath is refused');
    expect(env[0]!.message).toContain('GOPATH /var/lib/gopath not being writable there (EACCES) is the sandbox\'s refusal');
    expect(env[0]!.message).toContain('the missing grant is --filesystem=/var/lib/gopath');
    expect(env[0]!.fixes[0]).toMatchObject({ id: 'flatpak-grant-filesystem-var-lib-gopath', kind: 'terminal', text: 'flatpak override --user --filesystem=/var/lib/gopath com.visualstudio.code', needsRoot: false });
    expect(env[0]!.evidence.at(-1)).toEqual(sandbox.infoEvidence);
    const symptoms = found.filter((f) => f.classId === 'fs-access');
    expect(symptoms).toHaveLength(2);
    for (const s of symptoms) expect(s).toMatchObject({ role: 'symptom', symptom: 'access-denied', fixes: [] });
    expect(symptoms[0]!.message).toContain('This is what the Flatpak sandbox (com.visualstudio.code) shows, which does not expose it');
    expect(fixIds(found).filter((id) => id.startsWith('fs-access-'))).toEqual([]);
  });

  it('a missing GOTMPDIR outside the grants: the grant, not mkdir', () => {
    const facts = [at('GOTMPDIR', '/var/lib/gotmp', missing('/var/lib'))];
    expect(fixIds(assessAccess(facts, 1000))).toEqual(['fs-access-mkdir-gotmpdir']);
    const found = assessAccess(facts, 1000, sandbox);
    expect(fixIds(found)).toEqual(['flatpak-grant-filesystem-var-lib-gotmp', 'flatpak-go-docs']);
    expect(found.find((f) => f.classId === 'env-inheritance')!.message).toContain('GOTMPDIR /var/lib/gotmp being missing there (ENOENT)');
  });

  it('two refused folders: a grant each, each fix its own id', () => {
    const found = assessAccess([at('GOPATH', '/var/lib/gopath', roFs), at('GOCACHE', '/var/spool/go-build', roFs)], 1000, sandbox);
    expect(found.filter((f) => f.classId === 'env-inheritance').map((f) => (f.fixes![0] as { id: string; text: string }).text)).toEqual([
      'flatpak override --user --filesystem=/var/lib/gopath com.visualstudio.code',
      'flatpak override --user --filesystem=/var/spool/go-build com.visualstudio.code',
    ]);
    expect(fixIds(found).filter((id) => id.startsWith('flatpak-grant'))).toEqual(['flatpak-grant-filesystem-var-lib-gopath', 'flatpak-grant-filesystem-var-spool-go-build']);
  });

  it('a path the grants expose read-write keeps today\'s findings exactly: the denial is real', () => {
    const facts = [at('GOMODCACHE', '/home/dev/go/pkg/mod', { owner: 1001, write: { ok: false, code: 'EACCES' } }), at('GOPATH', '/opt/go', { owner: 0, write: { ok: false, code: 'EACCES' } })];
    expect(assessAccess(facts, 1000, sandbox)).toEqual(assessAccess(facts, 1000));
  });

  it('the space of a refused directory is the sandbox\'s own tree, not judged; an exposed one still is', () => {
    const tiny = { bsize: 4096, blocks: 16, bavail: 0, files: 100, ffree: 90 };
    expect(assessAccess([at('GOPATH', '/var/lib/gopath', missing('/', { ...roFs, space: tiny }))], 1000, sandbox).some((f) => /space/.test(f.message))).toBe(false);
    expect(assessAccess([at('GOCACHE', '/home/dev/.cache/go-build', { space: tiny })], 1000, sandbox).some((f) => /Not enough space/.test(f.message))).toBe(true);
  });
});

describe('the file-access probe inside a Flatpak sandbox (fixture hosts)', () => {
  // The sandbox is the fixture's /.flatpak-info; the directories are real (access(2) runs on this
  // machine), so the GOPATH's parent is a plain file: no one, root included, can create it.
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'ged-fa-flatpak-')));
  const home = path.join(dir, 'home');
  mkdirSync(home);
  writeFileSync(path.join(home, 'blocker'), 'x');
  mkdirSync(path.join(dir, 'outside'));
  writeFileSync(path.join(dir, 'outside', 'blocker'), 'x');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = async (root: string, gopath: string) => {
    const ctx = makeCtx({ host: new Host({ root, pid: 1, uid: 1000 }), env: { HOME: home, GOPATH: gopath, FLATPAK_ID: 'com.visualstudio.code' } });
    const found = ((await fileAccessProbe.run(ctx)).findings ?? []).map((f) => FindingSchema.parse({ ...f, probeId: 'file-access' }));
    for (const f of found) expect(fileAccessProbe.classes).toContain(f.classId);
    return found;
  };

  it('flatpak-code (filesystems=host, which keeps /tmp private): a GOPATH under /tmp is the sandbox\'s, explained, with the grant and no chown', async () => {
    const gopath = path.join(dir, 'outside', 'blocker', 'go');
    const found = await run('test/fixtures/hosts/flatpak-code', gopath);
    const env = found.find((f) => f.classId === 'env-inheritance')!;
    expect(env).toBeDefined();
    expect(env.explains).toEqual(['fs-access']);
    expect(env.message).toContain(`${gopath} is refused`);
    expect(env.message).toContain(`the missing grant is --filesystem=${gopath}`);
    expect(env.fixes[0]).toMatchObject({ kind: 'terminal', text: `flatpak override --user --filesystem=${gopath} com.visualstudio.code` });
    const access = found.filter((f) => f.classId === 'fs-access');
    expect(access.length).toBeGreaterThan(0);
    for (const f of access) expect(f).toMatchObject({ role: 'symptom', symptom: 'access-denied', fixes: [] });
    const causes = rankCauses(found);
    expect(causes[0]!.id).toBe('env-inheritance');
    expect(causes.find((c) => c.id === 'fs-access')!.findings.every((f) => f.explainedBy?.includes('env-inheritance'))).toBe(true);
  });

  it('flatpak-code-home (filesystems=home): a GOPATH under the granted home gets today\'s findings, as outside a sandbox', async () => {
    const gopath = path.join(home, 'blocker', 'go');
    const found = await run('test/fixtures/hosts/flatpak-code-home', gopath);
    expect(found.some((f) => f.classId === 'fs-access' && f.message.includes(gopath))).toBe(true);
    expect(found.some((f) => f.classId === 'env-inheritance' || f.role === 'symptom')).toBe(false);
    expect(found).toEqual(await run(dir, gopath)); // a root without /.flatpak-info: not in a sandbox
  });
});

describe("go's temporary directory is named by the variable that chose it", () => {
  const denied = { write: { ok: false as const, code: 'EACCES' }, owner: 0, mode: 0o40755 };
  it.each([
    ['TMPDIR, GOTMPDIR unset (a tester\'s TMPDIR=/usr)', '$TMPDIR (GOTMPDIR is unset)', /^TMPDIR \/usr is not writable/, 'TMPDIR=/usr'],
    ['GOTMPDIR set', 'go env GOTMPDIR', /^GOTMPDIR \/usr is not writable/, 'GOTMPDIR=/usr'],
    ['neither set', 'default temp dir /tmp (GOTMPDIR and TMPDIR are unset)', /^the temporary directory \/usr is not writable/, '/usr'],
  ])('%s', (_, origin, message, excerpt) => {
    const [f] = assessAccess([base({ entry: { role: 'GOTMPDIR', path: '/usr', origin }, real: '/usr', checked: '/usr', ...denied })], 1000);
    expect(f!.message).toMatch(message);
    expect(f!.evidence[0]!.excerpt).toBe(excerpt);
    // A directory of the user's own, not a chown of /usr, nor the module cache's documentation.
    expect(f!.fixes!.map((x) => x.id)).toEqual(['gotmpdir-own']);
  });
});

describe('a full build cache: cleaning it only where it frees space, moving it where there is room', () => {
  const MiB = 1024 * 1024;
  // 1 MiB tmpfs, full; a 64 GiB file system with room for the move.
  const tiny = { bsize: 4096, blocks: 256, bavail: 0, files: 400, ffree: 0 };
  const bigFull = { bsize: 4096, blocks: 16_777_216, bavail: 0, files: 5_000_000, ffree: 4_000_000 };
  // Bytes free, inodes not: a tmpfs made with a small nr_inodes, and a large disk of many small files.
  const inodeTiny = (files: number, ffree: number) => ({ bsize: 4096, blocks: 16_384, bavail: 16_384, files, ffree });
  const inodeFull = { bsize: 4096, blocks: 16_777_216, bavail: 8_000_000, files: 5_000_000, ffree: 10 };
  const own = { dir: '/home/u/.cache/go-build', checked: '/home/u/.cache', bytesFree: 60 * 1024 * MiB };
  const cacheOn = (space: typeof tiny, over: Partial<DirFact> = {}) => base({ entry: { role: 'GOCACHE', path: '/mnt/c', origin: 'go env GOCACHE' }, real: '/mnt/c', checked: '/mnt/c', dev: 1, space, ownDir: own, ...over });
  const finding = (f: DirFact) => assessAccess([f], 1000).find((x) => /Not enough space/.test(x.message))!;
  it.each([
    // A tester's 1 MiB tmpfs: go clean freed it and the next go test filled it again; the move first.
    ['a file system smaller than one build, the cache filling it', tiny, { bytes: MiB, files: 40, truncated: false }, ['fs-space-move-gocache', 'fs-space-go-clean-cache', 'fs-space-docs'], undefined],
    // A tester's tmpfs full of another file, GOCACHE 0 B: go clean frees nothing, so it is not offered, and withheld from the log's fixes.
    ['a file system full of other files, the cache empty', tiny, { bytes: 0, files: 0, truncated: false }, ['fs-space-move-gocache', 'fs-space-docs'], ['fs-space-go-clean-cache']],
    ['a large disk the cache fills', bigFull, { bytes: 40 * 1024 * MiB, files: 30_000, truncated: false }, ['fs-space-go-clean-cache', 'fs-space-move-gocache', 'fs-space-docs'], undefined],
    ['a large disk other files fill, the cache a few MiB', bigFull, { bytes: 20 * MiB, files: 300, truncated: false }, ['fs-space-move-gocache', 'fs-space-docs'], ['fs-space-go-clean-cache']],
    ['a large disk, the cache too big to measure in time', bigFull, { bytes: 5 * 1024 * MiB, files: 60_000, truncated: true }, ['fs-space-go-clean-cache', 'fs-space-move-gocache', 'fs-space-docs'], undefined],
    // Inodes, not bytes, short: the cache's share of the inodes decides (its bytes are few either way).
    // A tester's tmpfs of nr_inodes=40: the cache's empty directories held them all, and the file
    // system can never hold one build's cache: the move first.
    ["a tmpfs of 40 inodes, the cache's directories holding them", inodeTiny(40, 0), { bytes: 4096, files: 1, inodes: 39, truncated: false }, ['fs-space-move-gocache', 'fs-space-go-clean-cache', 'fs-space-docs'], undefined],
    ['a tmpfs of 3000 inodes other files fill, the cache 98 of them', inodeTiny(3000, 0), { bytes: 4096, files: 1, inodes: 98, truncated: false }, ['fs-space-move-gocache', 'fs-space-docs'], ['fs-space-go-clean-cache']],
    ['a large disk out of inodes, the cache holding most of them in few bytes', inodeFull, { bytes: 3 * MiB, files: 2_000_000, inodes: 4_100_000, truncated: false }, ['fs-space-go-clean-cache', 'fs-space-move-gocache', 'fs-space-docs'], undefined],
    ['a large disk out of inodes, other files holding them', inodeFull, { bytes: 30 * 1024 * MiB, files: 20_000, inodes: 20_300, truncated: false }, ['fs-space-move-gocache', 'fs-space-docs'], ['fs-space-go-clean-cache']],
  ])('%s', (_, space, cacheBytes, ids, withholds) => {
    const f = finding(cacheOn(space, { cacheBytes }));
    expect(f.fixes!.map((x) => x.id)).toEqual(ids);
    expect(f.withholds).toEqual(withholds);
    expect(f.evidence.some((e) => e.source.startsWith('size of GOCACHE /mnt/c'))).toBe(true);
  });
  it.each([
    [40, 0, 39, /0 inodes free of 40\b.*The file system has 40 inodes in all, fewer than one build takes in an empty cache/, /holds only/],
    [3000, 0, 98, /GOCACHE itself holds only 98 inodes of the 3000 in use: emptying it frees almost none/, /inodes in all/],
    [3000, 5, 2900, /5 inodes free of 3000/, /holds only|inodes in all/],
  ])('inodes short on a tmpfs of %i (%i free), the cache %i of them: the message says what holds them', (files, ffree, inodes, says, saysNot) => {
    const f = finding(cacheOn(inodeTiny(files, ffree), { cacheBytes: { bytes: 4096, files: 1, inodes, truncated: false } }));
    expect(f.message).toMatch(says);
    expect(f.message).not.toMatch(saysNot);
    // Bytes are free: the 4 KiB the cache holds is not the story.
    expect(f.message).not.toContain('holds only 4 KiB');
    expect(f.evidence.find((e) => e.source.startsWith('size of GOCACHE'))!.excerpt).toContain(`(${inodes} inodes with its directories)`);
  });
  // A tester's GOMODCACHE on a tmpfs of 200 inodes: x/sys failed to unzip there, and no fix was offered.
  const modOwn = { dir: '/home/u/go/pkg/mod', checked: '/home/u', bytesFree: 60 * 1024 * MiB };
  it.each([
    ['from the go env file, a directory of ours found', false, modOwn, { kind: 'terminal', text: 'mkdir -p /home/u/go/pkg/mod && go env -w GOMODCACHE=/home/u/go/pkg/mod' }],
    ['exported, a directory of ours found', true, modOwn, { kind: 'setting', key: 'go.toolsEnvVars', value: { GOMODCACHE: '/home/u/go/pkg/mod' } }],
    ['none found', false, undefined, { kind: 'link', url: 'https://go.dev/ref/mod#module-cache' }],
  ])('GOMODCACHE short of inodes, %s: moved to a file system with room', (_, fromEnvironment, ownDir, fix) => {
    const modcache = base({ entry: { role: 'GOMODCACHE', path: '/mnt/m', origin: 'go env GOMODCACHE', ...(fromEnvironment ? { fromEnvironment } : {}) }, real: '/mnt/m', checked: '/mnt/m', dev: 2, space: inodeTiny(200, 97), ownDir });
    const f = finding(modcache);
    expect(f.message).toMatch(/^Not enough space for GOMODCACHE \/mnt\/m: 97 inodes free of 200/);
    expect(f.fixes!.map((x) => x.id)).toEqual(['fs-space-move-gomodcache']);
    expect(f.fixes![0]).toMatchObject(fix);
  });
  it('the move names the checked directory: go env -w for a go env file value, mkdir first', () => {
    const move = finding(cacheOn(tiny, { cacheBytes: { bytes: MiB, files: 1, truncated: false } })).fixes!.find((x) => x.id === 'fs-space-move-gocache');
    expect(move).toMatchObject({ kind: 'terminal', needsRoot: false, text: 'mkdir -p /home/u/.cache/go-build && go env -w GOCACHE=/home/u/.cache/go-build' });
  });
  // A tester's: GOCACHE exported, and `go env -w GOCACHE=…` only warned "does not override conflicting OS environment variable".
  it('GOCACHE exported in the environment: the move goes to go.toolsEnvVars, not go env -w, which cannot override it', () => {
    const f = finding(cacheOn(tiny, { entry: { role: 'GOCACHE', path: '/mnt/c', origin: 'go env GOCACHE', fromEnvironment: true } }));
    expect(f.fixes!.find((x) => x.id === 'fs-space-move-gocache')).toMatchObject({ kind: 'setting', key: 'go.toolsEnvVars', value: { GOCACHE: '/home/u/.cache/go-build' } });
    expect(JSON.stringify(f.fixes)).not.toContain('go env -w GOCACHE');
  });
  it('with no directory of the user\'s found to have room, the move is said without one', () => {
    const f = finding(cacheOn(tiny, { ownDir: undefined }));
    expect(f.fixes!.find((x) => x.id === 'fs-space-move-gocache')).toMatchObject({ kind: 'link' });
  });
  it("the log's go clean is dropped from the cause where the probe withholds it", () => {
    const live = { ...finding(cacheOn(tiny, { cacheBytes: { bytes: 0, files: 0, truncated: false } })), probeId: 'file-access' };
    const fromLog = { classId: 'fs-access' as const, severity: 'error' as const, confidence: 0.8, message: 'A write failed with "no space left on device"', evidence: [{ source: 'gopls log', excerpt: 'no space left on device' }], fixes: [{ id: 'fs-space-go-clean-cache', kind: 'terminal' as const, title: 'Empty', text: 'go clean -cache', needsRoot: false }] };
    const [cause] = rankCauses([FindingSchema.parse(live), FindingSchema.parse(fromLog)]);
    expect(cause!.fixes.map((x) => x.id)).not.toContain('fs-space-go-clean-cache');
  });
});

// Testers with a read-only or root-owned cache got only remount or chown, both root's.
describe("a cache that cannot be written: one of the user's own, without root", () => {
  const own = { dir: '/home/u/.cache/go-build', checked: '/home/u/.cache', bytesFree: 1024 ** 3 };
  it.each([
    ['GOCACHE read-only, in the go env file', 'GOCACHE', 'EROFS', false, { kind: 'terminal', text: 'mkdir -p /home/u/.cache/go-build && go env -w GOCACHE=/home/u/.cache/go-build' }],
    ['GOCACHE root-owned, exported', 'GOCACHE', 'EACCES', true, { kind: 'setting', key: 'go.toolsEnvVars', value: { GOCACHE: '/home/u/.cache/go-build' } }],
    ['GOMODCACHE root-owned, in the go env file', 'GOMODCACHE', 'EACCES', false, { kind: 'terminal', text: 'mkdir -p /home/u/.cache/go-build && go env -w GOMODCACHE=/home/u/.cache/go-build' }],
  ] as const)('%s', (_, role, code, exported, want) => {
    const f = base({ entry: { role, path: '/srv/c', origin: `go env ${role}`, ...(exported ? { fromEnvironment: true as const } : {}) }, real: '/srv/c', checked: '/srv/c', owner: 0, write: { ok: false, code }, ownDir: own });
    const fixes = assessAccess([f], 1000).flatMap((x) => x.fixes ?? []);
    const mine = fixes.find((x) => x.id === `fs-access-own-dir-${role.toLowerCase()}`);
    expect(mine).toMatchObject({ ...want });
    if (mine?.kind === 'terminal') expect(mine.needsRoot).toBe(false);
  });
});

// A tester's: a GOCACHE shared by two users (root-owned 1777 at the top, one user's umask-077
// folders inside) was said to be "yours" at the top and a `sudo go`'s inside, and the chown offered
// fixed one user and broke the other.
describe('directories inside a cache another user owns', () => {
  const scan = (uid: number) => ({ root: '/srv/gocache', checked: 300, foreign: [{ path: '/srv/gocache/31', uid, mode: 0o40700 }], foreignCount: 256, truncated: false });
  const shared = base({ entry: { role: 'GOCACHE', path: '/srv/gocache', origin: 'go env GOCACHE' }, real: '/srv/gocache', checked: '/srv/gocache', owner: 0, mode: 0o41777 });
  it('another user\'s: the top named as shared, no chown, a cache of one\'s own', () => {
    const [f] = foreignTreeFindings(shared, scan(1001), 1002);
    expect(f!.message).toContain('The top directory is shared (mode 1777)');
    expect(f!.message).not.toContain('is yours');
    const ids = f!.fixes!.map((x) => x.id);
    expect(ids).not.toContain('fs-access-chown-inside-gocache');
    expect(f!.fixes![0]).toMatchObject({ id: 'fs-access-own-gocache', text: 'go env -w GOCACHE="$HOME/.cache/go-build"' });
  });
  it('root\'s, under a cache of one\'s own: the chown a sudo go calls for', () => {
    const mine = base({ entry: { role: 'GOCACHE', path: '/home/u/.cache/go-build', origin: 'go env GOCACHE' }, real: '/home/u/.cache/go-build', checked: '/home/u/.cache/go-build', owner: 1000 });
    const [f] = foreignTreeFindings(mine, scan(0), 1000, { path: '/home/u', exists: true, owner: 1000 } as never);
    expect(f!.message).toContain('The top directory is yours');
    expect(f!.fixes!.map((x) => x.id)).toContain('fs-access-chown-inside-gocache');
  });
});
