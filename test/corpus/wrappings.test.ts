// What a report puts around a log must not change what the doctor reads in it (docs/accuracy.md, "What an
// issue form puts around a failure is not the failure's", "How a pasted line is read"). The corpus's
// tuning half, each text read right bare in the raw -logfile form, is wrapped the way
// real reports wrap a log: golang/go's and the Go extension's issue forms with `go env` and the tools
// listing, a GitHub Actions job with setup-go, a Dockerfile step, `go build -x`, gopls's own healthy
// start and trace records before it. Each must still read the same; and the negatives
// (compile errors, test failures, users' panics) must get no warning from the wrapping that they did
// not get bare. The wrappings are written from the programs' formats (boilerplate.ts names them),
// with invented names; no corpus text is changed, only surrounded.
import { describe, expect, it } from 'vitest';
import { loadCorpus, measure, readRightBare } from './corpus.js';

const GOENV = [
  "GO111MODULE=''", "GOARCH='amd64'", "GOBIN=''", "GOCACHE='/home/ann/.cache/go-build'", "GOENV='/home/ann/.config/go/env'",
  "GOFLAGS=''", "GOHOSTOS='linux'", "GOMODCACHE='/home/ann/go/pkg/mod'", "GOOS='linux'", "GOPATH='/home/ann/go'",
  "GOPROXY='https://proxy.golang.org,direct'", "GOROOT='/usr/local/go'", "GOSUMDB='sum.golang.org'", "GOTOOLCHAIN='auto'",
  "GOVERSION='go1.22.1'", "CGO_ENABLED='1'", "GOMOD='/home/ann/src/app/go.mod'", "GOWORK=''",
  "GOGCCFLAGS='-fPIC -m64 -pthread -Wl,--no-gc-sections -fmessage-length=0 -ffile-prefix-map=/tmp/go-build2532093422=/tmp/go-build -gno-record-gcc-switches'",
].join('\n');

const WRAPPINGS: Record<string, (s: string) => string> = {
  'golang/go issue form with go env': (s) =>
    `### Go version\n\n\`\`\`\ngo version go1.22.1 linux/amd64\n\`\`\`\n\n### Output of \`go env\` in your module/workspace:\n\n\`\`\`shell\n${GOENV}\n\`\`\`\n\n### What did you see happen?\n\n\`\`\`\n${s}\n\`\`\``,
  'the Go extension issue form with the tools listing': (s) =>
    [
      '### What version of Go, VS Code & VS Code Go extension are you using?',
      '<details><summary>Version Information</summary><br>',
      '* Run `go version` to get version of Go from _the VS Code integrated terminal_.',
      '    - go version go1.22.1 linux/amd64',
      '* Run `gopls -v version` to get version of Gopls from _the VS Code integrated terminal_.',
      '    - Build info',
      '      ----------',
      '      golang.org/x/tools/gopls v0.15.3',
      '          golang.org/x/mod@v0.15.0 h1:SernR4v+D55NyBH2QiEQrlBAnj1ECL6AGrA5+dPaMY8=',
      '      go: go1.22.1',
      'Version: 1.88.1',
      'Commit: e170252f762678dec6ca2cc69aba1570769a5d39',
      'Electron: 28.2.8',
      'OS: Linux x64 6.5.0-27-generic',
      '* Run Ctrl+Shift+P (Cmd+Shift+P on Mac OS) > `Go: Locate Configured Go Tools` command.',
      '    - # Tools Configuration',
      '## Environment',
      'GOBIN: undefined',
      'toolsGopath: ',
      'gopath: /home/ann/go',
      'GOROOT: /usr/local/go',
      'PATH: /home/ann/go/bin:/usr/local/go/bin:/usr/local/bin:/usr/bin:/bin',
      '## Tools',
      '\tgo:\t/usr/local/go/bin/go: go version go1.22.1 linux/amd64',
      '\tgopls:\t/home/ann/go/bin/gopls\t(version: v0.15.3 built with go: go1.22.1)',
      '\tgotests:\tnot installed',
      '## Go env',
      'Workspace Folder (app): /home/ann/src/app',
      "\tGOPATH='/home/ann/go'",
      '</details>',
      '',
      '### Describe the bug',
      '```',
      s,
      '```',
    ].join('\n'),
  'a Dockerfile step': (s) => `Step 5/9 : RUN go build -o /out/app ./cmd/app\n ---> Running in 3f2a1b9c8d7e\n${s}\nThe command '/bin/sh -c go build -o /out/app ./cmd/app' returned a non-zero code: 1`,
  'a GitHub Actions job with setup-go': (s) =>
    [
      '##[group]Run actions/setup-go@v5', 'with:', '  go-version: 1.22', '  cache: true', '##[endgroup]',
      'Setup go version spec 1.22', 'Found in cache @ /opt/hostedtoolcache/go/1.22.1/x64', 'Added go to the path', 'Successfully set up Go version 1.22',
      'Received 52428800 of 104857600 (50.0%), 49.9 MBs/sec', 'Cache restored successfully', 'go version go1.22.1 linux/amd64',
      '##[group]Run go build ./...', 'go build ./...', 'shell: /usr/bin/bash -e {0}', '##[endgroup]', s, '##[error]Process completed with exit code 1.',
    ].join('\n'),
  'go build -x': (s) => `WORK=/tmp/go-build2830581617\nmkdir -p $WORK/b001/\ncat >$WORK/b001/importcfg << 'EOF' # internal\n# import config\npackagefile fmt=/home/ann/.cache/go-build/3c/3c5e-d\nEOF\ncd /home/ann/src/app\n/usr/local/go/pkg/tool/linux_amd64/compile -o $WORK/b001/_pkg_.a -trimpath "$WORK/b001=>" -p main -lang=go1.22 ./main.go\n${s}`,
  "gopls's healthy start": (s) =>
    `2024/03/01 10:41:12 go info for /home/ann/src/app\n(go dir /home/ann/src/app)\n(go version go version go1.22.1 linux/amd64)\n(valid build configuration = true)\n(build flags: [])\n(selected go env: [GOMOD=/home/ann/src/app/go.mod, GOPATH=/home/ann/go])\n\n2024/03/01 10:41:13 go/packages.Load #1\n\tsnapshot=0\n\tdirectory=/home/ann/src/app\n\tquery=[./... builtin]\n\tpackages=12\n\n${s}`,
  'trace records before it': (s) =>
    `[Trace - 10:41:12 AM] Sending request 'initialize - (0)'.\nParams: {\n    "processId": 4242\n}\n\n\n[Trace - 10:41:13 AM] Received response 'initialize - (0)' in 812ms.\nResult: {\n    "capabilities": {}\n}\n\n\n[Trace - 10:41:14 AM] Received response 'textDocument/hover - (7)' in 31ms.\nResult: null\n\n\n${s}`,
  'a successful tools install before it': (s) =>
    `Tools environment: GOPATH=/home/ann/go\nInstalling 1 tool at /home/ann/go/bin in module mode.\n  gopls\n\nInstalling golang.org/x/tools/gopls@latest (/home/ann/go/bin/gopls) SUCCEEDED\n\nAll tools successfully installed. You are ready to Go. :)\n\n${s}`,
  'kubectl describe pod Events after it': (s) =>
    `${s}\n\nEvents:\n  Type    Reason     Age   From               Message\n  ----    ------     ----  ----               -------\n  Normal  Scheduled  2m    default-scheduler  Successfully assigned ci/builder-7f9c to node-3\n  Normal  Pulled     2m    kubelet            Container image "golang:1.22" already present on machine\n  Normal  Created    2m    kubelet            Created container build\n  Normal  Started    2m    kubelet            Started container build`,
  // Neovim's lsp.log relays gopls's stderr a chunk per line, at ERROR whatever it says (neovimLog.ts).
  "Neovim's lsp.log relaying gopls's stderr": (s) =>
    `[START][2024-03-01 12:00:00] LSP logging initiated\n[ERROR][2024-03-01 12:00:01] .../vim/lsp/rpc.lua:770\t"rpc"\t"gopls"\t"stderr"\t"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\t/g, '\\t').replace(/\n/g, '\\n')}\\n"`,
  // Helix's log relays it a line per line, also at ERROR (helixLog.ts).
  "Helix's log relaying gopls's stderr": (s) =>
    s
      .split('\n')
      .map((l, i) => `2025-07-23T14:58:${String(10 + (i % 50)).padStart(2, '0')}.221 helix_lsp::transport [ERROR] gopls err <- "${l.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\t/g, '\\t')}\\n"`)
      .join('\n'),
};

