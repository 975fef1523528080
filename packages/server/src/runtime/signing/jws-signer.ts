import { createPrivateKey, sign } from 'node:crypto';
import type { SigningAlgorithm } from '../../config/settings.js';
import type { SigningThread } from './signing-thread.js';

/** `offload`: sign on the signing thread instead of the event loop. */
export type JwsSigner = (payload: Record<string, unknown>, offload: boolean) => Promise<string>;

const digestOf: Record<SigningAlgorithm, string | null> = { ES256: 'sha256', RS256: 'sha256', EdDSA: null };

/**
 * Signs RFC 9068 access tokens (JWS compact serialization, RFC 7515 §7.1) with Node's crypto, on the event
 * loop or, when asked and a signing thread is given, beside it. Under full load ECDSA was a quarter of the
 * event loop's time; under light load the hop to another thread and back only adds latency (decisions 0010
 * and 0012). Verification stays with fast-jwt.
 */
export function createJwsSigner(
  privatePem: string,
  algorithm: SigningAlgorithm,
  kid: string,
  thread?: SigningThread,
): JwsSigner {
  const key = createPrivateKey(privatePem);
  const digest = digestOf[algorithm];
  const header = Buffer.from(JSON.stringify({ alg: algorithm, typ: 'at+jwt', kid })).toString('base64url');
  // ieee-p1363: JWS wants ECDSA's r‖s (RFC 7518 §3.4), not DER; the option is ignored for other keys.
  const signingKey = { key, dsaEncoding: 'ieee-p1363' } as const;
  thread?.addKey(kid, privatePem, digest);
  return async (payload, offload) => {
    const signingInput = `${header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    if (offload && thread?.usable) return `${signingInput}.${await thread.sign(kid, signingInput)}`;
    return `${signingInput}.${sign(digest, Buffer.from(signingInput), signingKey).toString('base64url')}`;
  };
}
