import { createPrivateKey } from 'node:crypto';
import { decodeProtectedHeader, exportJWK, generateKeyPair, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { createJwsSigner } from '../../src/services/tokens/jws-signer.js';

const claims = { iss: 'http://127.0.0.1:8080', sub: 'sa_1', aud: 'https://api.example', iat: 1, exp: 4e9 };

describe.each(['ES256', 'EdDSA', 'RS256'] as const)('the %s access-token signer', (algorithm) => {
  it.each([
    ['on the event loop', false],
    ['on the thread pool', true],
  ])('signs a JWS that jose verifies, %s', async (_where, offload) => {
    const { publicKey, privateKey } = await generateKeyPair(algorithm, {
      extractable: true,
      ...(algorithm === 'EdDSA' ? { crv: 'Ed25519' } : {}),
    });
    const privatePem = createPrivateKey({ key: (await exportJWK(privateKey)) as never, format: 'jwk' })
      .export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const token = await createJwsSigner(privatePem, algorithm, 'key_1')(claims, offload);
    expect(decodeProtectedHeader(token)).toEqual({ alg: algorithm, typ: 'at+jwt', kid: 'key_1' });
    const { payload } = await jwtVerify(token, publicKey, { typ: 'at+jwt', algorithms: [algorithm] });
    expect(payload).toEqual(claims);
    // A flipped bit in the signature must not verify.
    const flipped = token.at(-2) === 'A' ? 'B' : 'A';
    const tampered = `${token.slice(0, -2)}${flipped}${token.slice(-1)}`;
    await expect(jwtVerify(tampered, publicKey)).rejects.toThrow();
  });
});
