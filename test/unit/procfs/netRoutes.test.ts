// The routing tables' parsers and the reach verdict, on texts copied from this VM (Linux, one eth0
// behind 192.0.2.1, resolver 10.255.255.53) and from `unshare -n cat /proc/net/…` on it (a fresh
// network namespace: /proc/net/route empty, not even its header; ipv6_route only lo's reject route;
// dev only lo, down; fib_trie and if_inet6 empty), plus variations: a laptop without link, a
// resolver off the routes, IPv6 only, a local stub resolver.
import { describe, expect, it } from 'vitest';
import { ipv4RouteFor, ipv6RouteFor, loopbackUp, parseIpv4, parseIpv4Routes, parseIpv6, parseIpv6Routes, parseNetDevInterfaces, formatIpv4 } from '../../../src/procfs/netRoutes.js';
import { assessNetworkReach, noRouteWords, parseNameservers, type NetworkFiles } from '../../../src/probes/networkReach.js';

const HOST_ROUTE = [
  'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT                                                       ',
  'eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0                                                                               ',
  'eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0                                                                               ',
  '',
].join('\n');
const HOST_ROUTE6 = [
  'fd000000000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000001 00000000 00000001     eth0',
  'fe800000000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000002 00000000 00000001     eth0',
  '00000000000000000000000000000000 00 00000000000000000000000000000000 00 fd000000000000000000000000000001 00000400 00000002 00000000 00000003     eth0',
  '00000000000000000000000000000001 80 00000000000000000000000000000000 00 00000000000000000000000000000000 00000000 00000002 00000000 80200001       lo',
  'fd000000000000000000000000000002 80 00000000000000000000000000000000 00 00000000000000000000000000000000 00000000 00000003 00000000 80200001     eth0',
  'ff000000000000000000000000000000 08 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000003 00000000 00000001     eth0',
  '00000000000000000000000000000000 00 00000000000000000000000000000000 00 00000000000000000000000000000000 ffffffff 00000001 00000000 00200200       lo',
  '',
].join('\n');
const HOST_DEV = [
  'Inter-|   Receive                                                |  Transmit',
  ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed',
  '    lo:  575486    1528    0    0    0     0          0         0   575486    1528    0    0    0     0       0          0',
  '  ifb0:       0       0    0    0    0     0          0         0        0       0    0    0    0     0       0          0',
  '  eth0: 413044552   26348    0    0    0     0          0         0  2792186   24747    0    0    0     0       0          0',
  '',
].join('\n');
const HOST_FIB = 'Local:\n  +-- 0.0.0.0/0 3 0 5\n     +-- 127.0.0.0/8 2 0 2\n        +-- 127.0.0.0/31 1 0 0\n           |-- 127.0.0.0\n              /8 host LOCAL\n           |-- 127.0.0.1\n              /32 host LOCAL\n';
const HOST_IF6 = '00000000000000000000000000000001 01 80 10 80       lo\nfd000000000000000000000000000002 04 40 00 82     eth0\n';
const NETNS_ROUTE = '';
const NETNS_ROUTE6 = '00000000000000000000000000000000 00 00000000000000000000000000000000 00 00000000000000000000000000000000 ffffffff 00000001 00000000 00200200       lo\n';
const NETNS_DEV = 'Inter-|   Receive                                                |  Transmit\n face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n    lo:       0       0    0    0    0     0          0         0        0       0    0    0    0     0       0          0\n';
const RESOLV = '# Generated\nnameserver 10.255.255.53\n';

describe('parsers', () => {
  it('IPv4 routes: little-endian hex to addresses, the header skipped', () => {
    const r = parseIpv4Routes(HOST_ROUTE);
    expect(r.map((x) => [x.iface, formatIpv4(x.destination), formatIpv4(x.gateway), x.flags, formatIpv4(x.mask)])).toEqual([
      ['eth0', '0.0.0.0', '192.0.2.1', 3, '0.0.0.0'],
      ['eth0', '192.0.2.0', '0.0.0.0', 1, '255.255.255.0'],
    ]);
    expect(parseIpv4Routes(NETNS_ROUTE)).toEqual([]);
    expect(parseIpv4Routes('Iface\tDestination\tGateway\n')).toEqual([]);
  });
  it('IPv6 routes: prefix length, flags and interface', () => {
    const r = parseIpv6Routes(HOST_ROUTE6);
    expect(r).toHaveLength(7);
    expect(r[2]).toMatchObject({ iface: 'eth0', destination: 0n, prefixLength: 0, nextHop: parseIpv6('fd00::1'), flags: 3 });
    expect(parseIpv6Routes(NETNS_ROUTE6)).toEqual([expect.objectContaining({ iface: 'lo', prefixLength: 0, flags: 0x200200 })]);
  });
  it('interfaces from /proc/net/dev', () => {
    expect(parseNetDevInterfaces(HOST_DEV)).toEqual(['lo', 'ifb0', 'eth0']);
    expect(parseNetDevInterfaces(NETNS_DEV)).toEqual(['lo']);
  });
  it.each([
    ['nameserver 10.255.255.53\n', ['10.255.255.53']],
    ['# c\nsearch example.com\nnameserver 127.0.0.53\noptions edns0\n', ['127.0.0.53']],
    ['nameserver 1.1.1.1\nnameserver 2606:4700:4700::1111\n  nameserver fe80::1%eth0\n', ['1.1.1.1', '2606:4700:4700::1111', 'fe80::1%eth0']],
    ['', []],
  ])('nameservers of %j', (text, want) => expect(parseNameservers(text)).toEqual(want));
  it.each([
    ['::1', 1n],
    ['fd00::2', 0xfd00n << 112n | 2n],
    ['fe80::1%eth0', 0xfe80n << 112n | 1n],
    ['::ffff:10.0.0.1', 0xffffn << 32n | 0x0a000001n],
    ['1:2:3:4:5:6:7:8', 0x00010002000300040005000600070008n],
    ['1::2::3', undefined],
    ['10.0.0.1', undefined],
  ])('parseIpv6(%s)', (s, want) => expect(parseIpv6(s)).toBe(want));
  it('route lookup: the most specific usable route, reject routes never', () => {
    const v4 = parseIpv4Routes(HOST_ROUTE);
    expect(ipv4RouteFor(v4, parseIpv4('192.0.2.77')!)?.mask).toBe(0xffffff00);
    expect(ipv4RouteFor(v4, parseIpv4('10.255.255.53')!)?.gateway).toBe(parseIpv4('192.0.2.1'));
    expect(ipv6RouteFor(parseIpv6Routes(HOST_ROUTE6), parseIpv6('2606:4700::1')!)?.prefixLength).toBe(0);
    expect(ipv6RouteFor(parseIpv6Routes(NETNS_ROUTE6), parseIpv6('2606:4700::1')!)).toBeUndefined();
  });
  it('loopback up: from fib_trie or if_inet6; a fresh namespace has neither', () => {
    expect(loopbackUp(HOST_FIB, HOST_IF6)).toBe(true);
    expect(loopbackUp(HOST_FIB, '')).toBe(true);
    expect(loopbackUp('', HOST_IF6)).toBe(true);
    expect(loopbackUp('', '')).toBe(false);
    expect(loopbackUp(undefined, undefined)).toBeUndefined();
  });
});

