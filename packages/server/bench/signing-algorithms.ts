import { createPrivateKey, createPublicKey } from 'node:crypto';
import { createSigner, createVerifier } from 'fast-jwt';
import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT } from 'jose';
import { createJwsSigner } from '../src/runtime/signing/jws-signer.js';
import { SigningThread } from '../src/runtime/signing/signing-thread.js';
import { describeMachine, measure, measureAsync } from './machine.js';

/**
 * Access-token signing cost per algorithm: fast-jwt and jose on the event loop, and Portcullis's signer
 * (Node's crypto on the signing thread) with 64 tokens in flight — its wall time per token, and the event
 * loop's share of it, which is what a token request pays. Plus the verification cost a resource server
 * pays. See docs/decisions/0003-token-signing.md and 0010-token-endpoint-throughput.md.
 */
const algorithms = ['EdDSA', 'ES256', 'RS256'] as const;

const claims = {
  iss: 'http://127.0.0.1:8080',
  sub: 'sa_01m82xvp2vsehr91fdaggr88nr',
  aud: 'https://api.firebolt.io',
  client_id: 'sa_01m82xvp2vsehr91fdaggr88nr',
  iat: Math.floor(Date.now() / 1000),
  exp: Math.floor(Date.now() / 1000) + 3600,
  jti: 'VWe1YwSDRsKMhJhWsG9ilg',
  org_id: 'org_01m82xtteyrgqay59synghyk8j',
  account_id: 'acct_01m82xtteyrgqay59synghyk8k',
};

export async function benchSigningAlgorithms(): Promise<void> {
  console.log(`\n## Access-token signing (${describeMachine()})`);
  console.log(
    'algorithm | fast-jwt sign | jose sign | signing thread, 64 in flight (event loop) | fast-jwt verify | jose verify | token bytes',
  );
  console.log('---|---|---|---|---|---|---');
  for (const alg of algorithms) {
    const { publicKey, privateKey } = await generateKeyPair(alg, {
      extractable: true,
      ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}),
    });
    const privateJwk = await exportJWK(privateKey);
    const publicJwk = await exportJWK(publicKey);
    const privatePem = createPrivateKey({ key: privateJwk as never, format: 'jwk' }).export({
      type: 'pkcs8',
      format: 'pem',
    });
    const publicPem = createPublicKey({ key: publicJwk as never, format: 'jwk' }).export({
      type: 'spki',
      format: 'pem',
    });
    const sign = createSigner({
      key: privatePem.toString(),
      algorithm: alg,
      kid: 'k1',
      header: { alg, typ: 'at+jwt' },
    });
    const verify = createVerifier({ key: publicPem.toString(), algorithms: [alg] });
    const joseKey = await importJWK(privateJwk, alg);
    const josePublic = await importJWK(publicJwk, alg);
    const token = sign(claims);

    const fastSign = measure(() => sign(claims));
    const joseSign = await measureAsync(() =>
      new SignJWT(claims).setProtectedHeader({ alg, kid: 'k1', typ: 'at+jwt' }).sign(joseKey),
    );
    const thread = new SigningThread();
    const signer = createJwsSigner(privatePem.toString(), alg, 'k1', thread);
    const pooled = await measureInFlight((payload) => signer(payload, true));
    await thread.close();
    const fastVerify = measure(() => verify(token));
    const joseVerify = await measureAsync(() => jwtVerify(token, josePublic));
    const us = (ns: number) => `${(ns / 1000).toFixed(1)} µs`;
    console.log(
      `${alg} | ${us(fastSign)} | ${us(joseSign)} | ${us(pooled.wallNs)} (${us(pooled.eventLoopNs)}) | ${us(fastVerify)} | ${us(joseVerify)} | ${token.length}`,
    );
  }
}

/** Keeps 64 signatures in flight for about a second; wall time and event-loop time per token, in ns. */
async function measureInFlight(
  sign: (payload: Record<string, unknown>) => Promise<string>,
): Promise<{ wallNs: number; eventLoopNs: number }> {
  const run = async (ms: number) => {
    let done = 0;
    const until = performance.now() + ms;
    await Promise.all(
      Array.from({ length: 64 }, async () => {
        while (performance.now() < until) {
          await sign(claims);
          done++;
        }
      }),
    );
    return done;
  };
  await run(200);
  const before = performance.eventLoopUtilization();
  const start = performance.now();
  const done = await run(1000);
  const elapsedMs = performance.now() - start;
  const busy = performance.eventLoopUtilization(before).utilization;
  return { wallNs: (elapsedMs * 1e6) / done, eventLoopNs: (busy * elapsedMs * 1e6) / done };
}
