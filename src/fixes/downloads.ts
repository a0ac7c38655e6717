// Fixes for module downloads: go.sum lines, the module cache, private modules, proxies and
// certificates. Built here, beside catalog.ts, so an id means one thing in every report.
import type { Fix } from '../doctor/model.js';
import { distroOf, toolsEnvFix, type SettingFix } from './catalog.js';
import { quoteForDisplay as sh } from '../host/shellQuote.js';

export const GOPROXY_DOCS: Fix = { id: 'goproxy-docs', kind: 'link', title: 'GOPROXY, GOPRIVATE and private modules', url: 'https://go.dev/ref/mod#private-modules' };

export const GO_PROXY_ENV_DOCS: Fix = { id: 'go-proxy-env-docs', kind: 'link', title: 'How go finds an HTTP proxy (HTTPS_PROXY, NO_PROXY)', url: 'https://pkg.go.dev/net/http#ProxyFromEnvironment' };

/** Adds the missing go.sum lines: go mod tidy downloads what the cache lacks and writes every sum. */
export function goModTidyFix(moduleDir: string): Fix {
  return {
    id: 'go-mod-tidy',
    kind: 'terminal',
    title: `Add the missing go.sum lines in ${moduleDir}`,
    text: 'go mod tidy',
    needsRoot: false,
    cwd: moduleDir,
    detail: 'go mod tidy writes a go.sum line for every module the build needs, downloading what the module cache lacks (with network access).',
  };
}

/**
 * GOPROXY=off forbids every download, so go mod tidy and go mod download fail as typed ("module
 * lookup disabled by GOPROXY=off"). This one command runs with Go's default proxy list; GOPROXY=off
 * stays for everything else. Only for go.sum lines that are missing: go mod tidy also rewrites
 * go.mod (a tester's dropped a requirement kept on purpose, with its comment, and turned `go 1.25`
 * into `go 1.25.0`), so it says so. A complete go.sum with modules only missing from the cache
 * gets downloadOnceFix, which changes no file in the module.
 */
export function tidyOnceFix(moduleDir: string): Fix {
  return {
    id: 'go-mod-tidy-default-proxy',
    kind: 'terminal',
    title: `Add the missing go.sum lines in ${moduleDir}, downloading once through Go's default proxy`,
    text: 'GOPROXY=https://proxy.golang.org,direct go mod tidy',
    needsRoot: false,
    cwd: moduleDir,
    detail: 'GOPROXY=off forbids downloads, so go mod tidy fails as typed. This one command uses the default proxy list (where the network reaches it) to fill the module cache and go.sum; GOPROXY=off stays for the rest. go mod tidy edits go.mod too: it drops requirements no package imports (and their comments) and may rewrite the go line; review `git diff go.mod go.sum` afterwards. Offline, copy the module cache from a machine that has it.',
  };
}

/**
 * go.sum already has every line and only the module cache lacks modules: go mod download through
 * the default proxy once fills the cache and leaves go.mod and go.sum as they are (measured with
 * go1.26.8: both byte-identical after it, go build then works under GOPROXY=off).
 */
export function downloadOnceFix(moduleDir: string): Fix {
  return {
    id: 'go-mod-download-once',
    kind: 'terminal',
    title: `Download the modules ${moduleDir} needs once, through Go's default proxy`,
    text: 'GOPROXY=https://proxy.golang.org,direct go mod download',
    needsRoot: false,
    cwd: moduleDir,
    detail: 'GOPROXY=off forbids downloads, so go mod download fails as typed. This one command uses the default proxy list (where the network reaches it) to fill the module cache; it changes neither go.mod nor go.sum, and GOPROXY=off stays for the rest. Offline, copy the module cache (go env GOMODCACHE) from a machine that has these modules.',
  };
}

/**
 * For a module GOPROXY=off kept out of an empty or partial module cache, read from a log alone (the
 * module's folder may be another machine's): download once through Go's default proxy where the
 * network reaches it, or let go download again. go mod download as typed fails the same way under
 * GOPROXY=off ("module lookup disabled"), so it carries the proxy on its own command line.
 */
