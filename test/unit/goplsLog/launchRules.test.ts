// gopls-launch in other clients' words (issue 11): each line is built from the format
// string in the upstream client named beside it, with other paths, ids and numbers than any corpus
// text; each family also has lines that must NOT match (a normal shutdown, a user's program or a
// test binary exiting, another language's server).
import { describe, expect, it } from 'vitest';
import { RULES, matchRules, ruleById, type RuleId } from '../../../src/goplsLog/rules.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { findingsOf } from '../../../src/probes/goplsLogs.js';
import { rankCauses } from '../../../src/doctor/rank.js';
import { FindingSchema } from '../../../src/doctor/model.js';

const ranked = (log: string) => rankCauses(findingsOf('gopls.log', analyzeText(log)).map((f) => FindingSchema.parse(f)));

const ids = (line: string) => matchRules(line).map((r) => r.id);

const CASES: Array<[string, RuleId[]]> = [
  // --- the server process ended with a failure ---
  // vscode-languageclient client/src/node/main.ts
  ['[Error - 3:04:05 PM] Server process exited with code 3.', ['server-exited']],
  ['[Error - 3:04:05 PM] Server process exited with signal SIGSEGV.', ['server-exited']],
  ['[Info  - 3:04:05 PM] Server process exited successfully', []],
  ['[Error - 3:04:05 PM] Server process exited with code 0.', []],
  ['[Error - 3:04:05 PM] Server process exited with signal SIGTERM.', []],
  // jsonrpc.el and eglot.el
  ['[jsonrpc] Server exited with status 9', ['server-exited']],
  ['[jsonrpc] Server exited with status 0', []],
  ['[eglot] (warning) Reconnecting after unexpected server exit.', ['server-exited']],
  ["[eglot] (warning) Not auto-reconnecting, last one didn't last long.", ['server-exited']],
  ['EGLOT (svc/(go-mode go-ts-mode)) exited with status 2', ['server-exited']],
  // lsp-mode's process sentinel, with Emacs's own event strings
  ['LSP :: gopls has exited (exited abnormally with code 1)', ['server-exited']],
  // gopls itself dying on a signal: the shell-crash cause says it better
  ['LSP :: gopls:90210 has exited (segmentation fault (core dumped))', ['gopls-shell-crash']],
  ['LSP :: gopls:90210 has exited (killed)', ['server-exited']],
  ['LSP :: gopls has exited (finished)', []],
  ['LSP :: pylsp has exited (exited abnormally with code 1)', []],
  // lsp-bridge core/lspserver.py
  ['--- Lsp server exited, exit code: 2', ['server-exited']],
  ['--- Lsp server exited, exit code: 0', []],
  // vim-lsp autoload/lsp.vim s:on_exit, as lsp#log writes it
  ['Sat 02 Mar 2024 11:22:33 AM CET:["s:on_exit",3,"gopls","exited",2]', ['server-exited']],
  ['Sat 02 Mar 2024 11:22:33 AM CET:["s:on_exit",3,"gopls","exited",0]', []],
  ['Sat 02 Mar 2024 11:22:33 AM CET:["s:on_exit",3,"gopls","exited",143]', []],
  // atom-languageclient / ide-go, Neovim's handlers, Zed's error buffer
  ['ide-go the gopls language server stopped unexpectedly.', ['server-exited']],
  ['CQL language server stopped unexpectedly.', []],
  ['LSP[gopls] client has shut down after sending the message', ['server-exited']],
  ['Language server error: gopls', ['server-exited']],
  ['Language server error: rust-analyzer', []],
  ['2024-05-06T07:08:09+02:00 [ERROR] oneshot canceled', ['server-exited']],
  // any tool naming gopls (or an older Go server) ending badly
  ['gopls exited with code 2', ['server-exited']],
  ['gopls process exited unexpectedly', ['server-exited']],
  ['LSP: gopls crashed (2 / 5 times in the last 180.0 seconds), exit code 2', ['server-exited']],
  ['go-langserver terminated with signal 11', ['server-exited']],
  ['gocode died', ['server-exited']],
  ['gopls exited with code 0', []],
  ['gopls: failed reading header line: EOF', []],
  ['Shutting down gopls: shutdown requested by client', []],
  // sourcegraph/go-langserver langserver/util.go panicf (and its fork saibing/bingo): a handler's panic
  ['panic serving textDocument/definition: runtime error: index out of range [3] with length 3', ['server-panic-serving']],
  ['2019/03/04 05:06:07 panic serving workspace/symbol: assignment to entry in nil map', ['server-panic-serving']],
  ['panic serving initialize: interface conversion: interface {} is nil, not string', ['server-panic-serving']],
  // gocode's PANIC candidate, as company-go (through company's error message), ycmd, margo and vim-go relay it
  ['Company: backend company-go error "GOCODE PANIC: Please check your code by \\"go build\\"" with args (candidates main)', ['gocode-panic']],
  ['RuntimeError: Gocode panicked trying to find completions, you likely have a syntax error.', ['gocode-panic']],
  ["2018/11/02 09:14:51 gocode panicked in '/home/ann/src/api/handler.go' at pos '2211'", ['gocode-panic']],
  ["[0, [{'word': 'PANIC', 'abbr': 'PANIC PANIC PANIC', 'info': 'PANIC PANIC PANIC'}]]", ['gocode-panic']],
  ['gocode: no completions for this position', []],
  ['the PANIC button in the admin panel', []],
  // net/http's recovered handler panic is a user's web server
  ['2019/03/04 05:06:07 http: panic serving 10.0.0.7:51234: runtime error: invalid memory address or nil pointer dereference', []],
  ['http: panic serving [::1]:40312: open /srv/tmpl/index.html: no such file or directory', []],
  // a user's program or test binary exiting is not the server's death
  ['Process exiting with code: 1', []],
  ['exit status 2', []],
  ['FAIL\texample.org/svc/store\t0.412s', []],
  ['signal: segmentation fault (core dumped)', []],
  ['app exited with code 1', []],
  ['the worker process crashed', []],

  // --- the client could not start the server ---
  // vim-go with no gopls running (autoload/go/lsp.vim): Vim's errors on its empty client, in English and German
  ['E117: Unknown function: sendMessage', ['server-start-failed']],
  ['E15: Invalid expression: l:lsp.sendMessage(l:msg, l:state)', ['server-start-failed']],
  ['E15: Ungültiger Ausdruck: l:lsp.sendMessage(l:msg, l:state)', ['server-start-failed']],
  ['E117: Unknown function: sendMessageToBackend', []],
  ['E117: Unknown function: go#lsp#DidOpen', []],
  ['[Error - 8:09:10 AM] Couldn\'t start client gopls', ['server-start-failed']],
  ["Couldn't start client Rust Language Server", []],
  ['Launching server using command /opt/go-tools/bin/gopls failed.', ['server-start-failed']],
  ['Launching server using command python failed. Error: spawn python ENOENT', []],
  ['The extension was unable to start the language server.', ['server-start-failed']],
  // coc.nvim, with the ids a Go server gets
  ['[coc.nvim] Server languageserver.golang failed to start: Error: connection closed', ['server-start-failed']],
  ['[coc.nvim] Server go failed to start: timeout', ['server-start-failed']],
  ['[coc.nvim] Server languageserver.pyright failed to start: timeout', []],
  // Helix helix-view editor.rs (new and old)
  ['2024-01-02T03:04:05.678 helix_view::editor [ERROR] Failed to initialize the language servers for `source.go` - `gopls` { protocol error: ServerError(0): bad flags }', ['server-start-failed']],
  ['helix_view::editor [ERROR] Failed to initialize the LSP for `source.go` { IO Error: Permission denied (os error 13) }', ['server-start-failed', 'permission-denied']],
  ['helix_view::editor [ERROR] Failed to initialize the language servers for `source.rust` - `rust-analyzer` { timeout }', []],
  // Zed crates/project and crates/lsp
  ['2024-02-03T04:05:06Z [ERROR] failed to start language server "gopls": server shut down', ['server-start-failed']],
  ['failed to spawn command. path: "/home/ann/.local/share/zed/languages/gopls/gopls_0.15.1", working directory: "/srv/api", args: []', ['server-start-failed']],
  ['failed to spawn command. path: "/usr/bin/ruff", working directory: "/srv/api", args: ["server"]', []],
  // VS Code failing to activate the Go extension (extHostExtensionActivator.ts), in its three wordings
  ["Activating extension 'golang.go' failed: Cannot find module '/home/ann/.vscode/extensions/golang.go-0.41.0/dist/goMain.js'.", ['server-start-failed']],
  ['2024-03-01 12:00:00.000 [error] Activating extension golang.go failed due to an error:', ['server-start-failed']],
  ['Activating extension `ms-vscode.go` failed:  Cannot read property of undefined', ['server-start-failed']],
  ["Activating extension 'ms-python.python' failed: spawn python ENOENT.", []],
  ["Activating extension 'golang.gopher-theme' failed: x.", []],
  // any client
  ['Failed to start language server: timed out waiting for initialize', ['server-start-failed']],
  ['Unable to start gopls: context deadline exceeded', ['server-start-failed']],
  ['Failed to start language server pyright', []],
  ['Failed to launch: could not launch process: not an executable file', []],
  ['Failed to start debugging', []],
  ['could not start the program', []],

  // --- the client's words say the binary is missing ---
  ['eglot--connect: Searching for program: No such file or directory, gopls', ['server-binary-missing']],
  ['(file-missing "Searching for program" "No such file or directory" "gopls")', ['server-binary-missing']],
  ["FileNotFoundError: [Errno 2] No such file or directory: 'gopls'", ['server-binary-missing']],
  ["FileNotFoundError: [Errno 2] No such file or directory: '/opt/go/bin/gopls'", ['server-binary-missing']],
  ['helix_lsp [ERROR] spawn `gopls` failed: No such file or directory (os error 2)', ['server-binary-missing']],
  ['Failed to initialize the LSP for `source.go` { `gopls` cannot find binary path }', ['server-binary-missing']],
  // :LspInfo's line names no server: read only right after gopls's block (nearGopls), as the client catalog has it
  ['cmd is executable:   Unable to find executable. Please check your path and ensure the server is installed', []],
  ['Please do :LspInstallServer to enable Language Server gopls', ['server-binary-missing']],
  ['Please do :LspInstallServer to enable Language Server typescript-language-server', []],
  ['LSP :: No LSP server for go-mode(check *lsp-log*).', ['server-binary-missing']],
  ['LSP :: No LSP server for python-mode(check *lsp-log*).', []],
  ['Cannot find the language server go-langserver-next. Please install it and reload this VS Code window', ['server-binary-missing']],
  ["FileNotFoundError: [Errno 2] No such file or directory: 'clangd'", []],
  ['Searching for program: No such file or directory, pyright-langserver', []],

  // --- the kernel: gopls itself faulted ---
  ['[81234.567890] gopls[4242]: segfault at 0 ip 000000000046d1e3 sp 000000c000a1fe68 error 4 in gopls[400000+1a9c000]', ['gopls-kernel-crash']],
  ['traps: gopls[4242] general protection fault ip:46d1e3 sp:c000a1fe68 error:0 in gopls[400000+1a9c000]', ['gopls-kernel-crash']],
  ['traps: gopls[4242] trap invalid opcode ip:4712af sp:7ffd9e2c error:0 in gopls[400000+1a9c000]', ['gopls-kernel-crash']],
  ['[81234.567890] myapp[999]: segfault at 8 ip 00007f sp 00007ffd error 6 in libc.so.6', []],
  // --- building gopls failed (go build's header, the compiler on x/tools's own sources) ---
  ['# golang.org/x/tools/gopls/internal/cache', ['gopls-build-failed']],
  // A standard-library identifier missing in gopls's own module is a go older than that gopls: the
  // cause, read by go-too-old-for-tools; in x/tools's other packages only with gopls named just before.
  ['/home/ann/go/pkg/mod/golang.org/x/tools/gopls@v0.16.2/internal/golang/hover.go:1210:12: undefined: slices.Concat', ['go-too-old-for-tools']],
  ['../../pkg/mod/golang.org/x/tools@v0.24.0/internal/typesinternal/types.go:40:9: undefined: types.Alias', ['gopls-build-failed']],
  ['../../pkg/mod/golang.org/x/tools@v0.24.0/internal/typesinternal/types.go:40:9: undefined: typeAlias', ['gopls-build-failed']],
  ['/home/ann/go/src/golang.org/x/tools/internal/lsp/source/completion.go:301:7: cannot use x (type int) as type string', ['gopls-build-failed']],
  ['# example.org/app/internal/store', []],
  ['./store.go:14:2: undefined: slices.Concat', []],
  ['go: downloading golang.org/x/tools v0.24.0', []],

  // --- gopls rejecting initialize ---
  ['  Message: JSON RPC parse error: json: cannot unmarshal bool into Go struct field ClientCapabilities.capabilities.workspace.didChangeConfiguration of type struct', ['initialize-rejected']],
  ['[Error - 1:02:03 AM] Request initialize failed with message: unsupported URI scheme:  (gopls only supports file URIs)', ['server-lost']],
  ['unsupported URI scheme:  (gopls only supports file URIs)', ['initialize-rejected']],
  ['Request textDocument/codeAction failed. Message: unsupported URI scheme: git (gopls only supports file URIs)', []],
  ['json: cannot unmarshal string into Go struct field Config.port of type int', []],
  // --- the Go extension's tool listing; gopls's go.mod too new for the installing go ---
  ['\tgopls:\tnot installed', ['gopls-listed-missing']],
  ['   gopls: gopls not installed', ['gopls-listed-missing']],
  ['\tdlv:\tnot installed', []],
  ['\tgopls:\t/home/ann/go/bin/gopls\t(version: v0.16.2 built with go: go1.23.1)', []],
  // gopls's own go.mod refused: the install's problem, not the user's module (go-mod-invalid yields).
  ["go: golang.org/x/tools/gopls@latest (in golang.org/x/tools/gopls@v0.15.3): go.mod:3: invalid go version '1.21.1': must match format 1.23", ['gopls-needs-newer-go']],
  ['go: golang.org/x/tools/gopls@v0.16.0: go.mod:5: unknown directive: toolchain', ['gopls-needs-newer-go']],
  ["go: errors parsing go.mod:\n/srv/app/go.mod:3: invalid go version '1.22.0': must match format 1.23", ['go-mod-invalid']],
  // --- vim-lsp's :LspStatus, Zed's failed-start record ---
  ['gopls: exited', ['server-exited']],
  ['gopls: failed', ['server-exited']],
  ['gopls: running', []],
  ['gopls: failed to load view for file:///srv/app: no go.mod', ['workspace-load-failed']],
  ['-- stderr--', ['server-start-failed']],
  ['2024-06-07T08:09:10+02:00 [ERROR] server stderr: flag provided but not defined: -mode', ['gopls-bad-command']],
  // The Go extension's crash report header: the command line it gave gopls, read flag by flag.
  ['gopls flags: go.gopath', ['gopls-flags-invalid']],
  ['gopls flags: -remote=auto -gocodecompletion', ['gopls-flags-invalid']],
  ['gopls flags: -remote=aut -logfile=auto -debug=:0 -rpc.trace', ['gopls-flags-invalid']],
  // gopls's own flags, a value as the next word, -remote's three address shapes, or none: fine.
  ['gopls flags: -remote=auto -logfile=auto -debug=:0 -rpc.trace', []],
  ['gopls flags: -rpc.trace -logfile /tmp/gopls.log -vv', []],
  ['gopls flags: -remote=localhost:37374', []],
  ['gopls flags: -remote=unix;/tmp/gopls.sock', []],
  ['gopls flags:', []],
  ['gopls flags: serve -rpc.trace', []],
  ['Language server gopls:', ['server-start-failed']],
  ['Language server rust-analyzer:', []],
  // --- executing gopls itself refused: gopls's start, not a freshly built binary's ---
  ['Error: spawn /home/ann/go/bin/gopls EACCES', ['gopls-exec-denied']],
  ['fork/exec /opt/tools/gopls: permission denied', ['gopls-exec-denied']],
  ['bash: /home/ann/go/bin/gopls: Permission denied', ['gopls-exec-denied']],
  // JetBrains' and zed's words for the same refused exec: no missing gopls (error=2 is one).
  ['Cannot run program "/home/ann/go/bin/gopls": error=13, Permission denied', ['gopls-exec-denied']],
  ['Cannot run program "gopls" (in directory "/home/ann/p"): error=13, Permission denied', ['gopls-exec-denied']],
  ['failed to start language server "gopls": Permission denied (os error 13)', ['server-start-failed', 'gopls-exec-denied']],
  ['{"level":"error","msg":"gopls command error","error":"fork/exec /home/ann/go/bin: permission denied"}', ['gopls-exec-denied']],
  ['fork/exec /tmp/go-build2/b001/exe/app: permission denied', ['exec-permission-denied']],
  ['Error: spawn /usr/local/bin/protoc EACCES', ['program-exec-denied']],
  ['[Error - 7:08:09 PM] Restarting client failed', ['server-start-failed']],
  ["[Error - 7:08:09 PM] Client is not running and can't be stopped. It's current state is: startFailed", ['server-start-failed']],
  ["Client is not running and can't be stopped. It's current state is: stopped", []],
  // --- a goroutine dump in gopls's frames without its first line ---
  ['golang.org/x/tools/gopls/internal/cache.(*snapshot).load(0xc000412000, {0x10c3a40, 0xc0002e6f00}, 0x1, {0xc000b2e1e0, 0x2, 0x2})', ['gopls-stack-headless']],
  ['golang.org/x/tools/internal/lsp.(*Server).didOpen(0xc0001c4000, {0xe1d0a0, 0xc000488120}, 0xc0004a2000)', ['gopls-stack-headless']],
  ['created by golang.org/x/tools/internal/lsp.(*Server).processModifications', ['gopls-stack-headless']],
  ['\tC:/Users/ann/go/pkg/mod/golang.org/x/tools@v0.1.11/internal/lsp/diagnostics.go:106 +0x1bb', []],
  ['main.main()', []],
  // --- a stack as Go telemetry records it (x/telemetry counter.EncodeStack), as gopls's crash reports quote it ---
  ['golang.org/x/tools/gopls/internal/golang.highlightPath:29', ['gopls-telemetry-stack']],
  ['golang.org/x/tools/gopls/internal/server.(*server).SignatureHelp:+7', ['gopls-telemetry-stack']],
  ['- [`golang.org/x/tools/gopls/internal/cache.(*snapshot).PackageGetter:+3,+0x5e`](https://cs.opensource.google/go/x/tools/+/gopls/v0.16.1:gopls/internal/cache/snapshot.go;l=10)', ['gopls-telemetry-stack']],
  ['- `golang.org/x/tools/gopls/internal/protocol.serverDispatch:=280`', ['gopls-telemetry-stack']],
  ['- [`runtime.gopanic:+69`](https://cs.opensource.google/go/go/+/go1.22.2:src/runtime/panic.go;l=770)', []],
  ['cmd/go/internal/modload.LoadPackages:+12', []],
  ['golang.org/x/tools/gopls/internal/cache/load.go:42', []],
  ['github.com/acme/app/store.(*DB).Get(0xc0000a2000, {0x5d1c2e, 0x3})', []],
  ['Error: Connection got disposed.', ['server-exited']],
  ['  Message: Pending response rejected since connection got disposed', ['server-lost']],
  ['jsonrpc-error: "request id=7 failed:" (:code -1 :message "Server died")', ['server-exited']],
  ['The build server died after the last test', []],
  // --- the binary built for another CPU or OS (Windows, macOS words) ---
  ['fork/exec C:\\Users\\ann\\go\\bin\\gopls.exe: %1 is not a valid Win32 application.', ['gopls-wrong-platform']],
  ['fork/exec C:\\tools\\gopls.exe: The specified executable is not a valid application for this OS platform.', ['gopls-wrong-platform']],
  ['zsh: bad CPU type in executable: gopls', ['gopls-wrong-platform']],
  ['[Error - 1:00:00 PM] Starting client failed Error: spawn Unknown system error -86', ['gopls-wrong-platform', 'server-init-failed']],
  ['fork/exec C:\\build\\app.exe: %1 is not a valid Win32 application.', []],
  ['zsh: bad CPU type in executable: ./protoc', ['foreign-arch-exec']],
  ["C:\\tools\\gopls.exe: This version of C:\\tools\\gopls.exe is not compatible with the version of Windows you're running.", ['gopls-wrong-platform']],
  // --- ALE's :ALEInfo command history ---
  ['(executable check - failure) gopls', ['server-binary-missing']],
  ['(executable check - failure) golangci-lint', []],
  ['(executable check - success) gopls', []],
  ["(finished - exit code 2) ['/bin/bash', '-c', '''gopls''']", ['server-exited']],
  ["(finished - exit code 0) ['/bin/bash', '-c', '''gopls''']", []],
  ["(finished - exit code 1) ['/bin/bash', '-c', '''go'' vet ./...']", []],
  // --- the canonical-message sweep (lane sweepA): node's spawnSync, zsh's errno-first words, lsp-mode ---
  ['Error: spawnSync gopls ENOENT', ['gopls-not-found']],
  ['zsh: no such file or directory: /opt/tools/gopls', ['gopls-not-found']],
  ['zsh: exec format error: /opt/tools/gopls', ['gopls-binary-broken']],
  ['zsh: permission denied: /opt/tools/gopls', ['gopls-exec-denied']],
  ['The following servers support current file but do not have automatic installation: gopls', ['server-binary-missing']],
  ['LSP :: The following servers support current file but do not have automatic installation configuration: gopls go-bingo', ['server-binary-missing']],
  ['LSP :: The following servers support current file but do not have automatic installation configuration: pyright', []],
  ['zsh: permission denied: ./deploy.sh', ['program-exec-denied']],
  // Kate's LSP client; the Go extension's prompt for a tool its go is too old to build
  ['[09:41:07 LSP Client Warning] Failed to find server binary: gopls', ['server-binary-missing']],
  ['Failed to find server binary: /opt/tools/gopls', ['server-binary-missing']],
  ['[09:41:07 LSP Client Warning] Failed to find server binary: rust-analyzer', []],
  ['You are using go1.19.13, but gopls requires at least go1.21.0.', ['go-too-old-for-tools']],
  ['You are using the latest version of gopls.', []],

  // --- the client-messages sweep (lane clients): families read from each client's source ---
  // vscode-languageclient 8.1/9 handleConnectionError, a request on a stopped client, $start
  ['[Error - 4:12:30 PM] Client gopls: connection to server is erroring.', ['server-lost']],
  ['[Error - 4:12:30 PM] Client gopls: connection to server is erroring. Shutting down server.', ['server-lost']],
  ['  Message: Client is not running', ['server-lost']],
  ["Client is not running and can't be stopped. It's current state is: stopped", []],
  ['[Error - 4:12:31 PM] Restarting server failed', ['server-start-failed']],
  ['Error: Starting server failed', ['server-start-failed']],
  ["Error: Previous start failed. Can't restart server.", ['server-start-failed']],
  ['Starting server failed: listen tcp :8080: bind: address already in use', []],
  // the Go extension's command when gopls is down; Geany's initialize failure
  ['gopls is not running', ['server-lost']],
  ['dlv is not running', []],
  ['10:15:12: Initialize request failed for LSP server gopls: The connection was closed', ['server-lost']],
  ['10:15:12: Initialize request failed for LSP server clangd: timeout', []],
  // coc.nvim's language client; Kate; Zed
  ['[coc.nvim] Launching server "languageserver.golang" using command /opt/tools/bin/gopls failed.', ['server-start-failed']],
  ['[coc.nvim] Launching server "pyright" using command pyright-langserver failed.', []],
  ['[10:15:12  LSP Client Warning] Failed to start server: /home/ann/go/bin/gopls serve', ['server-start-failed']],
  ['[10:15:12  LSP Client Warning] Failed to start server: /usr/bin/clangd --background-index', []],
  ['2024-05-06T10:11:12+02:00 [ERROR] failed to run installed gopls binary', ['server-start-failed']],
  ['[Error  - 10:15:12] gopls exited with code: 2', ['server-exited']],
  ['[Error  - 10:15:12] /opt/tools/bin/gopls exited with code: 1', ['server-exited']],
  ['[Error  - 10:15:12] gopls exited with code: 0', []],
  ['[Error  - 10:15:12] pyright-langserver exited with code: 1', []],
  ['[10:15:12  LSP Client Warning] Server terminated unexpectedly ... Restarting /home/ann/go/bin/gopls serve [go] [homepage: https://github.com/golang/tools/tree/master/gopls] ', ['server-exited']],
  ['[10:15:40  LSP Client Warning] Server terminated unexpectedly ... NOT Restarting gopls [go] [homepage: https://github.com/golang/tools/tree/master/gopls] ', ['server-exited']],
  ['[10:15:12  LSP Client Warning] Server terminated unexpectedly ... Restarting /usr/bin/clangd [cpp] [homepage: https://clangd.llvm.org/] ', []],
  // Geany's LSP plugin
  ['10:15:40: LSP server /home/ann/go/bin/gopls terminated 10 times, giving up', ['server-exited']],
  ['10:15:12: LSP server gopls stopped unexpectedly, restarting', ['server-exited']],
  ['10:15:40: LSP server pylsp terminated 10 times, giving up', []],
  ['10:20:00: LSP server gopls stopped', []],
  // mason.nvim's install log; ycmd's Go completer
  ['[ERROR 2024-05-06 10:11:12] ...mason-core/installer/init.lua:212: Installation failed for Package(name=gopls) error=spawn: go failed with exit code 1 and signal 0. ', ['tool-install-failed']],
  ['Installation failed for Package(name=pyright) error=spawn: npm failed with exit code 1 and signal 0. ', []],
  ['2024-05-06 10:11:12,345 - INFO - No gopls executable at /opt/ycmd/third_party/go/bin/gopls.', ['server-binary-missing']],
  ['2024-05-06 10:11:12,345 - INFO - No rust-analyzer executable at /opt/ycmd/third_party/rust-analyzer/bin/rust-analyzer.', []],
  // Neovim's client errors that are the server's; the client's own handler errors are not
  ['LSP[gopls]: Error READ_ERROR: "EOF"', ['server-lost']],
  ['LSP[gopls]: Error INVALID_SERVER_MESSAGE: "Usage: gopls [flags] <command>"', ['server-lost']],
  ['LSP[gopls]: Error SERVER_REQUEST_HANDLER_ERROR: "...lua/plugin/handlers.lua:12: attempt to index a nil value"', []],
  ['LSP[pyright]: Error READ_ERROR: "EOF"', []],
  // vscode-jsonrpc's and LSP4J's readers given stdout that is no LSP frame
  ['workbench.desktop.main.js:2279 Error: Header must provide a Content-Length property.', ['server-lost']],
  ['[Error - 10:01:02 AM] Content-Length value must be a number. Got go: downloading golang.org/x/tools v0.1.0', ['server-lost']],
  ['SEVERE: Missing header Content-Length in input "hello"', ['server-lost']],
  ['Content-Length: 1234', []],
  // the Go extension's own checks before it starts gopls
  ['Unable to stat path to language server binary: /home/ann/go/bin/gopls.', ['server-binary-missing']],
  ['The Go language server is currently not supported in a multi-root set-up with different GOPATHs (/home/ann/go,/srv/gopath).', ['server-start-failed']],
  // lsp-mode's installer
  ["LSP :: Server gopls install process failed with the following error message: exited abnormally with code 1.", ['tool-install-failed']],
  // cmd/go's own prefix for a failed query of gopls's module, whatever the reason after it.
  ['        go: golang.org/x/tools/gopls@latest: module golang.org/x/tools/gopls: Get "https://proxy.golang.org/golang.org/x/tools/gopls/@v/list": dial tcp 172.217.163.49:443: i/o timeout', ['gopls-install-query-failed', 'module-fetch-timeout']],
  ['go: golang.org/x/tools/gopls@v0.16.2: verifying module: checksum mismatch', ['gopls-install-query-failed', 'checksum-mismatch']],
  ['go: golang.org/x/tools/gopls@v0.17.0 requires go >= 1.23.1 (running go 1.21.0; GOTOOLCHAIN=local)', ['go-too-old-for-tools']],
  ['go: downloading golang.org/x/tools/gopls v0.17.0', []],
  ["LSP :: Server pyright install process failed with the following error message: exited abnormally with code 23.", []],
];

