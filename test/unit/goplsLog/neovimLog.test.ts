// Neovim's lsp.log relays a server's stderr at ERROR level, chunk by chunk, each written with
// vim.inspect (neovimLog.ts). The chunk is what gopls printed: read as such, a healthy session's
// log is no failure and its framing lends no words; a crash, a rule's message and gopls's
// ownership of a panic are read through it.
import { describe, expect, it } from 'vitest';
import { parseNeovimStderr, unescapeLuaString } from '../../../src/goplsLog/neovimLog.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { findingsOf } from '../../../src/probes/goplsLogs.js';

const NEW = '[ERROR][2024-08-18 07:24:09] .../vim/lsp/rpc.lua:772\t"rpc"\t';

describe('parseNeovimStderr', () => {
  it.each([
    // Neovim 0.10 (golang/go#68927's log).
    [`${NEW}"/Users/zchee/go/bin/gopls"\t"stderr"\t"panic: runtime error: invalid memory address or nil pointer dereference\\n"`, '/Users/zchee/go/bin/gopls', ['panic: runtime error: invalid memory address or nil pointer dereference']],
    // Before 0.5.1 (neovim/nvim-lspconfig#720).
    ['[ ERROR ] 2021-02-04T22:13:07+0530 ] ...ovim/HEAD-0fad952/share/nvim/runtime/lua/vim/lsp/rpc.lua:455 ]\t"rpc"\t"gopls"\t"stderr"\t"gopls: remote disconnected: <nil>\\n"', 'gopls', ['gopls: remote disconnected: <nil>']],
    // vim.inspect quotes with ' when the text holds a " (williamboman/nvim-lsp-installer#262), and a Windows path's backslashes are doubled.
    [
      '[ ERROR ] 2021-11-15T17:37:44+0800 ] ...gram Files\\Neovim\\share\\nvim\\runtime\\lua\\vim\\lsp\\rpc.lua:462 ]\t"rpc"\t"C:\\\\dev\\\\nvim\\\\gopls"\t"stderr"\t\'panic: only file URIs are supported, got "c"\\n\\ngoroutine 7691 [running]:\\n\'',
      'C:\\dev\\nvim\\gopls',
      ['panic: only file URIs are supported, got "c"', '', 'goroutine 7691 [running]:'],
    ],
    // A Windows program's CRLF inside the chunk (dense-analysis/ale#4984).
    [`${NEW}"cmd"\t"stderr"\t'Der Befehl "/" ist entweder falsch geschrieben oder\\r\\nkonnte nicht gefunden werden.\\r\\n'`, 'cmd', ['Der Befehl "/" ist entweder falsch geschrieben oder', 'konnte nicht gefunden werden.']],
    // The command as a list, and a chunk cut short by the paste (no closing quote).
    [`${NEW}{ "gopls", "serve" }\t"stderr"\t"2024/08/18 07:24:09 go env for /home/ann/m\\n(root /home/ann/m)`, 'gopls', ['2024/08/18 07:24:09 go env for /home/ann/m', '(root /home/ann/m)']],
    // An escaped control byte (Lua's \ddd) and a tab.
    [`${NEW}"gopls"\t"stderr"\t"\\27[31merror\\27[0m\\tx\\n"`, 'gopls', ['\x1b[31merror\x1b[0m\tx']],
  ])('%s', (line, command, lines) => {
    expect(parseNeovimStderr(line)).toEqual({ command, lines });
  });

  it.each([
    // gopls's window/logMessage, which Neovim logs at gopls's own level: the level is gopls's word, kept as the line.
    '[ ERROR ] 2021-02-05T19:45:32+0530 ] ...HEAD-0fad952/share/nvim/runtime/lua/vim/lsp/handlers.lua:362 ]\t"2021/02/05 19:45:32 creating workspace dir: mkdir /var/folders/T/gopls-3079.workspace: file exists\\n"',
    '[START][2024-03-01 12:00:00] LSP logging initiated',
    '[ERROR][2024-03-01 12:00:01] .../vim/lsp/client.lua:1234\t"LSP[gopls]"\t"on_error"\t{ code = "EXIT_ERROR" }',
    // The VS Code client's and trace's brackets.
    '[Error - 10:41:12 AM] Connection to server got closed. Server will restart.',
    "[Trace - 10:41:12 AM] Sending request 'initialize - (0)'.",
    '[signal SIGSEGV: segmentation violation code=0x1 addr=0x20 pc=0x61acd11]',
  ])('not a relayed stderr chunk: %s', (line) => {
    expect(parseNeovimStderr(line)).toBeUndefined();
  });
});

