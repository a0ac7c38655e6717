// The opt-in online check against module proxies served on 127.0.0.1 by this test: a TLS
// certificate nobody trusts (made with openssl at test time), an HTTP proxy that demands
// credentials (407), a proxy that answers 410 Gone, and one that accepts and never answers. The
// real go is run against the same servers first, so the gopls-log rules are tested on the words go
// really prints there.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import which from 'which';
import { Host } from '../../src/host/host.js';
import { runDoctor } from '../../src/engine/pipeline.js';
import type { Finding, Report } from '../../src/doctor/model.js';
import { goproxyOnlineProbe } from '../../src/probes/goproxyOnline.js';
import { moduleDownloadsProbe } from '../../src/probes/moduleDownloads.js';
import { traceGet } from '../../src/host/httpHops.js';
import { matchRules } from '../../src/goplsLog/rules.js';
import { CLI, GO, cachedXMod, buildOnce } from './support.js';

const { version: XMOD, goLine: XMOD_GO_LINE } = cachedXMod();

const OPENSSL = which.sync('openssl', { nothrow: true });

const tmp = mkdtempSync(path.join(os.tmpdir(), 'goproxy-online-'));
const servers: Array<http.Server | net.Server> = [];
const serverSockets = new Set<net.Socket>();
let tlsPort = 0;
let proxy407Port = 0;
let gonePort = 0;
let hangPort = 0;
let closedPort = 0;
let listPort = 0;
let listBody = '';
let certFile = '';
let authTlsPort = 0;
// A module proxy serving golang.org/x/mod from this machine's module cache, that can also serve
// the checksum database (/sumdb/sum.golang.org/…) or be named as the database itself (/lookup/…).
let sumPort = 0;
let sumViaProxy = false;
let sumLookup: 'gone' | 'ok' = 'gone';
const seen: string[] = [];
const emptyCache = mkdtempSync(path.join(tmp, 'empty-cache-'));

function track<T extends http.Server | net.Server>(s: T): T {
  s.on('connection', (sock: net.Socket) => {
    serverSockets.add(sock);
    sock.on('close', () => serverSockets.delete(sock));
  });
  servers.push(s);
  return s;
}

const listen = (s: http.Server | net.Server) => new Promise<number>((resolve) => s.listen(0, '127.0.0.1', () => resolve((s.address() as net.AddressInfo).port)));

