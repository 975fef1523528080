import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Private signing keys are stored sealed with AES-256-GCM under a key derived from the master key. The
 * key id is bound as additional data, so a sealed key copied onto another row fails to open.
 * Format: `v1.<iv>.<ciphertext>.<tag>`, each part base64url.
 */
export function seal(wrapKey: Buffer, plaintext: string, keyId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrapKey, iv).setAAD(Buffer.from(keyId));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv, body, cipher.getAuthTag()]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

export function unseal(wrapKey: Buffer, sealed: string, keyId: string): string {
  const [version, iv, body, tag] = sealed.split('.');
  if (version !== 'v1' || !iv || !body || !tag)
    throw new Error(`signing key ${keyId}: unknown sealed format`);
  const decipher = createDecipheriv('aes-256-gcm', wrapKey, Buffer.from(iv, 'base64url'))
    .setAAD(Buffer.from(keyId))
    .setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new Error(
      `signing key ${keyId}: cannot be opened with this master key (was PORTCULLIS_MASTER_KEY changed?)`,
    );
  }
}
