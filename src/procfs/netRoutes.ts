// The kernel's routing tables and interfaces as this process's network namespace sees them:
// /proc/net/route (IPv4 main table), /proc/net/ipv6_route, /proc/net/dev. "connect: network is
// unreachable" (ENETUNREACH) is the kernel finding no route for the destination, which these
// files show without sending a packet. In a namespace made by `unshare -n` or a container run with
// --network none, /proc/net/route is empty (not even its header), ipv6_route holds only the
// loopback's reject routes, and dev lists only lo. Pure parsers, addresses as numbers.

/** linux/route.h */
export const RTF_UP = 0x0001;
export const RTF_GATEWAY = 0x0002;
export const RTF_REJECT = 0x0200;

export interface Ipv4Route {
  iface: string;
  /** Host byte order: 10.0.0.0 is 0x0a000000. */
  destination: number;
  gateway: number;
  flags: number;
  mask: number;
  metric: number;
  raw: string;
}

export interface Ipv6Route {
  iface: string;
  destination: bigint;
  prefixLength: number;
  nextHop: bigint;
  flags: number;
  metric: number;
  raw: string;
}

/** /proc/net/route writes each address as the little-endian 32-bit word in hex: 010200C0 is 192.0.2.1. */
function leHexToIpv4(hex: string): number {
  const n = parseInt(hex, 16);
  return (((n & 0xff) << 24) | (((n >>> 8) & 0xff) << 16) | (((n >>> 16) & 0xff) << 8) | ((n >>> 24) & 0xff)) >>> 0;
}

/** Pure: /proc/net/route. The header and lines that do not parse are skipped. */
export function parseIpv4Routes(text: string): Ipv4Route[] {
  const out: Ipv4Route[] = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 8 || !/^[0-9A-Fa-f]{8}$/.test(f[1]!) || !/^[0-9A-Fa-f]{8}$/.test(f[7]!)) continue;
    out.push({ iface: f[0]!, destination: leHexToIpv4(f[1]!), gateway: leHexToIpv4(f[2]!), flags: parseInt(f[3]!, 16), mask: leHexToIpv4(f[7]!), metric: Number(f[6]), raw: line.trim().replace(/\s+/g, ' ') });
  }
  return out;
}

/** Pure: /proc/net/ipv6_route: dest plen src splen nexthop metric refcnt use flags iface, hex. */
export function parseIpv6Routes(text: string): Ipv6Route[] {
  const out: Ipv6Route[] = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10 || !/^[0-9a-fA-F]{32}$/.test(f[0]!) || !/^[0-9a-fA-F]{32}$/.test(f[4]!)) continue;
    out.push({ iface: f[9]!, destination: BigInt(`0x${f[0]}`), prefixLength: parseInt(f[1]!, 16), nextHop: BigInt(`0x${f[4]}`), flags: parseInt(f[8]!, 16), metric: parseInt(f[5]!, 16), raw: line.trim().replace(/\s+/g, ' ') });
  }
  return out;
}

/** Pure: the interface names /proc/net/dev lists ("  eth0: 413044552 …"). */
export function parseNetDevInterfaces(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*([^\s:|]+):/.exec(line);
    if (m) out.push(m[1]!);
  }
  return out;
}

/** A route a packet can take: up and not a reject ("unreachable") route. */
const usable = (flags: number) => (flags & RTF_UP) !== 0 && (flags & RTF_REJECT) === 0;

export function usableIpv4(routes: readonly Ipv4Route[]): Ipv4Route[] {
  return routes.filter((r) => usable(r.flags));
}

/** IPv6 routes through a real interface (lo's are its own address and the reject routes). */
export function usableIpv6(routes: readonly Ipv6Route[]): Ipv6Route[] {
  return routes.filter((r) => usable(r.flags) && r.iface !== 'lo');
}

/** Pure: a usable IPv4 route covering `ip` (host byte order), the most specific first. */
export function ipv4RouteFor(routes: readonly Ipv4Route[], ip: number): Ipv4Route | undefined {
  return usableIpv4(routes)
    .filter((r) => ((ip & r.mask) >>> 0) === ((r.destination & r.mask) >>> 0))
    .sort((a, b) => popcount(b.mask) - popcount(a.mask))[0];
}

/** Pure: a usable IPv6 route covering `ip`, the most specific first. */
export function ipv6RouteFor(routes: readonly Ipv6Route[], ip: bigint): Ipv6Route | undefined {
  return usableIpv6(routes)
    .filter((r) => r.prefixLength === 0 || ip >> BigInt(128 - r.prefixLength) === r.destination >> BigInt(128 - r.prefixLength))
    .sort((a, b) => b.prefixLength - a.prefixLength)[0];
}

function popcount(n: number): number {
  let c = 0;
  for (let x = n >>> 0; x; x >>>= 1) c += x & 1;
  return c;
}

/** Pure: "192.0.2.1" → host-order number, or undefined. */
export function parseIpv4(s: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  const b = m.slice(1).map(Number);
  if (b.some((x) => x > 255)) return undefined;
  return ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
}

/** Pure: an IPv6 address in any textual form ("::1", "fd00::2", "fe80::1%eth0") → 128-bit number, or undefined. */
export function parseIpv6(s: string): bigint | undefined {
  let addr = s.replace(/%.*$/, '');
  // A dotted IPv4 tail ("::ffff:10.0.0.1") is the last two groups.
  const tail4 = /:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(addr);
  if (tail4) {
    const n = parseIpv4(tail4[1]!);
    if (n === undefined) return undefined;
    addr = `${addr.slice(0, tail4.index + 1)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  if (!/^[0-9a-fA-F:]+$/.test(addr) || !addr.includes(':')) return undefined;
  const halves = addr.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const fill = 8 - head.length - tail.length;
  if ((halves.length === 1 && fill !== 0) || fill < 0) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? fill : 0).fill('0'), ...tail];
  if (groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** Pure: a host-order IPv4 number as dotted text. */
export function formatIpv4(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 0xff).join('.');
}

/**
 * Pure: whether the loopback interface carries its addresses (it is up): /proc/net/fib_trie lists
 * 127.0.0.1 as a LOCAL host route, /proc/net/if_inet6 lists ::1 on lo. A namespace fresh from
 * `unshare -n` has lo down and both files empty. Undefined when neither file could be read.
 */
export function loopbackUp(fibTrie: string | undefined, ifInet6: string | undefined): boolean | undefined {
  if (fibTrie === undefined && ifInet6 === undefined) return undefined;
  return /\|-- 127\.0\.0\.1\s*\n\s*\/32 host LOCAL/.test(fibTrie ?? '') || /^0{31}1 .*\blo\s*$/m.test(ifInet6 ?? '');
}
