// A download blocked by the kernel's routes, in words: the online check's DNS and TCP hops told
// apart by the routes read offline (a resolver out of reach is not a bad name), and which GOPROXY
// host the offline probe names as cut off. Reach values come from assessNetworkReach on texts
// copied from this VM and from `unshare -n` (test/unit/procfs/netRoutes.test.ts).
import { describe, expect, it } from 'vitest';
import { unreachedWords } from '../../../src/probes/askAsGo.js';
import { viaWords, networkCut } from '../../../src/probes/moduleDownloads.js';
import { assessNetworkReach } from '../../../src/probes/networkReach.js';
import type { HopTrace } from '../../../src/host/httpHops.js';

const NETNS = assessNetworkReach({ route: '', route6: '00000000000000000000000000000000 00 00000000000000000000000000000000 00 00000000000000000000000000000000 ffffffff 00000001 00000000 00200200       lo\n', dev: '    lo:       0       0    0    0    0     0          0         0        0       0    0    0    0     0       0          0\n', resolvConf: 'nameserver 10.255.255.53\n', fibTrie: '', ifInet6: '' })!;
const ONLINE = assessNetworkReach({ route: 'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\neth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0\neth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n', route6: '', dev: '  eth0: 1 1 0 0 0 0 0 0 1 1 0 0 0 0 0 0\n', resolvConf: 'nameserver 10.255.255.53\n' })!;
// A default route, but the resolver (on a 172.16/12 network no route leads to) is out of reach: only a 192.0.2/24 route and an IPv6 default.
const RESOLVER_CUT = assessNetworkReach({ route: 'eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n', route6: '00000000000000000000000000000000 00 00000000000000000000000000000000 00 fd000000000000000000000000000001 00000400 00000002 00000000 00000003     eth0\n', dev: '  eth0: 1 1 0 0 0 0 0 0 1 1 0 0 0 0 0 0\n', resolvConf: 'nameserver 172.16.0.53\n' })!;

const dnsFail = (code: string, proxy?: string): HopTrace => ({ url: 'https://proxy.golang.org/golang.org/x/sync/@v/list', ...(proxy ? { proxy } : {}), ok: false, failedAt: 'dns', hops: [{ hop: 'dns', target: 'proxy.golang.org', ok: false, code, detail: `${code}: getaddrinfo ${code} proxy.golang.org`, ms: 3 }] });
const tcpFail = (code: string): HopTrace => ({ url: 'https://203.0.113.9/x/@v/list', ok: false, failedAt: 'tcp', hops: [{ hop: 'tcp', target: '203.0.113.9:443', ok: false, code, detail: code, ms: 1 }] });

describe('unreachedWords: the lookup that failed, with the kernel\'s routes', () => {
  it.each([
    ['EAI_AGAIN, no network at all (the tester\'s unshare -n)', dnsFail('EAI_AGAIN'), NETNS, /^the name proxy\.golang\.org cannot be looked up \(EAI_AGAIN\), because this machine \(or this network namespace or container\) has no route to the network: .*the resolver 10\.255\.255\.53 in \/etc\/resolv\.conf cannot be reached \(go says "connect: network is unreachable"\)$/],
    ['EAI_AGAIN, a resolver no route leads to', dnsFail('EAI_AGAIN'), RESOLVER_CUT, /cannot be looked up \(EAI_AGAIN\), because the resolver 172\.16\.0\.53 in \/etc\/resolv\.conf cannot be reached: no route leads to it/],
    ['EAI_AGAIN with routes and a reachable resolver: no answer, the name may be fine', dnsFail('EAI_AGAIN'), ONLINE, /^the lookup of proxy\.golang\.org got no answer \(EAI_AGAIN: the resolver timed out or failed; the name itself may be fine\)$/],
    ['EAI_AGAIN, routes unknown', dnsFail('EAI_AGAIN'), undefined, /got no answer \(EAI_AGAIN/],
    ['ENOTFOUND: an answer, no such name', dnsFail('ENOTFOUND'), ONLINE, /^the name proxy\.golang\.org does not exist \(ENOTFOUND: the resolver answered that there is no such name\)/],
    // A cached negative answer can come without a network; the code still says "no such name".
    ['ENOTFOUND even without routes', dnsFail('ENOTFOUND'), NETNS, /does not exist \(ENOTFOUND/],
    ['another code', dnsFail('ESERVFAIL'), ONLINE, /^the name proxy\.golang\.org does not resolve \(ESERVFAIL\)$/],
    ['TCP ENETUNREACH', tcpFail('ENETUNREACH'), NETNS, /^the server at 203\.0\.113\.9:443 cannot be reached: no route to it \(ENETUNREACH; this machine .*has no route to the network/],
    ['TCP refused', tcpFail('ECONNREFUSED'), ONLINE, /^the server at 203\.0\.113\.9:443 refuses connections$/],
  ])('%s', (_what, trace, reach, want) => expect(unreachedWords(trace, reach)).toMatch(want));
});

describe('networkCut: the host go cannot reach, offline', () => {
  it.each([
    ['no network: the proxy host', 'https://proxy.golang.org', {}, NETNS, 'proxy.golang.org'],
    ['no network: the HTTP proxy go goes through', 'https://proxy.golang.org', { HTTPS_PROXY: 'http://squid.corp.example:3128' }, NETNS, 'squid.corp.example'],
    ['no network: an address, no lookup needed, still no route', 'https://203.0.113.9/', {}, NETNS, '203.0.113.9'],
    ['a proxy on this machine: not the routes\' to judge', 'http://127.0.0.1:3000', {}, NETNS, undefined],
    ['the resolver cut, a name: cut', 'https://goproxy.corp.example', {}, RESOLVER_CUT, 'goproxy.corp.example'],
    ['the resolver cut, an address: the default route may reach it', 'https://203.0.113.9/', {}, RESOLVER_CUT, undefined],
    ['online', 'https://proxy.golang.org', {}, ONLINE, undefined],
    ['routes unknown', 'https://proxy.golang.org', {}, undefined, undefined],
  ])('%s', (_what, url, env, reach, want) => expect(networkCut(url, env, reach)).toBe(want));
});

// The offline note names the HTTP proxy in front of GOPROXY, as go's net/http picks it.
describe('viaWords', () => {
  it.each([
    ['https://proxy.golang.org', { https_proxy: 'http://127.0.0.1:3128' }, ', through the HTTP proxy http://127.0.0.1:3128 (https_proxy)'],
    ['https://goproxy.corp.example', { HTTPS_PROXY: 'http://proxy.corp:8080', https_proxy: 'http://other:1' }, ', through the HTTP proxy http://proxy.corp:8080 (HTTPS_PROXY)'],
    ['https://proxy.golang.org', { HTTPS_PROXY: 'http://proxy.corp:8080', NO_PROXY: '.golang.org' }, ''],
    ['http://127.0.0.1:3000', { HTTP_PROXY: 'http://proxy.corp:8080' }, ''],
    ['http://goproxy.lan', { HTTPS_PROXY: 'http://proxy.corp:8080' }, ''],
    ['https://proxy.golang.org', {}, ''],
  ])('%s with %j', (url, env, want) => {
    expect(viaWords(url, env)).toBe(want);
  });
});
