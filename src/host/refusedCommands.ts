// Commands the kernel would not run for want of a resource, noted for the probe that asked for them.
// Under a pids limit a probe's `go version -m` was refused (EAGAIN), the probe read nothing, found
// nothing wrong and said "ok" (a tester's pids.max 15): the user could not tell the checks that
// passed from those that never ran. The host's exec notes each refusal in the scope the pipeline
// opened for the probe (AsyncLocalStorage follows the probe's awaits, so no probe has to pass
// anything along), and the pipeline turns a probe that found nothing into "skipped: could not check".
import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import type { ExecResult } from './exec.js';

export interface RefusedCommand {
  /** The program's base name and its arguments: what the probe tried to run, for the reason. */
  command: string;
  /** EAGAIN, ENOMEM, EMFILE or ENFILE. */
  code: string;
}

/**
 * The errnos with which a spawn is refused for want of a resource (tasks, memory, descriptors), not
 * for anything about the program. probes/spawnRefused.ts says what each means, keyed by this type,
 * so a code added here fails to compile there until it is explained.
 */
export const RESOURCE_ERRNOS = ['EAGAIN', 'ENOMEM', 'EMFILE', 'ENFILE'] as const;
export type ResourceErrno = (typeof RESOURCE_ERRNOS)[number];

export function isResourceErrno(code: string | undefined): code is ResourceErrno {
  return (RESOURCE_ERRNOS as readonly string[]).includes(code ?? '');
}

/**
 * A Go program that started but could not start its threads (runtime/os_linux.go newosproc:
 * "runtime: failed to create new OS thread (have 2 already; errno=11)"; with cgo,
 * runtime/cgo's "pthread_create failed: Resource temporarily unavailable"), or a go command whose
 * own child was refused (os/exec: "fork/exec /usr/local/go/pkg/tool/…/compile: resource temporarily
 * unavailable"): the command never got to do what it was run for. A measured `go version -m` under
 * pids.max 15 died the first way, and its probe said "ok".
 */
const THREADS_REFUSED = /^runtime: failed to create new OS thread|pthread_create failed: Resource temporarily unavailable|fork\/exec [^\n]*: resource temporarily unavailable/m;

/** Why the command could not run, when the kernel refused it a resource; undefined for any other result. Pure. */
export function refusalOf(r: Pick<ExecResult, 'errorCode' | 'exitCode' | 'stderr'>): string | undefined {
  if (isResourceErrno(r.errorCode)) return r.errorCode;
  if (r.exitCode !== undefined && r.exitCode !== 0 && THREADS_REFUSED.test(r.stderr)) return 'EAGAIN';
  return undefined;
}

const scope = new AsyncLocalStorage<RefusedCommand[]>();

/** Runs `f` with `into` collecting the refusals of every command it (and what it awaits) runs. */
export function collectRefused<T>(into: RefusedCommand[], f: () => T): T {
  return scope.run(into, f);
}

/** Notes `r` in the current scope when it was refused (no scope: nobody asked, nothing noted). */
export function noteRefused(file: string, args: readonly string[], r: Pick<ExecResult, 'errorCode' | 'exitCode' | 'stderr'>): void {
  const code = refusalOf(r);
  if (code) passRefused([{ command: [path.basename(file), ...args].join(' '), code }]);
}

/**
 * Hands refusals collected elsewhere to the current scope: a fact (go env, the login shell) is
 * computed once for every probe that reads it, and each of them could not check what it needed.
 */
export function passRefused(list: readonly RefusedCommand[]): void {
  const store = scope.getStore();
  if (!store) return;
  for (const x of list) if (!store.some((y) => y.command === x.command && y.code === x.code)) store.push(x);
}
