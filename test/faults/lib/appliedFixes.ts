// What the fault scenarios that type a printed fix and re-run the doctor share (52, 53, 60d): a
// Go environment of the scenario's own, and the fix applied the way a user would.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { runCmd, userEnv } from './harness.js';

/** A fix as the report's JSON has it, the fields these scenarios read. */
export type AnyFix = { id: string; kind: string; title?: string; text?: string; cwd?: string; needsRoot?: boolean; key?: string; value?: Record<string, string> };

/** A private HOME, go env file and module cache under `dir`: never root's own. `over` adds or unsets. */
export function privateEnv(dir: string, over: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const home = path.join(dir, 'home');
  mkdirSync(home, { recursive: true });
  return userEnv({ HOME: home, GOENV: path.join(home, 'goenv'), GOPATH: path.join(home, 'go'), GOMODCACHE: path.join(dir, 'mod'), GOCACHE: undefined, XDG_CACHE_HOME: undefined, XDG_CONFIG_HOME: undefined, GOTOOLCHAIN: 'local', ...over });
}

/** Types the fix: a terminal line through bash (in its folder), a go.toolsEnvVars setting as the environment it gives the tools. */
export async function applyFix(fix: AnyFix, env: NodeJS.ProcessEnv, cwd: string, wrap: string[] = []): Promise<NodeJS.ProcessEnv> {
  if (fix.kind === 'setting') {
    expect(fix.key).toBe('go.toolsEnvVars');
    return { ...env, ...fix.value };
  }
  expect(fix.kind).toBe('terminal');
  const r = await runCmd('bash', ['-c', fix.text!], { cwd: fix.cwd ?? cwd, env, wrap });
  expect(r.code, r.stderr).toBe(0);
  return env;
}
