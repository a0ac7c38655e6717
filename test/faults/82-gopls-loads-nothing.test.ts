// gopls loads nothing for the workspace (every package load fails): an error-severity symptom the
// cause found explains and outranks; one broken package among others that load adds no such
// symptom. And a go.work whose use folder is gone or holds no go.mod, read from real go's and real
// gopls's words: the log finding names the go.work and the folder, and its go work command, run as
// typed, lets go build again.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO, runCmd, runDoctorCli, removeTree, summarize, tempDir, userEnv, writeSmallModule, type DoctorRun } from './lib/harness.js';

type Finding = NonNullable<DoctorRun['report']>['causes'][number]['findings'][number];
const LOADS_NOTHING = /loads no package in/;
const findingsOf = (run: DoctorRun): Array<Finding & { cause: string; at: number }> => (run.report?.causes ?? []).flatMap((c, at) => c.findings.map((f) => ({ ...f, cause: c.id, at })));

/** A workspace and the environment that makes go refuse it whole; each sets itself up under dir. */
interface Fault {
  name: string;
  make: (dir: string) => { ws: string; env: NodeJS.ProcessEnv };
}

const module = (ws: string, goLine = '1.22', extra = ''): void => {
  mkdirSync(ws, { recursive: true });
  writeFileSync(path.join(ws, 'go.mod'), `module example.com/app\n\ngo ${goLine}\n${extra}`);
  writeFileSync(path.join(ws, 'main.go'), 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hi") }\n');
};
const work = (dir: string, uses: string[]): void => writeFileSync(path.join(dir, 'go.work'), `go 1.22\n\nuse (\n${uses.map((u) => `\t${u}\n`).join('')})\n`);

const FAULTS: Fault[] = [
  {
    name: 'GOFLAGS=-mod=vendor and no vendor/',
    make: (dir) => {
      const ws = path.join(dir, 'app');
      module(ws, '1.22', '\nrequire golang.org/x/mod v0.20.0\n');
      writeFileSync(path.join(ws, 'main.go'), 'package main\n\nimport "golang.org/x/mod/semver"\n\nfunc main() { println(semver.IsValid("v1")) }\n');
      return { ws, env: userEnv({ GOFLAGS: '-mod=vendor' }) };
    },
  },
  {
    name: 'GOROOT names an empty folder',
    make: (dir) => {
      const ws = path.join(dir, 'app');
      module(ws);
      mkdirSync(path.join(dir, 'emptyroot'));
      return { ws, env: userEnv({ GOROOT: path.join(dir, 'emptyroot') }) };
    },
  },
  {
    name: 'a go line newer than the toolchain under GOTOOLCHAIN=local',
    make: (dir) => {
      const ws = path.join(dir, 'app');
      module(ws, '1.99');
      return { ws, env: userEnv({ GOTOOLCHAIN: 'local' }) };
    },
  },
  {
    name: 'a go.work using a folder that is gone',
    make: (dir) => {
      const ws = path.join(dir, 'ws');
      module(path.join(ws, 'real'));
      work(ws, ['./real', './gone']);
      return { ws, env: userEnv() };
    },
  },
  {
    name: 'a go.work using a folder without go.mod',
    make: (dir) => {
      const ws = path.join(dir, 'ws');
      module(path.join(ws, 'real'));
      mkdirSync(path.join(ws, 'lib', 'nomod'), { recursive: true });
      writeFileSync(path.join(ws, 'lib', 'nomod', 'x.go'), 'package x\n');
      work(ws, ['./real', './lib/nomod']);
      return { ws, env: userEnv() };
    },
  },
  {
    name: 'GOWORK naming a go.work that does not exist',
    make: (dir) => {
      const ws = path.join(dir, 'app');
      module(ws);
      return { ws, env: userEnv({ GOWORK: path.join(dir, 'nope.work') }) };
    },
  },
];

describe('fault: gopls loads nothing for the workspace', () => {
  for (const fault of FAULTS) {
    it(`${fault.name}: an error symptom, explained by the cause, which ranks above it (JSON and text)`, async () => {
      const dir = tempDir('loadsnothing');
      try {
        const { ws, env } = fault.make(dir);
        const build = await runCmd(GO, ['build', './...'], { cwd: ws, env });
        expect(build.code, `go build should fail: ${build.stdout}${build.stderr}`).not.toBe(0);
        const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, timeoutMs: 60_000 });
        console.log(`[loads nothing: ${fault.name}] ${summarize(run)}`);
        const nothing = findingsOf(run).filter((f) => LOADS_NOTHING.test(f.message));
        expect(nothing, summarize(run)).toHaveLength(1);
        const s = nothing[0]!;
        expect(s).toMatchObject({ severity: 'error', role: 'symptom' });
        expect(s.explainedBy?.length, summarize(run)).toBeGreaterThan(0);
        // Never above what explains it: an explaining class that holds a cause comes first, or is
        // its own (the cause then leads the class, the symptom after it). Other explainers the
        // machine offers (a tight memory cgroup) may rank where they rank.
        const holdsCause = (i: number) => run.report!.causes[i]!.findings.some((f) => f.role !== 'symptom');
        const first = s.explainedBy!.map((by) => run.report!.causes.findIndex((c) => c.id === by)).filter((i) => i >= 0 && i <= s.at && holdsCause(i));
        expect(first.length, summarize(run)).toBeGreaterThan(0);
        if (first.includes(s.at)) expect(run.report!.causes[s.at]!.findings[0]!.role).not.toBe('symptom');
        expect(run.report!.causes[0]!.findings.some((f) => f.role !== 'symptom' && f.severity === 'error')).toBe(true);
        expect(run.code).toBe(2);
        const text = await runDoctorCli({ workspaces: [ws], env, cwd: ws, timeoutMs: 60_000, format: 'text' });
        expect(text.stdout).toMatch(LOADS_NOTHING);
      } finally {
        removeTree(dir);
      }
    });
  }

  it('some packages fail, others load: no such symptom (a second folder that loads; a broken import in one package of several)', async () => {
    const dir = tempDir('loadssome');
    try {
      const broken = path.join(dir, 'broken');
      module(path.join(broken, 'real'));
      work(broken, ['./real', './gone']);
      const healthy = writeSmallModule(path.join(dir, 'healthy'));
      const env = userEnv();
      const two = await runDoctorCli({ workspaces: [broken, healthy], env, cwd: healthy, timeoutMs: 60_000 });
      console.log(`[loads some: two folders] ${summarize(two)}`);
      expect(findingsOf(two).filter((f) => LOADS_NOTHING.test(f.message)), summarize(two)).toEqual([]);

      const mod = path.join(dir, 'partial');
      module(mod);
      for (const [pkg, src] of [['a', 'package a\n\nfunc A() int { return 1 }\n'], ['c', 'package c\n\nfunc C() int { return 3 }\n'], ['b', 'package b\n\nimport "example.com/nothere/x"\n\nvar B = x.X\n']] as const) {
        mkdirSync(path.join(mod, pkg));
        writeFileSync(path.join(mod, pkg, `${pkg}.go`), src);
      }
      const list = await runCmd(GO, ['list', '-e', './...'], { cwd: mod, env });
      expect(list.stdout).toContain('example.com/app/a');
      const one = await runDoctorCli({ workspaces: [mod], env, cwd: mod, timeoutMs: 60_000, extra: ['--file', path.join(mod, 'b', 'b.go')] });
      console.log(`[loads some: one broken package] ${summarize(one)}`);
      const fs = findingsOf(one);
      expect(fs.filter((f) => LOADS_NOTHING.test(f.message))).toEqual([]);
      for (const f of fs.filter((x) => x.role === 'symptom' && /could not load|failed to load/.test(x.message))) expect(f.severity).toBe('warning');
    } finally {
      removeTree(dir);
    }
  });
});

