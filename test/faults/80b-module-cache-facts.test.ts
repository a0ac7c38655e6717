// What the report says of the module cache and of go.mod must be what the machine shows, while
// another fault is in place (a tester's real gopls logs: golang.org/x/text was "not in the module
// cache" while it was there; a folder with a go.mod under GO111MODULE=off was "no go.mod").
// The cache is filled by the real go from a proxy on disk (file://, a zip made with archive/zip),
// then cut back to what a CI cache or a lost folder leaves, and read with GOPROXY=off.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO, expectDiagnosis, removeTree, runCmd, runDoctorCli, summarize, tempDir, userEnv } from './lib/harness.js';

// Upper case in the path: the cache spells it "!cached!lib" (go's case escaping).
const MOD = 'example.com/CachedLib';
const ESC = 'example.com/!cached!lib';

const ZIPPER = `package main

import (
	"archive/zip"
	"io/fs"
	"os"
	"path/filepath"
)

// main writes a module zip: every file of os.Args[1] under the prefix os.Args[2], into os.Args[3].
func main() {
	out, err := os.Create(os.Args[3])
	if err != nil {
		panic(err)
	}
	w := zip.NewWriter(out)
	err = filepath.WalkDir(os.Args[1], func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(os.Args[1], p)
		f, err := w.Create(os.Args[2] + "/" + filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		_, err = f.Write(b)
		return err
	})
	if err != nil {
		panic(err)
	}
	if err := w.Close(); err != nil {
		panic(err)
	}
	if err := out.Close(); err != nil {
		panic(err)
	}
}
`;

/**
 * A workspace requiring MOD v1.0.0 and a module cache the real go filled for it from a file://
 * proxy (go.sum written by go too). `version` varies so no two cases share a cache layout.
 */
async function filledCache(dir: string, version: string): Promise<{ ws: string; cache: string; env: NodeJS.ProcessEnv }> {
  const src = path.join(dir, 'libsrc');
  mkdirSync(src, { recursive: true });
  writeFileSync(path.join(src, 'go.mod'), `module ${MOD}\n\ngo 1.21\n`);
  writeFileSync(path.join(src, 'lib.go'), 'package cachedlib\n\n// Answer is the answer.\nconst Answer = 42\n');
  const at = path.join(dir, 'proxy', ESC, '@v');
  mkdirSync(at, { recursive: true });
  writeFileSync(path.join(at, 'list'), `${version}\n`);
  writeFileSync(path.join(at, `${version}.info`), `{"Version":"${version}","Time":"2025-06-01T00:00:00Z"}`);
  writeFileSync(path.join(at, `${version}.mod`), `module ${MOD}\n\ngo 1.21\n`);
  const zipper = path.join(dir, 'zipper');
  mkdirSync(zipper);
  writeFileSync(path.join(zipper, 'main.go'), ZIPPER);
  const base = { GOCACHE: path.join(dir, 'gocache'), GOPATH: path.join(dir, 'gopath'), GOENV: path.join(dir, 'goenv'), GOTOOLCHAIN: 'local', GOFLAGS: '-modcacherw' };
  const zipped = await runCmd(GO, ['run', path.join(zipper, 'main.go'), src, `${MOD}@${version}`, path.join(at, `${version}.zip`)], { cwd: zipper, env: userEnv({ ...base, GO111MODULE: 'off' }) });
  expect(zipped.code, zipped.stderr).toBe(0);

  const ws = path.join(dir, 'ws');
  mkdirSync(ws);
  writeFileSync(path.join(ws, 'go.mod'), `module example.com/app\n\ngo 1.22\n\nrequire ${MOD} ${version}\n`);
  writeFileSync(path.join(ws, 'main.go'), `package main\n\nimport (\n\t"fmt"\n\n\tcachedlib "${MOD}"\n)\n\nfunc main() { fmt.Println(cachedlib.Answer) }\n`);
  const cache = path.join(dir, 'modcache');
  const fill = await runCmd(GO, ['mod', 'tidy'], { cwd: ws, env: userEnv({ ...base, GOMODCACHE: cache, GOPROXY: `file://${path.join(dir, 'proxy')}`, GOSUMDB: 'off' }) });
  expect(fill.code, fill.stderr).toBe(0);
  const env = userEnv({ ...base, GOMODCACHE: cache, GOPROXY: 'off' });
  const build = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env });
  expect(build.code, build.stderr).toBe(0);
  return { ws, cache, env };
}

const messages = (run: Awaited<ReturnType<typeof runDoctorCli>>) => run.report!.causes.flatMap((c) => c.findings.map((f) => f.message));

