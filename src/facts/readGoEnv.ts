// `go env -json`, read once per run and shared by every probe that needs a Go path.
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { z } from 'zod';
import type { Host } from '../host/host.js';
import type { ExecResult } from '../host/exec.js';
import { lookPath } from './lookPath.js';
import { noToolchainSwitch, validToolchainSetting } from '../host/noDownload.js';

const GoEnvJsonSchema = z.record(z.string());
export type GoEnvValues = Record<string, string>;

export type GoEnvFact =
  | { ok: true; goBinary: string; goBinaryReal: string; values: GoEnvValues; commandLine: string }
  | { ok: false; reason: string; goBinary?: string; exec?: ExecResult; missing: boolean };

/** Pure: the JSON printed by `go env -json`. Errors are values, never throws. */
export function parseGoEnvJson(text: string): { ok: true; values: GoEnvValues } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `go env -json printed invalid JSON: ${(e as Error).message}` };
  }
  const parsed = GoEnvJsonSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `go env -json printed an unexpected shape: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  return { ok: true, values: parsed.data };
}

/** `find` is the run's memoised PATH lookup (runFacts.ts), so the login-shell probe's look for go is the same one. */
export async function readGoEnv(host: Host, env: NodeJS.ProcessEnv, signal: AbortSignal, timeoutMs: number, find: (cmd: string) => Promise<string | undefined> = (c) => lookPath(c, env)): Promise<GoEnvFact> {
  const goBinary = await find('go');
  if (!goBinary) return { ok: false, missing: true, reason: `go was not found on PATH (${env.PATH ?? '<unset>'})` };
  // `go env GOTOOLCHAIN` is the one go command that never switches toolchains (cmd/go
  // toolchain.Select special-cases it), so it reads the user's own setting safely; `go env -json`
  // then runs with GOTOOLCHAIN=local, and reports the user's value, not ours. The binary's real
  // path is looked up meanwhile: gopls waits for this fact before it starts.
  const real = fs.realpath(goBinary).catch(() => goBinary);
  const [own, forced] = await Promise.all([
    host.exec(goBinary, ['env', 'GOTOOLCHAIN'], { timeoutMs, signal, env }),
    host.exec(goBinary, ['env', '-json'], { timeoutMs, signal, env: noToolchainSwitch(env) }),
  ]);
  const userToolchain = own.failed ? undefined : own.stdout.trim();
  // An invalid setting fails every go command before any switch: let go env say so, as the user sees it.
  const exec = userToolchain !== undefined && !validToolchainSetting(userToolchain) ? await host.exec(goBinary, ['env', '-json'], { timeoutMs, signal, env }) : forced;
  if (exec.failed) {
    const why = exec.timedOut ? `timed out after ${timeoutMs} ms` : exec.errorCode ?? exec.stderr.trim().split('\n')[0] ?? `exit ${exec.exitCode}`;
    return { ok: false, missing: false, goBinary, exec, reason: `${exec.commandLine} failed: ${why}` };
  }
  const parsed = parseGoEnvJson(exec.stdout);
  if (!parsed.ok) return { ok: false, missing: false, goBinary, exec, reason: parsed.error };
  if (exec === forced) {
    if (userToolchain !== undefined) parsed.values.GOTOOLCHAIN = userToolchain;
    else delete parsed.values.GOTOOLCHAIN; // unknown: never report our own "local" as the user's
  }
  const goBinaryReal = await real;
  return { ok: true, goBinary, goBinaryReal, values: parsed.values, commandLine: `${path.basename(goBinary)} env -json` };
}

/** GOPATH may hold several entries; the Go extension and `go install` use them in order. */
export function gopathEntries(values: GoEnvValues): string[] {
  return (values.GOPATH ?? '').split(path.delimiter).filter(Boolean);
}

/** A Go release as the go command spells it: "go1.26.8", "1.21rc1", "go1.22". */
export interface GoVersion {
  major: number;
  minor: number;
  patch: number;
  /** rc/beta number; a release sorts after its release candidates. */
  pre?: { kind: 'beta' | 'rc'; n: number };
}

/** Pure: "go1.26.8" / "1.22" / "1.21rc1" → parts; undefined for anything else ("devel ..."). */
export function parseGoVersion(text: string): GoVersion | undefined {
  const m = /^(?:go)?(\d+)\.(\d+)(?:\.(\d+))?(?:(beta|rc)(\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  const v: GoVersion = { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) };
  if (m[4]) v.pre = { kind: m[4] as 'beta' | 'rc', n: Number(m[5]) };
  return v;
}

/**
 * Pure: what `go env GOVERSION` printed, when it reads as a Go version ("go1.26.8", "go1.26.8
 * X:nocoverageredesign", "devel go1.27-abc…"); undefined for anything else. A wrapper named go that
 * printed 3 KB of binary had it quoted whole in a message as "the editor runs …/go (<binary>)".
 */
export function goVersionWord(stdout: string): string | undefined {
  const v = stdout.trim();
  return v.length <= 200 && /^(?:go\d+\.\d+|devel )[\x20-\x7e]*$/.test(v) ? v : undefined;
}

/** Pure: <0, 0, >0 like a comparator; language versions ("1.22") equal "1.22.0". */
export function compareGoVersions(a: GoVersion, b: GoVersion): number {
  const d = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (d) return d;
  const rank = (v: GoVersion) => (v.pre ? (v.pre.kind === 'beta' ? 0 : 1) * 1000 + v.pre.n : 10_000);
  return rank(a) - rank(b);
}
