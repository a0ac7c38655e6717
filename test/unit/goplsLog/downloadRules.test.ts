// The module-download rules on lines the real go 1.26 printed on this machine (test/real/
// moduleDownloads and goproxyOnline reproduce them against local servers), and on lines quoted in
// public reports. Each line must say its rule. (Runaway regexes are the fuzz suite's 2 s per-call guard.)
import { describe, expect, it } from 'vitest';
import { matchRules } from '../../../src/goplsLog/rules.js';

const ids = (line: string) => matchRules(line).map((r) => r.id);

describe('module download rules', () => {
  it.each([
    // go 1.26.8, GOPROXY=http://127.0.0.1:1 with an empty module cache
    ['a.go:3:8: golang.org/x/mod@v0.37.0: Get "http://127.0.0.1:1/golang.org/x/mod/@v/v0.37.0.zip": dial tcp 127.0.0.1:1: connect: connection refused', 'module-fetch-refused'],
    // go 1.26.8, no go.sum
    ['a.go:3:8: missing go.sum entry for module providing package golang.org/x/mod/semver (imported by example.com/a); to add:', 'missing-go-sum'],
    ['go: golang.org/x/mod@v0.37.0: missing go.sum entry for go.mod file; to add it:', 'missing-go-sum'],
    // go 1.26.8, GOPROXY=off with an empty module cache
    ['a.go:3:8: module lookup disabled by GOPROXY=off', 'goproxy-off-lookup'],
    // go 1.26.8, GOPROXY=https://proxy.nonexistent.invalid on this machine (no DNS answer)
    ['go: golang.org/x/mod@v0.37.0: Get "https://proxy.nonexistent.invalid/golang.org/x/mod/@v/v0.37.0.info": dial tcp: lookup proxy.nonexistent.invalid on 10.255.255.53:53: no such host', 'module-fetch-unreachable'],
    // net's other no-way-out texts (cgo resolver's gai_strerror, ENETUNREACH, ECONNRESET) in the same fetch shape
    ['verifying example.com/m@v1.0.0: Get "https://sum.golang.org/lookup/example.com/m@v1.0.0": dial tcp: lookup sum.golang.org: Temporary failure in name resolution', 'module-fetch-unreachable'],
    ['go: example.com/m@v1.0.0: Get "https://proxy.golang.org/example.com/m/@v/v1.0.0.zip": dial tcp [2001:db8::1]:443: connect: network is unreachable', 'module-fetch-unreachable'],
    ['go: example.com/m@v1.0.0: Get "https://proxy.golang.org/example.com/m/@v/list": read tcp 10.0.0.2:5555->192.0.2.1:443: read: connection reset by peer', 'module-fetch-unreachable'],
    // quoted in goproxy/goproxy.cn#103 and golang/go issues
    ['go: github.com/natefinch/lumberjack@v2.0.0+incompatible: Get https://goproxy.cn/github.com/natefinch/lumberjack/@v/v2.0.0+incompatible.mod: x509: certificate signed by unknown authority', 'module-fetch-x509'],
    ['go: github.com/gogo/protobuf@v1.3.1: Get https://proxy.golang.org/github.com/gogo/protobuf/@v/v1.3.1.mod: dial tcp 172.217.160.81:443: i/o timeout', 'module-fetch-timeout'],
    ['go: git.corp.example/team/lib@v1.2.0: reading https://proxy.golang.org/git.corp.example/team/lib/@v/v1.2.0.mod: 410 Gone', 'module-fetch-not-found'],
    ['verifying git.corp.example/team/lib@v1.2.0: git.corp.example/team/lib@v1.2.0: reading https://sum.golang.org/lookup/git.corp.example/team/lib@v1.2.0: 410 Gone', 'sumdb-private-lookup'],
    ['go: example.com/m@v1.0.0: reading https://goproxy.corp.example/example.com/m/@v/v1.0.0.info: 403 Forbidden', 'module-fetch-forbidden'],
    ['verifying github.com/x/y@v1.0.0: checksum mismatch', 'checksum-mismatch'],
    ['fatal: could not read Username for \'https://git.corp.example\': terminal prompts disabled', 'vcs-auth-prompt'],
    ['go: example.com/m@v1.0.0: Get "https://goproxy.corp.example/example.com/m/@v/list": Proxy Authentication Required', 'proxy-auth-required'],
    // the canonical-message sweep (lane sweepA): each line built from the format string named in the rule
    // cmd/go web/http.go with net/http's status texts
    ['go: acme.dev/kit@v0.4.0: reading https://athens.corp.example/acme.dev/kit/@v/v0.4.0.info: 401 Unauthorized', 'module-fetch-forbidden'],
    ['go: acme.dev/kit@v0.4.0: reading https://athens.corp.example/acme.dev/kit/@v/v0.4.0.zip: 503 Service Unavailable', 'module-fetch-server-error'],
    ['go: acme.dev/kit@v0.4.0: reading https://athens.corp.example/acme.dev/kit/@v/v0.4.0.mod: 504 Gateway Timeout', 'module-fetch-server-error'],
    // net/http's client deadline, crypto/tls and net/http scheme mismatches, a proxy closing the CONNECT
    ['go: acme.dev/kit@v0.4.0: Get "https://athens.corp.example/acme.dev/kit/@v/v0.4.0.mod": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', 'module-fetch-timeout'],
    ['go: acme.dev/kit@v0.4.0: Get "https://athens.corp.example/acme.dev/kit/@v/list": proxyconnect tcp: tls: first record does not look like a TLS handshake', 'module-fetch-proxy-scheme'],
    ['go: acme.dev/kit@v0.4.0: Get "https://athens.corp.example/acme.dev/kit/@v/list": http: server gave HTTP response to HTTPS client', 'module-fetch-proxy-scheme'],
    ['go: acme.dev/kit@v0.4.0: Get "https://proxy.golang.org/acme.dev/kit/@v/list": proxyconnect tcp: EOF', 'module-fetch-unreachable'],
    // git's libcurl transport in a direct fetch
    ["\tfatal: unable to access 'https://git.corp.example/team/kit/': Could not resolve host: git.corp.example", 'module-fetch-unreachable'],
    ["go: module git.corp.example/team/kit: git ls-remote -q origin in /srv/gomod/cache/vcs/9f1c: exit status 128:\n\tfatal: unable to access 'https://git.corp.example/team/kit/': Failed to connect to git.corp.example port 443 after 3 ms: Couldn't connect to server", 'module-fetch-unreachable'],
    // modload/query.go, modfetch/codehost
    ['go: acme.dev/kit@v9.9.9: invalid version: unknown revision v9.9.9', 'module-version-unknown'],
    ['go: module acme.dev/kit: no matching versions for query "upgrade" (current version is v0.4.0)', 'module-version-unknown'],
    ['go: acme.dev/kit@v0.4.0: reading acme.dev/kit/go.mod at revision v0.4.0: unknown revision v0.4.0', 'module-version-unknown'],
    // ssh, git http.c and connect.c refusing a direct fetch
    ['\tgit@git.corp.example: Permission denied (publickey).', 'vcs-auth-prompt'],
    ['\tfatal: Could not read from remote repository.', 'vcs-auth-prompt'],
    ["\tfatal: Authentication failed for 'https://git.corp.example/team/kit/'", 'vcs-auth-prompt'],
    ['\tremote: Repository not found.', 'vcs-auth-prompt'],
    ["\tfatal: repository 'https://github.com/acme-corp/kit/' not found", 'vcs-auth-prompt'],
    // cmd/go toolchain/select.go and switch.go
    ['go: download go1.31.2 for linux/riscv64: toolchain not available', 'toolchain-unavailable'],
    ['go: invalid toolchain: go1.31 is a language version but not a toolchain version (go1.31.x)', 'toolchain-unavailable'],
    ['go: invalid toolchain "1.31.2" in /srv/app/go.work', 'toolchain-unavailable'],
    ['go: switching to go >= 1.31: no releases found for go >= 1.31', 'toolchain-unavailable'],
    // lane gocmd: go before 1.13 ("unexpected status (URL): 410 Gone"), git's libcurl on a re-signing proxy
    ['go: acme.dev/kit@v0.4.0: unexpected status (https://athens.corp.example/acme.dev/kit/@v/v0.4.0.info): 410 Gone', 'module-fetch-not-found'],
    ["\tfatal: unable to access 'https://git.corp.example/team/kit/': SSL certificate problem: self-signed certificate in certificate chain", 'module-fetch-x509'],
    ["\tfatal: unable to access 'https://git.corp.example/team/kit/': The requested URL returned error: 404", 'vcs-auth-prompt'],
    ['\tssh: connect to host git.corp.example port 22: Connection refused', 'module-fetch-unreachable'],
    ['go: acme.dev/kit@v0.4.0: Get "https://athens.corp.example/acme.dev/kit/@v/v0.4.0.mod": EOF', 'module-fetch-unreachable'],
    ['go: acme.dev/kit@v0.4.0: read "https://athens.corp.example/acme.dev/kit/@v/v0.4.0.zip": stream error: stream ID 5; PROTOCOL_ERROR', 'module-fetch-unreachable'],
  ])('%s', (line, want) => expect(ids(line)).toContain(want));

  it('an ssh key refused is a fetch refused, not a file permission', () => {
    expect(ids('git@git.corp.example: Permission denied (publickey).')).toEqual(['vcs-auth-prompt']);
  });

  it('410 from the checksum database is the sumdb rule, not the generic 404/410 one', () => {
    expect(ids('verifying a.corp.example/m@v1.0.0: reading https://sum.golang.org/lookup/a.corp.example/m@v1.0.0: 410 Gone')).not.toContain('module-fetch-not-found');
  });

  it.each([
    ['a user program that cannot reach its database', 'panic: dial tcp 127.0.0.1:5432: connect: connection refused'],
    ['a page that mentions 410 Gone without a fetch', 'the server answered 410 Gone'],
    ['a test that cannot resolve its own database host', '    db_test.go:12: dial tcp: lookup db: no such host'],
    ['a test whose own server answers 503', '--- FAIL: TestFetch (0.00s)\n    fetch_test.go:31: reading https://api.example.com/v1/items: 503 Service Unavailable'],
    ['a test whose own client times out', '    client_test.go:44: Get "https://api.example.com/v1": context deadline exceeded (Client.Timeout exceeded while awaiting headers)'],
    ['a program dialling its own server with the wrong scheme', 'panic: http: server gave HTTP response to HTTPS client'],
    ['a curl of the user\'s own site reporting its certificate', 'curl: (60) SSL certificate problem: unable to get local issuer certificate'],
    ['a test expecting another status', '    api_test.go:12: unexpected status 410 Gone'],
    ['a program whose own API call hit EOF', 'panic: Get "https://api.example.com/v1/items": EOF'],
    ['a scp of the user\'s own artefacts', 'ssh: connect to host build01 port 2222: Connection timed out? retrying'],
  ])('no rule for %s', (_, line) => {
    expect(ids(line).filter((id) => id.startsWith('module-fetch'))).toEqual([]);
  });

  it.each([
    ['a program that finds no version of its own', '2024/05/01 10:00:00 no matching versions for the filter'],
    ['a bare "unknown revision" with no version', 'unknown revision'],
    ['the toolchain being downloaded (progress, not a failure)', 'go: downloading go1.31.2 (linux/riscv64)'],
  ])('no version or toolchain rule for %s', (_, line) => {
    expect(ids(line).filter((id) => id === 'module-version-unknown' || id === 'toolchain-unavailable')).toEqual([]);
  });

});
