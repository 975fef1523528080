import ipaddr from 'ipaddr.js';

/**
 * Network policies (Firebolt): named lists of allowed and blocked IPv4/IPv6 addresses and CIDR ranges.
 * Pure functions; the services load policies and pass the client address.
 */
type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

export interface CompiledPolicy {
  allowed: readonly Range[];
  blocked: readonly Range[];
}

export interface ParsedEntries {
  /** Canonical text of each valid entry: addresses as `a.b.c.d/32` or `…/128`, ranges by their network. */
  entries: string[];
  invalid: string[];
}

/** Client addresses arrive as IPv4-mapped IPv6 (`::ffff:10.0.0.1`) on dual-stack sockets; match them as IPv4. */
function normaliseAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  if (!ipaddr.isValid(address)) return undefined;
  const parsed = ipaddr.parse(address);
  return parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()
    ? (parsed as ipaddr.IPv6).toIPv4Address()
    : parsed;
}

function parseEntry(entry: string): Range | undefined {
  const text = entry.trim();
  if (text.includes('/')) {
    if (!ipaddr.isValidCIDR(text)) return undefined;
    const [address, bits] = ipaddr.parseCIDR(text);
    const mapped = address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96;
    return mapped ? [(address as ipaddr.IPv6).toIPv4Address(), bits - 96] : [address, bits];
  }
  // Only dotted quads and IPv6: ipaddr.js also accepts forms like "10.1" or "0x7f.1", which nobody means.
  const address =
    ipaddr.IPv4.isValidFourPartDecimal(text) || text.includes(':') ? normaliseAddress(text) : undefined;
  return address ? [address, address.kind() === 'ipv4' ? 32 : 128] : undefined;
}

function canonical([address, bits]: Range): string {
  const cidr = `${address.toString()}/${bits}`;
  const network =
    address.kind() === 'ipv4'
      ? ipaddr.IPv4.networkAddressFromCIDR(cidr)
      : ipaddr.IPv6.networkAddressFromCIDR(cidr);
  return `${network.toString()}/${bits}`;
}

/** Validates and normalises a list; every invalid entry is reported so the caller can name them all. */
export function parseEntries(entries: readonly string[]): ParsedEntries {
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const entry of entries) {
    const range = parseEntry(entry);
    if (range) valid.push(canonical(range));
    else invalid.push(entry);
  }
  return { entries: [...new Set(valid)], invalid };
}

export function compilePolicy(allowed: readonly string[], blocked: readonly string[]): CompiledPolicy {
  const compile = (list: readonly string[]) =>
    list.map(parseEntry).filter((r): r is Range => r !== undefined);
  return { allowed: compile(allowed), blocked: compile(blocked) };
}

function inAny(address: ipaddr.IPv4 | ipaddr.IPv6, ranges: readonly Range[]): boolean {
  return ranges.some(
    ([network, bits]) => network.kind() === address.kind() && address.match(network as never, bits),
  );
}

/**
 * One policy's verdict: a blocked match beats an allowed one; an empty allowed list allows every address
 * that is not blocked. An unparseable client address is never allowed.
 */
export function policyAllows(policy: CompiledPolicy, clientAddress: string): boolean {
  const address = normaliseAddress(clientAddress);
  if (!address) return false;
  if (inAny(address, policy.blocked)) return false;
  return policy.allowed.length === 0 || inAny(address, policy.allowed);
}

export type NetworkVerdict = { allowed: true } | { allowed: false; decidedBy: 'organization' | 'principal' };

/**
 * Across levels, Firebolt's order: the organization's policy first; if there is none, or it does not
 * allow the address, the login's or service account's own policy decides. No policy anywhere allows all.
 */
export function networkVerdict(
  organization: CompiledPolicy | undefined,
  principal: CompiledPolicy | undefined,
  clientAddress: string,
): NetworkVerdict {
  if (organization && policyAllows(organization, clientAddress)) return { allowed: true };
  if (principal)
    return policyAllows(principal, clientAddress)
      ? { allowed: true }
      : { allowed: false, decidedBy: 'principal' };
  return organization ? { allowed: false, decidedBy: 'organization' } : { allowed: true };
}
