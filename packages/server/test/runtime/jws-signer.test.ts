import { createPrivateKey } from 'node:crypto';
import { decodeProtectedHeader, exportJWK, generateKeyPair, jwtVerify } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { createJwsSigner } from '../../src/runtime/signing/jws-signer.js';
import { SigningThread } from '../../src/runtime/signing/signing-thread.js';

/** A fresh key pair: jose's public key to verify with, the private key as the key ring stores it (PEM). */
async function keyPair(algorithm: 'ES256' | 'EdDSA' | 'RS256') {
  const { publicKey, privateKey } = await generateKeyPair(algorithm, {
    extractable: true,
    ...(algorithm === 'EdDSA' ? { crv: 'Ed25519' } : {}),
  });
  const privatePem = createPrivateKey({ key: (await exportJWK(privateKey)) as never, format: 'jwk' })
    .export({ type: 'pkcs8', format: 'pem' })
    .toString();
  return { publicKey, privatePem };
}

const claims = { iss: 'http://127.0.0.1:8080', sub: 'sa_1', aud: 'https://api.example', iat: 1, exp: 4e9 };

describe.each(['ES256', 'EdDSA', 'RS256'] as const)('the %s access-token signer', (algorithm) => {
  const thread = new SigningThread();
  afterAll(() => thread.close());

  it.each([
    ['on the event loop', false],
    ['on the signing thread', true],
  ])('signs a JWS that jose verifies, %s', async (_where, offload) => {
    const { publicKey, privatePem } = await keyPair(algorithm);
    const token = await createJwsSigner(privatePem, algorithm, 'key_1', thread)(claims, offload);
    expect(decodeProtectedHeader(token)).toEqual({ alg: algorithm, typ: 'at+jwt', kid: 'key_1' });
    const { payload } = await jwtVerify(token, publicKey, { typ: 'at+jwt', algorithms: [algorithm] });
    expect(payload).toEqual(claims);
    // A flipped bit in the signature must not verify.
    const flipped = token.at(-2) === 'A' ? 'B' : 'A';
    const tampered = `${token.slice(0, -2)}${flipped}${token.slice(-1)}`;
    await expect(jwtVerify(tampered, publicKey)).rejects.toThrow();
  });

  it('signs the requests of one event-loop turn in one batch, each with its own payload', async () => {
    const { publicKey, privatePem } = await keyPair(algorithm);
    const signer = createJwsSigner(privatePem, algorithm, 'key_2', thread);
    const tokens = await Promise.all(Array.from({ length: 20 }, (_, i) => signer({ ...claims, n: i }, true)));
    for (const [i, token] of tokens.entries()) {
      const { payload } = await jwtVerify(token, publicKey, { typ: 'at+jwt', algorithms: [algorithm] });
      expect(payload).toEqual({ ...claims, n: i });
    }
  });

  it('signs offloaded tokens on the thread, with the key the thread holds', async () => {
    const onLoop = await keyPair(algorithm);
    const onThread = await keyPair(algorithm);
    const signer = createJwsSigner(onLoop.privatePem, algorithm, 'key_4', thread);
    // The thread now holds another key under the same id: only a token it signed verifies with that key.
    thread.addKey('key_4', onThread.privatePem, algorithm === 'EdDSA' ? null : 'sha256');
    const offloaded = await signer(claims, true);
    await expect(jwtVerify(offloaded, onThread.publicKey)).resolves.toBeDefined();
    await expect(jwtVerify(offloaded, onLoop.publicKey)).rejects.toThrow();
    const inline = await signer(claims, false);
    await expect(jwtVerify(inline, onLoop.publicKey)).resolves.toBeDefined();
  });

  it('refuses to sign on a closed thread, and the signer falls back to the event loop', async () => {
    const closed = new SigningThread();
    await closed.close();
    await expect(closed.sign('key_1', 'input')).rejects.toThrow('closed');
    const { privatePem } = await keyPair(algorithm);
    const token = await createJwsSigner(privatePem, algorithm, 'key_3', closed)(claims, true);
    expect(decodeProtectedHeader(token)).toMatchObject({ kid: 'key_3' });
  });
});
