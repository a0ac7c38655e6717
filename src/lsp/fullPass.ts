// When the opened file's first diagnostics are not gopls's whole word. On didOpen gopls (v0.23,
// server/diagnostics.go diagnoseSnapshot) publishes in two phases: first the opened file's type
// errors alone, then, after its diagnosticsDelay (1 s by default), the full pass, which carries
// the failed workspace load's own error on go.mod ("verifying m@v: checksum mismatch", "proxyconnect
// tcp: … connection refused"). The initial pass after the workspace load publishes that error
// first, unless the didOpen, queued behind the load, cancels it (cache/view.go
// invalidateViewLocked cancels the old snapshot; updateDiagnostics then publishes nothing): a
// goroutine race inside gopls. Lost, the session ended at the file's "no required module provides
// package" with go's reason never seen, and a refused download was reported as one go "could not
// download" (a3a, once in a loaded full test run). So when the file names an import gopls could not
// resolve and no load error has come, the session asks for the full pass itself
// (gopls.diagnose_files publishes it and answers only then): the answer no longer depends on which
// goroutine won.
import { classifyGoplsDiagnostic, type DiagnosticKind } from './goplsDiagnostics.js';

/** The command whose answer follows its own full publish (gopls's `check` subcommand uses it). */
export const FULL_PASS_COMMAND = 'gopls.diagnose_files';

/**
 * Kinds that name an import gopls could not resolve without saying why: the why (a refused or
 * failed download, a missing require) is the load's error, published with the full pass.
 */
const OPEN_KINDS: ReadonlySet<DiagnosticKind> = new Set(['no-module-provides', 'import-not-found']);
/** Kinds that carry go's own reason: with one of them in hand there is nothing more to wait for. */
const REASON_KINDS: ReadonlySet<DiagnosticKind> = new Set(['load-failed', 'missing-go-sum', 'go-newer-than-toolchain']);

interface Published {
  uri: string;
  items: ReadonlyArray<{ message: string; severity?: number }>;
}

/**
 * Pure: should the session wait for gopls's full pass before it ends? True when the opened file's
 * latest diagnostics name an unresolved import and no publish so far (any file, go.mod included)
 * carries go's reason (a failed load's words, a missing go.sum line, a go line too new).
 */
export function wantsFullPass(published: readonly Published[], openedUri: string, same: (a: string, b: string) => boolean): boolean {
  const kinds = (p: Published) => p.items.filter((i) => i.severity === undefined || i.severity <= 2).map((i) => classifyGoplsDiagnostic(i.message)?.kind);
  const mine = published.filter((p) => same(p.uri, openedUri));
  const latest = mine[mine.length - 1];
  if (!latest || !kinds(latest).some((k) => k !== undefined && OPEN_KINDS.has(k))) return false;
  return !published.some((p) => kinds(p).some((k) => k !== undefined && REASON_KINDS.has(k)));
}