describe('gopls-launch in other clients\' words', () => {
  it.each(CASES)('%s', (line, want) => {
    expect(ids(line).sort()).toEqual([...want].sort());
  });

  it('what the client says without a reason is a warning symptom; a missing or faulting binary is an error cause', () => {
    for (const id of ['server-exited', 'server-start-failed'] as const) {
      expect(ruleById(id)).toMatchObject({ classId: 'gopls-launch', role: 'symptom', symptom: 'died', severity: 'warning' });
    }
    for (const id of ['server-binary-missing', 'gopls-kernel-crash'] as const) {
      const r = ruleById(id);
      expect(r).toMatchObject({ classId: 'gopls-launch', severity: 'error' });
      expect(r.role ?? 'cause').toBe('cause');
    }
  });

  it('a raw log whose only word of the death is a client\'s names gopls-launch', () => {
    const s = analyzeText('[START][2024-03-04 10:11:12] LSP logging initiated\n[WARN][2024-03-04 10:11:13] ...lsp/client.lua:1\t"Client gopls quit with exit code 2 and signal 0"\n[jsonrpc] Server exited with status 2\n');
    const fs = findingsOf('gopls.log', s).filter((f) => f.severity !== 'info');
    expect(fs.map((f) => f.classId)).toEqual(expect.arrayContaining(['gopls-launch']));
    expect(fs.every((f) => f.classId !== 'gopls-launch' || f.role === 'symptom')).toBe(true);
  });

  // The brief's order rule: what the client says without a reason never outranks a cause read in
  // the same log, even a warning-level one that explain.ts does not list for a dead server.
  it.each([
    ['Server process exited with code 2.', 'go: mkdir /root/go/pkg/mod: permission denied', 'fs-access'],
    ['Failed to start language server: timed out', 'err: exit status 1: stderr: go: go.mod file not found in current directory or any parent directory', 'module-resolution'],
    ['[jsonrpc] Server exited with status 2', 'go: cannot find GOROOT directory: /usr/local/go', 'env-inheritance'],
    ['# golang.org/x/tools/gopls/internal/cache', 'fatal error: runtime: out of memory', 'memory-limit'],
    ['gopls: exited', 'runtime: failed to create new OS thread (have 11 already; errno=11)', 'process-limit'],
  ])('%s beside "%s": %s comes first', (symptom, cause, want) => {
    const causes = ranked(`${symptom}\n${cause}\n`);
    expect(causes[0]!.id).toBe(want);
    expect(causes.map((c) => c.id)).toContain('gopls-launch');
  });

  it('alone, the client\'s words name gopls-launch first', () => {
    for (const line of ['Server process exited with code 2.', 'Launching server using command gopls failed.', 'LSP :: gopls has exited (exited abnormally with code 1)']) {
      expect(ranked(`${line}\n`)[0]).toMatchObject({ id: 'gopls-launch', severity: 'warning' });
    }
  });

  it('a goroutine dump in gopls frames without its header names gopls-launch; the same frames under a panic stay the crash\'s', () => {
    const headless = 'goroutine 76 [running]:\ngolang.org/x/tools/internal/lsp/mod.ExtractGoCommandError(0xea5000, 0xc000376270)\n\tC:/Users/ann/go/pkg/mod/golang.org/x/tools@v0.0.0-20200729181040-64cdafbe085c/internal/lsp/mod/diagnostics.go:142 +0x7e4\n';
    expect(ranked(headless)[0]).toMatchObject({ id: 'gopls-launch', severity: 'warning' });
    const withHeader = `panic: runtime error: index out of range [1] with length 1\n\n${headless}`;
    const s = analyzeText(withHeader);
    expect(s.events.map((e) => e.ruleId)).not.toContain('gopls-stack-headless');
    expect(ranked(withHeader)[0]).toMatchObject({ id: 'gopls-launch', severity: 'error' });
  });

  // A line up to 4096 characters is tested whole: a server name repeated with no space between
  // must not make a test backtrack over every pair (or triple) of positions. Seen: 5 s per line
  // for an unanchored \S*gopls\S* before the names were bounded.
  it('each client-words test stays linear on a 4 KB line of repeated server names and paths', () => {
    const mine = RULES.filter((r) => ['server-exited', 'server-start-failed', 'server-binary-missing', 'gopls-kernel-crash', 'gopls-build-failed', 'initialize-rejected', 'gopls-listed-missing', 'gopls-needs-newer-go', 'gopls-exec-denied', 'gopls-stack-headless', 'gopls-wrong-platform'].includes(r.id));
    expect(mine).toHaveLength(11);
    for (const seed of ['gopls', 'gopls/', 'gopls:1 ', 'fork/exec gopls', 'golang.org/x/tools@v1/', 'Server ', 'has exited (']) {
      const line = seed.repeat(Math.ceil(4096 / seed.length)).slice(0, 4096);
      for (const r of mine) {
        const t = performance.now();
        r.test!.test(line);
        expect(performance.now() - t, `${r.id} on ${JSON.stringify(seed)}`).toBeLessThan(200);
      }
    }
  });
});