describe('unescapeLuaString', () => {
  it.each([
    ['plain', 'plain'],
    ['a\\nb\\tc\\r', 'a\nb\tc\r'],
    ['C:\\\\go\\\\bin', 'C:\\go\\bin'],
    ['say \\"hi\\" \\\'x\\\'', 'say "hi" \'x\''],
    ['\\0271', '\x1b1'],
    ['\\7', '\x07'],
    ['\\999', '999'],
    ['end\\', 'end\\'],
  ])('%j', (s, out) => {
    expect(unescapeLuaString(s)).toBe(out);
  });
});

// gopls writes its own log to stderr when the editor gives it no -logfile; Neovim files every
// chunk at ERROR. Lines in the shapes gopls prints them (internal/event/export's "date time
// message" and tab-indented labels), behind lsp.log's framing.
const relay = (chunk: string, command = 'gopls') => `[ERROR][2024-03-01 12:00:01] .../vim/lsp/rpc.lua:770\t"rpc"\t"${command}"\t"stderr"\t"${chunk.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\t/g, '\\t').replace(/\n/g, '\\n')}"`;
const HEALTHY = [
  '[START][2024-03-01 12:00:00] LSP logging initiated',
  relay('2024/03/01 12:00:01 background imports cache refresh starting\n'),
  relay('2024/03/01 12:00:01 go/packages.Load #1\n\tsnapshot=0\n\tdirectory=/home/ann/src/app\n\tquery=[./... builtin]\n\tpackages=12\n\tduration=412.3ms\n'),
  relay("2024/03/01 12:00:05 imports fixes: AllImportsFixes: /home/ann/src/app/main.go:12:17: expected ';', found 'ILLEGAL' (and 3 more errors)\n"),
  relay('2024/03/01 12:00:09 background refresh finished after 104.78539ms\n'),
].join('\n');

describe('Neovim lsp.log', () => {
  it('a healthy gopls session is no failure of gopls, and the log framing lends the word model nothing', () => {
    const s = analyzeText(HEALTHY);
    expect(s.goplsFailures).toEqual([]);
    expect(s.crashes).toEqual([]);
    for (const w of ['rpc', 'lua', 'vim', 'stderr', 'error+vim', 'lsp+rpc']) expect(s.resemblanceWords).not.toContain(w);
    expect(findingsOf('/logs/lsp.log', s).filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('a panic relayed over several chunks is one crash, gopls\'s, with its stack', () => {
    const s = analyzeText([
      '[START][2024-08-18 07:24:09] LSP logging initiated',
      relay('panic: runtime error: invalid memory address or nil pointer dereference\n', '/home/ann/go/bin/gopls'),
      relay('[signal SIGSEGV: segmentation violation code=0x1 addr=0x20 pc=0x61acd11]\n\ngoroutine 142 [running]:\n', '/home/ann/go/bin/gopls'),
      relay('main.main()\n\t/home/ann/go/pkg/mod/golang.org/x/tools/gopls@v0.16.1/main.go:31 +0x5\n', '/home/ann/go/bin/gopls'),
    ].join('\n'));
    expect(s.crashes).toHaveLength(1);
    expect(s.crashes[0]).toMatchObject({ kind: 'panic', line: 2, owner: 'gopls' });
    expect(s.crashes[0]!.stack.join('\n')).toContain('main.main');
  });

  it('a message in the chunk is read as gopls printed it', () => {
    expect(analyzeText(relay('go: cannot find GOROOT directory: /usr/local/go\n')).events.map((e) => e.classId)).toContain('env-inheritance');
    expect(analyzeText(relay('/bin/sh: 1: gopls: not found\n')).events.map((e) => e.classId)).toContain('gopls-launch');
  });
});
