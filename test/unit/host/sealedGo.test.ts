import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { goFlagEntry, isStaleCopy, lastGoFlag, removeStaleCopies, restorePaths, sealedGo, splitGoFlags, withRelative, workFileWithAbsolutePaths } from '../../../src/host/sealedGo.js';
import { utimesSync } from 'node:fs';

describe('splitGoFlags / lastGoFlag', () => {
  const rows: Array<{ in: string | undefined; name: string; want: string | undefined }> = [
    { in: '-mod=mod', name: 'mod', want: 'mod' },
    { in: '-mod=vendor -trimpath -mod=mod', name: 'mod', want: 'mod' },
    { in: '--mod=readonly', name: 'mod', want: 'readonly' },
    { in: '-modcacherw -modfile=alt.mod', name: 'mod', want: undefined },
    { in: "-tags=a '-modfile=/tmp/x y/go.mod'", name: 'modfile', want: '/tmp/x y/go.mod' },
    { in: '', name: 'mod', want: undefined },
    { in: undefined, name: 'mod', want: undefined },
  ];
  for (const r of rows) it(`${JSON.stringify(r.in)} → ${r.name}=${r.want}`, () => expect(lastGoFlag(r.in, r.name)).toBe(r.want));
  it('splits on runs of blanks and keeps quoted entries whole', () => expect(splitGoFlags('  -a   "-b=c d"\t-e ')).toEqual(['-a', '-b=c d', '-e']));
  it('quotes an entry only when it must', () => {
    expect(goFlagEntry('-modfile=/tmp/a/go.mod')).toBe('-modfile=/tmp/a/go.mod');
    expect(goFlagEntry('-modfile=/tmp/a b/go.mod')).toBe("'-modfile=/tmp/a b/go.mod'");
  });
});

describe('workFileWithAbsolutePaths', () => {
  const rows: Array<{ name: string; in: string; want: string }> = [
    { name: 'one use line', in: 'go 1.22\n\nuse ./a\n', want: 'go 1.22\n\nuse /w/a\n' },
    { name: 'a use block, a comment, an absolute path kept', in: 'use (\n\t./a // first\n\t../b\n\t/abs/c\n)\n', want: 'use (\n\t/w/a // first\n\t/b\n\t/abs/c\n)\n' },
    { name: 'a quoted path with a space', in: 'use "./x y"\n', want: 'use "/w/x y"\n' },
    { name: 'a bare relative name', in: 'use (\n\tmod\n)\n', want: 'use (\n\t/w/mod\n)\n' },
    { name: 'replace to a directory, and to a version (kept)', in: 'replace example.com/a => ./fork\nreplace example.com/b v1.0.0 => example.com/c v1.1.0\n', want: 'replace example.com/a => /w/fork\nreplace example.com/b v1.0.0 => example.com/c v1.1.0\n' },
    { name: 'a replace block', in: 'replace (\n\texample.com/a => ../up\n)\n', want: 'replace (\n\texample.com/a => /up\n)\n' },
    { name: 'toolchain and godebug lines untouched', in: 'go 1.22\ntoolchain go1.23.0\ngodebug default=go1.21\n', want: 'go 1.22\ntoolchain go1.23.0\ngodebug default=go1.21\n' },
  ];
  for (const r of rows) it(r.name, () => expect(workFileWithAbsolutePaths(r.in, '/w')).toBe(r.want));
});

