// module-resolution, the downloads: the go command's own words when fetching a module fails.
// Failed fetches are symptoms (load-failed) of something outside the line: a proxy variable the
// editor lacks, a CA it does not trust, a GOPRIVATE not set. Warnings, not errors: on their own
// they may be the network's fault, none of the nine classes; the module-downloads probe and the
// online check turn them into causes with evidence (src/fixes/downloads.ts holds their fixes).
// Apart from modules.ts because they read another failure; the order they are tried in is
// order.ts's.
import type { Rule } from './rule.js';

export const DOWNLOAD_RULES: readonly Rule[] = [
  {
    id: 'module-fetch-x509',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'load-failed',
    severity: 'warning',
    confidence: 0.6,
    needles: ['x509: certificate', 'x509: '],
    test: /x509: (certificate signed by unknown authority|certificate has expired|certificate is valid for|certificate is not valid|cannot validate certificate|failed to load system roots)/,
    says: 'go could not verify the TLS certificate of a module proxy or code host (x509): a company proxy that re-signs traffic, with its CA not trusted by the go that gopls runs',
  },
  {
    id: 'module-fetch-timeout',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'load-failed',
    severity: 'warning',
    confidence: 0.5,
    needles: ['i/o timeout', 'TLS handshake timeout'],
    // Lookaheads anchored at the start: linear on a 40 k-character line (the fuzz suite's), where
    // an unanchored `A[^\n]*B` retries from every A and goes quadratic.
    test: /^(?=[\s\S]*i\/o timeout)(?=[\s\S]*(?:dial tcp|proxyconnect tcp|lookup ))|TLS handshake timeout/,
    says: 'go timed out reaching a module proxy or code host ("dial tcp … i/o timeout"): no route out, or an HTTP proxy the editor was not given',
  },
  {
    id: 'module-fetch-refused',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'load-failed',
    severity: 'warning',
    confidence: 0.5,
    needles: ['connection refused'],
    test: /^(?=[\s\S]*connect: connection refused)(?=[\s\S]*(?:Get "?https?:\/\/|proxyconnect tcp|@v\/|sum\.golang\.org))/,
    says: 'a module proxy (or the HTTP proxy in front of it) refused the connection ("connect: connection refused")',
  },
  {
    id: 'module-fetch-unreachable',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'load-failed',
    severity: 'warning',
    confidence: 0.5,
    // Go's net package when there is no way out, as cmd/go wraps it in a fetch: the resolver's
    // "lookup H: no such host" / "… server misbehaving" (net/dnsclient.go), the cgo resolver's
    // getaddrinfo texts "Temporary failure in name resolution" / "Name or service not known"
    // (gai_strerror), and the connect/read errno texts ENETUNREACH "network is unreachable",
    // EHOSTUNREACH "no route to host", ECONNRESET "connection reset by peer". Only beside a module
    // fetch (Get "https://…", a proxy, /@v/, the checksum database): a test dialling its own
    // database says the same words about the user's program.
    needles: ['no such host', 'server misbehaving', 'failure in name resolution', 'Name or service not known', 'network is unreachable', 'no route to host', 'connection reset by peer'],
    test: /^(?=[\s\S]*(?:no such host|server misbehaving|Temporary failure in name resolution|Name or service not known|network is unreachable|no route to host|connection reset by peer))(?=[\s\S]*(?:Get "?https?:\/\/|proxyconnect tcp|\/@v\/|sum\.golang\.org|proxy\.golang\.org|reading https?:\/\/|unrecognized import path))/,
    says: 'go could not reach a module proxy or code host at all (no DNS answer, no route, connection reset): offline, or behind a proxy the editor was not given',
  },
  {
    id: 'proxy-auth-required',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'load-failed',
    severity: 'warning',
    confidence: 0.65,
    needles: ['Proxy Authentication Required'],
    says: 'an HTTP proxy demanded credentials (407 Proxy Authentication Required) when go fetched a module',
  },
  {
    id: 'module-fetch-forbidden',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'load-failed',
    severity: 'warning',
    confidence: 0.5,
    needles: ['403 Forbidden'],
    test: /^(?=[\s\S]*reading https?:\/\/)(?=[\s\S]*: 403 Forbidden)/,
    says: 'a module proxy answered 403 Forbidden: it refuses this client or this module (credentials, an allow-list)',
  },
  {
    id: 'module-fetch-not-found',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'load-failed',
    severity: 'warning',
    confidence: 0.45,
    needles: ['404 Not Found', '410 Gone'],
    test: /^(?=[\s\S]*reading https?:\/\/)(?=[\s\S]*: (?:404 Not Found|410 Gone))/,
    yieldsTo: ['sumdb-private-lookup'],
    says: 'a module proxy answered 404 or 410 Gone for a module: it cannot see that module (a private one needs GOPRIVATE), or the version does not exist',
  },
  {
    id: 'sumdb-private-lookup',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'load-failed',
    severity: 'warning',
    confidence: 0.6,
    needles: ['sum.golang.org/lookup'],
    test: /^(?=[\s\S]*sum\.golang\.org\/lookup\/)(?=[\s\S]*(?:404 Not Found|410 Gone|not found))/,
    says: 'go asked the public checksum database (sum.golang.org) about a module it cannot know: a private module not covered by GOPRIVATE or GONOSUMDB',
  },
  {
    id: 'checksum-mismatch',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.6,
    needles: ['checksum mismatch'],
    says: 'a downloaded module does not match its go.sum line or the checksum database ("verifying module: checksum mismatch"): a module cache entry changed, or a proxy served other content',
  },
  {
    id: 'missing-go-sum',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.6,
    needles: ['missing go.sum entry'],
    says: 'go.sum lacks a line the build needs ("missing go.sum entry"): go mod tidy in the module adds it',
  },
  {
    id: 'goproxy-off-lookup',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.6,
    needles: ['module lookup disabled by GOPROXY=off'],
    says: 'go needed a module that is not in the module cache while GOPROXY=off forbids downloading it',
  },
  {
    id: 'vcs-auth-prompt',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'load-failed',
    severity: 'warning',
    confidence: 0.5,
    needles: ['terminal prompts disabled', 'could not read Username'],
    says: 'git needed credentials to fetch a module directly (GOPRIVATE/GONOPROXY) and could not ask for them ("terminal prompts disabled"): a .netrc entry or a git credential helper is missing',
  },
];
