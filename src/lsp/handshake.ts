// The first phase of a gopls session: connect over stdio, answer the server's requests the way
// a minimal editor does, and run initialize/initialized. A hang, an error reply, or a death
// while gopls starts ends the session as a failure.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection, type MessageWriter } from 'vscode-jsonrpc/node.js';
import type { ConfigurationParams, InitializeParams, InitializeResult, LogMessageParams, PublishDiagnosticsParams, ShowMessageParams } from 'vscode-languageserver-protocol';
import { TOOL_VERSION } from '../doctor/version.js';
import { NO_VIEW } from './sessionModel.js';
import { crashOf, MAX_MESSAGES, noteMessage, orEnded, SessionEnded, SHUTDOWN_RESERVE_MS, type Session } from './sessionState.js';
import { countLoad, packagesOfLoadRecord } from './packagesLoad.js';
import { parseCreatedView } from './views.js';

const MAX_DIAGNOSTIC_FILES = 20;

export function workspaceFoldersOf(s: Session): Array<{ uri: string; name: string }> {
  return s.opts.workspaces.map((w) => ({ uri: pathToFileURL(w).href, name: path.basename(w) }));
}

/**
 * The user's gopls settings as the doctor's gopls gets them, with one change: build.env cannot
 * undo GOTOOLCHAIN=local (gopls lays build.env over its own environment for every go command it
 * runs, and a toolchain switch there would be a download the doctor never makes).
 */
export function sessionSettings(settings: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { ...settings };
  // gopls keeps only the last segment of a dotted name (settings.go Options.Set): "build.env" and
  // "env" are the same setting, and so may any other prefix be.
  for (const [k, v] of Object.entries(out))
    if (k.split('.').pop() === 'env' && typeof v === 'object' && v !== null && !Array.isArray(v) && 'GOTOOLCHAIN' in v) out[k] = { ...(v as Record<string, unknown>), GOTOOLCHAIN: 'local' };
  return out;
}

/** Opens the JSON-RPC connection and records what gopls says, for every later phase. */
export function connect(s: Session): MessageConnection {
  const { result, opts } = s;
  const reader = new StreamMessageReader(s.server.stdout);
  // With half a message buffered (a server that died mid-write), vscode-jsonrpc re-arms a 10 s
  // partial-message timer forever, and dispose() does not clear it: the CLI never exits.
  reader.partialMessageTimeout = 0;
  const conn = createMessageConnection(reader, quietWriter(new StreamMessageWriter(s.server.stdin)));
  const folders = workspaceFoldersOf(s);
  const settings = sessionSettings(opts.settings);
  conn.onRequest('workspace/configuration', (p: ConfigurationParams) => p.items.map((i) => (i.section === 'gopls' ? settings : {})));
  conn.onRequest('workspace/workspaceFolders', () => folders);
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('client/unregisterCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('window/showMessageRequest', (p: ShowMessageParams) => {
    noteMessage(result, { via: 'window/showMessageRequest', type: p.type, message: p.message });
    return null;
  });
  conn.onRequest(() => null);
  // The file may still be being chosen when gopls starts talking: its diagnostics count once it is opened.
  const wantsFile = opts.openFile !== undefined;
  conn.onNotification((method: string, params: unknown) => {
    opts.onNotification?.(method, params);
    switch (method) {
      case 'textDocument/publishDiagnostics': {
        const p = params as PublishDiagnosticsParams;
        result.firstDiagnosticsMs ??= s.clock.elapsed();
        if (result.diagnostics.length < MAX_DIAGNOSTIC_FILES) {
          result.diagnostics.push({ uri: p.uri, items: p.diagnostics.slice(0, 20).map((d) => ({ message: d.message, severity: d.severity, source: d.source })) });
        }
        for (const d of p.diagnostics) if (NO_VIEW.test(d.message)) noteMessage(result, { via: 'textDocument/publishDiagnostics', type: d.severity, message: d.message });
        const openedUri = result.openedFile ? pathToFileURL(result.openedFile).href : undefined;
        if (!wantsFile || (openedUri && sameFile(p.uri, openedUri))) {
          result.openedFileDiagnosed ||= Boolean(openedUri);
          s.news.wake();
        }
        break;
      }
      case 'window/showMessage': {
        const p = params as ShowMessageParams;
        noteMessage(result, { via: method, type: p.type, message: p.message });
        if (p.type === 1) {
          s.news.wake();
          s.viewNews.wake();
        }
        break;
      }
      case 'window/logMessage': {
        const p = params as LogMessageParams;
        const view = parseCreatedView(p.message);
        if (view && result.views.length < MAX_MESSAGES) result.views.push(view);
        if (view) s.viewNews.wake();
        // Every load, at any level: whether any returned a package says if gopls loads anything.
        const packages = result.loads ? packagesOfLoadRecord(p.message) : undefined;
        if (packages !== undefined && /go\/packages\.Load #\d+/.test(p.message)) countLoad(result.loads!, packages);
        // Only errors and the view messages: info-level log lines are the trace's business.
        if (p.type === 1 || NO_VIEW.test(p.message)) noteMessage(result, { via: method, type: p.type, message: p.message });
        if (NO_VIEW.test(p.message)) s.viewNews.wake();
        break;
      }
      default:
        break;
    }
  });
  conn.onError(() => undefined);
  conn.listen();
  return conn;
}