describe('fault: a go.work use folder that is gone, read from real go and gopls', () => {
  for (const missing of ['./gone', './lib/nomod']) {
    it(`${missing}: the trace's finding names the go.work and the folder, and its go work command makes go build again`, async () => {
      const dir = tempDir('workuse');
      try {
        const ws = path.join(dir, 'ws');
        module(path.join(ws, 'real'));
        if (missing === './lib/nomod') {
          mkdirSync(path.join(ws, 'lib', 'nomod'), { recursive: true });
          writeFileSync(path.join(ws, 'lib', 'nomod', 'x.go'), 'package x\n');
        }
        work(ws, ['./real', missing]);
        const env = userEnv({ TMPDIR: dir });
        const build = await runCmd(GO, ['build', './...'], { cwd: path.join(ws, 'real'), env });
        const rel = path.relative(path.join(ws, 'real'), path.join(ws, missing));
        expect(build.stderr).toContain(`go: cannot load module ${rel} listed in go.work file: open ${rel}/go.mod: no such file or directory`);

        const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, timeoutMs: 60_000, extra: ['--record-trace', '4'] });
        console.log(`[go.work use ${missing}] ${summarize(run)}`);
        const abs = path.join(ws, missing);
        const named = findingsOf(run).find((f) => f.probeId !== 'modules' && f.message.includes(`${path.join(ws, 'go.work')} uses ${abs}`));
        expect(named, summarize(run)).toBeDefined();
        expect(named).toMatchObject({ cause: 'module-resolution', severity: 'error' });
        const cause = run.report!.causes.find((c) => c.id === 'module-resolution')!;
        const fix = (cause.fixes as Array<{ id: string; kind: string; text?: string; cwd?: string }>).find((f) => f.kind === 'terminal' && f.text?.startsWith('go work edit -dropuse='));
        expect(fix, JSON.stringify(cause.fixes)).toBeDefined();
        expect(fix!.text).toContain(missing);
        // As typed, in the folder it names: go builds the workspace afterwards.
        const args = fix!.text!.split(' ').slice(1).map((a) => a.replace(/^'(.*)'$/, '$1'));
        const edit = await runCmd(GO, args, { cwd: fix!.cwd ?? ws, env });
        expect(edit.code, edit.stderr).toBe(0);
        const after = await runCmd(GO, ['build', './...'], { cwd: path.join(ws, 'real'), env });
        expect(after.code, after.stderr).toBe(0);
      } finally {
        removeTree(dir);
      }
    });
  }
});
