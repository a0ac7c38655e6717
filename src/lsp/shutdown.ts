// The last phase of a gopls session, and the cleanup every session gets whatever happened.
import type { MessageConnection } from 'vscode-jsonrpc/node.js';
import type { Session } from './sessionState.js';

/**
 * gopls answers shutdown only once its in-flight diagnosis ends (a second or more after a
 * didOpen); it holds no state worth that wait, so shutdown and exit go out back to back and the
 * group is killed if it has not left a moment later.
 */
export async function shutdown(s: Session, conn: MessageConnection): Promise<void> {
  s.phase = 'shutdown';
  void conn.sendRequest('shutdown').catch(() => undefined);
  await conn.sendNotification('exit').catch(() => undefined);
  await Promise.race([s.server.exited, s.clock.delay(Math.max(0, Math.min(50, s.clock.left())))]);
}

/** Kills the process group, collects the exit and stderr, and clears every timer. */
export async function release(s: Session): Promise<void> {
  s.conn?.dispose();
  s.server.kill();
  // The group is dead, so the pipes close and execa's promise settles; read what is left.
  s.server.stdout.resume();
  const exited = s.server.hasExited() || (await Promise.race([s.server.exited.then(() => true), s.clock.delay(200).then(() => false)]));
  if (exited) s.result.exit ??= await s.server.exited;
  s.clock.dispose();
  s.result.stderrTail = s.server.stderrTail();
  s.result.durationMs = s.clock.elapsed();
}
