// A ProbeContext built by hand: a Host (fixture tree or live), an environment, and facts the test
// decides, so a probe can be run against situations this machine is not in.
import { mkdtempSync, mkdirSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Host } from '../../../src/host/host.js';
import type { ProbeContext } from '../../../src/probes/probe.js';
import type { GoEnvFact, GoEnvValues } from '../../../src/facts/readGoEnv.js';
import { FindingSchema, type Finding } from '../../../src/doctor/model.js';
import type { Probe } from '../../../src/probes/probe.js';

export { makeCtx, type CtxInput } from '../../support/probeContext.js';

/** Runs a probe and validates its findings as the pipeline would (schema and declared classes). */
export async function runProbe(probe: Probe, ctx: ProbeContext) {
  const outcome = await probe.run(ctx);
  const findings: Finding[] = (outcome.findings ?? []).map((f) => {
    const parsed = FindingSchema.parse(f);
    if (!probe.classes.includes(parsed.classId)) throw new Error(`${probe.id} returned undeclared class ${parsed.classId}`);
    if (!parsed.evidence.length) throw new Error(`${probe.id} returned a finding without evidence: ${parsed.message}`);
    return parsed;
  });
  return { ...outcome, findings };
}

export function tempDir(tag: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `goenv-${tag}-`));
}

/** Writes files (relative path → content) under root, creating directories. */
export function tree(root: string, files: Record<string, string>): string {
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(root, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return root;
}

/** A directory holding an executable of that name (a stand-in `go` or `gopls` for PATH lookups). */
export function binDir(tag: string, ...names: string[]): string {
  const dir = tempDir(tag);
  for (const n of names) {
    const p = path.join(dir, n);
    writeFileSync(p, '#!/bin/sh\nexit 0\n');
    chmodSync(p, 0o755);
  }
  return dir;
}

/** A fake Go installation (GOROOT with bin/go and VERSION) and the values go env would print for it. */
export function fakeGo(version = 'go1.26.8'): { goroot: string; goBinary: string; values: GoEnvValues } {
  const root = tempDir('goroot');
  const goroot = path.join(root, 'go');
  // The layout cmd/go checks for a Go root (pkg/tool), the tools every build runs, and the standard library's core packages.
  tree(goroot, { VERSION: `${version}\ntime 2025-01-01T00:00:00Z\n`, 'bin/go': '#!/bin/sh\n', 'pkg/tool/linux_amd64/compile': '', 'pkg/tool/linux_amd64/link': '', 'pkg/tool/linux_amd64/asm': '', 'src/runtime/runtime.go': 'package runtime\n', ...Object.fromEntries(['fmt', 'os', 'io', 'errors', 'strings', 'sync', 'context'].map((p) => [`src/${p}/${p}.go`, `package ${p}\n`])) });
  chmodSync(path.join(goroot, 'bin/go'), 0o755);
  const home = tempDir('home');
  const values: GoEnvValues = {
    GOROOT: goroot,
    GOVERSION: version,
    GOPATH: path.join(home, 'go'),
    GOMODCACHE: path.join(home, 'go', 'pkg', 'mod'),
    GOCACHE: path.join(home, '.cache', 'go-build'),
    GOENV: path.join(home, '.config', 'go', 'env'),
    GOTMPDIR: '',
    GOFLAGS: '',
    GO111MODULE: '',
    GOWORK: '',
    GOTOOLCHAIN: 'local',
    GOPROXY: 'https://proxy.golang.org,direct',
    GOOS: 'linux',
    GOARCH: 'amd64',
    GOHOSTOS: 'linux',
    GOHOSTARCH: 'amd64',
    GOBIN: '',
  };
  return { goroot, goBinary: path.join(goroot, 'bin', 'go'), values };
}

export function okGoEnv(g: ReturnType<typeof fakeGo>, overrides: Partial<GoEnvValues> = {}): GoEnvFact {
  return { ok: true, goBinary: g.goBinary, goBinaryReal: g.goBinary, values: { ...g.values, ...overrides } as GoEnvValues, commandLine: 'go env -json' };
}
