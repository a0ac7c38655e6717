// Neovim's LSP log (lsp.log) keeps what a language server writes to stderr as one log line per
// chunk, at ERROR level whatever the chunk says (runtime/lua/vim/lsp/rpc.lua, its stderr handler:
// log.error('rpc', cmd, 'stderr', chunk)), each argument written with vim.inspect and separated by
// tabs:
//
//   [ERROR][2024-08-18 07:24:09] .../vim/lsp/rpc.lua:772	"rpc"	"/Users/ann/go/bin/gopls"	"stderr"	"panic: …\n"
//   [ ERROR ] 2021-02-04T22:13:07+0530 ] …/runtime/lua/vim/lsp/rpc.lua:455 ]	"rpc"	"gopls"	"stderr"	"gopls: remote disconnected: <nil>\n"
//
// (the second is the format before Neovim 0.5.1). gopls writes its own ordinary log to stderr when
// no -logfile is given, so a healthy session fills lsp.log with such ERROR lines; read whole, each
// looked like a failure of gopls (the level, the server's name beside it) and its words ("rpc",
// "lua", "vim", "stderr") leaned the word model towards gopls-launch, for a report of anything. What
// the line carries is the chunk: read as the server's stderr, line by line, the crash reader and
// the rules see what gopls printed and nothing of the log's framing. Pure.

/** A server's stderr as an editor's log relays it (Neovim's here, Helix's in helixLog.ts). */
export interface RelayedStderr {
  /** The server's command as the log names it (its first word when the log wrote a list). */
  command: string;
  /** The chunk, unescaped, split into lines; a chunk's final line break ends its last line. */
  lines: string[];
}

// The level and time in either format, then the Lua source and line the entry was logged from. A
// source path may hold spaces ("…gram Files\Neovim\share\nvim\runtime\lua\vim\lsp\rpc.lua:462").
const HEAD = /^(?:\[(?:ERROR|WARN|INFO|DEBUG|TRACE)\]\[[^\]\n]{8,40}\] |\[ (?:ERROR|WARN|INFO|DEBUG|TRACE) \] [^\]\n]{8,40} \] )[^\t\n]{0,300}?\.lua:\d+(?: \])?\t"rpc"\t/;
// The command: a string, or a list as vim.inspect writes one ({ "gopls", "serve" }).
const COMMAND = /^(?:"((?:[^"\\\n]|\\.){1,400})"|'((?:[^'\\\n]|\\.){1,400})'|\{ ?["']((?:[^"'\\\n]|\\.){1,400})["'][^}\n]{0,400}\})\t"stderr"\t/;

/** Cheap gate: the line's second and third characters are those of "[ERROR]" or "[ ERROR ]" (a client's "[Error - …]" and a trace's "[Trace - …]" fail it). */
export function mayBeNeovimLogLine(line: string): boolean {
  if (line.charCodeAt(0) !== 0x5b) return false;
  const c1 = line.charCodeAt(1);
  const c2 = line.charCodeAt(2);
  return c1 === 0x20 ? c2 >= 0x41 && c2 <= 0x5a : c1 >= 0x41 && c1 <= 0x5a && c2 >= 0x41 && c2 <= 0x5a;
}

/** The stderr chunk an lsp.log line carries, or undefined for any other line. */
export function parseNeovimStderr(line: string): RelayedStderr | undefined {
  if (!mayBeNeovimLogLine(line)) return undefined;
  const h = HEAD.exec(line);
  if (!h) return undefined;
  const rest = line.slice(h[0].length);
  const c = COMMAND.exec(rest);
  if (!c) return undefined;
  const command = unescapeLuaString(c[1] ?? c[2] ?? c[3]!);
  const payload = rest.slice(c[0].length);
  const q = payload.charAt(0);
  if (q !== '"' && q !== "'") return undefined;
  // A chunk cut short (a paste cut at a width, a line too long for the report) has no closing quote: what is there is read.
  const body = payload.length > 1 && payload.endsWith(q) && payload.charAt(payload.length - 2) !== '\\' ? payload.slice(1, -1) : payload.slice(1);
  return { command, lines: chunkLines(unescapeLuaString(body)) };
}

/** A relayed chunk's lines: a CR before a line break is the writer's (a Windows program), and a final line break ends the last line. */
export function chunkLines(text: string): string[] {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const SHORT: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v' };

/** Undoes vim.inspect's escapes (Lua's): \n \t \r \a \b \f \v, \\ \" \', and \ddd for other control bytes. Never throws. */
export function unescapeLuaString(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\(\d{1,3}|.)/g, (_, e: string) => {
    const c0 = e.charCodeAt(0);
    if (c0 >= 0x30 && c0 <= 0x39) {
      const n = Number(e);
      return n <= 255 ? String.fromCharCode(n) : e;
    }
    return SHORT[e] ?? e;
  });
}
