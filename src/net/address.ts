/**
 * Which IP addresses Kronika refuses to connect to unless told otherwise: everything that is not
 * ordinary public unicast (ipaddr.js names the ranges). IPv6 forms that carry an IPv4 address
 * (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged
 * by the IPv4 address inside, so no notation slips a loopback or private target through.
 * Host names are judged by what they resolve to (src/net/resolve.ts), never by their spelling.
 */
import ipaddr from 'ipaddr.js';

/** Range names ipaddr.js gives, shown in refusals ("127.0.0.1 is loopback"). Only `unicast` is public. */
const PUBLIC = 'unicast';

/** The IPv4 address an IPv6 address carries, when it is one of the embedding forms. */
function embeddedIpv4(address: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const parts = address.parts;
  const range = address.range();
  const fromWords = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  if (range === 'ipv4Mapped') return address.toIPv4Address();
  // NAT64 (RFC 6052 well-known prefix): the last 32 bits.
  if (range === 'rfc6052' && parts[0] === 0x64 && parts[1] === 0xff9b && parts[2] === 0) return fromWords(parts[6]!, parts[7]!);
  // 6to4 (RFC 3056): bits 16–47.
  if (range === '6to4') return fromWords(parts[1]!, parts[2]!);
  // IPv4-compatible (deprecated, RFC 4291 §2.5.5.1): ::a.b.c.d, the top 96 bits zero. `::` and `::1` are not.
  if (parts.slice(0, 6).every((p) => p === 0) && (parts[6] !== 0 || parts[7]! > 1)) return fromWords(parts[6]!, parts[7]!);
  return undefined;
}

export interface AddressVerdict {
  /** The address in its plain form (IPv4 dotted quad for an IPv4-mapped one). */
  readonly address: string;
  /** 4 or 6: the family to connect with. */
  readonly family: 4 | 6;
  /** Why it is refused ("loopback", "private", "linkLocal", …); undefined for a public address. */
  readonly blocked?: string;
}

/**
 * Classifies one IP address (no brackets). Throws on a string that is not an IP address.
 * @example classifyAddress('::ffff:127.0.0.1') // → { address: '127.0.0.1', family: 4, blocked: 'loopback' }
 */
export function classifyAddress(ip: string): AddressVerdict {
  const parsed = ipaddr.parse(ip.replace(/%.*$/, ''));
  if (parsed.kind() === 'ipv4') {
    const range = parsed.range();
    return { address: parsed.toString(), family: 4, ...(range !== PUBLIC && { blocked: range }) };
  }
  const v6 = parsed as ipaddr.IPv6;
  const inner = embeddedIpv4(v6);
  if (v6.range() === 'ipv4Mapped' && inner) {
    const range = inner.range();
    return { address: inner.toString(), family: 4, ...(range !== PUBLIC && { blocked: range }) };
  }
  const range = v6.range();
  const embedding = range === 'rfc6052' || range === '6to4' || (range === PUBLIC && inner !== undefined);
  const innerRange = inner?.range();
  const blocked = !embedding ? (range === PUBLIC ? undefined : range)
    : innerRange === undefined ? range // 64:ff9b:1::/48 is for local translators only
    : innerRange !== PUBLIC ? `${range === PUBLIC ? 'ipv4Compatible' : range} ${inner} (${innerRange})`
    : undefined;
  return { address: v6.toString(), family: 6, ...(blocked && { blocked }) };
}

/** A one-word-ish reading of an ipaddr.js range name for error messages. */
export function describeRange(range: string): string {
  const words: Record<string, string> = {
    loopback: 'a loopback address', private: 'a private-network address', linkLocal: 'a link-local address (cloud metadata lives here)',
    carrierGradeNat: 'a carrier-grade NAT address', multicast: 'a multicast address', uniqueLocal: 'a unique-local (private) IPv6 address',
    unspecified: 'the unspecified address', broadcast: 'the broadcast address', reserved: 'a reserved address',
  };
  return words[range] ?? `a non-public address (${range})`;
}
