// Lines of go env's file that go reads past, on this machine's go: go's own value shows the line was
// ignored, the doctor names the line and what go uses instead, and its go env -w fix, run as printed
// (bash -c) in a private GOENV, gives go the value the line meant. A tester's `GOPROXY
// https://proxy.example.com` went back to the default and nothing said so.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Host } from '../../src/host/host.js';
import { runDoctor } from '../../src/engine/pipeline.js';
import type { Finding, Report } from '../../src/doctor/model.js';
import { goEnvProbe } from '../../src/probes/goEnv.js';

const GO = '/usr/local/go/bin/go';
const haveGo = existsSync(GO);

function setup() {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'goenvlines-real-')));
  const env: NodeJS.ProcessEnv = { ...process.env, GOENV: path.join(dir, 'env'), GOTOOLCHAIN: 'local', PATH: `${path.dirname(GO)}:${process.env.PATH ?? '/usr/bin:/bin'}` };
  for (const k of ['GOPROXY', 'GOPRIVATE', 'GONOSUMDB', 'GONOPROXY', 'GOINSECURE', 'GOVCS', 'GOFLAGS']) delete env[k];
  return { dir, env };
}

const goEnv = (name: string, env: NodeJS.ProcessEnv) => execFileSync(GO, ['env', name], { env, encoding: 'utf8' }).trim();

async function fileFindings(dir: string, env: NodeJS.ProcessEnv): Promise<Finding[]> {
  const report: Report = await runDoctor({ host: new Host(), probes: [goEnvProbe], workspaces: [dir], env, settings: { noCache: true }, timeoutMs: 20_000 });
  return report.causes.flatMap((c) => c.findings).filter((f) => f.message.startsWith(`Your go env file ${env.GOENV}`));
}

describe.skipIf(!haveGo)('a go env file line go ignores: named, and go env -w as printed gives go the meant value', () => {
  it.each([
    { text: 'GOPROXY https://proxy.example.com\nGOFLAGS=-mod=mod\n', name: 'GOPROXY', meant: 'https://proxy.example.com', line: 1 },
    { text: 'GOFLAGS=-mod=mod\n GONOSUMDB=corp.example.com\n', name: 'GONOSUMDB', meant: 'corp.example.com', line: 2 },
    { text: 'goprivate=corp.example.com,*.corp.example.org\n', name: 'GOPRIVATE', meant: 'corp.example.com,*.corp.example.org', line: 1 },
    { text: '# mine\nGONOPROXY = git.example.com\n', name: 'GONOPROXY', meant: 'git.example.com', line: 2 },
    { text: 'GOVCS: public:git|hg,private:all\n', name: 'GOVCS', meant: 'public:git|hg,private:all', line: 1 },
    { text: 'GOINSECURE="q.example.com"\n', name: 'GOINSECURE', meant: 'q.example.com', line: 1 },
  ])('$text', async ({ text, name, meant, line }) => {
    const { dir, env } = setup();
    try {
      writeFileSync(env.GOENV!, text);
      const before = goEnv(name, env);
      expect(before).not.toBe(meant);
      const [f, ...rest] = await fileFindings(dir, env);
      expect(rest.filter((x) => x.severity === 'warning')).toEqual([]);
      expect(f).toMatchObject({ classId: 'env-inheritance', severity: 'warning' });
      expect(f!.message).toContain(`line ${line} (`);
      expect(f!.message).toContain(`go uses ${name}=${before || '(empty)'} from`);
      const fix = f!.fixes.find((x) => x.kind === 'terminal');
      expect(fix).toBeDefined();
      const r = spawnSync('bash', ['-c', fix!.kind === 'terminal' ? fix!.text : 'false'], { cwd: dir, env, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(goEnv(name, env)).toBe(meant);
      // The line is still there (go env -w leaves it): info at most, no warning.
      expect((await fileFindings(dir, env)).filter((x) => x.severity !== 'info')).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a file go env -w wrote: nothing', async () => {
    const { dir, env } = setup();
    try {
      for (const kv of ['GOPRIVATE=corp.example.com', 'GOFLAGS=-mod=mod', 'GOPROXY=https://proxy.golang.org,direct']) execFileSync(GO, ['env', '-w', kv], { env });
      expect(await fileFindings(dir, env)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