describe("a tool's own source failing to compile while the editor installs it (tool-source-does-not-compile)", () => {
  const noted = (log: string) => analyzeText(log).events.map((e) => e.ruleId);
  // The Go extension's installer of 2018-2020 (its "Installing … FAILED" and node's "Command failed"),
  // with another tool, paths and message than the tuning text.
  const gopathInstall = [
    'Installing 1 tool at /home/dev/go/bin',
    '  go-outline',
    '',
    'Installing github.com/ramya-rao-a/go-outline FAILED',
    '',
    '1 tools failed to install.',
    '',
    'go-outline:',
    'Error: Command failed: /usr/lib/go/bin/go get -u -v github.com/ramya-rao-a/go-outline',
    '# golang.org/x/tools/internal/typeparams',
    '/home/dev/go/src/golang.org/x/tools/internal/typeparams/normalize.go:37:20: too many errors',
  ].join('\n');
  // Its JSON form of 2021 on, the go install's stderr one JSON string.
  const moduleInstall = [
    'Installing github.com/fatih/gomodifytags@v1.17.0 (/home/dev/go/bin/gomodifytags) FAILED',
    '{',
    ' "code": 1,',
    ' "killed": false,',
    ' "signal": null,',
    ' "cmd": "/usr/local/go/bin/go install -v github.com/fatih/gomodifytags@v1.17.0",',
    ' "stdout": "",',
    ' "stderr": "# github.com/fatih/structtag\\n/home/dev/go/pkg/mod/github.com/fatih/structtag@v1.2.0/tags.go:41:14: cannot use s (variable of type []byte) as string value in argument to parse\\n"',
    '}',
  ].join('\n');

  it.each([
    ['GOPATH mode', gopathInstall],
    ['module mode, JSON', moduleInstall],
  ])('%s: the install failed because its source did not compile, a cause ranked first', (_name, log) => {
    expect(noted(log)).toContain('tool-source-does-not-compile');
    const first = ranked(log)[0]!;
    expect(first).toMatchObject({ id: 'gopls-launch', severity: 'warning' });
    expect(first.findings.some((f) => f.role !== 'symptom' && /own source failed to compile/.test(f.message))).toBe(true);
    // Named, so not also kept as a line no rule names.
    expect(analyzeText(log).unclassified.map((u) => u.text).join('\n')).not.toMatch(/\.go:\d+:\d+: /);
  });

  it.each([
    // an extension building the user's project: its compile errors are the user's
    ['a project build', 'Error: Command failed: /usr/local/go/bin/go build ./...\n./main.go:12:2: undefined: handler'],
    // a stack frame, and a test's message, under an install failure are no compiler diagnostics
    ['a stack frame', 'Installing golang.org/x/tools/gopls@latest FAILED\ngoroutine 1 [running]:\n\t/home/dev/go/pkg/mod/golang.org/x/tools@v0.1.0/go/packages/golist.go:120 +0x1d'],
    ['a test message', 'Installing golang.org/x/tools/gopls@latest FAILED\n    handler_test.go:41: got 3, want 4'],
    // ten lines on, a diagnostic is another build's
    ['far after the install', ['Installing github.com/ramya-rao-a/go-outline FAILED', ...Array.from({ length: 11 }, (_, i) => `line ${i}`), './main.go:12:2: undefined: handler'].join('\n')],
  ])('%s: not noted', (_name, log) => {
    expect(noted(log)).not.toContain('tool-source-does-not-compile');
  });
});
