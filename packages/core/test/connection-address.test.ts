import { describe, expect, it } from 'vitest';
import { addressMatcher, connectionGroup } from '../src/network-policies/connection-address.js';

describe('connection groups', () => {
  it('counts an IPv4 address alone, also when it arrives IPv4-mapped', () => {
    expect(connectionGroup('203.0.113.7')).toBe('203.0.113.7');
    expect(connectionGroup('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts every IPv6 address of a /64 together', () => {
    expect(connectionGroup('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(connectionGroup('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(connectionGroup('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
  });

  it('matches addresses against trusted proxies, and nothing against none', () => {
    const trusted = addressMatcher(['10.0.0.0/8', '2001:db8::1']);
    expect(trusted('10.1.2.3')).toBe(true);
    expect(trusted('::ffff:10.1.2.3')).toBe(true);
    expect(trusted('2001:db8::1')).toBe(true);
    expect(trusted('11.0.0.1')).toBe(false);
    expect(addressMatcher([])('10.1.2.3')).toBe(false);
  });
});
