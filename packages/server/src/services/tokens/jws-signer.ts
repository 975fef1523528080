import { createPrivateKey, sign } from 'node:crypto';
import type { SigningAlgorithm } from '../../config/settings.js';

export type JwsSigner = (payload: Record<string, unknown>) => Promise<string>;

const digestOf: Record<SigningAlgorithm, string | null> = { ES256: 'sha256', RS256: 'sha256', EdDSA: null };

/**
 * Signs RFC 9068 access tokens (JWS compact serialization, RFC 7515 §7.1) with Node's crypto on libuv's
 * thread pool. fast-jwt signs on the event loop; ECDSA was a quarter of the event loop's time under load, and
 * here it runs beside it on another core (decision 0010). Verification stays with fast-jwt.
 */
export function createJwsSigner(privatePem: string, algorithm: SigningAlgorithm, kid: string): JwsSigner {
  const key = createPrivateKey(privatePem);
  const digest = digestOf[algorithm];
  const header = Buffer.from(JSON.stringify({ alg: algorithm, typ: 'at+jwt', kid })).toString('base64url');
  return (payload) => {
    const signingInput = `${header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    return new Promise((resolve, reject) => {
      // ieee-p1363: JWS wants ECDSA's r‖s (RFC 7518 §3.4), not DER; the option is ignored for other keys.
      sign(digest, Buffer.from(signingInput), { key, dsaEncoding: 'ieee-p1363' }, (error, signature) => {
        if (error) reject(error);
        else resolve(`${signingInput}.${signature.toString('base64url')}`);
      });
    });
  };
}
