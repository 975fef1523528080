import { createPrivateKey, sign } from 'node:crypto';
import type { SigningAlgorithm } from '../../config/settings.js';

/** `offload`: sign on libuv's thread pool instead of the event loop. */
export type JwsSigner = (payload: Record<string, unknown>, offload: boolean) => Promise<string>;

const digestOf: Record<SigningAlgorithm, string | null> = { ES256: 'sha256', RS256: 'sha256', EdDSA: null };

/**
 * Signs RFC 9068 access tokens (JWS compact serialization, RFC 7515 §7.1) with Node's crypto, on the event
 * loop or on libuv's thread pool. Under full load ECDSA was a quarter of the event loop's time, and on the
 * pool it runs beside it on another core; under light load the hop to the pool and back only adds latency
 * (decision 0010). Verification stays with fast-jwt.
 */
export function createJwsSigner(privatePem: string, algorithm: SigningAlgorithm, kid: string): JwsSigner {
  const key = createPrivateKey(privatePem);
  const digest = digestOf[algorithm];
  const header = Buffer.from(JSON.stringify({ alg: algorithm, typ: 'at+jwt', kid })).toString('base64url');
  // ieee-p1363: JWS wants ECDSA's r‖s (RFC 7518 §3.4), not DER; the option is ignored for other keys.
  const signingKey = { key, dsaEncoding: 'ieee-p1363' } as const;
  return (payload, offload) => {
    const signingInput = `${header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    const data = Buffer.from(signingInput);
    if (!offload) {
      return Promise.resolve(`${signingInput}.${sign(digest, data, signingKey).toString('base64url')}`);
    }
    return new Promise((resolve, reject) => {
      sign(digest, data, signingKey, (error, signature) => {
        if (error) reject(error);
        else resolve(`${signingInput}.${signature.toString('base64url')}`);
      });
    });
  };
}
