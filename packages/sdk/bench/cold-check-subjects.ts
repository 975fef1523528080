import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoPlatformResources } from '@portcullis/core/permissions';
import { auth } from 'express-oauth2-jwt-bearer';
import { createVerifier as createFastJwtVerifier } from 'fast-jwt';
import { exportJWK, exportSPKI, generateKeyPair, importJWK, SignJWT } from 'jose';
import { createVerifier } from '../src/index.js';

/**
 * The checks both benchmarks compare, built from one fixture (an ES256 key and tokens signed by it), so the
 * timed run and the instruction count measure the same calls on the same tokens.
 */
export const issuer = 'https://auth.firetail.example';
export const audience = 'https://api.firetail.example';

export interface Fixture {
  /** The public key, as Portcullis's JWKS publishes it. */
  jwk: Record<string, unknown>;
  tokens: string[];
}

/** `count` distinct access tokens, valid for an hour. */
export async function createFixture(count: number): Promise<Fixture> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'bench', alg: 'ES256', use: 'sig' };
  const now = Math.floor(Date.now() / 1000);
  const tokens: string[] = [];
  for (let n = 0; n < count; n++) {
    tokens.push(
      await new SignJWT({
        scope: '*:get *:list',
        client_id: 'sa_bench',
        org_id: 'org_bench',
        jti: `jti-${n}`,
      })
        .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: 'bench' })
        .setIssuer(issuer)
        .setAudience(audience)
        .setSubject('sa_bench')
        .setIssuedAt(now)
        .setExpirationTime(now + 3600)
        .sign(privateKey),
    );
  }
  return { jwk, tokens };
}

export type Check = (token: string) => Promise<unknown> | unknown;

export interface Subjects {
  /** The SDK's `authorize` with a permission, its cache holding one token: a new token is a cold check. */
  sdkCold: Check;
  /** The SDK's `authorize` of a token it verified before. */
  sdkCached: Check;
  /** fast-jwt's verifier alone, with the same claims checked. */
  bareFastJwt: Check;
  /** express-oauth2-jwt-bearer's `auth()` middleware, as Express would call it. */
  express: Check;
  close(): Promise<void>;
}

/** Every subject with its JWKS fetched (from a local server) and its first call made. */
export async function createSubjects(fixture: Fixture): Promise<Subjects> {
  const jwksServer = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [fixture.jwk] }));
  });
  jwksServer.listen(0, '127.0.0.1');
  await once(jwksServer, 'listening');
  const jwksUri = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;

  const sdkOptions = {
    issuer,
    audience,
    jwksUri,
    resources: demoPlatformResources.map((r) => r.id),
    revocations: false as const,
  };
  const cached = createVerifier(sdkOptions);
  const cold = createVerifier({ ...sdkOptions, cacheSize: 1 });
  await cached.ready();
  await cold.ready();
  const bare = createFastJwtVerifier({
    key: await exportSPKI((await importJWK(fixture.jwk, 'ES256', { extractable: true })) as CryptoKey),
    algorithms: ['ES256'],
    allowedIss: issuer,
    allowedAud: audience,
    checkTyp: 'at+jwt',
  });
  // A JWKS fetch under valgrind can take seconds: the default 5 s timeout would fail the start.
  const middleware = auth({ issuer, audience, jwksUri, tokenSigningAlg: 'ES256', timeoutDuration: 120_000 });
  /** The little of an Express request the middleware reads. */
  const expressRequest = (authorization: string) => ({
    headers: { authorization, host: 'api.firetail.example' },
    query: {},
    body: undefined,
    method: 'GET',
    protocol: 'https',
    url: '/incidents',
    get: (name: string) => (name === 'Host' ? 'api.firetail.example' : undefined),
    is: () => false,
  });
  const express = (token: string) =>
    new Promise<void>((resolve, reject) =>
      middleware(expressRequest(`Bearer ${token}`) as never, {} as never, (error?: unknown) =>
        error ? reject(error) : resolve(),
      ),
    );
  const expectAllowed = async (outcome: Promise<{ ok: boolean }>) => {
    if (!(await outcome).ok) throw new Error('the SDK refused a valid token');
  };
  const subjects: Subjects = {
    sdkCold: (token) => expectAllowed(cold.authorize(`Bearer ${token}`, 'incidents:list')),
    sdkCached: (token) => expectAllowed(cached.authorize(`Bearer ${token}`, 'incidents:list')),
    bareFastJwt: (token) => bare(token),
    express,
    async close() {
      await cached.close();
      await cold.close();
      jwksServer.close();
    },
  };
  // The JWKS of each is fetched now, not during a measurement.
  for (const check of [subjects.sdkCold, subjects.sdkCached, subjects.bareFastJwt, subjects.express]) {
    await check(fixture.tokens[0]!);
  }
  return subjects;
}