describe('assessNetworkReach', () => {
  const host: NetworkFiles = { route: HOST_ROUTE, route6: HOST_ROUTE6, dev: HOST_DEV, resolvConf: RESOLV, fibTrie: HOST_FIB, ifInet6: HOST_IF6 };
  const netns: NetworkFiles = { route: NETNS_ROUTE, route6: NETNS_ROUTE6, dev: NETNS_DEV, resolvConf: RESOLV, fibTrie: '', ifInet6: '' };
  it('this VM: a default route, the resolver reachable', () => {
    expect(assessNetworkReach(host)).toMatchObject({ defaultRoute: true, noNetwork: false, resolverUnreachable: false, interfaces: ['ifb0', 'eth0'], resolvers: [{ address: '10.255.255.53', reachable: true }] });
  });
  it('unshare -n: no network, the resolver out of reach, in words', () => {
    const r = assessNetworkReach(netns)!;
    expect(r).toMatchObject({ defaultRoute: false, routes: 0, noNetwork: true, resolverUnreachable: true, interfaces: [], resolvers: [{ address: '10.255.255.53', reachable: false }] });
    expect(noRouteWords(r)).toBe('this machine (or this network namespace or container) has no route to the network: no route at all in /proc/net/route or /proc/net/ipv6_route, it has no network interface but lo, and the resolver 10.255.255.53 in /etc/resolv.conf cannot be reached');
    expect(r.evidence.map((e) => e.excerpt)).toEqual(['(no routes)', NETNS_ROUTE6.trim().replace(/\s+/g, ' '), 'interfaces: lo', 'nameserver 10.255.255.53']);
  });
  it('a laptop without link: eth0 listed, no route, a local stub resolver that is up: no network', () => {
    const r = assessNetworkReach({ ...netns, dev: HOST_DEV, resolvConf: 'nameserver 127.0.0.53\n', fibTrie: HOST_FIB, ifInet6: HOST_IF6 })!;
    expect(r).toMatchObject({ noNetwork: true, resolverUnreachable: false, resolvers: [{ address: '127.0.0.53', reachable: true }] });
    expect(noRouteWords(r)).toMatch(/no route at all .* its interfaces \(ifb0, eth0\) carry no default route$/);
  });
  it('a default route, but the resolver on a network no route leads to', () => {
    const route = HOST_ROUTE.split('\n').filter((l) => !/^eth0\t00000000/.test(l)).join('\n') + 'eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0\n';
    const r = assessNetworkReach({ ...host, route: route.replace(/eth0\t00000000\t010200C0\t0003/, 'eth0\t00000000\t010200C0\t0203') })!;
    // The IPv4 default is a reject route now; IPv6 has its default: the resolver (IPv4) has none.
    expect(r).toMatchObject({ defaultRoute: true, noNetwork: false, resolverUnreachable: true });
    expect(noRouteWords(r)).toMatch(/^the resolver 10\.255\.255\.53 in \/etc\/resolv\.conf cannot be reached: no route leads to it .*there is a default route/);
  });
  it('IPv6 only: the IPv6 default is enough, an IPv6 resolver reached', () => {
    const r = assessNetworkReach({ ...host, route: '', resolvConf: 'nameserver fd00::1\n' })!;
    expect(r).toMatchObject({ defaultRoute: true, noNetwork: false, resolverUnreachable: false });
  });
  it("no nameserver line: go's fallback 127.0.0.1 and ::1, out of reach with lo down", () => {
    const r = assessNetworkReach({ ...netns, resolvConf: 'search example.com\n' })!;
    expect(r.resolvers).toEqual([{ address: '127.0.0.1', reachable: false, fallback: true }, { address: '::1', reachable: false, fallback: true }]);
    expect(r.noNetwork).toBe(true);
  });
  it('routing tables unreadable: no verdict', () => expect(assessNetworkReach({ dev: HOST_DEV, resolvConf: RESOLV })).toBeUndefined());
});
