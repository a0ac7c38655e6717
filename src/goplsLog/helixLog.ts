// Helix's log (~/.cache/helix/helix.log) files what a language server writes to stderr at ERROR,
// one line per line the server wrote, as Rust's Debug form of the string (helix-lsp's transport.rs:
// `error!("{} err <- {:?}", name, line)`), and a server's error reply to a request the same way:
//
//   2025-07-23T14:58:18.221 helix_lsp::transport [ERROR] gopls err <- "2025/07/23 14:58:18 background imports cache refresh starting\n"
//   2024-04-03T20:33:31.363 helix_lsp::transport [ERROR] gopls <- ServerError(0): 28:24: missing ',' before newline in composite literal
//
// gopls logs to stderr when given no -logfile, so a healthy session fills helix.log with ERROR
// lines naming gopls, and a formatting request on a file being typed gets an error reply about its
// syntax; read whole, each looked like a failure of gopls itself. The first is the server's own
// output, read as it printed it; the second is what gopls answered, which the rules read as they
// read the VS Code client's error records. Neither is the transport's own verdict ("gopls err: <-
// StreamClosed", the server's stream ending), which is left as the line it is. Pure.
import { chunkLines, type RelayedStderr } from './neovimLog.js';

export interface HelixErrorReply {
  server: string;
  message: string;
}

// What the timestamp (a transport prefix the analyzer takes off first) leaves: the module, the level.
const HEAD = /^helix_lsp::transport \[(?:ERROR|WARN|INFO|DEBUG|TRACE)\] /;
// The server's name (Helix's language-server id), absent in releases before 22.12.
const STDERR = /^(?:([\w.+-]{1,100}) )?err <- "/;
const REPLY = /^([\w.+-]{1,100}) <- ServerError\(-?\d{1,9}\): ?(.*)$/;

/** Cheap gate: the line is Helix's LSP transport's. */
export function mayBeHelixLine(line: string): boolean {
  return line.charCodeAt(0) === 0x68 && line.startsWith('helix_lsp::transport [');
}

/** The stderr line a helix.log line carries, or undefined for any other line. */
export function parseHelixStderr(line: string): RelayedStderr | undefined {
  const h = HEAD.exec(line);
  if (!h) return undefined;
  const rest = line.slice(h[0].length);
  const m = STDERR.exec(rest);
  if (!m) return undefined;
  let body = rest.slice(m[0].length);
  // The closing quote, unless a paste cut the line short.
  if (body.endsWith('"') && !body.endsWith('\\"')) body = body.slice(0, -1);
  return { command: m[1] ?? '', lines: chunkLines(unescapeRustDebug(body)) };
}

/** A server's error reply as helix.log files it, or undefined. */
export function parseHelixErrorReply(line: string): HelixErrorReply | undefined {
  const h = HEAD.exec(line);
  if (!h) return undefined;
  const m = REPLY.exec(line.slice(h[0].length));
  return m ? { server: m[1]!, message: m[2]! } : undefined;
}

const SHORT: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0' };

/** Undoes Rust's Debug escapes of a str: \n \t \r \0 \\ \" \' and \u{…}. Never throws. */
export function unescapeRustDebug(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\(u\{[0-9a-fA-F]{1,6}\}|.)/g, (_, e: string) => {
    if (e.length > 1) {
      const cp = parseInt(e.slice(2, -1), 16);
      // The analyzer's text is UTF-8 bytes read as latin1: a character above U+00FF is put back as its bytes.
      return cp <= 0x10ffff ? Buffer.from(String.fromCodePoint(cp), 'utf8').toString('latin1') : e;
    }
    return SHORT[e] ?? e;
  });
}
