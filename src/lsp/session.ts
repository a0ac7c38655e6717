// One real LSP session with gopls over stdio, the way the Go extension starts it: spawn, the
// handshake (handshake.ts), didOpen one file and a bounded wait for its diagnostics
// (diagnosticsWait.ts), then shutdown/exit (shutdown.ts). Everything that can go wrong (the
// spawn, a crash, a hang, an error reply, "no views") comes back as data in the result; nothing
// throws. The launch probe and the trace recorder both drive gopls through here.
import { spawnServer } from '../host/server.js';
import { noToolchainSwitch } from '../host/noDownload.js';
import { sealedGo } from '../host/sealedGo.js';
import { awaitView, openAndWait, hold } from './diagnosticsWait.js';
import { connect, handshake } from './handshake.js';
import type { GoplsSessionOptions, GoplsSessionResult } from './sessionModel.js';
import { endedOf, SessionClock, SessionEnded, Wakeup, type Session } from './sessionState.js';
import { release, shutdown } from './shutdown.js';

export { NO_VIEW, type GoplsSessionOptions, type GoplsSessionResult, type ServerMessage, type SessionFailure, type SessionPhase } from './sessionModel.js';

export async function runGoplsSession(opts: GoplsSessionOptions): Promise<GoplsSessionResult> {
  const clock = new SessionClock(opts.timeoutMs);
  const args = opts.args ?? [];
  const result: GoplsSessionResult = {
    ok: false,
    commandLine: [opts.gopls, ...args].join(' '),
    openedFileDiagnosed: false,
    diagnostics: [],
    messages: [],
    viewErrors: [],
    views: [],
    loads: { empty: 0, loaded: 0 },
    stderrTail: '',
    durationMs: 0,
  };
  if (!opts.host.live) {
    result.failure = { kind: 'not-live', message: 'not the live machine: gopls is not started against a fixture tree' };
    return result;
  }
  if (opts.signal?.aborted) {
    result.failure = { kind: 'canceled', phase: 'spawn', message: 'canceled before start' };
    return result;
  }
  // GOTOOLCHAIN=local: the go that gopls runs must not download a toolchain the workspace asks for.
  // sealedGo: gopls's go list, under the user's GOFLAGS=-mod=mod, wrote go.sum into the workspace
  // (measured), and in workspace mode go.work.sum; copies take those writes and gopls sees what the
  // user's gopls sees (-mod=readonly instead made it fail on the go.sum the user's go fills in).
  // The copies are the first folder's: another module's folder in the same session sees that
  // folder's -modfile copy (still nothing written); one folder is what the doctor opens nearly always.
  // Not in workspace mode: gopls roots its view at the go.work it is given and names it in its
  // diagnostics, so a copy changed what it reported (fault 82: the go.work with a gone use folder
  // was no longer named); its go list may then add lines to go.work.sum (fault 83 says whether).
  const sealed = opts.workspaces[0] ? await sealedGo(noToolchainSwitch(opts.env), opts.workspaces[0], (await opts.goSettings) ?? {}, { keepGoWork: true }) : { env: noToolchainSwitch(opts.env), release: async () => undefined };
  const server = spawnServer(opts.gopls, args, { env: sealed.env, cwd: opts.workspaces[0], timeoutMs: opts.timeoutMs + 1000, signal: opts.signal });
  result.commandLine = server.commandLine;
  result.pid = server.pid;
  const s: Session = { opts, server, result, clock, news: new Wakeup(clock), viewNews: new Wakeup(clock), phase: 'spawn', ended: endedOf(server, opts.signal) };
  try {
    if (server.pid === undefined) {
      const exit = await server.exited;
      result.exit = exit;
      result.failure = { kind: 'spawn', code: exit.errorCode ?? 'EUNKNOWN', message: exit.message ?? 'the process could not be started' };
      return result;
    }
    const conn = (s.conn = connect(s));
    await handshake(s, conn);
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
    result.failure = e.failure;
    return result;
  } finally {
    await release(s);
    await sealed.release().catch(() => undefined);
  }
}
