// One HTTP GET, hop by hop, so a failure says where it happened: DNS, TCP connect, the HTTP
// proxy's CONNECT, TLS, or the HTTP answer. Node's fetch folds all of these into "fetch failed";
// here each hop is its own step with its own outcome. Everything is bounded by one deadline and
// an AbortSignal, and every socket and timer is released before the promise settles.
import dns from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';
import http from 'node:http';

export type HopName = 'dns' | 'tcp' | 'proxy-connect' | 'tls' | 'http';

export interface Hop {
  hop: HopName;
  /** What was contacted: a host, host:port, or the request line. */
  target: string;
  ok: boolean;
  /** On success a short note (address, status, TLS version); on failure the error code and message. */
  detail: string;
  code?: string;
  ms: number;
}

export interface HopTrace {
  url: string;
  proxy?: string;
  hops: Hop[];
  ok: boolean;
  status?: number;
  /** The first bytes of the body (for @v/list, the versions). */
  body?: string;
  /** The hop that failed, if any. */
  failedAt?: HopName;
}

export interface HopOptions {
  /** An HTTP proxy URL (http://[user:pass@]host:port) the request goes through. */
  proxy?: string;
  /** Trusted roots; default Node's bundled set. */
  ca?: string[];
  /** Authorization header value for the target (Basic from .netrc). */
  authorization?: string;
  deadlineMs: number;
  signal?: AbortSignal;
  /** Bytes of body kept. */
  maxBody?: number;
}

