// One real LSP session with gopls over stdio, the way the Go extension starts it: spawn, the
// handshake (handshake.ts), didOpen one file and a bounded wait for its diagnostics
// (diagnosticsWait.ts), then shutdown/exit (shutdown.ts). Everything that can go wrong (the
// spawn, a crash, a hang, an error reply, "no views") comes back as data in the result; nothing
// throws. The launch probe and the trace recorder both drive gopls through here.
import { spawnServer } from '../host/server.js';
import { noToolchainSwitch } from '../host/noDownload.js';
import { filesAbove, sealedGo } from '../host/sealedGo.js';
import { awaitView, openAndWait, hold } from './diagnosticsWait.js';
import { connect, handshake } from './handshake.js';
import type { GoplsSessionOptions, GoplsSessionResult } from './sessionModel.js';
import { endedOf, SessionClock, SessionEnded, Wakeup, type Session } from './sessionState.js';
import { release, shutdown } from './shutdown.js';

export { NO_VIEW, type GoplsSessionOptions, type GoplsSessionResult, type ServerMessage, type SessionFailure, type SessionPhase } from './sessionModel.js';

export async function runGoplsSession(opts: GoplsSessionOptions): Promise<GoplsSessionResult> {
  const clock = new SessionClock(opts.timeoutMs);
  const result = emptyResult(opts);
  if (!opts.host.live) {
    result.failure = { kind: 'not-live', message: 'not the live machine: gopls is not started against a fixture tree' };
    return result;
  }
  if (opts.signal?.aborted) {
    result.failure = { kind: 'canceled', phase: 'spawn', message: 'canceled before start' };
    return result;
  }
  // GOTOOLCHAIN=local: the go that gopls runs must not download a toolchain the workspace asks for.
  const env = noToolchainSwitch(opts.env);
  // sealedGo: gopls's go list, under the user's GOFLAGS=-mod=mod, wrote go.sum into the workspace
  // (measured), and in workspace mode go.work.sum; copies take those writes and gopls sees what the
  // user's gopls sees (-mod=readonly instead made it fail on the go.sum the user's go fills in).
  // The copies are the first folder's: another module's folder in the same session sees that
  // folder's -modfile copy (still nothing written); one folder is what the doctor opens nearly always.
  // Not in workspace mode: gopls roots its view at the go.work it is given and names it in its
  // diagnostics, so a copy changed what it reported (fault 82: the go.work with a gone use folder
  // was no longer named); its go list may then add lines to go.work.sum (fault 83 says whether).
  const first = opts.workspaces[0];
  if (!first) return drive(opts, clock, result, env);
  // The folder's go.mod and go.work are looked for while go env still runs.
  const above = filesAbove(first);
  const sealing = Promise.resolve(opts.goSettings).then((settings) => sealedGo(env, first, settings ?? {}, { keepGoWork: true, above }));
  try {
    if (!(opts.goSettings instanceof Promise)) return await drive(opts, clock, result, (await sealing).env);
    // go env's values still to come (the probe's): gopls, the slowest child of a run, starts now
    // with the environment nearly every run keeps, and before it is told `initialized` (it runs
    // no go command until then: its views are made in that handler) the sealing is decided. When
    // it needs copies (GOFLAGS=-mod=mod) this gopls is ended and one started sealed, in the time left.
    const early = await drive(opts, clock, result, env, sealing.then((s) => s.env === env));
    if (early !== RESEAL) return early;
    const again = new SessionClock(Math.max(0, clock.left()));
    return await drive(opts, again, emptyResult(opts), (await sealing).env);
  } finally {
    await sealing.then((s) => s.release()).catch(() => undefined);
  }
}

function emptyResult(opts: GoplsSessionOptions): GoplsSessionResult {
  return {
    ok: false,
    commandLine: [opts.gopls, ...(opts.args ?? [])].join(' '),
    openedFileDiagnosed: false,
    diagnostics: [],
    messages: [],
    viewErrors: [],
    views: [],
    loads: { empty: 0, loaded: 0 },
    stderrTail: '',
    durationMs: 0,
  };
}

/** drive's answer when the gopls it started must start again in another environment (sealing). */
const RESEAL = Symbol('reseal');

/**
 * One gopls, spawned with `env`, from its spawn to its release. `keep`: whether `env` may stay,
 * settled before `initialized` is sent; false ends this gopls and answers RESEAL.
 */
async function drive(opts: GoplsSessionOptions, clock: SessionClock, result: GoplsSessionResult, env: NodeJS.ProcessEnv): Promise<GoplsSessionResult>;
async function drive(opts: GoplsSessionOptions, clock: SessionClock, result: GoplsSessionResult, env: NodeJS.ProcessEnv, keep: Promise<boolean>): Promise<GoplsSessionResult | typeof RESEAL>;
async function drive(opts: GoplsSessionOptions, clock: SessionClock, result: GoplsSessionResult, env: NodeJS.ProcessEnv, keep?: Promise<boolean>): Promise<GoplsSessionResult | typeof RESEAL> {
  const server = spawnServer(opts.gopls, opts.args ?? [], { env, cwd: opts.workspaces[0], timeoutMs: clock.left() + 1000, signal: opts.signal });
  result.commandLine = server.commandLine;
  result.pid = server.pid;
  const s: Session = { opts, server, result, clock, news: new Wakeup(clock), viewNews: new Wakeup(clock), phase: 'spawn', ended: endedOf(server, opts.signal), ...(keep ? { keepEnv: keep } : {}) };
  // Known to be the wrong gopls: ended at once, not after its initialize (the handshake then sees it gone).
  let reseal = false;
  let released = false;
  void keep?.then(
    (k) => {
      if (k || released) return;
      reseal = true;
      server.kill();
    },
    () => undefined,
  );
  try {
    if (server.pid === undefined) {
      const exit = await server.exited;
      result.exit = exit;
      result.failure = { kind: 'spawn', code: exit.errorCode ?? 'EUNKNOWN', message: exit.message ?? 'the process could not be started' };
      return result;
    }
    const conn = (s.conn = connect(s));
    if (!(await handshake(s, conn))) return RESEAL;
    if (opts.onLive) {
      await awaitView(s);
      result.liveMs = clock.elapsed();
      opts.onLive({ ...result, ok: true, durationMs: result.liveMs, diagnostics: [...result.diagnostics], messages: [...result.messages], viewErrors: [...result.viewErrors], views: [...result.views], ...(result.loads ? { loads: { ...result.loads } } : {}) });
    }
    // Chosen while gopls started: the walk for it need not delay the handshake.
    const file = await opts.openFile;
    if (file) await openAndWait(s, conn, file);
    // Nothing to open (or it was unreadable): still keep the server up as long as asked.
    if (!result.openedFile && opts.holdMs !== undefined) await hold(s, opts.holdMs);
    result.ok = true;
    await shutdown(s, conn);
    return result;
  } catch (e) {
    if (!(e instanceof SessionEnded)) throw e;
    if (reseal) return RESEAL;
    result.failure = e.failure;
    return result;
  } finally {
    released = true;
    await release(s);
  }
}