describe('fault: what the report says of the module cache and of go.mod is true', () => {
  it('the cache keeps only cache/download (zip, .ziphash, .mod): go builds offline from the zip, and nothing says the module is not in the cache', async () => {
    const dir = tempDir('zipcache');
    try {
      const { ws, cache, env } = await filledCache(dir, 'v1.0.0');
      rmSync(path.join(cache, `${ESC}@v1.0.0`), { recursive: true });
      const build = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env });
      expect(build.code, build.stderr).toBe(0);
      rmSync(path.join(cache, `${ESC}@v1.0.0`), { recursive: true }); // go unpacked it again: cut it back
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
      console.log(`[module cache zip only] ${summarize(run)}`);
      expect(run.report, run.stderr).toBeDefined();
      expect(messages(run).filter((m) => m.includes(MOD) && /not in the module cache/.test(m))).toEqual([]);
      expect(run.report!.causes.filter((c) => c.id === 'module-resolution' && c.severity === 'error')).toEqual([]);
    } finally {
      removeTree(dir);
    }
  });

  it('only the .mod is left (what go list -m all fetches): go build fails offline, and the report says only the go.mod is there', async () => {
    const dir = tempDir('modonly');
    try {
      const { ws, cache, env } = await filledCache(dir, 'v1.2.0');
      rmSync(path.join(cache, `${ESC}@v1.2.0`), { recursive: true });
      const dl = path.join(cache, 'cache', 'download', ESC, '@v');
      for (const f of readdirSync(dl)) if (/\.zip(hash)?$/.test(f)) rmSync(path.join(dl, f));
      const build = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env });
      expect(build.code).not.toBe(0);
      expect(build.stderr).toContain('module lookup disabled by GOPROXY=off');
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
      console.log(`[module cache .mod only] ${summarize(run)}`);
      expectDiagnosis(run, ['module-resolution'], [`${MOD} v1.2.0`]);
      const said = messages(run).find((m) => m.startsWith(`${MOD} v1.2.0, required by ${path.join(ws, 'go.mod')}, is not in the module cache`));
      expect(said).toContain(`it holds only the go.mod of ${MOD} v1.2.0`);
    } finally {
      removeTree(dir);
    }
  });

  it('an extracted folder whose .ziphash is gone and no zip: go downloads it again (and fails offline); the report says the folder is incomplete', async () => {
    const dir = tempDir('noziphash');
    try {
      const { ws, cache, env } = await filledCache(dir, 'v1.3.1');
      const dl = path.join(cache, 'cache', 'download', ESC, '@v');
      for (const f of readdirSync(dl)) if (/\.zip(hash)?$/.test(f)) rmSync(path.join(dl, f));
      const build = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env });
      expect(build.stderr).toContain('module lookup disabled by GOPROXY=off');
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
      console.log(`[module cache no .ziphash] ${summarize(run)}`);
      expect(messages(run).some((m) => m.includes(`the folder of ${MOD} v1.3.1 there is incomplete`))).toBe(true);
    } finally {
      removeTree(dir);
    }
  });

  for (const where of ['env', 'file'] as const) {
    it(`GO111MODULE=off (${where === 'env' ? 'in the environment' : 'in go env file'}) beside a go.mod: no "found no go.mod"; the ad-hoc view is told as GO111MODULE=off, and the fix is where it is set`, async () => {
      const dir = tempDir('gopathmode');
      try {
        const { ws, env } = await filledCache(dir, 'v1.4.0');
        if (where === 'file') writeFileSync(env.GOENV!, 'GO111MODULE=off\n');
        else env.GO111MODULE = 'off';
        const build = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env });
        expect(build.stderr).toMatch(/cannot find package|is not in std/);
        const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
        console.log(`[GO111MODULE=off ${where}] ${summarize(run)}`);
        expectDiagnosis(run, ['module-resolution'], [path.join(ws, 'go.mod')]);
        const all = messages(run);
        expect(all.filter((m) => /found no go\.mod/.test(m))).toEqual([]);
        const adHoc = all.find((m) => m.includes('as an ad-hoc package'));
        if (adHoc) expect(adHoc).toContain(`although ${path.join(ws, 'go.mod')} is there: GO111MODULE=off (${where === 'env' ? 'set in the environment gopls gets' : `set in your go env file ${env.GOENV}`})`);
        const fixes = run.report!.causes.flatMap((c) => c.fixes);
        expect(fixes.map((f) => f.id)).not.toContain('go-get-import');
        if (where === 'file') expect(fixes.some((f) => f.kind === 'terminal' && (f as { text?: string }).text === 'go env -u GO111MODULE')).toBe(true);
      } finally {
        removeTree(dir);
      }
    });
  }
});