class HopError extends Error {
  constructor(
    readonly hop: HopName,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** GET url, hop by hop. Never throws: a failure is the last hop of the trace. */
export async function traceGet(rawUrl: string, opts: HopOptions): Promise<HopTrace> {
  const trace: HopTrace = { url: rawUrl, hops: [], ok: false, ...(opts.proxy ? { proxy: opts.proxy } : {}) };
  const sockets: net.Socket[] = [];
  let timer: NodeJS.Timeout | undefined;
  let current: { hop: HopName; target: string; started: number } | undefined;
  const ac = new AbortController();
  const onAbort = () => ac.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // Reject before aborting: the abort listener's "canceled" must not win over the deadline.
      reject(new HopError(current?.hop ?? 'dns', 'ETIMEDOUT', `no answer within the ${Math.round(opts.deadlineMs)} ms deadline`));
      ac.abort();
    }, opts.deadlineMs);
    ac.signal.addEventListener('abort', () => reject(new HopError(current?.hop ?? 'dns', 'ABORTED', 'canceled')), { once: true });
  });
  deadline.catch(() => undefined);
  const step = async <T>(hop: HopName, target: string, f: () => Promise<T>, note: (t: T) => string): Promise<T> => {
    current = { hop, target, started: performance.now() };
    const value = await Promise.race([f(), deadline]);
    trace.hops.push({ hop, target, ok: true, detail: note(value), ms: performance.now() - current.started });
    return value;
  };
  try {
    const url = new URL(rawUrl);
    const secure = url.protocol === 'https:';
    const targetPort = Number(url.port || (secure ? 443 : 80));
    const proxy = opts.proxy ? new URL(opts.proxy) : undefined;
    const first = proxy ?? url;
    const firstHost = first.hostname.replace(/^\[|\]$/g, '');
    const firstPort = Number(first.port || (first.protocol === 'https:' ? 443 : 80));
    const address = await step(
      'dns',
      firstHost,
      async () => (net.isIP(firstHost) ? { address: firstHost, family: net.isIP(firstHost) } : dns.promises.lookup(firstHost)),
      (a) => a.address,
    );
    let socket = await step(
      'tcp',
      `${firstHost}:${firstPort}`,
      () =>
        new Promise<net.Socket>((resolve, reject) => {
          const s = net.connect({ host: address.address, port: firstPort });
          sockets.push(s);
          s.once('connect', () => resolve(s));
          s.once('error', (e: NodeJS.ErrnoException) => reject(new HopError('tcp', e.code ?? 'ECONNECT', e.message)));
        }),
      () => `connected to ${address.address}:${firstPort}`,
    );
    const proxyAuth = proxy && proxy.username ? `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}` : undefined;
    if (proxy && secure) {
      const authority = `${url.hostname}:${targetPort}`;
      await step(
        'proxy-connect',
        `CONNECT ${authority}`,
        () =>
          new Promise<number>((resolve, reject) => {
            const req = http.request({ method: 'CONNECT', path: authority, headers: { Host: authority, ...(proxyAuth ? { 'Proxy-Authorization': proxyAuth } : {}) }, createConnection: () => socket });
            req.once('connect', (res: http.IncomingMessage) => {
              res.resume();
              if (res.statusCode === 200) resolve(200);
              else reject(new HopError('proxy-connect', `HTTP ${res.statusCode}`, `the proxy answered ${res.statusCode} ${res.statusMessage ?? ''}`.trim()));
            });
            req.once('error', (e: NodeJS.ErrnoException) => reject(new HopError('proxy-connect', e.code ?? 'EPROTO', e.message)));
            req.end();
          }),
        (s) => `${s} Connection established`,
      );
    }
    if (secure) {
      const hostname = url.hostname.replace(/^\[|\]$/g, '');
      // `host` is what the certificate is checked against (an IP too); SNI takes names only.
      const servername = net.isIP(hostname) ? undefined : hostname;
      socket = await step(
        'tls',
        `${url.hostname}:${targetPort}`,
        () =>
          new Promise<net.Socket>((resolve, reject) => {
            const t = tls.connect({ socket, host: hostname, servername, ca: opts.ca, rejectUnauthorized: true, ALPNProtocols: ['http/1.1'] });
            sockets.push(t);
            t.once('secureConnect', () => resolve(t));
            t.once('error', (e: NodeJS.ErrnoException) => reject(new HopError('tls', e.code ?? 'ETLS', e.message)));
          }),
        (t) => `${(t as tls.TLSSocket).getProtocol() ?? 'TLS'}, certificate verified`,
      );
    }
    const maxBody = opts.maxBody ?? 2048;
    const res = await step(
      'http',
      `GET ${url.pathname}${url.search}`,
      () =>
        new Promise<{ status: number; statusText: string; body: string }>((resolve, reject) => {
          const headers: Record<string, string> = { Host: url.host, 'User-Agent': 'go-env-doctor (online check)', Accept: '*/*', Connection: 'close' };
          if (opts.authorization) headers.Authorization = opts.authorization;
          if (proxy && !secure && proxyAuth) headers['Proxy-Authorization'] = proxyAuth;
          // Through a plain-HTTP proxy the request line carries the absolute URL.
          const reqPath = proxy && !secure ? url.href : `${url.pathname}${url.search}`;
          const req = http.request({ method: 'GET', path: reqPath, headers, createConnection: () => socket });
          req.once('response', (r: http.IncomingMessage) => {
            const chunks: Buffer[] = [];
            let n = 0;
            r.on('data', (c: Buffer) => {
              if (n < maxBody) chunks.push(c.subarray(0, maxBody - n));
              n += c.length;
              if (n >= maxBody) r.destroy();
            });
            const done = () => resolve({ status: r.statusCode ?? 0, statusText: r.statusMessage ?? '', body: Buffer.concat(chunks).toString('utf8') });
            r.once('end', done);
            r.once('close', done);
          });
          req.once('error', (e: NodeJS.ErrnoException) => reject(new HopError('http', e.code ?? 'EPROTO', e.message)));
          req.end();
        }),
      (r) => `${r.status} ${r.statusText}`.trim(),
    );
    trace.status = res.status;
    trace.body = res.body;
    const last = trace.hops[trace.hops.length - 1]!;
    if (res.status >= 200 && res.status < 300) trace.ok = true;
    else {
      last.ok = false;
      last.code = `HTTP ${res.status}`;
      trace.failedAt = proxy && !secure && res.status === 407 ? 'proxy-connect' : 'http';
    }
  } catch (e) {
    const err = e instanceof HopError ? e : new HopError(current?.hop ?? 'dns', (e as NodeJS.ErrnoException).code ?? 'ERROR', (e as Error).message);
    const hop = current?.hop ?? err.hop;
    trace.hops.push({ hop, target: current?.target ?? rawUrl, ok: false, code: err.code, detail: `${err.code}: ${err.message}`, ms: current ? performance.now() - current.started : 0 });
    trace.failedAt = hop;
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
    for (const s of sockets) s.destroy();
  }
  return trace;
}
