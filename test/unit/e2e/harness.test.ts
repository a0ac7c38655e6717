// The e2e harness's pure helpers, on strings read from this VM and from code-server 4.100.3 /
// Chromium 156 (captured in real runs).
import { describe, expect, it } from 'vitest';
import { activationLine, coreSpawn, isForeign, parseActivationMs } from '../../e2e/flows.js';
import { mountOptionsOf } from '../../e2e/noexecMount.js';
import { extensionHostsOf, parseStat } from '../../e2e/procs.js';
import { isCspViolation, isHarmless } from '../../e2e/workbench.js';

describe('parseStat', () => {
  it.each([
    {
      name: 'code-server node',
      in: '28536 (node) S 28479 28536 28536 0 -1 4194304 8528 0 0 0 56 7 0 0 20 0 11 0 217550 1132351488 16717',
      want: { pid: 28536, comm: 'node', state: 'S', ppid: 28479, session: 28536 },
    },
    { name: 'cat, running', in: '29125 (cat) R 29119 29119 7545 0 -1 4194304 100 0', want: { pid: 29125, comm: 'cat', state: 'R', ppid: 29119, session: 7545 } },
    { name: 'comm with space and parenthesis', in: '77 (a) b) Z 1 77 78 0', want: { pid: 77, comm: 'a) b', state: 'Z', ppid: 1, session: 78 } },
  ])('$name', ({ in: text, want }) => {
    expect(parseStat(text)).toEqual(want);
  });

  it('rejects garbage', () => {
    expect(parseStat('')).toBeUndefined();
    expect(parseStat('12 node S 1')).toBeUndefined();
    expect(parseStat('12 (node) S 1')).toBeUndefined();
  });
});

describe('mountOptionsOf', () => {
  // /proc/self/mountinfo lines from this VM, the last one a noexec tmpfs with a space in its path.
  const mountinfo = [
    '22 27 0:21 / /proc rw,relatime - proc proc rw',
    '27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard,resv_strict,resuid=65534,resgid=65534',
    '25 24 0:23 / /dev/shm rw,relatime - tmpfs tmpfs rw,size=24683656k',
    '30 25 0:27 / /dev/shm rw,relatime - tmpfs tmpfs rw,size=24683656k',
    '42 27 0:39 / /tmp/ged\\040e2e-noexec rw,nosuid,nodev,noexec,relatime - tmpfs tmpfs rw,size=65536k',
  ].join('\n');

  it('decodes octal escapes in the mount point and returns its per-mount options', () => {
    expect(mountOptionsOf('/tmp/ged e2e-noexec', mountinfo)).toEqual(['rw', 'nosuid', 'nodev', 'noexec', 'relatime']);
  });
  it('is undefined for a path that is not a mount point', () => {
    expect(mountOptionsOf('/tmp', mountinfo)).toBeUndefined();
    expect(mountOptionsOf('/tmp/ged\\040e2e-noexec', mountinfo)).toBeUndefined();
  });
  it('takes the last mount stacked on a point', () => {
    expect(mountOptionsOf('/', mountinfo)).toEqual(['rw', 'relatime']);
  });
});

describe('extension host log and Running Extensions', () => {
  const log = [
    "2026-11-24 18:16:49.974 [info] ExtensionService#_doActivateExtension vscode.git-base, startup: true, activationEvent: '*', root cause: vscode.git",
    "2026-11-24 18:16:50.281 [info] ExtensionService#_doActivateExtension golang.go, startup: true, activationEvent: 'workspaceContains:**/go.mod,**/go.work'",
    '2026-11-24 18:16:50.358 [info] Eager extensions activated',
  ].join('\n');

  it('finds the activation line of one extension id, not of a prefix of it', () => {
    expect(activationLine(log, 'golang.go')).toContain("activationEvent: 'workspaceContains:**/go.mod,**/go.work'");
    expect(activationLine(log, 'vscode.git')).toBeUndefined();
    expect(activationLine(log, 'go-env-doctor.go-env-doctor')).toBeUndefined();
  });

  it.each([
    { in: 'Go (test stand-in)\n0.0.1\n 127.0.0.1:38089\nStartup Activation: 67ms', want: 67 },
    { in: 'Emmet\n1.0.0\n 127.0.0.1:38089\nActivation: 59ms', want: 59 },
    { in: 'Git Base\n1.0.0\n 127.0.0.1:38089\nStartup Activation: 4ms', want: 4 },
    { in: 'Go Environment Doctor\n0.1.0\n 127.0.0.1:38089', want: undefined },
  ])('parseActivationMs($in) = $want', ({ in: text, want }) => {
    expect(parseActivationMs(text)).toBe(want);
  });
});

