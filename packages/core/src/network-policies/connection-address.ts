import ipaddr from 'ipaddr.js';
import { compilePolicy, policyAllows } from './network-policy.js';

/**
 * The key a client's connections are counted under. IPv4 addresses (also IPv4-mapped IPv6 ones) count
 * alone; an IPv6 address counts with its whole /64, since one holder is usually given a /64 and could
 * otherwise open every connection from another address of it.
 */
export function connectionGroup(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${v6.toString()}/64`).toString()}/64`;
}

/** Whether an address lies in one of these addresses or CIDR ranges; none matches an empty list. */
export function addressMatcher(entries: readonly string[]): (address: string) => boolean {
  if (entries.length === 0) return () => false;
  const ranges = compilePolicy(entries, []);
  return (address) => policyAllows(ranges, address);
}
