// module-resolution, the downloads: the go command's own words when fetching a module fails.
// Failed fetches are symptoms (fetch-failed) of something outside the line: a proxy variable the
// editor lacks, a CA it does not trust, a GOPRIVATE not set, credentials git was not given. Only a
// cause that says it blocks downloads (explains module-resolution) explains them: a go.sum line
// missing does not explain "no such host", and its fix (go mod tidy) fails for that very reason. Warnings, not errors: on their own
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
    symptom: 'fetch-failed',
    severity: 'warning',
    confidence: 0.6,
    // A direct fetch runs git, whose libcurl says it in its own words: "fatal: unable to access
    // 'https://h/x/': SSL certificate problem: unable to get local issuer certificate".
    needles: ['x509: certificate', 'x509: ', 'SSL certificate problem: '],
    test: /x509: (certificate signed by unknown authority|certificate has expired|certificate is valid for|certificate is not valid|cannot validate certificate|failed to load system roots)|unable to access '[^'\n]{1,300}': SSL certificate problem: /,
    says: 'go could not verify the TLS certificate of a module proxy or code host (x509): a company proxy that re-signs traffic, with its CA not trusted by the go that gopls runs',
  },
  {
    id: 'module-fetch-proxy-scheme',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'fetch-failed',
    severity: 'warning',
    confidence: 0.5,
    // An HTTP proxy or GOPROXY named with the wrong scheme, in net/http's words: crypto/tls's
    // "tls: first record does not look like a TLS handshake" (HTTPS_PROXY=https://… for a plain
    // HTTP proxy: "proxyconnect tcp: tls: first record …") and net/http's "http: server gave HTTP
    // response to HTTPS client". Beside a module fetch only.
    needles: ['first record does not look like a TLS handshake', 'server gave HTTP response to HTTPS client'],
    test: /^(?=[\s\S]*(?:first record does not look like a TLS handshake|server gave HTTP response to HTTPS client))(?=[\s\S]*(?:Get "?https?:\/\/|proxyconnect tcp|\/@v\/|sum\.golang\.org|reading https?:\/\/))/,
    says: 'go reached its proxy with the wrong protocol (an HTTPS_PROXY or GOPROXY written https:// for a plain HTTP server, or the reverse)',
  },
  {
    id: 'module-fetch-timeout',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'fetch-failed',
    severity: 'warning',
    confidence: 0.5,
    needles: ['i/o timeout', 'TLS handshake timeout', 'Client.Timeout exceeded'],
    // Lookaheads anchored at the start: linear on a 40 k-character line (the fuzz suite's), where
    // an unanchored `A[^\n]*B` retries from every A and goes quadratic.
    // Also net/http's client deadline (client.go: "context deadline exceeded (Client.Timeout exceeded
    // while awaiting headers)"), beside a module fetch only (a proxy's /@v/ path, the checksum
    // database, a go-get=1 lookup): any HTTP client, a user's test among them, says it.
    test: /^(?=[\s\S]*i\/o timeout)(?=[\s\S]*(?:dial tcp|proxyconnect tcp|lookup ))|TLS handshake timeout|^(?=[\s\S]*Client\.Timeout exceeded)(?=[\s\S]*(?:\/@v\/|sum\.golang\.org|proxy\.golang\.org|\?go-get=1))/,
    says: 'go timed out reaching a module proxy or code host ("dial tcp … i/o timeout"): no route out, or an HTTP proxy the editor was not given',
  },
  {
    id: 'module-fetch-refused',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'fetch-failed',
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
    symptom: 'fetch-failed',
    severity: 'warning',
    confidence: 0.5,
    // Go's net package when there is no way out, as cmd/go wraps it in a fetch: the resolver's
    // "lookup H: no such host" / "… server misbehaving" (net/dnsclient.go), the cgo resolver's
    // getaddrinfo texts "Temporary failure in name resolution" / "Name or service not known"
    // (gai_strerror), and the connect/read errno texts ENETUNREACH "network is unreachable",
    // EHOSTUNREACH "no route to host", ECONNRESET "connection reset by peer". Only beside a module
    // fetch (Get "https://…", a proxy, /@v/, the checksum database): a test dialling its own
    // database says the same words about the user's program.
    // A direct fetch (GOPRIVATE, GONOPROXY, GOPROXY=direct) runs git, whose HTTP transport is libcurl:
    // git's http.c "fatal: unable to access 'https://h/x/': " then curl's strerror, "Could not
    // resolve host: h", "Failed to connect to h port 443 after 2 ms: Couldn't connect to server",
    // cmd/go wrapping it as "git ls-remote -q origin in …: exit status 128:". A proxy that closes
    // the CONNECT (net/http "proxyconnect tcp: EOF") is the same no way out.
    // A proxy (or a box in front of it) that drops the request mid-way, in net/http's words after a
    // fetch URL: 'Get "https://proxy.golang.org/m/@v/v1.0.0.mod": EOF' (or unexpected EOF), and
    // x/net/http2's 'stream error: stream ID 3; INTERNAL_ERROR' on a module download.
    // OpenSSH for a git fetch over ssh: "ssh: connect to host github.com port 22: Connection timed
    // out" (or refused, Network is unreachable, No route to host): no way out on port 22. Only as
    // cmd/go relays git's stderr, indented under "git ls-remote … exit status 128:" (vcs.go): the
    // user's own ssh or scp says the same at the start of a line.
    needles: ['no such host', 'server misbehaving', 'failure in name resolution', 'Name or service not known', 'network is unreachable', 'no route to host', 'connection reset by peer', 'Could not resolve host', "Couldn't connect to server", 'Failed to connect to ', 'proxyconnect tcp: EOF', 'ssh: connect to host ', '": EOF', '": unexpected EOF', 'stream error: stream ID'],
    test: /^(?=[\s\S]*(?:no such host|server misbehaving|Temporary failure in name resolution|Name or service not known|network is unreachable|no route to host|connection reset by peer|Could not resolve host: |Couldn't connect to server|Failed to connect to \S+ port \d+|proxyconnect tcp: EOF))(?=[\s\S]*(?:Get "?https?:\/\/|proxyconnect tcp|\/@v\/|sum\.golang\.org|proxy\.golang\.org|reading https?:\/\/|unrecognized import path|unable to access '|git ls-remote|git fetch))|(?:Get|read) "https?:\/\/[^"\s]*(?:\/@v\/|sum\.golang\.org\/)[^"\s]*": (?:EOF|unexpected EOF|stream error: stream ID)|^\s+ssh: connect to host \S+ port \d+: (?:Connection (?:timed out|refused)|Network is unreachable|No route to host)/,
    says: 'go could not reach a module proxy or code host at all (no DNS answer, no route, connection reset): offline, or behind a proxy the editor was not given',
  },
  {
    id: 'proxy-auth-required',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'fetch-failed',
    severity: 'warning',
    confidence: 0.65,
    needles: ['Proxy Authentication Required'],
    says: 'an HTTP proxy demanded credentials (407 Proxy Authentication Required) when go fetched a module',
  },
  {
    id: 'module-fetch-forbidden',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'fetch-failed',
    severity: 'warning',
    confidence: 0.5,
    // cmd/go web/http.go "reading URL: " with net/http's status text: 403, and 401 from a private
    // proxy that wants credentials the go command was not given (.netrc, GOAUTH).
    needles: ['403 Forbidden', '401 Unauthorized'],
    test: /^(?=[\s\S]*reading https?:\/\/)(?=[\s\S]*: (?:403 Forbidden|401 Unauthorized))/,
    says: 'a module proxy answered 401 Unauthorized or 403 Forbidden: it wants credentials this go command was not given (.netrc, GOAUTH) or refuses this module',
  },
  {
    id: 'module-fetch-not-found',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'fetch-failed',
    severity: 'warning',
    confidence: 0.45,
    // Before Go 1.13 the proxy's answer read "unexpected status (https://h/m/@v/v1.info): 410 Gone".
    needles: ['404 Not Found', '410 Gone'],
    test: /^(?=[\s\S]*(?:reading|unexpected status \() ?https?:\/\/)(?=[\s\S]*: (?:404 Not Found|410 Gone))/,
    yieldsTo: ['sumdb-private-lookup'],
    says: 'a module proxy answered 404 or 410 Gone for a module: it cannot see that module (a private one needs GOPRIVATE), or the version does not exist',
  },
  {
    id: 'module-fetch-server-error',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'fetch-failed',
    severity: 'warning',
    confidence: 0.45,
    // cmd/go web/http.go "reading URL: 502 Bad Gateway" (net/http's status texts for 500, 502,
    // 503, 504): the module proxy, or a company proxy in front of it, failed the request.
    needles: ['500 Internal Server Error', '502 Bad Gateway', '503 Service Unavailable', '504 Gateway Timeout'],
    // A module fetch's URL only (a proxy's /@v/ path, the checksum database, a go-get=1 lookup).
    test: /^(?=[\s\S]*reading https?:\/\/\S*(?:\/@v\/|sum\.golang\.org\/|\?go-get=1))(?=[\s\S]*: 50[0234] (?:Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout))/,
    says: 'a module proxy (or the company proxy in front of it) failed the request with a 5xx answer',
  },
  {
    id: 'module-version-unknown',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'fetch-failed',
    severity: 'warning',
    confidence: 0.45,
    // cmd/go modload/query.go NoMatchingVersionError ('no matching versions for query "latest"')
    // and modfetch/codehost ("invalid version: unknown revision v1.2.3", "reading x/go.mod at
    // revision v1.2.3: unknown revision v1.2.3"): the version asked for is not visible where go
    // looked (a private module seen through the public proxy, a tag not pushed, a typo).
    needles: ['no matching versions for query', 'unknown revision'],
    test: /no matching versions for query\b|invalid version: unknown revision\b|at revision \S+: unknown revision\b/,
    yieldsTo: ['module-fetch-not-found', 'sumdb-private-lookup', 'vcs-auth-prompt'],
    says: 'go could not find the module version asked for where it looked (a private module seen through the public proxy, a tag that does not exist)',
  },
  {
    id: 'sumdb-private-lookup',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'fetch-failed',
    severity: 'warning',
    confidence: 0.6,
    needles: ['sum.golang.org/lookup'],
    test: /^(?=[\s\S]*sum\.golang\.org\/lookup\/)(?=[\s\S]*(?:404 Not Found|410 Gone|not found))/,
    says: 'go asked the public checksum database (sum.golang.org) about a module it cannot know: a private module not covered by GOPRIVATE or GONOSUMDB',
  },
  {
    id: 'checksum-mismatch',
    classId: 'module-resolution',
    // go refused what it has, not a file it could not place: the class's title (views, go.mod)
    // told another story (a tester's). What it blocks, a load or a fetch, is the class's symptom.
    headline: 'sum-mismatch',
    explains: ['module-resolution'],
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
    // gopls's diagnostic on go.mod for the same go command error (internal/lsp/cache/mod.go,
    // v0.5–v0.11): "go.sum is out of sync with go.mod. Please update it by applying the quick fix."
    // (", entry for x@v is missing", and earlier 'Please update it or run "go mod tidy".').
    needles: ['missing go.sum entry', 'go.sum is out of sync with go.mod'],
    says: 'go.sum lacks a line the build needs ("missing go.sum entry"): go mod tidy in the module adds it',
  },
  {
    id: 'goproxy-off-lookup',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.6,
    // GOPROXY=off is why a fetch failed, so it explains the download symptoms of the same log.
    explains: ['module-resolution'],
    // gopls's go.mod diagnostic for it (gopls/internal/lsp/cache/mod.go goCommandDiagnostic, v0.12–
    // v0.14): "example.com/x@v1.2.0 has not been downloaded" (a module@version, not any download).
    needles: ['module lookup disabled by GOPROXY=off', ' has not been downloaded'],
    test: /module lookup disabled by GOPROXY=off|(?:^|[\s:(])[\w.~-]{1,100}(?:\/[\w.~-]{1,100}){0,20}@v\d[\w.+~-]{0,100} has not been downloaded\b/,
    says: 'go needed a module that is not in the module cache while GOPROXY=off forbids downloading it',
  },
  {
    id: 'toolchain-unavailable',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'load-failed',
    severity: 'warning',
    confidence: 0.5,
    // The toolchain a go.mod or go.work asks for (its go or toolchain line, GOTOOLCHAIN=auto)
    // cannot be had, in cmd/go toolchain/select.go's words: "download go1.22.0 for linux/amd64:
    // toolchain not available", "invalid toolchain: go1.22 is a language version but not a
    // toolchain version (go1.22.x)", 'invalid toolchain "1.22.0" in go.mod', and switch.go's
    // "switching to go >= 1.24: no releases found for go >= 1.24".
    needles: ['toolchain not available', 'is a language version but not a toolchain version', 'invalid toolchain "', 'no releases found for go >='],
    // The first two phrases are cmd/go's alone; the last two need their shape.
    test: /\btoolchain not available\b|is a language version but not a toolchain version|invalid toolchain \\?"[^"\n]{0,100}\\?" in \S*go\.(?:mod|work)|no releases found for go >= ?[\d.]+/,
    says: 'the Go toolchain the go.mod or go.work asks for cannot be downloaded (no such release for this platform, or a language version where a release is needed)',
  },
  {
    id: 'vcs-auth-prompt',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'fetch-failed',
    severity: 'warning',
    confidence: 0.5,
    // Also the other ways git says it was not let in: ssh's "git@host: Permission denied
    // (publickey).", "Host key verification failed.", git's http.c "fatal: Authentication failed
    // for 'https://…'" and "fatal: repository 'https://…' not found" (what GitHub answers for a
    // private repository without credentials, with its "remote: Repository not found."), and
    // connect.c's "fatal: Could not read from remote repository."
    // git's http.c with libcurl's status text (CURLE_HTTP_RETURNED_ERROR): "fatal: unable to access
    // 'https://h/x/': The requested URL returned error: 403" (401, 403, 404: no credentials for it).
    // And cmd/go's vcs.go when git ls-remote failed for every secure scheme: "no secure protocol
    // found for repository", all that go build says of an ssh refusal (measured, fault 80a).
    needles: ['no secure protocol found for repository', 'terminal prompts disabled', 'could not read Username', 'could not read Password', 'Permission denied (publickey', 'Host key verification failed', 'Authentication failed for ', 'remote: Repository not found', "fatal: repository '", 'Could not read from remote repository', 'The requested URL returned error: 40'],
    test: /no secure protocol found for repository|terminal prompts disabled|could not read (?:Username|Password)|Permission denied \((?:publickey|keyboard-interactive)|Host key verification failed|fatal: Authentication failed for |remote: Repository not found|fatal: repository '[^'\n]{1,300}' not found|Could not read from remote repository|unable to access '[^'\n]{1,300}': The requested URL returned error: 40[134]\b/,
    says: 'git needed credentials to fetch a module directly (GOPRIVATE/GONOPROXY) and had none it could use ("terminal prompts disabled", an ssh key refused, a private repository answered as not found): a .netrc entry, a git credential helper or an ssh key is missing',
  },
  {
    id: 'go-release-unavailable',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'load-failed',
    severity: 'warning',
    confidence: 0.5,
    // Lane managers (test/fixtures/manager-messages.jsonl): the installers' words for a Go release
    // they cannot get, the same family as cmd/go's "toolchain not available" (toolchain-unavailable).
    // actions/setup-go src/installer.ts: "Unable to find Go version '1.99' for platform linux and
    // architecture x64." and "Failed to download version 1.22.5: Error: …"; gimme: "I don't have
    // any idea what to do with '1.99'." and "gimme: given '1.99.x' but no release for '1.99' found".
    needles: ['Unable to find Go version ', 'Failed to download version ', "I don't have any idea what to do with '", 'but no release for '],
    test: /Unable to find Go version '[^'\n]{1,40}' for platform \S+ and architecture|Failed to download version [\w.-]+: |I don't have any idea what to do with '[^'\n]{1,60}'\.|\bgimme: given '[^'\n]{1,60}' but no release for '[^'\n]{1,60}' found/,
    says: 'the Go release a CI step or installer asked for (its go-version input, or the go line of go.mod) could not be found or downloaded for this platform',
  },
  {
    id: 'go-version-file-missing',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.5,
    // Lane managers: actions/setup-go src/main.ts resolveVersionInput, "The specified go version
    // file at: go.mod does not exist" — the workflow's go-version-file names a go.mod (or go.work,
    // .go-version) where the checkout has none: the module is not where the step looks for it.
    needles: ['The specified go version file at: '],
    test: /The specified go version file at: \S+ does not exist/,
    says: 'the CI step was told to read the Go version from a go.mod (or version file) that is not where it looks: the module root is elsewhere in the checkout',
  },
];
