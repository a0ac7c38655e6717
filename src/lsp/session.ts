// One real LSP session with gopls over stdio, the way the Go extension starts it: spawn,
// initialize with the workspace folders, initialized, didOpen one file, wait (bounded) for its
// diagnostics or an error message, shutdown, exit. Everything that can go wrong (the spawn, a
// crash, a hang, an error reply, "no views") comes back as data in the result; nothing throws.
// The launch probe and the trace recorder both drive gopls through here.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection, type MessageWriter } from 'vscode-jsonrpc/node.js';
import type {
  ConfigurationParams,
  Diagnostic,
  InitializeParams,
  InitializeResult,
  LogMessageParams,
  PublishDiagnosticsParams,
  ShowMessageParams,
} from 'vscode-languageserver-protocol';
import type { Host } from '../host/host.js';
import { spawnServer, type ServerExit } from '../host/server.js';
import { TOOL_VERSION } from '../doctor/version.js';
import { parseCreatedView, type CreatedView } from './views.js';

export interface GoplsSessionOptions {
  /** The live host; a fixture host cannot run gopls and gets a 'not-live' failure. */
  host: Host;
  gopls: string;
  /** Extra gopls arguments (e.g. ['-rpc.trace', '-logfile', X]); none for the probe. */
  args?: readonly string[];
  /** The complete environment gopls runs with. */
  env: NodeJS.ProcessEnv;
  workspaces: readonly string[];
  signal?: AbortSignal;
  /** Hard deadline of the whole session: the process group is killed when it passes. */
  timeoutMs: number;
  /** A .go file to open after initialized; without one the session ends after the handshake. */
  openFile?: string;
  /** After didOpen, keep the session this long even once diagnostics arrived (trace recording). */
  holdMs?: number;
  /** Every server→client notification, as it arrives. */
  onNotification?: (method: string, params: unknown) => void;
}

export type SessionPhase = 'spawn' | 'initialize' | 'diagnostics' | 'shutdown';

export type SessionFailure =
  /** The kernel refused to start it: ENOENT, EACCES, ENOEXEC (errno name in code). */
  | { kind: 'spawn'; code: string; message: string }
  /** It exited before the session was over. */
  | { kind: 'crash'; phase: SessionPhase; exitCode?: number; signal?: string; message: string }
  /** No reply to initialize before the deadline. */
  | { kind: 'hang'; phase: 'initialize'; waitedMs: number; message: string }
  /** initialize answered with a JSON-RPC error. */
  | { kind: 'initialize-error'; code?: number; message: string }
  | { kind: 'canceled'; phase: SessionPhase; message: string }
  | { kind: 'not-live'; message: string };

export interface ServerMessage {
  /** window/showMessage, window/logMessage, or the method whose reply carried the error. */
  via: string;
  /** LSP MessageType: 1 error, 2 warning, 3 info, 4 log. */
  type?: number;
  message: string;
}

export interface GoplsSessionResult {
  ok: boolean;
  failure?: SessionFailure;
  commandLine: string;
  pid?: number;
  /** From spawn to the initialize result. */
  initializeMs?: number;
  /** From spawn to the first textDocument/publishDiagnostics. */
  firstDiagnosticsMs?: number;
  /** True when the opened file's own diagnostics arrived (possibly an empty list). */
  openedFileDiagnosed: boolean;
  /** Set when the wait for the opened file's diagnostics ran out: how long it lasted. */
  diagnosticsWaitedMs?: number;
  serverInfo?: { name: string; version?: string };
  openedFile?: string;
  /** Diagnostics per file, bounded. */
  diagnostics: Array<{ uri: string; items: Array<Pick<Diagnostic, 'message' | 'severity' | 'source'>> }>;
  messages: ServerMessage[];
  /** gopls's words when it could not place a file in a view ("no views", "no view for file …"). */
  viewErrors: string[];
  /** The views gopls reported creating ("Created View" log messages). */
  views: CreatedView[];
  stderrTail: string;
  exit?: ServerExit;
  durationMs: number;
}