/**
 * initialize → initialized, under what is left of the deadline. False, with nothing sent after
 * initialize's reply, when the session's keepEnv settles false: this gopls must not go on.
 */
export async function handshake(s: Session, conn: MessageConnection): Promise<boolean> {
  s.phase = 'initialize';
  const folders = workspaceFoldersOf(s);
  const params: InitializeParams = {
    processId: process.pid,
    clientInfo: { name: 'go-env-doctor', version: TOOL_VERSION },
    rootUri: folders[0]?.uri ?? null,
    workspaceFolders: folders,
    initializationOptions: sessionSettings(s.opts.settings),
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
  const first = await orEnded(s, Promise.race([init, s.clock.delay(s.clock.left() - SHUTDOWN_RESERVE_MS)]));
  if (first === 'timeout') {
    const waited = s.clock.elapsed();
    throw new SessionEnded({ kind: 'hang', phase: 'initialize', waitedMs: waited, message: `no reply to initialize within ${Math.round(waited)} ms` });
  }
  if (!first.ok) {
    // A dead server rejects pending requests; that is a crash, not an error reply.
    if (s.server.hasExited() || (await Promise.race([s.server.exited.then(() => true), s.clock.delay(50).then(() => false)]))) {
      throw new SessionEnded(crashOf(s.phase, await s.server.exited));
    }
    const message = first.e.message ?? String(first.e);
    if (NO_VIEW.test(message)) noteMessage(s.result, { via: 'initialize', type: 1, message });
    throw new SessionEnded({ kind: 'initialize-error', code: first.e.code, message });
  }
  s.result.initializeMs = s.clock.elapsed();
  const info = first.r.serverInfo;
  if (info) s.result.serverInfo = { name: info.name, version: info.version };
  s.commands = first.r.capabilities.executeCommandProvider?.commands ?? [];
  if (s.opts.onLive) await cheapRequest(s, conn, first.r);
  // gopls makes its views, and runs its first go command, in the initialized handler: the
  // environment it was started with is confirmed before that (session.ts).
  if (s.keepEnv) {
    const keep = await orEnded(s, Promise.race([s.keepEnv, s.clock.delay(s.clock.left() - SHUTDOWN_RESERVE_MS)]));
    if (keep === 'timeout') {
      const waited = s.clock.elapsed();
      throw new SessionEnded({ kind: 'hang', phase: 'initialize', waitedMs: waited, message: `go env gave no values to start gopls's workspace with within ${Math.round(waited)} ms` });
    }
    if (!keep) return false;
  }
  await conn.sendNotification('initialized', {});
  return true;
}

/** Bound on the cheap request: gopls answers it in milliseconds when its request loop works. */
const CHEAP_REQUEST_MS = 1000;

/**
 * One request beyond initialize, sent before initialized: gopls's initialized handler holds
 * every later request until the first workspace load ends (26–46 s on a large repository), so
 * this is the only moment a request proves the request loop without waiting for the load.
 * gopls.mem_stats touches no snapshot; a server without it answers with an error, which is an
 * answer too.
 */
async function cheapRequest(s: Session, conn: MessageConnection, init: InitializeResult): Promise<void> {
  const commands = init.capabilities.executeCommandProvider?.commands ?? [];
  const command = commands.includes('gopls.mem_stats') ? 'gopls.mem_stats' : (commands[0] ?? 'gopls.mem_stats');
  const method = `workspace/executeCommand ${command}`;
  const t0 = performance.now();
  const reply = conn.sendRequest('workspace/executeCommand', { command, arguments: [] }).then(
    () => ({ ok: true as const }),
    (e: { message?: string }) => ({ ok: false as const, message: e.message ?? String(e) }),
  );
  const r = await orEnded(s, Promise.race([reply, s.clock.delay(Math.min(CHEAP_REQUEST_MS, s.clock.left() - SHUTDOWN_RESERVE_MS))]));
  s.result.liveRequest = r === 'timeout' ? { method } : { method, ms: Math.round(performance.now() - t0), ...(r.ok ? {} : { error: r.message }) };
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

export function sameFile(a: string, b: string): boolean {
  return decodeURIComponent(a) === decodeURIComponent(b);
}
