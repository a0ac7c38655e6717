// The middle phase of a gopls session: open one file and wait, bounded, for its diagnostics or
// an error message; or, for a trace recording, hold the session open as long as asked.
import { readUserFile } from '../host/readUserFile.js';
import { buildConstraintOf, MAX_OPEN_BYTES } from './workspaceFiles.js';
import { sameFile } from './handshake.js';
import { FULL_PASS_COMMAND, wantsFullPass } from './fullPass.js';
import { pathToFileURL } from 'node:url';
import type { MessageConnection } from 'vscode-jsonrpc/node.js';
import { noteMessage, orEnded, SHUTDOWN_RESERVE_MS, type Session } from './sessionState.js';

/** How long the proof of life waits for gopls to announce its view. */
const VIEW_WAIT_MS = 1000;
/**
 * gopls v0.23 may first publish an empty set for a file its build constraints leave out, and only
 * after its workspace load "No packages found for open file" (2 of 15 real sessions on this VM;
 * with a 1.5 s hold, 0 of 15 missed it). For a file that carries a constraint, an empty first
 * publish waits this long for a second; a file without one, the usual pick, does not (unless
 * gopls logged a failed workspace load, below).
 */
const CONSTRAINED_FILE_WAIT_MS = 1500;
/**
 * gopls logs these (window/logMessage, type 1) when its workspace load fails, e.g. a
 * GOPACKAGESDRIVER that prints text. It may then publish an empty set for the opened file and
 * "initialization failed: packages.Load error: …" on it only a moment later (2 of 40 real sessions
 * here ended at the empty set and reported nothing): an empty publish after one waits for a second.
 */
const WORKSPACE_LOAD_FAILED = /\b(?:initial workspace load failed|errors loading workspace): /;

export async function openAndWait(s: Session, conn: MessageConnection, file: string): Promise<void> {
  const { result, opts, clock } = s;
  s.phase = 'diagnostics';
  // Capped: the file was chosen by size, but it may have grown since (or be a FIFO by now).
  const read = await readUserFile(file, MAX_OPEN_BYTES);
  if (!read.ok || read.truncated) return;
  const text = read.text;
  const uri = pathToFileURL(file).href;
  result.openedFile = file;
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'go', version: 1, text } });
  const budget = Math.min(clock.left() - SHUTDOWN_RESERVE_MS, opts.holdMs ?? Infinity);
  const started = performance.now();
  let holdUntil = started + budget;
  const constrained = buildConstraintOf(text) !== undefined;
  let waitedForLate = false;
  for (;;) {
    const r = await orEnded(s, s.news.wait(holdUntil - performance.now()));
    if (r === 'timeout') {
      if (!result.openedFileDiagnosed && opts.holdMs === undefined) result.diagnosticsWaitedMs = Math.round(performance.now() - started);
      break;
    }
    // Woken by diagnostics or an error message: done, unless asked to hold the session.
    if (opts.holdMs !== undefined) continue;
    if (!waitedForLate && openedFileClean(s, uri) && (constrained || loadFailedLogged(s))) {
      waitedForLate = true;
      holdUntil = Math.min(holdUntil, performance.now() + CONSTRAINED_FILE_WAIT_MS);
      continue;
    }
    break;
  }
  // The file's first diagnostics may come before gopls's full pass, which carries the failed
  // load's own words (fullPass.ts): ask for that pass and wait for its answer, not for a time.
  if (opts.holdMs === undefined && result.openedFileDiagnosed && wantsFullPass(result.diagnostics, uri, sameFile)) await fullPass(s, conn, uri);
  // A second look for "no views": ask for the file's symbols, which needs its view.
  if (!result.openedFileDiagnosed && clock.left() > SHUTDOWN_RESERVE_MS + 100) {
    const refused = await Promise.race([
      conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }).then(
        () => undefined,
        (e: { message?: string }) => e.message,
      ),
      clock.delay(Math.min(500, clock.left() - SHUTDOWN_RESERVE_MS)).then(() => undefined),
    ]);
    if (refused) noteMessage(result, { via: 'textDocument/documentSymbol', type: 1, message: refused });
  }
}

/**
 * gopls logs "Created View" right after initialized, once `go env` has run for the folder: with
 * the initialize reply that is the proof of life the verdict needs. Bounded, since a folder
 * gopls cannot place may announce nothing until its load ends.
 */
export async function awaitView(s: Session): Promise<void> {
  const want = s.opts.workspaces.length;
  const until = performance.now() + Math.min(VIEW_WAIT_MS, s.clock.left() - SHUTDOWN_RESERVE_MS);
  while (s.result.views.length < want && !s.result.viewErrors.length && performance.now() < until) {
    await orEnded(s, s.viewNews.wait(until - performance.now()));
  }
}

/** Keeps the server up for a recording when there was nothing to open. */
export async function hold(s: Session, ms: number): Promise<void> {
  await orEnded(s, s.clock.delay(Math.min(ms, s.clock.left() - SHUTDOWN_RESERVE_MS)));
}

/** gopls logged that its workspace load failed: an empty publish for the file is not its last word. */
function loadFailedLogged(s: Session): boolean {
  return s.result.messages.some((m) => m.via === 'window/logMessage' && m.type === 1 && WORKSPACE_LOAD_FAILED.test(m.message));
}

/** The opened file's latest published diagnostics are an empty set. */
function openedFileClean(s: Session, uri: string): boolean {
  const mine = s.result.diagnostics.filter((d) => sameFile(d.uri, uri));
  return mine.length > 0 && mine[mine.length - 1]!.items.length === 0;
}

/**
 * gopls.diagnose_files runs gopls's full diagnostics pass on the current snapshot and answers once
 * it has published it, so every publish of that pass is in hand when the answer comes. Bounded by
 * the session's deadline only; a gopls without the command answers at once with an error.
 */
async function fullPass(s: Session, conn: MessageConnection, uri: string): Promise<void> {
  if (s.commands && !s.commands.includes(FULL_PASS_COMMAND)) return;
  const t0 = performance.now();
  const reply = conn.sendRequest('workspace/executeCommand', { command: FULL_PASS_COMMAND, arguments: [{ Files: [uri] }] }).then(
    () => ({ ok: true as const }),
    (e: { message?: string }) => ({ ok: false as const, message: e.message ?? String(e) }),
  );
  const r = await orEnded(s, Promise.race([reply, s.clock.delay(s.clock.left() - SHUTDOWN_RESERVE_MS)]));
  s.result.fullPass = r === 'timeout' ? { command: FULL_PASS_COMMAND } : { command: FULL_PASS_COMMAND, ms: Math.round(performance.now() - t0), ...(r.ok ? {} : { error: r.message }) };
}
