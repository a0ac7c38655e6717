// env-inheritance: cgo off (CGO_ENABLED=0 exported, or turned off by go itself because gcc is not on
// the editor's PATH) under a module the workspace requires that has cgo files. The workspace's own
// code has none, so nothing said so before: go build stopped at "undefined: …" or "build
// constraints exclude all Go files" in the module cache, or a package built from its !cgo stand-in
// and refused at run time (go-sqlite3's "requires cgo to work. This is a stub"), while the report
// said "no problems found". The modules sit in the module cache as go leaves them; each case shows
// the symptom with the real go first, with controls where a stand-in works or cgo is on.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO, GOPLS, GOPLS_DIR, expectDiagnosis, layOutCachedModule, makeHome, offlineModuleEnv, removeTree, runCmd, runDoctorCli, summarize, tempDir, writeAppRequiring } from './lib/harness.js';

const CGO_FILE = 'package cdep\n\n/*\nstatic int answer(void) { return 42; }\n*/\nimport "C"\n\nfunc answer() int { return int(C.answer()) }\n';

/** What the module's package holds besides its cgo file, per case. */
const SHAPES = {
  // A pure-Go file that calls what the cgo file declares, and nothing in its place (gopacket's pcap).
  'no stand-in': { 'cgo.go': CGO_FILE, 'api.go': 'package cdep\n\n// Answer is computed in C.\nfunc Answer() int { return answer() }\n' },
  // Every file is a cgo file.
  'cgo only': { 'cgo.go': CGO_FILE.replace('func answer()', '// Answer is computed in C.\nfunc Answer()') },
  // A !cgo stand-in that refuses, in its own words (go-sqlite3's static_mock.go).
  'refusing stand-in': {
    'cgo.go': CGO_FILE,
    'api.go': 'package cdep\n\n// Answer is computed in C, or refused.\nfunc Answer() (int, error) { return answerOr() }\n',
    'glue_cgo.go': '//go:build cgo\n\npackage cdep\n\nfunc answerOr() (int, error) { return answer(), nil }\n',
    'stub.go': '//go:build !cgo\n\npackage cdep\n\nimport "errors"\n\nvar errStub = errors.New("cdep was built with CGO_ENABLED=0; it requires cgo to compute anything")\n\nfunc answerOr() (int, error) { return 0, errStub }\n',
  },
  // A pure-Go fallback that works: nothing to report (the control).
  'working stand-in': {
    'cgo.go': CGO_FILE,
    'api.go': 'package cdep\n\n// Answer is computed in C, or in Go.\nfunc Answer() int { return answerOr() }\n',
    'glue_cgo.go': '//go:build cgo\n\npackage cdep\n\nfunc answerOr() int { return answer() }\n',
    'pure.go': '//go:build !cgo\n\npackage cdep\n\nfunc answerOr() int { return 6 * 7 }\n',
  },
} as const;

type Shape = keyof typeof SHAPES;

