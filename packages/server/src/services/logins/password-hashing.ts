import { hash, verify } from '@node-rs/argon2';

/**
 * Human passwords only (low entropy, so a memory-hard KDF is worth its cost). Parameters are the
 * library's defaults, which follow OWASP's argon2id recommendation (19 MiB, t=2, p=1). Client secrets
 * never come here: they are random 256-bit values and use a keyed hash instead (domain/secrets).
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