beforeAll(async () => {
  if (OPENSSL) {
    certFile = path.join(tmp, 'cert.pem');
    execFileSync(OPENSSL, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(tmp, 'key.pem'), '-out', certFile, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const tlsServer = track(https.createServer({ key: readFileSync(path.join(tmp, 'key.pem')), cert: readFileSync(certFile) }, (req, res) => {
      seen.push(`tls ${req.url}`);
      res.end(`v0.1.0\n${XMOD}\n`);
    }));
    tlsPort = await listen(tlsServer);
    // A private proxy that answers only with user "u", password "tok" (Basic), else 401.
    const want = `Basic ${Buffer.from('u:tok').toString('base64')}`;
    authTlsPort = await listen(track(https.createServer({ key: readFileSync(path.join(tmp, 'key.pem')), cert: readFileSync(certFile) }, (req, res) => {
      seen.push(`auth ${req.url} ${req.headers.authorization === want ? 'ok' : 'no'}`);
      if (req.headers.authorization !== want) res.writeHead(401, 'Unauthorized').end();
      else res.end(`v0.1.0\n${XMOD}\n`);
    })));
  }
  const p407 = track(http.createServer((_req, res) => {
    res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="corp"' }).end();
  }));
  p407.on('connect', (req: http.IncomingMessage, sock: net.Socket) => {
    seen.push(`407 CONNECT ${req.url} auth=${req.headers['proxy-authorization'] ? 'yes' : 'no'}`);
    sock.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\nContent-Length: 0\r\n\r\n');
  });
  proxy407Port = await listen(p407);
  gonePort = await listen(track(http.createServer((req, res) => {
    seen.push(`410 ${req.url}`);
    res.writeHead(410, 'Gone').end('not found: module golang.org/x/mod: gone\n');
  })));
  // A proxy whose version list is what the test sets (a module proxy's @v/list, one version a line).
  listPort = await listen(track(http.createServer((req, res) => {
    seen.push(`list ${req.url}`);
    res.end(listBody);
  })));
  const realCache = GO ? path.join(execFileSync(GO, ['env', 'GOMODCACHE'], { encoding: 'utf8' }).trim(), 'cache', 'download') : '';
  sumPort = await listen(track(http.createServer((req, res) => {
    const url = req.url ?? '';
    seen.push(`sum ${url}`);
    if (url === '/sumdb/sum.golang.org/supported') return void res.writeHead(sumViaProxy ? 200 : 404).end();
    if (url.includes('/lookup/')) {
      if (sumLookup === 'gone') return void res.writeHead(410, 'Gone').end(`not found: ${url.split('/lookup/')[1]}: unrecognized import path\n`);
      return void res.end(`12345\n${url.split('/lookup/')[1]!.replace('@', ' ')} h1:AAAA=\n\ngo.sum database tree\n`);
    }
    if (url === '/golang.org/x/mod/@v/list') return void res.end(`${XMOD}\n`);
    const file = path.join(realCache, decodeURIComponent(url));
    if (url.startsWith('/golang.org/x/mod/@v/') && existsSync(file)) return void res.end(readFileSync(file));
    res.writeHead(404).end('not found');
  })));
  // Reads what it is sent (so it sees the client leave) and never answers.
  hangPort = await listen(track(net.createServer((sock) => sock.resume())));
  const closed = net.createServer();
  closedPort = await listen(closed);
  await new Promise((r) => closed.close(r));
}, 60_000);

afterAll(async () => {
  for (const s of serverSockets) s.destroy();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

function module(): string {
  const root = mkdtempSync(path.join(tmp, 'ws-'));
  writeFileSync(path.join(root, 'go.mod'), `module example.com/a\n\ngo ${XMOD_GO_LINE}\n\nrequire golang.org/x/mod ${XMOD}\n`);
  writeFileSync(path.join(root, 'a.go'), 'package a\n\nimport _ "golang.org/x/mod/semver"\n');
  return root;
}

function env(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  // An empty module cache: a module already cached builds whatever the proxy says, and the check
  // then only warns (these tests are about what the proxy says).
  const e: NodeJS.ProcessEnv = { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '-modcacherw', GOWORK: 'off', GOSUMDB: 'off', GONOSUMDB: '', GOPRIVATE: '', GONOPROXY: '', GOMODCACHE: emptyCache };
  for (const k of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy', 'SSL_CERT_FILE', 'SSL_CERT_DIR']) delete e[k];
  return { ...e, ...extra };
}

/** What the real go prints fetching the module through these settings, with an empty module cache. */
/** Asynchronous: the servers answering go live in this very process. */
function goDownload(ws: string, e: NodeJS.ProcessEnv): Promise<string> {
  const cache = mkdtempSync(path.join(tmp, 'cache-'));
  return new Promise((resolve) => {
    execFile(GO!, ['mod', 'download', `golang.org/x/mod@${XMOD}`], { cwd: ws, env: { ...e, GOMODCACHE: cache }, encoding: 'utf8', timeout: 60_000 }, (_err, stdout, stderr) => resolve(`${stdout}${stderr}`));
  });
}

async function online(ws: string, e: NodeJS.ProcessEnv): Promise<{ report: Report; f?: Finding }> {
  const report = await runDoctor({ host: new Host(), probes: [goproxyOnlineProbe], workspaces: [ws], env: e, settings: { online: true }, timeoutMs: 20_000 });
  return { report, f: report.causes.flatMap((c) => c.findings)[0] };
}

const ruleIds = (text: string) => text.split('\n').flatMap((l) => matchRules(l).map((r) => r.id));

describe.skipIf(!GO || !XMOD)('the online check against local proxies', () => {
  it.skipIf(!OPENSSL)('a certificate nobody trusts: go says x509, the check fails at the TLS hop; with SSL_CERT_FILE, as go, it passes', async () => {
    const ws = module();
    const e = env({ GOPROXY: `https://127.0.0.1:${tlsPort}` });
    const said = await goDownload(ws, e);
    expect(said).toContain('x509: certificate signed by unknown authority');
    expect(ruleIds(said)).toContain('module-fetch-x509');
    const { f } = await online(ws, e);
    expect(f).toMatchObject({ classId: 'module-resolution', severity: 'error' });
    expect(f!.message).toContain('failed at the TLS handshake');
    expect(f!.evidence[0]!.excerpt).toMatch(/✗ tls 127\.0\.0\.1:\d+: (DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)/);
    expect(f!.fixes.map((x) => x.id)).toContain('trust-company-ca');
    // SSL_CERT_FILE naming other roots: go reads only those, so the system store is not the fix.
    const other = path.join(tmp, 'empty.pem');
    writeFileSync(other, '');
    const wrongRoots = await online(ws, { ...e, SSL_CERT_FILE: other });
    expect(wrongRoots.f!.message).toContain(`by the roots SSL_CERT_FILE=${other} names`);
    expect(wrongRoots.f!.fixes.map((x) => x.id)).toEqual(['toolsenv-ssl_cert_file-clear-roots']);
    const trusted = await online(ws, { ...e, SSL_CERT_FILE: certFile });
    expect(trusted.f).toBeUndefined();
    expect(trusted.report.probes[0]!.observed).toMatchObject({ attempts: [{ ok: true, status: 200 }] });
    expect((trusted.report.probes[0]!.observed.roots as string[])[0]).toBe(`${certFile} (1 certificate)`);
  });

  // A tester's: SSL_CERT_FILE and SSL_CERT_DIR naming paths that are not there leave go with no
  // root at all ("x509: certificate signed by unknown authority" from proxy.golang.org), while the
  // check fell back to Node's own bundled roots and reported the proxy fine.
  it.skipIf(!OPENSSL)('SSL_CERT_FILE and SSL_CERT_DIR that are not there: go trusts no one, and neither does the check', async () => {
    const ws = module();
    const missing = { SSL_CERT_FILE: path.join(tmp, 'nonexistent', 'ca.pem'), SSL_CERT_DIR: path.join(tmp, 'nonexistent') };
    const e = env({ GOPROXY: `https://127.0.0.1:${tlsPort}`, ...missing });
    expect(await goDownload(ws, e)).toContain('tls: failed to verify certificate: x509: certificate signed by unknown authority');
    const { f, report } = await online(ws, e);
    expect(report.probes[0]!.observed.roots).toEqual(['(none: go would trust no certificate authority)']);
    expect(f).toMatchObject({ classId: 'module-resolution', severity: 'error' });
    expect(f!.message).toContain(`go trusts no certificate authority here: SSL_CERT_FILE=${missing.SSL_CERT_FILE} (${missing.SSL_CERT_FILE}: not there) and SSL_CERT_DIR=${missing.SSL_CERT_DIR} (${missing.SSL_CERT_DIR}: not there)`);
    expect(f!.evidence.map((x) => x.source)).toContain(`open(2) ${missing.SSL_CERT_FILE} (SSL_CERT_FILE)`);
    expect(f!.fixes.map((x) => x.id)).toEqual(['toolsenv-ssl_cert_file-clear-roots', 'toolsenv-ssl_cert_dir-clear-roots']);
    // The same certificate in SSL_CERT_DIR alone: go reads the folder's files, and so does the check.
    const dir = mkdtempSync(path.join(tmp, 'certdir-'));
    writeFileSync(path.join(dir, 'local.pem'), readFileSync(certFile));
    const inDir = await online(ws, env({ GOPROXY: `https://127.0.0.1:${tlsPort}`, SSL_CERT_FILE: missing.SSL_CERT_FILE, SSL_CERT_DIR: dir }));
    expect(inDir.f).toBeUndefined();
    expect(inDir.report.probes[0]!.observed.roots).toEqual([`${dir}/ (1 certificate)`]);
  });

  it('an HTTP proxy that demands credentials: go says "Proxy Authentication Required", the check fails at CONNECT with 407', async () => {
    const ws = module();
    const e = env({ GOPROXY: 'https://goproxy.corp.example', HTTPS_PROXY: `http://127.0.0.1:${proxy407Port}` });
    const said = await goDownload(ws, e);
    expect(said).toContain('Proxy Authentication Required');
    expect(ruleIds(said)).toContain('proxy-auth-required');
    const { f } = await online(ws, e);
    expect(f!.message).toContain('failed at the HTTP proxy (CONNECT)');
    expect(f!.message).toContain('demands credentials (407 Proxy Authentication Required)');
    expect(f!.evidence[0]!.source).toBe(`GET https://goproxy.corp.example/golang.org/x/mod/@v/list via http://127.0.0.1:${proxy407Port}`);
    expect(seen).toContain('407 CONNECT goproxy.corp.example:443 auth=no');
    // Credentials in HTTPS_PROXY that the proxy refuses: refused, not missing (a tester's finding).
    const refused = await online(ws, env({ GOPROXY: 'https://goproxy.corp.example', HTTPS_PROXY: `http://alice:wrong@127.0.0.1:${proxy407Port}` }));
    expect(refused.f!.message).toContain('refused the credentials its URL carries (407 Proxy Authentication Required)');
    expect(seen).toContain('407 CONNECT goproxy.corp.example:443 auth=yes');
    // A tester's: only a link to net/http's docs. Where HTTPS_PROXY is set, and the fixes there.
    expect(refused.f!.message).toContain("HTTPS_PROXY comes from the environment the editor was started with, where the proxy's user and password are set");
    expect(refused.f!.fixes.map((x) => x.id)).toEqual(['go-mod-download-no-http-proxy', 'toolsenv-https_proxy-clear-proxy', 'toolsenv-no_proxy-bypass-proxy', 'go-proxy-env-docs']);
    expect(refused.f!.fixes[2]).toMatchObject({ value: { NO_PROXY: 'goproxy.corp.example' } });
  });

  // A tester's findings: GOPROXY entries go rejects before any request, credentials in the URL
  // over http, and a plain-HTTP server named without a scheme (go adds https://). Each is what
  // go says first, then what the check says.
  it('GOPROXY entries go refuses before any request: a misspelt scheme, a bare word, credentials over http', async () => {
    const ws = module();
    for (const [gp, words] of [
      [`htps://127.0.0.1:${listPort}`, 'invalid proxy URL scheme (must be https, http, file)'],
      ['myproxy', 'invalid proxy URL missing scheme: myproxy'],
      [`http://u:pw@127.0.0.1:${listPort}`, 'refusing to pass credentials to insecure URL'],
    ] as const) {
      const e = env({ GOPROXY: gp });
      expect(await goDownload(ws, e)).toContain(words);
      const before = seen.length;
      const { f } = await online(ws, e);
      expect(f, gp).toMatchObject({ classId: 'module-resolution', severity: 'error' });
      expect(f!.message).toContain(`go refuses it before any request: "${words}`);
      expect(seen.slice(before).filter((x) => x.startsWith('list '))).toEqual([]);
    }
  });

  // A tester's exit 2 while go build worked: the module asked for was in the module cache.
  it('the module asked for is already in the module cache: the proxy\'s failure is a warning, and says the workspace builds', async () => {
    const ws = module();
    const real = spawnSync(GO!, ['env', 'GOMODCACHE'], { encoding: 'utf8' }).stdout.trim();
    const { f } = await online(ws, env({ GOPROXY: `http://127.0.0.1:${gonePort}`, GOMODCACHE: real }));
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f!.message).toContain('itself is in the module cache, so this workspace builds');
  });

  it('a plain-HTTP proxy named without a scheme: go speaks TLS to it; the check says it does not speak TLS, not that a CA is missing', async () => {
    const ws = module();
    const e = env({ GOPROXY: `127.0.0.1:${listPort}` });
    // go's two words for it, by what the server sends back to a ClientHello.
    expect(await goDownload(ws, e)).toMatch(/tls: first record does not look like a TLS handshake|server gave HTTP response to HTTPS client/);
    const { f } = await online(ws, e);
    expect(f!.message).toContain('does not speak TLS');
    expect(f!.fixes.map((x) => x.id)).not.toContain('trust-company-ca');
  });

  it.skipIf(!OPENSSL)('credentials: user:password in an https GOPROXY are sent, as go sends them; .netrc matches host:port as go does', async () => {
    const ws = module();
    const base = { SSL_CERT_FILE: certFile, GOPROXY: `https://u:tok@127.0.0.1:${authTlsPort}` };
    expect(await goDownload(ws, env(base))).not.toContain('401');
    expect((await online(ws, env(base))).f).toBeUndefined();
    const netrc = (machine: string) => {
      const f = path.join(mkdtempSync(path.join(tmp, 'netrc-')), 'netrc');
      writeFileSync(f, `machine ${machine} login u password tok\n`, { mode: 0o600 });
      return env({ SSL_CERT_FILE: certFile, GOPROXY: `https://127.0.0.1:${authTlsPort}`, NETRC: f });
    };
    const withPort = netrc(`127.0.0.1:${authTlsPort}`);
    expect(await goDownload(ws, withPort)).not.toContain('401');
    expect((await online(ws, withPort)).f).toBeUndefined();
    const hostOnly = netrc('127.0.0.1');
    expect(await goDownload(ws, hostOnly)).toContain('401 Unauthorized');
    expect((await online(ws, hostOnly)).f?.message).toContain('401');
    // GOAUTH=off: go sends no .netrc credentials, and the check says that is why.
    const off = { ...withPort, GOAUTH: 'off' };
    expect(await goDownload(ws, off)).toContain('401 Unauthorized');
    expect((await online(ws, off)).f?.message).toContain('GOAUTH=off keeps go from sending any');
    // A GOAUTH command gives go credentials the check does not fetch: a 401 here is only a warning.
    const cmd = path.join(tmp, 'goauth.sh');
    writeFileSync(cmd, `#!/bin/sh\nprintf 'https://127.0.0.1:${authTlsPort}\\n\\nAuthorization: Basic ${Buffer.from('u:tok').toString('base64')}\\n\\n'\n`, { mode: 0o755 });
    const viaCmd = env({ SSL_CERT_FILE: certFile, GOPROXY: `https://127.0.0.1:${authTlsPort}`, GOAUTH: cmd, NETRC: '/nonexistent' });
    expect(await goDownload(ws, viaCmd)).not.toContain('401');
    expect((await online(ws, viaCmd)).f).toMatchObject({ severity: 'warning' });
  });

  it('a proxy answering 410 Gone: go says so, the check names the HTTP status; "," falls through to the next entry', async () => {
    const ws = module();
    const e = env({ GOPROXY: `http://127.0.0.1:${gonePort}` });
    const said = await goDownload(ws, e);
    expect(said).toMatch(/reading http:\/\/127\.0\.0\.1:\d+\/golang\.org\/x\/mod\/@v\/\S+: 410 Gone/);
    expect(ruleIds(said)).toContain('module-fetch-not-found');
    const { f } = await online(ws, e);
    expect(f!.message).toContain('failed at the HTTP answer: it answered 410 Gone');
    // 410 after "," goes on to the next entry, as go does; here that one refuses connections.
    const list = await online(ws, env({ GOPROXY: `http://127.0.0.1:${gonePort},http://127.0.0.1:${closedPort}` }));
    const attempts = list.report.probes[0]!.observed.attempts as Array<{ failedAt: string; status: number | null }>;
    expect(attempts.map((a) => a.failedAt)).toEqual(['http', 'tcp']);
    expect(list.f!.message).toContain('refuses connections');
  });

  // A file:// GOPROXY (the module cache's download folder, a vendored proxy tree) is read from disk
  // by go; the check called it "the server at :80 refuses connections".
  it('a file:// GOPROXY: read from disk as go reads it; the module there passes, an empty tree fails without a word of TCP', async () => {
    const ws = module();
    const modcache = execFileSync(GO!, ['env', 'GOMODCACHE'], { encoding: 'utf8' }).trim();
    const full = env({ GOPROXY: `file://${modcache}/cache/download` });
    expect(await goDownload(ws, full)).not.toMatch(/error|not found/i);
    const ok = await online(ws, full);
    expect(ok.f).toBeUndefined();
    expect(JSON.stringify(ok.report.probes[0]!.observed.attempts)).toContain('/golang.org/x/mod/@v/list is there');
    const empty = env({ GOPROXY: `file://${mkdtempSync(path.join(tmp, 'fileproxy-'))}` });
    expect(await goDownload(ws, empty)).toMatch(/not found|no such file/i);
    const { f } = await online(ws, empty);
    expect(f!.message).toContain('failed on disk: the file proxy does not hold golang.org/x/mod');
    expect(f!.message).not.toMatch(/TCP|refuses connections/);
  });

  // A required version the proxy never had (a typo, a deleted tag): offline it reads as a missing
  // go.sum line; online the list says so.
  it('a required version missing from the proxy\'s list: go says so, the check names it; listed, nothing is said', async () => {
    const ws = module();
    const e = env({ GOPROXY: `http://127.0.0.1:${listPort}` });
    listBody = 'v0.1.0\nv0.2.0\n';
    expect(await goDownload(ws, e)).toMatch(/golang\.org\/x\/mod@\S+: (?:reading|invalid|unknown revision|.*not found)/);
    const { f } = await online(ws, e);
    expect(f).toMatchObject({ classId: 'module-resolution', severity: 'error' });
    expect(f!.message).toContain(`requires golang.org/x/mod ${XMOD}, but http://127.0.0.1:${listPort} lists no such version (it lists 2, the last v0.1.0, v0.2.0)`);
    expect(f!.fixes[0]).toMatchObject({ id: 'go-get-listed-version', text: 'go get golang.org/x/mod@latest' });
    listBody = `v0.1.0\n${XMOD}\n`;
    expect((await online(ws, e)).f).toBeUndefined();
    // A login page answering 200 in the proxy's place: go fails on it, the check says what it is
    // (a tester's got "lists none" and go get @latest, which failed too).
    listBody = '<!DOCTYPE html>\n<html><body>Sign in to continue</body></html>\n';
    expect(await goDownload(ws, e)).toMatch(/invalid|unexpected|not found|unknown revision/);
    const junk = await online(ws, e);
    expect(junk.f!.message).toContain('answered 200 with something that is not a version list ("<!DOCTYPE html>")');
    expect(junk.f!.fixes.map((x) => x.id)).not.toContain('go-get-listed-version');
  });

  it('"|" falls through on any error, "," does not', async () => {
    const ws = module();
    const pipe = await online(ws, env({ GOPROXY: `http://127.0.0.1:${closedPort}|http://127.0.0.1:${gonePort}` }));
    expect((pipe.report.probes[0]!.observed.attempts as unknown[]).length).toBe(2);
    const comma = await online(ws, env({ GOPROXY: `http://127.0.0.1:${closedPort},http://127.0.0.1:${gonePort}` }));
    expect((comma.report.probes[0]!.observed.attempts as unknown[]).length).toBe(1);
  });

  it('a proxy that accepts and never answers: bounded by the deadline, and no socket or timer is left behind', async () => {
    const before = process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap' || r === 'Timeout').length;
    const t = await traceGet(`http://127.0.0.1:${hangPort}/golang.org/x/mod/@v/list`, { deadlineMs: 300 });
    expect(t).toMatchObject({ ok: false, failedAt: 'http' });
    expect(t.hops.map((h) => `${h.hop}:${h.ok}`)).toEqual(['dns:true', 'tcp:true', 'http:false']);
    expect(t.hops[2]!.code).toBe('ETIMEDOUT');
    await new Promise((r) => setTimeout(r, 100));
    const after = process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap' || r === 'Timeout').length;
    expect(after).toBeLessThanOrEqual(before);
    // The server side sees the client go away too (its close event comes a turn or two later).
    await vi.waitFor(() => expect([...serverSockets].filter((s) => s.localPort === hangPort)).toEqual([]), { timeout: 5000, interval: 50 });
  });

  // go asks the checksum database before writing a go.sum line GONOSUMDB does not exempt; a
  // private module it has never seen fails there (a tester's got "missing go.sum → go mod tidy").
  // A fresh GOPATH: go keeps the database's last signed tree under GOPATH/pkg/sumdb and would
  // first ask this stand-in for tiles it cannot sign.
  it('the checksum database: unknown module, served through the proxy, unreachable, not asked', async () => {
    const ws = module();
    const gopath = mkdtempSync(path.join(tmp, 'gopath-'));
    const named = env({ GOPATH: gopath, GOPROXY: `http://127.0.0.1:${sumPort}`, GOSUMDB: `sum.golang.org http://127.0.0.1:${sumPort}` });
    sumViaProxy = false;
    sumLookup = 'gone';
    const said = await goDownload(ws, named);
    expect(said).toMatch(new RegExp(`verifying (?:go\\.mod|module): .*reading http://127\\.0\\.0\\.1:${sumPort}/lookup/golang\\.org/x/mod@${XMOD!.replace(/\./g, '\\.')}: 410 Gone`));
    const { f, report } = await online(ws, named);
    expect(f).toMatchObject({ classId: 'module-resolution', severity: 'error' });
    expect(f!.message).toContain(`has no line for golang.org/x/mod ${XMOD}, so go verifies it with the checksum database sum.golang.org`);
    expect(f!.message).toContain('it answered 410 Gone: the database has never seen golang.org/x/mod');
    // A public host's module is skipped alone, not the whole of golang.org.
    expect(f!.fixes[0]).toMatchObject({ id: 'toolsenv-gonosumdb', key: 'go.toolsEnvVars', value: { GONOSUMDB: 'golang.org/x/mod' } });
    expect(report.probes[0]!.observed.sumdb).toMatchObject({ asked: true, base: `http://127.0.0.1:${sumPort}` });
    // The fix, applied: go downloads it.
    expect(await goDownload(ws, { ...named, GONOSUMDB: 'golang.org/x/mod' })).not.toMatch(/verifying|410/);
    rmSync(path.join(ws, 'go.sum')); // that download wrote it

    // No URL in GOSUMDB: the proxy says it serves the database, and go asks it there.
    sumViaProxy = true;
    const proxied = env({ GOPATH: gopath, GOPROXY: `http://127.0.0.1:${sumPort}`, GOSUMDB: '' });
    const saidThrough = await goDownload(ws, proxied);
    expect(saidThrough).toContain(`reading http://127.0.0.1:${sumPort}/sumdb/sum.golang.org/lookup/golang.org/x/mod@${XMOD!}: 410 Gone`);
    expect(ruleIds(saidThrough)).toContain('sumdb-private-lookup');
    const through = await online(ws, proxied);
    expect(through.f!.evidence.map((e) => e.source)).toContain(`GET http://127.0.0.1:${sumPort}/sumdb/sum.golang.org/lookup/golang.org/x/mod@${XMOD}`);
    // The database knows it: nothing to say.
    sumLookup = 'ok';
    expect((await online(ws, proxied)).f).toBeUndefined();
    sumLookup = 'gone';

    // A database that cannot be reached: go fails on every unverified module; GONOSUMDB only if private.
    const closed = env({ GOPATH: gopath, GOPROXY: `http://127.0.0.1:${sumPort}`, GOSUMDB: `sum.golang.org http://127.0.0.1:${closedPort}` });
    expect(await goDownload(ws, closed)).toContain('connection refused');
    // A server on this machine: the offline check's connect (module-downloads, in every run) says
    // it, so with --online it is said once, not once per probe (a tester's report had both).
    const down = await online(ws, closed);
    expect(down.f).toBeUndefined();
    expect(down.report.probes[0]!.observed.sumdb).toMatchObject({ asked: true, toldBy: expect.stringContaining('module-downloads') });
    const both = await runDoctor({ host: new Host(), probes: [moduleDownloadsProbe, goproxyOnlineProbe], workspaces: [ws], env: closed, settings: { online: true }, timeoutMs: 20_000 });
    const refusedSaid = both.causes.flatMap((c) => c.findings).filter((f) => f.message.includes(`127.0.0.1:${closedPort}`));
    expect(refusedSaid.map((f) => f.probeId)).toEqual(['module-downloads']);
    const told = refusedSaid[0]!;
    expect(told).toMatchObject({ classId: 'module-resolution', severity: 'error' });
    expect(told.message).toContain(`(127.0.0.1:${closedPort}) does not accept connections (ECONNREFUSED)`);
    // GOSUMDB names that server: unset where it is set comes first; golang.org is never called
    // private (a tester's "If golang.org is private"), and no HTTP proxy is set to read up on.
    const downIds = told.fixes.map((x) => x.id);
    expect(downIds.slice(0, 2)).toEqual(['toolsenv-gosumdb-fixed', 'go-mod-tidy-default-sumdb']);
    expect(told.fixes.map((x) => x.title).join('\n')).not.toContain('is private');
    expect(told.fixes.find((x) => x.id === 'toolsenv-gonosumdb')).toMatchObject({ value: { GONOSUMDB: 'golang.org/x/mod' } });
    expect(downIds).not.toContain('go-proxy-env-docs');

    // A GOSUMDB go refuses before any request (a name without its key): go and the check say so.
    const bad = env({ GOPATH: gopath, GOPROXY: `http://127.0.0.1:${sumPort}`, GOSUMDB: `sum.example.com http://127.0.0.1:${sumPort}` });
    expect(await goDownload(ws, bad)).toContain('invalid GOSUMDB: malformed verifier id');
    // Nothing is asked, and the offline module-downloads probe is the one that says it (test/real/moduleDownloads.test.ts).
    const refused = await online(ws, bad);
    expect(refused.f).toBeUndefined();
    expect((refused.report.probes[0]!.observed.sumdb as { why: string }).why).toBe('invalid GOSUMDB: malformed verifier id');

    // Not asked: GONOSUMDB covers it, GOSUMDB=off, or go.sum holds its lines.
    for (const [extra, why] of [[{ GONOSUMDB: 'golang.org/x' }, 'GONOSUMDB pattern golang.org/x covers'], [{ GOSUMDB: 'off' }, 'GOSUMDB=off']] as const) {
      const r = await online(ws, { ...named, ...extra });
      expect(r.f).toBeUndefined();
      expect((r.report.probes[0]!.observed.sumdb as { why: string }).why).toContain(why);
    }
    writeFileSync(path.join(ws, 'go.sum'), `golang.org/x/mod ${XMOD} h1:AAAA=\ngolang.org/x/mod ${XMOD}/go.mod h1:BBBB=\n`);
    const summed = await online(ws, named);
    expect(summed.f).toBeUndefined();
    expect((summed.report.probes[0]!.observed.sumdb as { asked: boolean }).asked).toBe(false);
    // In a go.work workspace, go.work.sum's lines count too.
    const root = mkdtempSync(path.join(tmp, 'work-'));
    const inner = path.join(root, 'm');
    mkdirSync(inner);
    writeFileSync(path.join(inner, 'go.mod'), readFileSync(path.join(ws, 'go.mod')));
    writeFileSync(path.join(root, 'go.work'), `go ${XMOD_GO_LINE}\n\nuse ./m\n`);
    writeFileSync(path.join(root, 'go.work.sum'), readFileSync(path.join(ws, 'go.sum')));
    const worked = await online(inner, { ...named, GOWORK: '' }); // env() turns workspaces off
    expect(worked.f, JSON.stringify([worked.f?.message, worked.report.probes[0]!.observed])).toBeUndefined();
    expect((worked.report.probes[0]!.observed.sumdb as { why: string }).why).toContain('go.work.sum holds');
    // The go.work folder itself, which has no go.mod: the used module's requirement is asked for.
    const fromRoot = await online(root, { ...named, GOWORK: '' });
    expect(fromRoot.report.probes[0]!.observed.module).toBe(`golang.org/x/mod ${XMOD}`);
  });

  // A tester's: `go get` writes "require m v // indirect" until go mod tidy; the check was skipped
  // with "no go.mod with a requirement in the workspace".
  it('a go.mod whose only requirement is // indirect: that module is asked for', async () => {
    const ws = module();
    writeFileSync(path.join(ws, 'go.mod'), `module example.com/a\n\ngo ${XMOD_GO_LINE}\n\nrequire golang.org/x/mod ${XMOD} // indirect\n`);
    expect(spawnSync(GO!, ['mod', 'edit', '-json'], { cwd: ws, encoding: 'utf8' }).stdout).toContain('"Indirect": true');
    const { report } = await online(ws, env({ GOPROXY: `http://127.0.0.1:${listPort}` }));
    expect(report.probes[0]!.status).not.toBe('skipped');
    expect(report.probes[0]!.observed.module).toBe(`golang.org/x/mod ${XMOD}`);
  });

  it('the CLI: offline by default (no such probe), --online adds it and reports the failure', async () => {
    await buildOnce();
    const ws = module();
    const e = env({ GOPROXY: `http://127.0.0.1:${gonePort}` });
    const run = (args: string[]) =>
      new Promise<Report>((resolve) => execFile(process.execPath, [CLI, 'diagnose', '--json', '--workspace', ws, ...args], { env: e, encoding: 'utf8', timeout: 60_000 }, (_err, stdout) => resolve(JSON.parse(stdout) as Report)));
    const before = seen.length;
    const offline = await run([]);
    expect(offline.probes.map((p) => p.id)).not.toContain('goproxy-online');
    expect(seen.length).toBe(before); // nothing asked the proxy
    const on = await run(['--online']);
    const probe = on.probes.find((p) => p.id === 'goproxy-online');
    expect(probe?.status).toBe('fail');
    expect(on.causes.find((c) => c.id === 'module-resolution')?.findings.some((f) => f.probeId === 'goproxy-online')).toBe(true);
  });
});