describe("fault: cgo off under a dependency's cgo files", () => {
  const cases: { shape: Shape; off: 'exported' | 'no gcc on PATH' | 'on'; want: 'error' | 'warning' | 'nothing'; symptom?: RegExp }[] = [
    { shape: 'no stand-in', off: 'exported', want: 'error', symptom: /undefined: answer/ },
    { shape: 'no stand-in', off: 'no gcc on PATH', want: 'error', symptom: /undefined: answer/ },
    { shape: 'cgo only', off: 'no gcc on PATH', want: 'error', symptom: /build constraints exclude all Go files/ },
    { shape: 'refusing stand-in', off: 'exported', want: 'warning' },
    { shape: 'working stand-in', off: 'exported', want: 'nothing' },
    { shape: 'no stand-in', off: 'on', want: 'nothing' },
  ];
  for (const c of cases) {
    it(`${c.shape}, cgo ${c.off === 'on' ? 'on with gcc (the control)' : `off (${c.off})`}: ${c.want === 'nothing' ? 'no finding' : c.want === 'error' ? 'an error' : 'a warning'}`, async () => {
      const dir = tempDir('cgooff');
      const ws = path.join(dir, 'ws');
      const cache = path.join(dir, 'modcache');
      const dep = layOutCachedModule(cache, 'example.com/cdep', 'v1.0.0', SHAPES[c.shape]);
      writeAppRequiring(ws, 'example.com/cdep', 'v1.0.0', dep.goSum, 'cdep', 'Answer()');
      const home = makeHome(path.join(dir, 'home'));
      // A PATH with go and gopls but no C compiler: go turns cgo off by itself (Go 1.20+).
      const bin = path.join(dir, 'bin');
      mkdirSync(bin);
      symlinkSync(GO, path.join(bin, 'go'));
      try {
        const env = offlineModuleEnv(dir, home, cache, {
          CGO_ENABLED: c.off === 'exported' ? '0' : c.off === 'on' ? '1' : undefined,
          CC: undefined,
          ...(c.off === 'no gcc on PATH' ? { PATH: `${bin}:${GOPLS_DIR}` } : {}),
        });
        const cgo = (await runCmd(GO, ['env', 'CGO_ENABLED'], { cwd: ws, env })).stdout.trim();
        expect(cgo).toBe(c.off === 'on' ? '1' : '0');
        const build = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env });
        const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, gopls: GOPLS, extra: ['--no-cache'] });
        console.log(`[cgo-off ${c.shape} ${c.off}] ${summarize(run)}`);
        const cgoFindings = run.report!.causes.flatMap((x) => x.findings).filter((f) => f.probeId === 'cgo');
        if (c.want === 'nothing') {
          expect(build.code, build.stderr).toBe(0);
          expect(cgoFindings).toEqual([]);
          expect(run.report!.causes.some((x) => x.severity === 'error')).toBe(false);
          return;
        }
        if (c.want === 'warning') {
          // It builds, and the stand-in's words are what the program meets at run time.
          expect(build.code, build.stderr).toBe(0);
          expect(run.report!.causes.some((x) => x.severity === 'error')).toBe(false);
          expect(run.report!.causes[0]!.id).toBe('env-inheritance');
          expect(cgoFindings).toHaveLength(1);
          expect(cgoFindings[0]!.severity).toBe('warning');
          expect(cgoFindings[0]!.message).toContain('example.com/cdep (in example.com/cdep@v1.0.0) from stub.go in place of cgo.go ("cdep was built with CGO_ENABLED=0; it requires cgo to compute anything")');
          expect(run.report!.causes[0]!.fixes.map((f) => f.id)).toEqual(['cgo-enable']);
          return;
        }
        expect(build.code).not.toBe(0);
        expect(build.stderr).toMatch(c.symptom!);
        expectDiagnosis(run, ['env-inheritance'], [c.shape === 'cgo only' ? 'example.com/cdep: without cgo, cgo.go dropped; no file left' : 'example.com/cdep: without cgo, cgo.go dropped; nothing built in their place']);
        expect(run.report!.causes[0]!.findings[0]!.message).toContain('example.com/cdep (in example.com/cdep@v1.0.0) loses cgo.go');
        const said = run.report!.causes[0]!.findings.map((f) => f.message).join('\n');
        expect(said).toContain(c.shape === 'cgo only' ? 'has no file left ("build constraints exclude all Go files")' : 'has no file that builds without cgo in its place ("undefined: …")');
        const fixes = run.report!.causes[0]!.fixes.map((f) => f.id);
        if (c.off === 'exported') expect(fixes).toContain('cgo-enable');
        else {
          expect(said).toContain('go turned cgo off by itself because its C compiler "gcc" is not on the editor\'s PATH');
          expect(said).toMatch(/Your login shell finds it at \S+gcc/);
          expect(fixes).toContain('cgo-cc-path');
          expect(fixes).not.toContain('cgo-enable');
        }
      } finally {
        removeTree(dir);
      }
    });
  }
});
