// module-resolution, blocked by the network itself: the workspace needs a module the (empty) module
// cache lacks, and go runs where there is no route out: a network namespace made with `unshare -n`
// (what a container with --network none has). go fails with "dial udp <resolver>:53: connect:
// network is unreachable"; the doctor, run in the same namespace, had only "Unexplained symptom"
// offline and "does not resolve (EAI_AGAIN)" online (explore3 item 25). Variants: lo down with the
// machine's resolver; lo up with a local stub resolver bound over /etc/resolv.conf in a private
// mount namespace (go then gets "connection refused" from the stub: still no route out). The
// namespaces end with their processes: nothing on the machine is changed.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO, removeTree, runCmd, runDoctorCli, summarize, tempDir, userEnv, type DoctorRun } from './lib/harness.js';

function writeModule(ws: string): void {
  mkdirSync(ws, { recursive: true });
  writeFileSync(path.join(ws, 'go.mod'), 'module example.com/offline\n\ngo 1.24.0\n\nrequire golang.org/x/sync v0.18.0\n');
  writeFileSync(path.join(ws, 'go.sum'), 'golang.org/x/sync v0.18.0 h1:kr88TuHDroi+UVf+0hZnirlk8o8T+4MrK6mr60WkH/I=\ngolang.org/x/sync v0.18.0/go.mod h1:9KTHXmSnoGruLpwFjVSX0lNNA75CykiMECbovNTZqGI=\n');
  writeFileSync(path.join(ws, 'main.go'), 'package main\n\nimport "golang.org/x/sync/errgroup"\n\nfunc main() {\n\tvar g errgroup.Group\n\t_ = g.Wait()\n}\n');
}

/** A command inside a fresh network namespace: as is, or with lo up and `resolv` bound over /etc/resolv.conf. */
function inNetns(resolv?: string): string[] {
  if (!resolv) return ['unshare', '-n', '--'];
  return ['unshare', '-n', '-m', '--propagation', 'private', '--', 'sh', '-c', `mount --bind "$0" /etc/resolv.conf && ip link set lo up && exec "$@"`, resolv];
}

const downloadFinding = (run: DoctorRun) => run.report?.causes.find((c) => c.id === 'module-resolution')?.findings.find((f) => /has no route to the network/.test(f.message));

describe('fault: no network at all (a network namespace without routes)', () => {
  it.each([
    { name: 'lo down, the machine\'s resolver', stub: false, goSays: /dial udp [^ ]+:53: connect: network is unreachable/ },
    { name: 'lo up, a local stub resolver', stub: true, goSays: /lookup proxy\.golang\.org on 127\.0\.0\.53:53: .*connection refused/ },
  ])('$name: go cannot download; the doctor names the missing route, offline and online', async ({ stub, goSays }) => {
    const dir = tempDir('nonet');
    const ws = path.join(dir, 'ws');
    writeModule(ws);
    const resolv = path.join(dir, 'resolv.conf');
    writeFileSync(resolv, 'nameserver 127.0.0.53\n');
    const wrap = inNetns(stub ? resolv : undefined);
    const env = userEnv({ GOMODCACHE: path.join(dir, 'modcache'), GOCACHE: path.join(dir, 'gocache'), GOENV: path.join(dir, 'goenv'), GOFLAGS: '-modcacherw', GOPROXY: undefined, GONOSUMDB: undefined, GOPRIVATE: undefined });
    try {
      const sym = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env, wrap });
      expect(sym.code).not.toBe(0);
      expect(sym.stderr).toMatch(goSays);

      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, wrap });
      console.log(`[no-network] ${summarize(run)}`);
      const first = run.report?.causes[0];
      expect(first?.id, summarize(run)).toBe('module-resolution');
      expect(first!.severity).toBe('error');
      const f = downloadFinding(run);
      expect(f, summarize(run)).toBeDefined();
      expect(f!.message).toContain('golang.org/x/sync v0.18.0');
      expect(f!.message).toContain('proxy.golang.org');
      expect(f!.evidence.map((e) => e.source)).toEqual(expect.arrayContaining(['/proc/net/route', '/proc/net/ipv6_route', '/etc/resolv.conf']));
      // gopls's symptom is explained now, not left "unexplained".
      expect(JSON.stringify(run.report)).not.toMatch(/nothing found in this run explains it/);

      // Online, in the same namespace: the lookup is said to have no route, not a bad name.
      const online = await runDoctorCli({ workspaces: [ws], env, cwd: ws, wrap, extra: ['--online'] });
      const asked = online.report?.causes.flatMap((c) => c.findings).find((x) => x.probeId === 'goproxy-online');
      expect(asked?.message, summarize(online)).toMatch(/failed at the DNS lookup: the name proxy\.golang\.org cannot be looked up \(EAI_AGAIN\), because this machine .*has no route to the network/);
      expect(asked!.message).not.toMatch(/does not resolve/);
    } finally {
      removeTree(dir);
    }
  });

  it('the control, on this machine\'s network: no route finding', async () => {
    const dir = tempDir('nonet-control');
    const ws = path.join(dir, 'ws');
    writeModule(ws);
    const env = userEnv({ GOMODCACHE: path.join(dir, 'modcache'), GOCACHE: path.join(dir, 'gocache'), GOENV: path.join(dir, 'goenv'), GOFLAGS: '-modcacherw' });
    try {
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
      expect(run.report, summarize(run)).toBeDefined();
      expect(downloadFinding(run)).toBeUndefined();
    } finally {
      removeTree(dir);
    }
  });
});