const MAX_MESSAGES = 50;
const MAX_DIAGNOSTIC_FILES = 20;
/** Time kept back from the deadline to say shutdown/exit politely. */
const SHUTDOWN_RESERVE_MS = 250;
/**
 * gopls's words when a file is in no view: "no views" / "no views in the session" (older
 * releases), "no view for file …", "Error loading workspace folders (expected 1, got 0)\nfailed to
 * load view for …", "No active builds contain FILE", "gopls was not able to find modules in your workspace".
 */
export const NO_VIEW = /\bno views?\b|no view for|failed to load view|Error loading workspace folders|No active builds contain|not able to find modules in your workspace/i;

export async function runGoplsSession(opts: GoplsSessionOptions): Promise<GoplsSessionResult> {
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
  const deadline = started + opts.timeoutMs;
  const left = () => deadline - performance.now();
  const args = opts.args ?? [];
  const result: GoplsSessionResult = {
    ok: false,
    commandLine: [opts.gopls, ...args].join(' '),
    openedFileDiagnosed: false,
    diagnostics: [],
    messages: [],
    viewErrors: [],
    views: [],
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
  const cwd = opts.workspaces[0];
  const server = spawnServer(opts.gopls, args, { env: opts.env, cwd, timeoutMs: opts.timeoutMs + 1000, signal: opts.signal });
  result.commandLine = server.commandLine;
  result.pid = server.pid;
  let conn: MessageConnection | undefined;
  let phase: SessionPhase = 'spawn';
  const noteMessage = (m: ServerMessage) => {
    if (result.messages.length < MAX_MESSAGES) result.messages.push(m);
    if (NO_VIEW.test(m.message) && result.viewErrors.length < MAX_MESSAGES) result.viewErrors.push(m.message);
  };
  // Every timer is tracked and cleared at the end: a pending timer would keep the CLI alive.
  const timers = new Set<NodeJS.Timeout>();
  const delay = (ms: number) =>
    new Promise<'timeout'>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve('timeout');
      }, Math.max(0, ms));
      timers.add(t);
    });
  // Ends a wait for diagnostics early: they arrived, or gopls showed an error.
  // Sticky, so news that arrives before the wait starts still ends it.
  let woken = false;
  let wakeWaiter: () => void = () => undefined;
  const wake = () => {
    woken = true;
    wakeWaiter();
  };
  const wakeable = (ms: number): Promise<'timeout' | 'woken'> => {
    if (woken) {
      woken = false;
      return Promise.resolve('woken');
    }
    return Promise.race([
      delay(ms),
      new Promise<'woken'>((resolve) => {
        wakeWaiter = () => {
          woken = false;
          resolve('woken');
        };
      }),
    ]);
  };
  const exitedOrAborted = new Promise<'exit' | 'abort'>((resolve) => {
    void server.exited.then(() => resolve('exit'));
    if (opts.signal?.aborted) resolve('abort');
    opts.signal?.addEventListener('abort', () => resolve('abort'), { once: true });
  });

  try {
    if (server.pid === undefined) {
      const exit = await server.exited;
      result.exit = exit;
      result.failure = { kind: 'spawn', code: exit.errorCode ?? 'EUNKNOWN', message: exit.message ?? 'the process could not be started' };
      return result;
    }
    const reader = new StreamMessageReader(server.stdout);
    // With half a message buffered (a server that died mid-write), vscode-jsonrpc re-arms a 10 s
    // partial-message timer forever, and dispose() does not clear it: the CLI never exits.
    reader.partialMessageTimeout = 0;
    conn = createMessageConnection(reader, quietWriter(new StreamMessageWriter(server.stdin)));
    const workspaceFolders = opts.workspaces.map((w) => ({ uri: pathToFileURL(w).href, name: path.basename(w) }));
    conn.onRequest('workspace/configuration', (p: ConfigurationParams) => p.items.map(() => ({})));
    conn.onRequest('workspace/workspaceFolders', () => workspaceFolders);
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('client/unregisterCapability', () => null);
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onRequest('window/showMessageRequest', (p: ShowMessageParams) => {
      noteMessage({ via: 'window/showMessageRequest', type: p.type, message: p.message });
      return null;
    });
    conn.onRequest(() => null);
    const openedUri = opts.openFile ? pathToFileURL(opts.openFile).href : undefined;
    conn.onNotification((method: string, params: unknown) => {
      opts.onNotification?.(method, params);
      switch (method) {
        case 'textDocument/publishDiagnostics': {
          const p = params as PublishDiagnosticsParams;
          result.firstDiagnosticsMs ??= elapsed();
          if (result.diagnostics.length < MAX_DIAGNOSTIC_FILES) {
            result.diagnostics.push({ uri: p.uri, items: p.diagnostics.slice(0, 20).map((d) => ({ message: d.message, severity: d.severity, source: d.source })) });
          }
          for (const d of p.diagnostics) if (NO_VIEW.test(d.message)) noteMessage({ via: 'textDocument/publishDiagnostics', type: d.severity, message: d.message });
          if (!openedUri || sameFile(p.uri, openedUri)) {
            result.openedFileDiagnosed ||= Boolean(openedUri);
            wake();
          }
          break;
        }
        case 'window/showMessage': {
          const p = params as ShowMessageParams;
          noteMessage({ via: method, type: p.type, message: p.message });
          if (p.type === 1) wake();
          break;
        }
        case 'window/logMessage': {
          const p = params as LogMessageParams;
          const view = parseCreatedView(p.message);
          if (view && result.views.length < MAX_MESSAGES) result.views.push(view);
          // Only errors and the view messages: info-level log lines are the trace's business.
          if (p.type === 1 || NO_VIEW.test(p.message)) noteMessage({ via: method, type: p.type, message: p.message });
          break;
        }
        default:
          break;
      }
    });
    conn.onError(() => undefined);
    conn.listen();

    phase = 'initialize';
    const params: InitializeParams = {
      processId: process.pid,
      clientInfo: { name: 'go-env-doctor', version: TOOL_VERSION },
      rootUri: workspaceFolders[0]?.uri ?? null,
      workspaceFolders,
      initializationOptions: {},
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
        },
        window: { workDoneProgress: true, showMessage: {} },
        textDocument: {
          synchronization: { dynamicRegistration: true, didSave: true },
          publishDiagnostics: { relatedInformation: true },
        },
      },
    };
    const init = conn.sendRequest<InitializeResult>('initialize', params).then(
      (r) => ({ ok: true as const, r }),
      (e: { code?: number; message?: string }) => ({ ok: false as const, e }),
    );
    const initTimeout = delay(left() - SHUTDOWN_RESERVE_MS);
    const first = await Promise.race([init, exitedOrAborted, initTimeout]);
    if (first === 'abort') {
      result.failure = { kind: 'canceled', phase, message: String((opts.signal?.reason as Error)?.message ?? 'canceled') };
      return result;
    }
    if (first === 'exit') {
      result.failure = crashOf(phase, await server.exited);
      return result;
    }
    if (first === 'timeout') {
      result.failure = { kind: 'hang', phase: 'initialize', waitedMs: elapsed(), message: `no reply to initialize within ${Math.round(elapsed())} ms` };
      return result;
    }
    if (!first.ok) {
      // A dead server rejects pending requests; that is a crash, not an error reply.
      if (server.hasExited() || (await Promise.race([server.exited.then(() => true), delay(50).then(() => false)]))) {
        result.failure = crashOf(phase, await server.exited);
      } else {
        result.failure = { kind: 'initialize-error', code: first.e.code, message: first.e.message ?? String(first.e) };
        if (NO_VIEW.test(result.failure.message)) noteMessage({ via: 'initialize', type: 1, message: result.failure.message });
      }
      return result;
    }
    result.initializeMs = elapsed();
    const info = first.r.serverInfo;
    if (info) result.serverInfo = { name: info.name, version: info.version };
    await conn.sendNotification('initialized', {});

    if (opts.openFile) {
      phase = 'diagnostics';
      const text = await fs.readFile(opts.openFile, 'utf8').catch(() => undefined);
      if (text !== undefined) {
        result.openedFile = opts.openFile;
        await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: openedUri, languageId: 'go', version: 1, text } });
        const until = opts.holdMs !== undefined ? Math.min(left() - SHUTDOWN_RESERVE_MS, opts.holdMs) : left() - SHUTDOWN_RESERVE_MS;
        const holdUntil = performance.now() + until;
        for (;;) {
          const r = await Promise.race([wakeable(holdUntil - performance.now()), exitedOrAborted]);
          if (r === 'exit') {
            result.failure = crashOf(phase, await server.exited);
            return result;
          }
          if (r === 'abort') {
            result.failure = { kind: 'canceled', phase, message: String((opts.signal?.reason as Error)?.message ?? 'canceled') };
            return result;
          }
          if (r === 'timeout') {
            if (!result.openedFileDiagnosed && opts.holdMs === undefined) result.diagnosticsWaitedMs = Math.round(performance.now() - (holdUntil - until));
            break;
          }
          // Woken by diagnostics or an error message: done, unless asked to hold the session.
          if (opts.holdMs === undefined) break;
        }
        // A second look for "no views": ask for the file's symbols, which needs its view.
        if (!result.openedFileDiagnosed && left() > SHUTDOWN_RESERVE_MS + 100) {
          const sym = await Promise.race([
            conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: openedUri } }).then(
              () => undefined,
              (e: { message?: string }) => e.message,
            ),
            delay(Math.min(500, left() - SHUTDOWN_RESERVE_MS)).then(() => undefined),
          ]);
          if (sym) noteMessage({ via: 'textDocument/documentSymbol', type: 1, message: sym });
        }
      }
    }

    if (!result.openedFile && opts.holdMs !== undefined) {
      // Nothing to open (or it was unreadable): still keep the server up as long as asked.
      const r = await Promise.race([delay(Math.min(opts.holdMs, left() - SHUTDOWN_RESERVE_MS)), exitedOrAborted]);
      if (r === 'exit') {
        result.failure = crashOf(phase, await server.exited);
        return result;
      }
      if (r === 'abort') {
        result.failure = { kind: 'canceled', phase, message: String((opts.signal?.reason as Error)?.message ?? 'canceled') };
        return result;
      }
    }

    phase = 'shutdown';
    result.ok = true;
    // gopls answers shutdown only once its in-flight diagnosis ends (a second or more after a
    // didOpen); it holds no state worth that wait, so shutdown and exit go out back to back and
    // the group is killed if it has not left a moment later.
    void conn.sendRequest('shutdown').catch(() => undefined);
    await conn.sendNotification('exit').catch(() => undefined);
    await Promise.race([server.exited, delay(Math.max(0, Math.min(50, left())))]);
    return result;
  } finally {
    conn?.dispose();
    server.kill();
    // The group is dead, so the pipes close and execa's promise settles; read what is left.
    server.stdout.resume();
    const exited = server.hasExited() || (await Promise.race([server.exited.then(() => true), delay(200).then(() => false)]));
    if (exited) result.exit ??= await server.exited;
    for (const t of timers) clearTimeout(t);
    result.stderrTail = server.stderrTail();
    result.durationMs = elapsed();
  }
}

/**
 * vscode-jsonrpc's sendRequest rethrows a failed write from inside a Promise executor, which
 * surfaces as an unhandled rejection when the server died (EPIPE). The exit is the news, so the
 * write error is dropped here and the session learns of the death from the process.
 */
function quietWriter(w: StreamMessageWriter): MessageWriter {
  return {
    onError: w.onError,
    onClose: w.onClose,
    write: (msg) => w.write(msg).catch(() => undefined),
    end: () => w.end(),
    dispose: () => w.dispose(),
  };
}

function crashOf(phase: SessionPhase, exit: ServerExit): SessionFailure {
  if (exit.errorCode && exit.exitCode === undefined) return { kind: 'spawn', code: exit.errorCode, message: exit.message ?? exit.errorCode };
  const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.exitCode ?? '?'}`;
  return { kind: 'crash', phase, exitCode: exit.exitCode, signal: exit.signal, message: `gopls ${how} during ${phase}` };
}

function sameFile(a: string, b: string): boolean {
  return decodeURIComponent(a) === decodeURIComponent(b);
}
