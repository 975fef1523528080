import { hkdfSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './load-config.js';
import { decodeMasterKey } from './settings.js';

/**
 * Keys derived from the master key, one per purpose, so that no key is ever used for two jobs. Changing the
 * master key invalidates every stored secret and every encrypted signing key: it is a re-install.
 */
export interface DerivedKeys {
  secretHashKey: Buffer;
  signingKeyWrapKey: Buffer;
  /** Signs the console's CSRF tokens to the session they belong to (domain/secrets/csrf-token.ts). */
  csrfTokenKey: Buffer;
}

export interface MasterKeySource {
  key: Buffer;
  /** Set when the key was generated on this start; the caller warns that production must set it. */
  generatedAt: string | undefined;
}

/** The configured master key, else the one in the data directory, else undefined: nothing is generated. */
export function readMasterKey(configured: string | undefined, dataDir: string): Buffer | undefined {
  if (configured) return decodeMasterKey(configured)!;
  const file = path.join(dataDir, 'master.key');
  try {
    const key = decodeMasterKey(readFileSync(file, 'utf8').trim());
    if (!key) throw new ConfigError(`${file}: not a 32-byte key`);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return undefined;
  }
}

export function resolveMasterKey(configured: string | undefined, dataDir: string): MasterKeySource {
  const existing = readMasterKey(configured, dataDir);
  if (existing) return { key: existing, generatedAt: undefined };
  const file = path.join(dataDir, 'master.key');
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  // 'wx' fails if another process created the file meanwhile; mode 0600 keeps it from other users.
  writeFileSync(file, `${key.toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  return { key, generatedAt: file };
}

function derive(masterKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, 'portcullis', purpose, 32));
}

export function deriveKeys(masterKey: Buffer): DerivedKeys {
  return {
    secretHashKey: derive(masterKey, 'client-secret-hmac/v1'),
    signingKeyWrapKey: derive(masterKey, 'signing-key-wrap/v1'),
    csrfTokenKey: derive(masterKey, 'console-csrf-token/v1'),
  };
}
