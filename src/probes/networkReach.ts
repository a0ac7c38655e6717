// Can this machine reach the network at all? Read from the kernel, offline and in a few small file
// reads: the routing tables and interfaces of this network namespace (src/procfs/netRoutes.ts) and
// the resolvers /etc/resolv.conf names. A container run with --network none, a sandbox made with
// `unshare -n`, a laptop with no link: go's download then fails with "dial udp <resolver>:53:
// connect: network is unreachable", which offline read as an unexplained download failure and
// online as a name that "does not resolve (EAI_AGAIN)" (explore3 item 25): the name is fine, the
// resolver cannot be reached.
import type { Evidence } from '../doctor/model.js';
import type { Host } from '../host/host.js';
import { formatIpv4, ipv4RouteFor, ipv6RouteFor, loopbackUp, parseIpv4, parseIpv4Routes, parseIpv6, parseIpv6Routes, parseNetDevInterfaces, usableIpv4, usableIpv6, type Ipv4Route, type Ipv6Route } from '../procfs/netRoutes.js';

export const ROUTE_FILE = '/proc/net/route';
export const ROUTE6_FILE = '/proc/net/ipv6_route';
export const DEV_FILE = '/proc/net/dev';
export const RESOLV_CONF = '/etc/resolv.conf';

/** Pure: the nameserver lines of resolv.conf, in order ("nameserver 10.0.0.53", an IPv6 with %zone). */
export function parseNameservers(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*nameserver\s+(\S+)/.exec(line);
    if (m) out.push(m[1]!);
  }
  return out;
}

export interface NetworkFiles {
  route?: string;
  route6?: string;
  dev?: string;
  resolvConf?: string;
  fibTrie?: string;
  ifInet6?: string;
}

export interface NetworkReach {
  /** A usable default route (IPv4 0.0.0.0/0, or IPv6 ::/0 through a real interface). */
  defaultRoute: boolean;
  /** Usable routes of any kind outside lo. */
  routes: number;
  /** Interfaces besides lo. */
  interfaces: string[];
  /** The resolvers go asks (resolv.conf's, else go's own fallback 127.0.0.1 and ::1), and whether a route reaches each. */
  resolvers: Array<{ address: string; reachable: boolean | undefined; fallback?: true }>;
  /**
   * No default route, and either no route outside lo at all or no resolver reachable: nothing
   * outside this machine can be asked (a local stub resolver on 127.0.0.53 has nowhere to forward).
   */
  noNetwork: boolean;
  /** Every resolver is out of reach: every name lookup fails with "network is unreachable". */
  resolverUnreachable: boolean;
  evidence: Evidence[];
}

/** Pure: a route for an address: a route for IPv4, lo's state for loopback; undefined when not an address. */
export function reachable(address: string, v4: readonly Ipv4Route[], v6: readonly Ipv6Route[], lo: boolean | undefined): boolean | undefined {
  const a4 = parseIpv4(address);
  if (a4 !== undefined) return a4 >>> 24 === 127 ? lo : ipv4RouteFor(v4, a4) !== undefined;
  const a6 = parseIpv6(address);
  if (a6 === undefined) return undefined;
  if (a6 === 1n) return lo;
  // An IPv4-mapped address goes out as IPv4.
  if (a6 >> 32n === 0xffffn) return reachable(formatIpv4(Number(a6 & 0xffffffffn)), v4, v6, lo);
  return ipv6RouteFor(v6, a6) !== undefined;
}