/** A crash's first line: in gopls's own channel or stderr, the crash is gopls's (analyzer.ts crash owner). */
const CRASH = /^[ \t]*(?:panic: |fatal error: |SIG[A-Z]+: )/m;

describe('a log keeps its reading inside what a report puts around it', () => {
  // The whole tuning half, not a sample: every eighth text in file order (until 2026-12-03) moved
  // with each batch added, and a sample missed a reading bug whole-half reading finds (a cgo link
  // failure "explained" the linker's SIGKILL when both were relayed as one line). About 40 s.
  const tuning = loadCorpus().items.filter((i) => i.split === 'tuning');

  it('the tuning half, read right bare, reads the same wrapped; negatives get no warning from the wrapping', async () => {
    // Negatives that name gopls are left out: after them a runner's "Process completed with exit
    // code 1" may fairly be gopls's own exit (a step that ran gopls), which goplsNamed.ts reads.
    const readRight = await readRightBare(tuning, (item) => !/gopls/i.test(item.text));
    expect(readRight.filter((i) => i.label !== 'negative').length).toBeGreaterThan(600);
    expect(readRight.filter((i) => i.label === 'negative').length).toBeGreaterThan(100);
    for (const [name, wrap] of Object.entries(WRAPPINGS)) {
      const rs = await measure(readRight.map((i) => ({ ...i, text: wrap(i.text) })), ['logfile']);
      // After trace records, or relayed as gopls's stderr, the text is gopls's own output, where a
      // panic is gopls's: a user's panic there is not what this checks. After trace records the
      // wrapping is held to the positives alone; in an editor's relay, to them and the negatives without a crash.
      const crashes = new Set(readRight.filter((i) => CRASH.test(i.text)).map((i) => i.id));
      const held =
        name === 'trace records before it' ? rs.filter((r) => r.label !== 'negative')
        : name.startsWith("Neovim's") || name.startsWith("Helix's") ? rs.filter((r) => r.label !== 'negative' || !crashes.has(r.id))
        : rs;
      const changed = held.filter((r) => (r.label === 'negative' ? r.top !== undefined : !r.ok)).map((r) => `${r.id} -> ${r.top ?? '(nothing)'}`);
      expect(changed, name).toEqual([]);
    }
  }, 600_000);
});
