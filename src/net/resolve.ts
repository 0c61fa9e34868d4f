/**
 * Name → checked addresses → a socket that can only reach those addresses. The name is resolved
 * once, every address it resolves to is judged (src/net/address.ts), and the connection is made
 * through `pinnedLookup`, which answers node's own lookup with the checked addresses: a DNS
 * server that answers differently a moment later (DNS rebinding) is never asked again.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { classifyAddress, describeRange, type AddressVerdict } from './address.ts';
import { NetError } from './errors.ts';

/** Resolves a host name to IP addresses (injectable: tests answer without DNS). */
export type Lookup = (hostname: string) => Promise<readonly string[]>;

/** The system resolver (getaddrinfo, so /etc/hosts counts), every address, in its order. */
export const systemLookup: Lookup = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/** `localhost` and its subdomains are loopback whatever a resolver says (RFC 6761 §6.3). */
const LOOPBACK_NAME = /(^|\.)localhost\.?$/i;

export const ALLOW_PRIVATE_HINT = 'internal addresses are fetched only with --allow-private or KRONIKA_ALLOW_PRIVATE=1';

export interface ResolveOptions {
  readonly allowPrivate: boolean;
  /** Internal addresses allowed all the same (plain form, as classifyAddress gives it). */
  readonly allowAddresses?: ReadonlySet<string>;
  readonly lookup: Lookup;
  /** The URL named in errors (the one the caller asked for). */
  readonly requested: string;
  /** The URL is a redirect's target, not the one asked for. */
  readonly redirected?: boolean;
}

/** The host of a URL without IPv6 brackets: what DNS and sockets take. */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function refuse(url: URL, options: ResolveOptions, host: string, verdict: AddressVerdict): NetError {
  const range = verdict.blocked!.split(' ')[0]!;
  const what = isIP(host) || host === verdict.address ? `${host} is` : `${host} resolves to ${verdict.address},`;
  const hop = options.redirected ? ` redirect to ${url.href}` : '';
  const detail = verdict.blocked!.includes(' ') ? ` [${verdict.blocked}]` : '';
  return new NetError('blocked-address', options.requested, `refused${hop}: ${what} ${describeRange(range)}${detail}; ${ALLOW_PRIVATE_HINT}`);
}

/**
 * Resolves a URL's host and checks every address. Throws NetError 'blocked-address' when any
 * address is internal (a name that mixes public and internal answers is refused whole), 'dns'
 * when the name does not resolve.
 */
export async function resolveTarget(url: URL, options: ResolveOptions): Promise<readonly AddressVerdict[]> {
  const host = bareHost(url);
  if (!options.allowPrivate && LOOPBACK_NAME.test(host)) {
    throw refuse(url, options, host, { address: host, family: 4, blocked: 'loopback' });
  }
  let addresses: readonly string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await options.lookup(host);
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new NetError('dns', options.requested, `cannot resolve ${host}${code ? ` (${code})` : ''}`);
    }
  }
  const verdicts: AddressVerdict[] = [];
  for (const address of addresses) {
    if (!isIP(address.replace(/%.*$/, ''))) throw new NetError('dns', options.requested, `resolver gave "${address}" for ${host}, not an IP address`);
    verdicts.push(classifyAddress(address));
  }
  if (verdicts.length === 0) throw new NetError('dns', options.requested, `${host} has no addresses`);
  const blocked = verdicts.find((v) => v.blocked && !options.allowAddresses?.has(v.address));
  if (blocked && !options.allowPrivate) throw refuse(url, options, host, blocked);
  return verdicts;
}

/**
 * A `lookup` for node:http / node:https that answers with the checked addresses only. Node calls
 * it with `all: true` when it races IPv4 and IPv6 (autoSelectFamily), else for one address.
 */
export function pinnedLookup(verdicts: readonly AddressVerdict[]): LookupFunction {
  return (_hostname, options, callback) => {
    const family = typeof options === 'object' ? options.family : options;
    const wanted = family === 4 || family === 6 ? verdicts.filter((v) => v.family === family) : verdicts;
    const usable = wanted.length > 0 ? wanted : verdicts;
    if (typeof options === 'object' && options.all) {
      callback(null, usable.map((v) => ({ address: v.address, family: v.family })));
    } else {
      callback(null, usable[0]!.address, usable[0]!.family);
    }
  };
}
