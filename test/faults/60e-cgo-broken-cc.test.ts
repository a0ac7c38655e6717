// env-inheritance: the C compiler go env CC names is there and runs, but fails on everything (a
// ccache wrapper whose directory it cannot create, a licence server down): go build says only
// "# runtime/cgo" and the wrapper's line. A tester's report named it and offered no fix, while gcc
// on the same PATH built the package. Here the real gcc is the compiler that works, the wrapper a
// script whose words vary case by case; CC is set where users set it (exported, go env -w, or not
// at all with a broken gcc first on PATH). Each case applies the first fix as printed, builds with
// the real go, and runs the doctor again.
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO, GOPLS, expectDiagnosis, makeHome, removeTree, runCmd, runDoctorCli, summarize, tempDir, userEnv, type Report } from './lib/harness.js';

type Fix = Report['causes'][number]['fixes'][number] & { key?: string; value?: Record<string, string>; text?: string };

function workspace(ws: string, cgo: boolean): void {
  mkdirSync(ws, { recursive: true });
  writeFileSync(path.join(ws, 'go.mod'), 'module example.com/brokencc\n\ngo 1.22\n');
  writeFileSync(
    path.join(ws, 'main.go'),
    cgo
      ? 'package main\n\n/*\nstatic int twice(int x) { return 2 * x; }\n*/\nimport "C"\n\nimport "fmt"\n\nfunc main() { fmt.Println(C.twice(21)) }\n'
      : // No file imports "C", but net links runtime/cgo while cgo is on.
        'package main\n\nimport (\n\t"fmt"\n\t"net"\n)\n\nfunc main() { fmt.Println(net.IPv4len) }\n',
  );
}

/** The environment a fix gives go: a setting's go.toolsEnvVars, or a terminal command run as printed. */
async function applied(fix: Fix, env: NodeJS.ProcessEnv, cwd: string): Promise<NodeJS.ProcessEnv> {
  if (fix.kind === 'setting' && fix.key === 'go.toolsEnvVars') return { ...env, ...fix.value };
  expect(fix.kind, JSON.stringify(fix)).toBe('terminal');
  const r = await runCmd('bash', ['-c', fix.text!], { cwd, env });
  expect(r.code, r.stderr).toBe(0);
  return env;
}

const GCC = ['/usr/bin/gcc', '/usr/local/bin/gcc'].find((p) => existsSync(p));

describe('fault: CC is a wrapper that fails on every file', () => {
  const cases = [
    { where: 'exported', cgo: true, said: 'ccache: error: Failed to create directory /nonexistent/ccache: Permission denied', fix: 'toolsenv-cc-fixed' },
    { where: 'go env -w', cgo: true, said: 'icc: license server unreachable (port 28518)', fix: 'go-env-unset-cc' },
    { where: 'exported', cgo: false, said: 'distcc[4242] ERROR: compile on localhost failed', fix: 'toolsenv-cc-fixed', alsoCgoOff: true },
    // gcc itself is the broken wrapper (first on PATH, CC unset): cc, the same compiler by another
    // path, is named; removing CC would give go the broken gcc again.
    { where: 'gcc on PATH', cgo: true, said: 'gcc: fatal error: cannot execute cc1: No such file', fix: 'cgo-cc-path' },
    { where: 'go env -w, gcc on PATH', cgo: true, said: 'wrapper: out of licences', fix: 'cgo-cc-go-env-write' },
    // CC is the real gcc with a flag it refuses: gcc alone works, and is offered (was no fix at
    // all: the program CC names was skipped as the broken one). The flag varies with the case.
    { where: 'exported', cgo: true, said: '-mno-such-flag', flag: true, fix: 'toolsenv-cc-fixed' },
    { where: 'go env -w', cgo: false, said: '--definitely-not-a-gcc-option', flag: true, fix: 'go-env-unset-cc', alsoCgoOff: true },
  ] as const;
  for (const c of cases) {
    it.skipIf('flag' in c && !GCC)(`CC set by ${c.where}, ${c.cgo ? 'a cgo file in the workspace' : 'no cgo file, a program importing net'}: "${c.said}"`, async () => {
      const dir = tempDir('brokencc');
      const ws = path.join(dir, 'ws');
      workspace(ws, c.cgo);
      const home = makeHome(path.join(dir, 'home'));
      const bin = path.join(dir, 'bin');
      mkdirSync(bin);
      const flagged = 'flag' in c;
      const wrapper = flagged ? `${GCC} ${c.said}` : path.join(bin, 'cc-wrapper');
      if (!flagged) writeFileSync(wrapper, `#!/bin/sh\necho ${JSON.stringify(c.said)} >&2\nexit 1\n`, { mode: 0o755 });
      const gccFirst = c.where.includes('gcc on PATH');
      if (gccFirst) symlinkSync(wrapper, path.join(bin, 'gcc'));
      try {
        const env = userEnv({ HOME: home, SHELL: '/bin/bash', GOPATH: path.join(home, 'go'), GOCACHE: path.join(dir, 'gocache'), GOENV: path.join(dir, 'goenv'), CGO_ENABLED: '1', CC: c.where === 'exported' ? wrapper : undefined });
        if (gccFirst) env.PATH = `${bin}:${env.PATH}`;
        if (c.where.startsWith('go env -w')) {
          const w = await runCmd(GO, ['env', '-w', `CC=${gccFirst ? path.join(bin, 'gcc') : wrapper}`], { env });
          expect(w.code, w.stderr).toBe(0);
        }
        const build = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env });
        expect(build.code).not.toBe(0);
        expect(build.stderr).toContain(c.said);
        const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, gopls: GOPLS, extra: ['--no-cache'] });
        console.log(`[broken CC ${c.where} cgo=${c.cgo}] ${summarize(run)}`);
        expectDiagnosis(run, ['env-inheritance'], [c.said]);
        const first = run.report!.causes[0]!;
        const finding = first.findings.find((f) => f.message.includes('fails even on an empty C file'))!;
        expect(finding.message).toMatch(/ \((?:gcc|cc) on the editor's PATH\)(?:, without CC's arguments \([^)]*\),)? compiles the same empty file\./);
        expect(finding.message.includes(`without CC's arguments (${c.said})`)).toBe(flagged);
        const fixes = first.fixes as Fix[];
        expect(fixes[0]!.id).toBe(c.fix);
        // CGO_ENABLED=0 only where no file of the workspace imports "C".
        expect(fixes.some((f) => f.id === 'cgo-disable')).toBe(!c.cgo);
        // The fix as printed, then go builds and the doctor finds no error.
        const fixedEnv = await applied(fixes[0]!, env, ws);
        const fixed = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env: fixedEnv });
        expect(fixed.code, fixed.stderr).toBe(0);
        const again = await runDoctorCli({ workspaces: [ws], env: fixedEnv, cwd: ws, gopls: GOPLS, extra: ['--no-cache'] });
        expect(again.report!.causes.filter((x) => x.severity === 'error'), summarize(again)).toEqual([]);
        if (!c.cgo) {
          const off = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env: await applied(fixes.find((f) => f.id === 'cgo-disable')!, env, ws) });
          expect(off.code, off.stderr).toBe(0);
        }
      } finally {
        removeTree(dir);
      }
    });
  }
});
