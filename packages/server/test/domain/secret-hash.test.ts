import { randomBytes } from 'node:crypto';
import { generateClientSecret, isWellFormedClientSecret } from '@portcullis/core/secrets';
import { describe, expect, it } from 'vitest';
import {
  encodeSecretHash,
  hashClientSecret,
  isWellFormedSecret,
  secretMatchesHash,
} from '../../src/domain/secrets/secret-hash.js';

describe('client secret hashing', () => {
  const key = randomBytes(32);
  const secret = generateClientSecret();
  const stored = encodeSecretHash(hashClientSecret(key, secret));

  it('matches the secret it was made from', () => {
    expect(secretMatchesHash(key, secret, stored)).toBe(true);
  });

  it('does not match another secret or the same secret under another key', () => {
    expect(secretMatchesHash(key, generateClientSecret(), stored)).toBe(false);
    expect(secretMatchesHash(randomBytes(32), secret, stored)).toBe(false);
  });

  it('stores nothing of the secret itself', () => {
    expect(stored).not.toContain(secret.slice(4, 14));
    expect(Buffer.from(stored, 'base64url')).toHaveLength(32);
  });

  it('checks the checksum natively with the same verdict as the portable check', () => {
    const mistyped = `${secret.slice(0, 10)}${secret[10] === 'a' ? 'b' : 'a'}${secret.slice(11)}`;
    for (const value of [secret, mistyped, secret.slice(0, -1), `${secret}x`, 'pcs_short']) {
      expect(isWellFormedSecret(value)).toBe(isWellFormedClientSecret(value));
    }
    expect(isWellFormedSecret(secret)).toBe(true);
    expect(isWellFormedSecret(mistyped)).toBe(false);
  });

  it('treats a stored hash of the wrong length as no match instead of throwing', () => {
    expect(secretMatchesHash(key, secret, 'c2hvcnQ')).toBe(false);
  });
});
