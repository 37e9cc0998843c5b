/**
 * Which IP addresses crosscheck refuses to connect to, so that a URL handed to it (by a user, a feed or a
 * redirect) cannot reach the machine it runs on or its private network (server-side request forgery).
 *
 * Ranges are checked with Node's `net.BlockList`, which also matches IPv4-mapped IPv6 addresses
 * (`::ffff:127.0.0.1`) against IPv4 ranges. IPv4 addresses embedded in NAT64 (`64:ff9b::/96`) and 6to4
 * (`2002::/16`) addresses reach the same IPv4 hosts, so every IPv4 range is blocked inside those prefixes too.
 * @packageDocumentation
 */
import { BlockList, isIP } from 'node:net';

/** A blocked range and why it is blocked. */
interface BlockedRange {
  network: string;
  prefix: number;
  kind: string;
}

/** IPv4 ranges no public web server lives in (RFC 6890 special-purpose registry). */
const IPV4_RANGES: readonly BlockedRange[] = [
  { network: '0.0.0.0', prefix: 8, kind: 'unspecified' },
  { network: '10.0.0.0', prefix: 8, kind: 'private' },
  { network: '100.64.0.0', prefix: 10, kind: 'carrier-grade NAT' },
  { network: '127.0.0.0', prefix: 8, kind: 'loopback' },
  { network: '169.254.0.0', prefix: 16, kind: 'link-local' },
  { network: '172.16.0.0', prefix: 12, kind: 'private' },
  { network: '192.0.0.0', prefix: 24, kind: 'IETF protocol assignment' },
  { network: '192.0.2.0', prefix: 24, kind: 'documentation' },
  { network: '192.88.99.0', prefix: 24, kind: '6to4 relay' },
  { network: '192.168.0.0', prefix: 16, kind: 'private' },
  { network: '198.18.0.0', prefix: 15, kind: 'benchmarking' },
  { network: '198.51.100.0', prefix: 24, kind: 'documentation' },
  { network: '203.0.113.0', prefix: 24, kind: 'documentation' },
  { network: '224.0.0.0', prefix: 4, kind: 'multicast' },
  { network: '240.0.0.0', prefix: 4, kind: 'reserved' },
];

const IPV6_RANGES: readonly BlockedRange[] = [
  { network: '::', prefix: 128, kind: 'unspecified' },
  { network: '::1', prefix: 128, kind: 'loopback' },
  { network: '100::', prefix: 64, kind: 'discard' },
  { network: '2001:db8::', prefix: 32, kind: 'documentation' },
  { network: 'fc00::', prefix: 7, kind: 'private (unique local)' },
  { network: 'fe80::', prefix: 10, kind: 'link-local' },
  { network: 'fec0::', prefix: 10, kind: 'site-local' },
  { network: 'ff00::', prefix: 8, kind: 'multicast' },
];

/** Prefixes that embed an IPv4 address, with the bit position where it starts. */
const IPV4_EMBEDDING: readonly { prefix: (ipv4: string) => string; offset: number; name: string }[] = [
  { prefix: (ipv4) => `::ffff:${ipv4}`, offset: 96, name: 'IPv4-mapped' },
  { prefix: (ipv4) => `64:ff9b::${ipv4}`, offset: 96, name: 'NAT64' },
  { prefix: (ipv4) => `2002:${sixToFourGroups(ipv4)}::`, offset: 16, name: '6to4' },
];

const rules: { list: BlockList; kind: string }[] = [];
for (const range of IPV4_RANGES) {
  const list = new BlockList();
  list.addSubnet(range.network, range.prefix, 'ipv4');
  for (const embedding of IPV4_EMBEDDING) {
    list.addSubnet(embedding.prefix(range.network), embedding.offset + range.prefix, 'ipv6');
  }
  rules.push({ list, kind: range.kind });
}
for (const range of IPV6_RANGES) {
  const list = new BlockList();
  list.addSubnet(range.network, range.prefix, 'ipv6');
  rules.push({ list, kind: range.kind });
}

/**
 * Why an IP address may not be connected to, or `undefined` when it may.
 * @param address - an IPv4 or IPv6 address (IPv6 without brackets; a zone id such as `%eth0` is ignored)
 * @returns the kind of range it falls in (`loopback`, `private`, `link-local`, …); `not an IP address` for text
 *   that is no address at all, which is refused too
 */
export function blockedAddressKind(address: string): string | undefined {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 0) return 'not an IP address';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const rule of rules) {
    if (rule.list.check(bare, type)) return rule.kind;
  }
  return undefined;
}

/** `192.0.2.1` → `c000:0201`, the two 16-bit groups of a 6to4 prefix. */
function sixToFourGroups(ipv4: string): string {
  const octets = ipv4.split('.').map((octet) => Number(octet).toString(16).padStart(2, '0'));
  return `${octets[0]}${octets[1]}:${octets[2]}${octets[3]}`;
}
