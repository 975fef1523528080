import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Client secrets look like `pcs_<43 base62 chars: 256 random bits><6 base62 chars: checksum>`.
 *
 * - The prefix lets secret scanners (and people) recognise a leaked Portcullis secret.
 * - The checksum (first 32 bits of SHA-256 over prefix and body) lets the token endpoint reject a
 *   mistyped or truncated secret before touching the database. It is not a security control: anyone can
 *   compute it; it only separates typos from guesses. See docs/decisions/0002-secret-format.md.
 */
export const clientSecretPrefix = 'pcs_';

const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const bodyLength = 43; // 62^43 > 2^256
const checksumLength = 6; // 62^6 > 2^32
const secretPattern = new RegExp(`^${clientSecretPrefix}[0-9A-Za-z]{${bodyLength + checksumLength}}$`);

function toBase62(value: bigint, length: number): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < length; i++) {
    out = alphabet[Number(rest % 62n)] + out;
    rest /= 62n;
  }
  return out;
}

/** SHA-256 of a text's UTF-8 bytes. */
export type Sha256 = (text: string) => Uint8Array;

// In plain JavaScript, since the browser's (crypto.subtle) only answers asynchronously.
const portableSha256: Sha256 = (text) => sha256(utf8ToBytes(text));

function checksumOf(prefixAndBody: string, digestOf: Sha256 = portableSha256): string {
  // 32 bits fit a double exactly, so the digits come from plain arithmetic, not from a BigInt per step.
  const digest = digestOf(prefixAndBody);
  let rest = new DataView(digest.buffer, digest.byteOffset).getUint32(0);
  let out = '';
  for (let i = 0; i < checksumLength; i++) {
    out = alphabet[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out;
}

export function generateClientSecret(): string {
  const body = toBase62(BigInt(`0x${bytesToHex(randomBytes(32))}`), bodyLength);
  const prefixAndBody = clientSecretPrefix + body;
  return prefixAndBody + checksumOf(prefixAndBody);
}

/**
 * True when the value has the shape and checksum of a Portcullis client secret. No I/O. A server passes its
 * native SHA-256, which checks every token request's secret in half the time of the portable one.
 */
export function isWellFormedClientSecret(value: string, digestOf?: Sha256): boolean {
  if (!secretPattern.test(value)) return false;
  const split = value.length - checksumLength;
  return checksumOf(value.slice(0, split), digestOf) === value.slice(split);
}

/** What may be shown about a secret after creation: the prefix and the first six body characters. */
export function displayPrefixOf(secret: string): string {
  return secret.slice(0, clientSecretPrefix.length + 6);
}

/** A cheap test for "this string looks like one of our secrets", used to keep them out of audit targets. */
export function looksLikeClientSecret(value: string): boolean {
  return value.startsWith(clientSecretPrefix);
}