export function proxyOffDownloadFixes(): Fix[] {
  return [
    {
      id: 'go-mod-download-default-proxy',
      kind: 'terminal',
      title: "Download the missing modules once through Go's default proxy (in the module's folder)",
      text: 'GOPROXY=https://proxy.golang.org,direct go mod download',
      needsRoot: false,
      detail: 'GOPROXY=off forbids downloads, so go mod download fails as typed. This one command uses the default proxy list where the network reaches it; GOPROXY=off stays for everything else. Offline, copy the module cache (go env GOMODCACHE) from a machine that has these modules.',
    },
    {
      id: 'go-env-unset-goproxy',
      kind: 'terminal',
      title: 'Let go download modules again (GOPROXY back to its default)',
      text: 'go env -u GOPROXY',
      needsRoot: false,
      detail: 'Removes a GOPROXY=off that go env -w wrote. One exported by a shell start-up file, or set in go.toolsEnvVars, wins over the go env file: remove it there too.',
    },
    GOPROXY_DOCS,
  ];
}

export function goModDownloadFix(moduleDir: string): Fix {
  return {
    id: 'go-mod-download',
    kind: 'terminal',
    title: `Download the modules ${moduleDir} needs into the module cache`,
    text: 'go mod download',
    needsRoot: false,
    cwd: moduleDir,
    detail: 'Run it where GOPROXY is reachable; afterwards go and gopls need no network for these modules.',
  };
}

/** GOPRIVATE for the Go tools: no proxy, no checksum database for those paths. */
export function goprivateFix(patterns: readonly string[], current: string): SettingFix {
  const value = [...new Set([...current.split(',').map((s) => s.trim()).filter(Boolean), ...patterns])].join(',');
  return toolsEnvFix('toolsenv-goprivate', `Fetch ${patterns.join(', ')} directly, without the public proxy and checksum database (GOPRIVATE)`, { GOPRIVATE: value }, 'go.toolsEnvVars applies it to gopls and every go command the extension runs; `go env -w GOPRIVATE=…` does the same for terminals.');
}

/**
 * Keeps modules out of the checksum database only: GOPRIVATE would also send them around the
 * GOPROXY, which breaks a private proxy that is the only place they are served from.
 */
export function gonosumdbFix(patterns: readonly string[], current: string, title?: string): SettingFix {
  const value = [...new Set([...current.split(',').map((s) => s.trim()).filter(Boolean), ...patterns])].join(',');
  return toolsEnvFix('toolsenv-gonosumdb', title ?? `Keep ${patterns.join(', ')} out of the public checksum database (GONOSUMDB)`, { GONOSUMDB: value }, 'go.toolsEnvVars applies it to gopls and every go command the extension runs; `go env -w GONOSUMDB=…` does the same for terminals. GOPRIVATE would also send these modules around your GOPROXY.');
}

/** The login shell's value of a network variable, for the Go tools. */
export function networkVarFromLoginFix(name: string, value: string): SettingFix {
  return toolsEnvFix(`toolsenv-${name.toLowerCase()}-from-login`, `Use the login shell's ${name} for the Go tools`, { [name]: value });
}

/** A variable the editor has and the login shell does not, cleared for the Go tools (Go treats empty as unset). */
export function networkVarClearFix(name: string): SettingFix {
  return toolsEnvFix(`toolsenv-${name.toLowerCase()}-clear`, `Clear ${name} for the Go tools, as in your login shell`, { [name]: '' });
}

/** A certificate the client does not trust: add the company's CA to the system store, which go reads. */
export function trustCaFix(): Fix {
  return {
    id: 'trust-company-ca',
    kind: 'terminal',
    title: "Add your network's CA certificate to the system store go reads",
    text: 'cp company-root-ca.crt /usr/local/share/ca-certificates/ && update-ca-certificates',
    needsRoot: true,
    detail: 'Replace company-root-ca.crt with the certificate your IT department publishes (Fedora: /etc/pki/ca-trust/source/anchors/ and update-ca-trust). go reads /etc/ssl/certs, or SSL_CERT_FILE / SSL_CERT_DIR.',
  };
}