// Real files, no go: which copies are made, and that release() removes them.
describe('sealedGo', () => {
  const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'sealed-test-'));
  it('module mode with -mod=mod from the go env file: the full flags and a -modfile copy with go.sum', async () => {
    const d = tmp();
    try {
      writeFileSync(path.join(d, 'go.mod'), 'module m\n');
      writeFileSync(path.join(d, 'go.sum'), 'x v1 h1:y\n');
      mkdirSync(path.join(d, 'sub'));
      const s = await sealedGo({}, path.join(d, 'sub'), { GOFLAGS: '-trimpath -mod=mod', GOWORK: '' });
      const copy = lastGoFlag(s.env.GOFLAGS, 'modfile')!;
      expect(s.env.GOFLAGS).toMatch(/^-trimpath -mod=mod -modfile=/);
      expect(readFileSync(copy, 'utf8')).toBe('module m\n');
      expect(readFileSync(path.join(path.dirname(copy), 'go.sum'), 'utf8')).toBe('x v1 h1:y\n');
      await s.release();
      expect(() => readFileSync(copy)).toThrow();
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
  for (const flags of ['', '-mod=readonly', '-mod=mod -mod=vendor']) {
    it(`module mode with GOFLAGS=${JSON.stringify(flags)}: go writes nothing, nothing changes`, async () => {
      const d = tmp();
      try {
        writeFileSync(path.join(d, 'go.mod'), 'module m\n');
        const env = { GOFLAGS: flags, GOWORK: 'off' };
        expect((await sealedGo(env, d, {})).env).toEqual(env);
      } finally {
        rmSync(d, { recursive: true, force: true });
      }
    });
  }
  it('workspace mode: GOWORK names a copy with absolute paths, go.work.sum beside it; GOWORK=off and GO111MODULE=off leave it be', async () => {
    const d = tmp();
    try {
      writeFileSync(path.join(d, 'go.work'), 'go 1.22\n\nuse ./a\n');
      writeFileSync(path.join(d, 'go.work.sum'), 'z v1 h1:w\n');
      mkdirSync(path.join(d, 'a'));
      writeFileSync(path.join(d, 'a', 'go.mod'), 'module a\n');
      const s = await sealedGo({}, path.join(d, 'a'), {});
      expect(s.env.GOWORK).not.toBe(path.join(d, 'go.work'));
      expect(readFileSync(s.env.GOWORK!, 'utf8')).toBe(`go 1.22\n\nuse ${path.join(d, 'a')}\n`);
      expect(readFileSync(`${s.env.GOWORK!}.sum`, 'utf8')).toBe('z v1 h1:w\n');
      await s.release();
      expect((await sealedGo({ GOWORK: 'off' }, path.join(d, 'a'), {})).env).toEqual({ GOWORK: 'off' });
      expect((await sealedGo({ GO111MODULE: 'off' }, path.join(d, 'a'), {})).env).toEqual({ GO111MODULE: 'off' });
      // GOWORK=auto is go's search, as unset (modload.FindGoWork): the go.work above is sealed too.
      const auto = await sealedGo({ GOWORK: 'auto' }, path.join(d, 'a'), {});
      expect(auto.env.GOWORK).not.toBe('auto');
      expect(readFileSync(auto.env.GOWORK!, 'utf8')).toBe(`go 1.22\n\nuse ${path.join(d, 'a')}\n`);
      await auto.release();
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});

describe('restorePaths / withRelative', () => {
  it('puts the user\'s paths back, absolute and as go shortens them relative to where it ran', () => {
    const pairs = withRelative([['/t/go-env-doctor-sealed-1/go.work.sum', '/t/ws/go.work.sum'], ['/t/go-env-doctor-sealed-1/go.work', '/t/ws/go.work']], '/t/ws/a');
    expect(restorePaths('go: ../../go-env-doctor-sealed-1/go.work requires go >= 1.99', pairs)).toBe('go: ../go.work requires go >= 1.99');
    expect(restorePaths('reading /t/go-env-doctor-sealed-1/go.work.sum and /t/go-env-doctor-sealed-1/go.work', pairs)).toBe('reading /t/ws/go.work.sum and /t/ws/go.work');
  });
});

// A doctor SIGKILLed at a deadline (or an extension host that crashed) cannot remove its copies; the
// next doctor does, once their maker is gone and they are older than any run (a fault run found one).
describe('copies a killed doctor left', () => {
  const me = { uid: 1000, now: 10_000_000, alive: (pid: number) => pid === 42 };
  it.each([
    { name: 'go-env-doctor-sealed-77-AbC123', st: { uid: 1000, mtimeMs: 0 }, stale: true },
    { name: 'go-env-doctor-sealed-42-AbC123', st: { uid: 1000, mtimeMs: 0 }, stale: false }, // its maker runs
    { name: 'go-env-doctor-sealed-77-AbC123', st: { uid: 1000, mtimeMs: 9_500_000 }, stale: false }, // younger than a run
    { name: 'go-env-doctor-sealed-77-AbC123', st: { uid: 0, mtimeMs: 0 }, stale: false }, // another user's
    { name: 'go-env-doctor-sealed-AbC123', st: { uid: 1000, mtimeMs: 0 }, stale: false }, // no pid in its name (older doctors)
    { name: 'go-env-doctor-trace-77-AbC123', st: { uid: 1000, mtimeMs: 0 }, stale: false },
  ])('$name, owner $st.uid, mtime $st.mtimeMs → $stale', ({ name, st, stale }) => expect(isStaleCopy(name, st, me)).toBe(stale));

  it('removes only a dead maker\'s old copies in TMPDIR', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'ged-stale-'));
    const dead = path.join(tmp, 'go-env-doctor-sealed-2147483646-old');
    const live = path.join(tmp, `go-env-doctor-sealed-${process.pid}-live`);
    const fresh = path.join(tmp, 'go-env-doctor-sealed-2147483646-new');
    for (const d of [dead, live, fresh]) {
      mkdirSync(d);
      writeFileSync(path.join(d, 'go.mod'), 'module x\n');
    }
    utimesSync(dead, 1000, 1000);
    utimesSync(live, 1000, 1000);
    expect(await removeStaleCopies(tmp)).toEqual([path.basename(dead)]);
    expect(readFileSync(path.join(live, 'go.mod'), 'utf8')).toBe('module x\n');
    expect(readFileSync(path.join(fresh, 'go.mod'), 'utf8')).toBe('module x\n');
    rmSync(tmp, { recursive: true, force: true });
  });
});
