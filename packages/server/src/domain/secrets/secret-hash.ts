import { createHmac, hash, timingSafeEqual } from 'node:crypto';
import { isWellFormedClientSecret } from '@portcullis/core/secrets';

/**
 * Client secrets are 256 random bits, so a keyed hash (HMAC-SHA-256 under a server key) is enough: a
 * password KDF adds cost only against guessing low-entropy input, which these are not (NIST SP 800-63B
 * §5.1.2.2 asks for a KDF for memorized secrets, and for high-entropy look-up secrets allows a keyed
 * hash). The key keeps a stolen database from confirming guesses offline. See docs/decisions/0001.
 */
export function hashClientSecret(key: Buffer, secret: string): Buffer {
  return createHmac('sha256', key).update(secret, 'utf8').digest();
}

export function encodeSecretHash(hash: Buffer): string {
  return hash.toString('base64url');
}

/** Constant-time check of a presented secret against a stored hash. */
export function secretMatchesHash(key: Buffer, presented: string, storedHash: string): boolean {
  const expected = Buffer.from(storedHash, 'base64url');
  const actual = hashClientSecret(key, presented);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** The shape and checksum of a presented secret, with the checksum's SHA-256 computed natively. */
export function isWellFormedSecret(presented: string): boolean {
  return isWellFormedClientSecret(presented, (text) => hash('sha256', text, 'buffer'));
}