/** Pure: the kernel's view, from the files' texts; undefined when the routing tables could not be read. */
export function assessNetworkReach(files: NetworkFiles): NetworkReach | undefined {
  if (files.route === undefined && files.route6 === undefined) return undefined;
  const v4 = parseIpv4Routes(files.route ?? '');
  const v6 = parseIpv6Routes(files.route6 ?? '');
  const lo = loopbackUp(files.fibTrie, files.ifInet6);
  const u4 = usableIpv4(v4);
  const u6 = usableIpv6(v6);
  const defaultRoute = u4.some((r) => r.destination === 0 && r.mask === 0) || u6.some((r) => r.prefixLength === 0);
  const interfaces = files.dev === undefined ? [] : parseNetDevInterfaces(files.dev).filter((i) => i !== 'lo');
  const named = files.resolvConf === undefined ? undefined : parseNameservers(files.resolvConf);
  // Go's resolver (net/dnsconfig_unix.go) asks 127.0.0.1:53 and [::1]:53 when resolv.conf names none, as glibc does.
  const resolvers = named === undefined ? [] : named.length ? named.map((address) => ({ address, reachable: reachable(address, v4, v6, lo) })) : ['127.0.0.1', '::1'].map((address) => ({ address, reachable: reachable(address, v4, v6, lo), fallback: true as const }));
  const resolverUnreachable = resolvers.length > 0 && resolvers.every((r) => r.reachable === false);
  const evidence: Evidence[] = [
    { source: ROUTE_FILE, excerpt: v4.length ? v4.slice(0, 6).map((r) => r.raw).join('\n') : '(no routes)' },
    { source: ROUTE6_FILE, excerpt: v6.length ? (v6.filter((r) => r.prefixLength === 0).map((r) => r.raw).join('\n') || `(no default route; ${v6.length} other)`) : '(no routes)' },
    ...(files.dev !== undefined ? [{ source: DEV_FILE, excerpt: `interfaces: ${parseNetDevInterfaces(files.dev).join(', ') || '(none)'}` }] : []),
    ...(named !== undefined ? [{ source: RESOLV_CONF, excerpt: named.length ? named.map((n) => `nameserver ${n}`).join('\n') : '(no nameserver line: go asks 127.0.0.1 and ::1)' }] : []),
  ];
  return { defaultRoute, routes: u4.length + u6.length, interfaces, resolvers, noNetwork: !defaultRoute && (resolverUnreachable || u4.length + u6.length === 0), resolverUnreachable, evidence };
}

/** The files, read through the host (a fixture tree in tests): each small, capped, absent ones undefined. */
export async function readNetworkReach(host: Pick<Host, 'readText'>): Promise<NetworkReach | undefined> {
  const cap = 256 * 1024;
  const [route, route6, dev, resolvConf, fibTrie, ifInet6] = await Promise.all([ROUTE_FILE, ROUTE6_FILE, DEV_FILE, RESOLV_CONF, '/proc/net/fib_trie', '/proc/net/if_inet6'].map((p) => host.readText(p, cap)));
  return assessNetworkReach({ route, route6, dev, resolvConf, fibTrie, ifInet6 });
}

/** Pure: the state in words, for a sentence that goes on with what it breaks. */
export function noRouteWords(r: NetworkReach): string {
  const unreached = r.resolvers.filter((x) => x.reachable === false).map((x) => x.address);
  const resolverWords = unreached.length ? `the resolver${unreached.length === 1 ? '' : 's'} ${unreached.join(', ')} ${r.resolvers.some((x) => x.fallback) ? '(go\'s fallback: /etc/resolv.conf names none)' : 'in /etc/resolv.conf'} cannot be reached` : '';
  if (r.noNetwork) {
    const ifaces = r.interfaces.length ? `its interfaces (${r.interfaces.join(', ')}) carry no default route` : 'it has no network interface but lo';
    return `this machine (or this network namespace or container) has no route to the network: ${r.routes ? 'no default route' : 'no route at all'} in /proc/net/route or /proc/net/ipv6_route, ${ifaces}${resolverWords ? `, and ${resolverWords}` : ''}`;
  }
  return `${resolverWords}: no route leads to ${unreached.length === 1 ? 'it' : 'them'} in /proc/net/route or /proc/net/ipv6_route${r.defaultRoute ? ' (there is a default route, so other addresses are reachable)' : ''}`;
}