describe('console filters', () => {
  const vsda = (file: string) => ({
    type: 'error',
    text: 'Failed to load resource: the server responded with a status of 404 (Not Found)',
    url: `http://127.0.0.1:33951/stable-409c64e0df4d53530e59c16acc2b5d5766f717b0/static/node_modules/vsda/rust/web/${file}`,
  });

  it('lets the two vsda 404s through and nothing else', () => {
    expect(isHarmless(vsda('vsda.js'))).toBe(true);
    expect(isHarmless(vsda('vsda_bg.wasm'))).toBe(true);
    expect(isHarmless({ ...vsda('vsda.js'), url: 'http://127.0.0.1:33951/static/out/media/codicon.ttf' })).toBe(false);
    expect(isHarmless({ type: 'error', text: 'Uncaught TypeError: x is undefined', url: '' })).toBe(false);
  });

  it.each([
    "Executing inline script violates the following Content Security Policy directive 'script-src 'nonce-abc''. Either the 'unsafe-inline' keyword, a hash ('sha256-CihokcEcBW4atb/CW/XWsvWwbTjqwQlE9nj9ii5ww5M='), or a nonce ('nonce-...') is required to enable inline execution. The action has been blocked.",
    "Loading the image 'https://example.com/x.png' violates the following Content Security Policy directive: \"default-src 'none'\". Note that 'img-src' was not explicitly set, so 'default-src' is used as a fallback. The action has been blocked.",
  ])('recognises a Chromium CSP violation: %s', (text) => {
    expect(isCspViolation({ type: 'error', text, url: '' })).toBe(true);
  });

  it('does not take ordinary workbench messages for CSP violations', () => {
    expect(isCspViolation({ type: 'warning', text: 'The web worker extension host is started in a same-origin iframe!', url: '' })).toBe(false);
    expect(isCspViolation({ type: 'error', text: 'Failed to load resource: the server responded with a status of 404 (Not Found)', url: '' })).toBe(false);
  });
});

describe('coreSpawn', () => {
  // argv of the extension host's children seen in a code-server 4.100.3 run, as root.
  const rg =
    '/opt/go-env-doctor-ci/code-server-4.100.3/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg --files --hidden --case-sensitive --no-require-git -g **/go.mod -g **/go.work -g !**/.git';
  it.each([
    { argv: rg.split(' '), want: 'workspaceContains search' },
    { argv: ['/bin/sh', '-c', 'ls -l /proc/[0-9]*/fd/[0-9]* | grep socket:'], want: 'port auto-detection' },
    { argv: ['/bin/sh', '-c', 'ps -F -A -l | grep root'], want: 'port auto-detection' },
    { argv: ['/usr/local/go/bin/go', 'env', '-json'], want: undefined },
    { argv: ['/bin/sh', '-c', 'ps -F -A -l | grep root; go env'], want: undefined },
    { argv: ['/usr/bin/rg', '--files'], want: undefined },
    { argv: ['/work/main/.tools/bin/gopls', 'version'], want: undefined },
    // VS Code's built-in JSON extension's server, as a CI run saw it start at +9 s.
    {
      argv: ['/usr/bin/node', '/opt/go-env-doctor-ci/code-server-4.100.3/node_modules/code-server/lib/vscode/extensions/json-language-features/server/dist/node/jsonServerMain', '--node-ipc', '--clientProcessId=22586'],
      want: 'built-in language server',
    },
    // An installed extension's server (the user's extensions directory) is not VS Code's.
    { argv: ['/usr/bin/node', '/root/.local/share/code-server/extensions/acme.lsp-1.0.0/server/dist/main.js', '--node-ipc'], want: undefined },
  ])('$argv.0 $argv.1 → $want', ({ argv, want }) => {
    expect(coreSpawn(argv)).toBe(want);
  });
});

describe('extensionHostsOf', () => {
  const server = process.pid; // any live pid works as the root of the synthetic tree
  const host = ['/usr/bin/node', '--dns-result-order=ipv4first', '/opt/cs/lib/vscode/out/bootstrap-fork', '--type=extensionHost', '--transformURIs', '--useHostProxy=false'];
  const procs = [
    { pid: 100, ppid: server, comm: 'node', session: 100, argv: ['/usr/bin/node', '/opt/cs/out/node/entry.js'] },
    { pid: 101, ppid: 100, comm: 'node', session: 100, argv: host },
    // a child of the host between fork and exec: same argv as the host
    { pid: 102, ppid: 101, comm: 'node', session: 100, argv: host },
    { pid: 103, ppid: 101, comm: 'gopls', session: 100, argv: ['/work/main/.tools/bin/gopls'] },
    { pid: 200, ppid: 1, comm: 'node', session: 100, argv: host }, // another code-server's host
  ];
  it('finds the hosts of this tree and not a pre-exec fork of one', () => {
    expect(extensionHostsOf(server, procs).map((p) => p.pid)).toEqual([101]);
  });
});

describe('isForeign', () => {
  const base = { pid: 500, session: 90, standin: false };
  it.each([
    { name: "the stand-in's gopls", c: { ...base, argv: ['/work/main/.tools/bin/gopls'], standin: true }, want: false },
    { name: 'VS Code port scan', c: { ...base, argv: ['/bin/sh', '-c', 'ps -F -A -l | grep root'] }, want: false },
    { name: 'go env from a probe (own session)', c: { ...base, session: 500, argv: ['/usr/local/go/bin/go', 'env', '-json'] }, want: true },
    { name: 'go env even without its own session', c: { ...base, argv: ['/usr/local/go/bin/go', 'env'] }, want: true },
    { name: 'seen exiting, in the host session', c: { ...base, argv: [] }, want: false },
    { name: 'seen exiting, leading its own session', c: { ...base, session: 500, argv: [] }, want: true },
    { name: 'seen only pre-exec, detached', c: { ...base, session: 500, argv: ['/usr/bin/node'], preExec: true }, want: true },
  ])('$name → $want', ({ c, want }) => {
    expect(isForeign(c)).toBe(want);
  });
});