/** Fixes for the gopls-log rules about module downloads (src/goplsLog/rules/downloads.ts). */
export function downloadRuleFixes(ruleId: string): Fix[] {
  switch (ruleId) {
    case 'module-fetch-x509':
      return [trustCaFix(), GO_PROXY_ENV_DOCS];
    case 'module-fetch-timeout':
    case 'module-fetch-refused':
    case 'module-fetch-unreachable':
    case 'proxy-auth-required':
      return [GO_PROXY_ENV_DOCS, GOPROXY_DOCS];
    case 'module-fetch-forbidden':
    case 'module-fetch-not-found':
    case 'sumdb-private-lookup':
    case 'vcs-auth-prompt':
      return [GOPROXY_DOCS];
    case 'checksum-mismatch':
      return [{ id: 'go-clean-modcache-checksum', kind: 'terminal', title: 'Check the module cache against go.sum', text: 'go mod verify', needsRoot: false, detail: 'Names the modules whose cached content changed; remove those with go clean -modcache (it deletes the whole cache) and download again.' }];
    default:
      return [];
  }
}

/** git from the distribution's packages: go fetches modules outside a proxy with it. */
export function gitInstallFix(osRelease: string | undefined): Fix {
  const text = { debian: 'apt-get install -y git', fedora: 'dnf install -y git', alpine: 'apk add git', arch: 'pacman -S --needed git', suse: 'zypper install -y git' }[distroOf(osRelease).family ?? 'debian'];
  return { id: 'install-git', kind: 'terminal', title: 'Install git', text, needsRoot: true, detail: 'go runs git to fetch a module from its repository (GOPROXY=direct, GOPRIVATE, GONOPROXY).' };
}

/** Records a host key the way ssh itself does, after the person compared its fingerprint. */
export function sshKnownHostFix(command: string): Fix {
  return {
    id: 'ssh-known-host',
    kind: 'terminal',
    title: 'Connect once with ssh and accept the host key',
    // Options before the destination: after it, ssh takes them for the remote command.
    text: command.replace(/^ssh /, 'ssh -T -o StrictHostKeyChecking=ask '),
    needsRoot: false,
    detail:
      'Compare the fingerprint ssh shows with the one your Git host publishes before answering yes: ssh then records the key in ~/.ssh/known_hosts, where the editor\'s git finds it without asking. A Git host answers with a greeting or "no shell access" and closes: that is fine.',
  };
}

/** Adds a key to the agent the editor's terminal (and so the editor) talks to. */
export function sshAddFix(keyFile: string): Fix {
  return {
    id: 'ssh-add-key',
    kind: 'terminal',
    title: `Add ${keyFile} to the SSH agent`,
    text: `ssh-add ${sh(keyFile)}`,
    needsRoot: false,
    detail: 'ssh-add asks for the passphrase once; the agent then signs for go\'s git without a prompt until it stops (log-out, or AddKeysToAgent/a keychain keeps it).',
  };
}

/** The SSH agent the login shell has, for the Go tools. */
export function sshAgentFromLoginFix(socket: string): SettingFix {
  return toolsEnvFix('toolsenv-ssh-auth-sock', `Use the SSH agent at ${socket} for the Go tools (SSH_AUTH_SOCK)`, { SSH_AUTH_SOCK: socket }, 'go.toolsEnvVars applies it to gopls and every go command the extension runs, so git over ssh reaches the agent your shell uses.');
}

/** ssh ignores a private key that others may read. */
export function sshKeyModeFix(keyFile: string): Fix {
  return { id: 'ssh-key-mode', kind: 'terminal', title: `Make ${keyFile} readable by you alone`, text: `chmod 600 ${sh(keyFile)}`, needsRoot: false, detail: 'ssh refuses a private key that group or others may read ("UNPROTECTED PRIVATE KEY FILE!") and goes on as if it did not exist.' };
}
