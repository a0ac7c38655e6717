// When the online checksum-database check leaves a failure to the offline check that already
// said it (sumdbOnline.ts toldOffline): a refused TCP connect to a server on this machine that
// GOSUMDB names, directly or through an HTTP proxy on this machine.
import { describe, expect, it } from 'vitest';
import { toldOffline } from '../../../src/probes/sumdbOnline.js';
import type { Hop, HopTrace } from '../../../src/host/httpHops.js';

const hop = (h: Hop['hop'], target: string, ok: boolean): Hop => ({ hop: h, target, ok, detail: ok ? 'ok' : 'ECONNREFUSED', ...(ok ? {} : { code: 'ECONNREFUSED' }), ms: 1 });
const trace = (hops: Hop[], proxy?: string): HopTrace => ({ url: 'http://x/lookup/m@v1', hops, ok: false, failedAt: hops.find((h) => !h.ok)?.hop, ...(proxy ? { proxy } : {}) });

describe('toldOffline', () => {
  const own = { GOSUMDB: 'sum.golang.org http://127.0.0.1:9' };
  it.each([
    ['own server on loopback, refused at TCP', own, trace([hop('dns', '127.0.0.1', true), hop('tcp', '127.0.0.1:9', false)]), true],
    ['own server behind an HTTP proxy on localhost that refuses', { GOSUMDB: 'sum.golang.org https://sumdb.corp.example' }, trace([hop('dns', 'localhost', true), hop('tcp', 'localhost:3128', false)], 'http://localhost:3128'), true],
    ['own server on IPv6 loopback', { GOSUMDB: 'sum.golang.org http://[::1]:9' }, trace([hop('dns', '::1', true), hop('tcp', '::1:9', false)]), true],
    ['own server on another host: the offline check does not connect there', { GOSUMDB: 'sum.golang.org https://sumdb.corp.example' }, trace([hop('dns', 'sumdb.corp.example', true), hop('tcp', '10.1.2.3:443', false)]), false],
    ["go's default database: the offline check does not ask it", { GOSUMDB: 'sum.golang.org' }, trace([hop('dns', '127.0.0.1', true), hop('tcp', '127.0.0.1:9', false)]), false],
    ['own server on loopback that answered 410: the online check alone knows', own, { ...trace([hop('dns', '127.0.0.1', true), hop('tcp', '127.0.0.1:9', true), hop('http', 'GET /lookup', false)]), status: 410 }, false],
    ['unset GOSUMDB', {}, trace([hop('dns', '127.0.0.1', true), hop('tcp', '127.0.0.1:9', false)]), false],
  ] as const)('%s', (_what, v, t, want) => {
    expect(toldOffline(v as Record<string, string>, t)).toBe(want);
  });
});
