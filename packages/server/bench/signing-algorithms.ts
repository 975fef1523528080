import { createPrivateKey, createPublicKey } from 'node:crypto';
import { createSigner, createVerifier } from 'fast-jwt';
import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT } from 'jose';
import { describeMachine, measure, measureAsync } from './machine.js';

/**
 * Access-token signing cost per algorithm, fast-jwt (what Portcullis signs with) against jose, plus the
 * verification cost a resource server pays. Portcullis's default algorithm is chosen from these numbers;
 * see docs/decisions/0003-token-signing.md.
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
  console.log('algorithm | fast-jwt sign | jose sign | fast-jwt verify | jose verify | token bytes');
  console.log('---|---|---|---|---|---');
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
    const fastVerify = measure(() => verify(token));
    const joseVerify = await measureAsync(() => jwtVerify(token, josePublic));
    const us = (ns: number) => `${(ns / 1000).toFixed(1)} µs`;
    console.log(
      `${alg} | ${us(fastSign)} | ${us(joseSign)} | ${us(fastVerify)} | ${us(joseVerify)} | ${token.length}`,
    );
  }
}
