import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clientSecretPrefix,
  displayPrefixOf,
  generateClientSecret,
  isWellFormedClientSecret,
  looksLikeClientSecret,
} from '../src/secrets/secret-format.js';
import { propertyRuns } from './support/property-runs.js';

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

describe('client secret format', () => {
  it('generates prefixed 53-character secrets that pass their own checksum', () => {
    for (let i = 0; i < 200; i++) {
      const secret = generateClientSecret();
      expect(secret).toMatch(/^pcs_[0-9A-Za-z]{49}$/);
      expect(isWellFormedClientSecret(secret)).toBe(true);
    }
  });

  it('keeps accepting secrets issued before: the checksum is the first 32 bits of SHA-256 in base62', () => {
    // Computed independently (Python's hashlib) from the format in docs/decisions/0002-secret-format.md.
    expect(isWellFormedClientSecret('pcs_Portcullis0000000000000000000000000000000zZ1soKeo')).toBe(true);
    expect(isWellFormedClientSecret('pcs_Portcullis0000000000000000000000000000000zZ1soKeO')).toBe(false);
  });

  it('never repeats a secret', () => {
    const seen = new Set(Array.from({ length: 5000 }, generateClientSecret));
    expect(seen.size).toBe(5000);
  });

  it('rejects any single-character change through the checksum', () => {
    const secret = generateClientSecret();
    fc.assert(
      fc.property(
        fc.integer({ min: clientSecretPrefix.length, max: secret.length - 1 }),
        fc.constantFrom(...base62),
        (position, replacement) => {
          fc.pre(secret[position] !== replacement);
          const mutated = secret.slice(0, position) + replacement + secret.slice(position + 1);
          // A 32-bit checksum lets about one in four billion changes through; none in this run.
          expect(isWellFormedClientSecret(mutated)).toBe(false);
        },
      ),
      { numRuns: propertyRuns(2 / 25) },
    );
  });

  it('rejects truncated, extended, re-prefixed and non-base62 values', () => {
    const secret = generateClientSecret();
    expect(isWellFormedClientSecret(secret.slice(0, -1))).toBe(false);
    expect(isWellFormedClientSecret(`${secret}a`)).toBe(false);
    expect(isWellFormedClientSecret(`pcx_${secret.slice(4)}`)).toBe(false);
    expect(isWellFormedClientSecret(`${secret.slice(0, 10)}-${secret.slice(11)}`)).toBe(false);
    expect(isWellFormedClientSecret('')).toBe(false);
  });

  it('shows only the prefix and six body characters for display', () => {
    const secret = generateClientSecret();
    expect(displayPrefixOf(secret)).toBe(secret.slice(0, 10));
    expect(looksLikeClientSecret(secret)).toBe(true);
    expect(looksLikeClientSecret('sa_01abc')).toBe(false);
  });
});
