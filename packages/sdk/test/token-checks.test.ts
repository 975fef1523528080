import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { demoPlatformResources } from '@portcullis/core/permissions';
import { type CryptoKey, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerifier, isBearerError, type Verifier } from '../src/index.js';
import { capturingLogger } from './support/portcullis.js';

const issuer = 'https://auth.firetail.example';
const audience = 'https://api.firetail.example';

/**
 * The checks no real Portcullis token fails: tokens crafted with local keys, served from a JWKS over real
 * HTTP, so each claim and header can be wrong on its own.
 */
describe('token checks', () => {
  let jwksServer: Server;
  let jwksAnswers: 'keys' | 'failure' = 'keys';
  let es256: CryptoKey;
  let ed25519: CryptoKey;
  const jwks: object[] = [];
  let verifier: Verifier;
  const logger = capturingLogger();

  const sign = (
    payload: JWTPayload,
    header: { alg?: string; typ?: string | undefined; kid?: string } = {},
    key: CryptoKey = es256,
  ) => {
    const protectedHeader: { alg: string; typ?: string; kid: string } = {
      alg: 'ES256',
      typ: 'at+jwt',
      kid: 'es',
      ...header,
    };
    if (header.typ === undefined && 'typ' in header) delete protectedHeader.typ;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      iss: issuer,
      aud: audience,
      sub: 'sa_1',
      iat: now,
      exp: now + 300,
      scope: 'incidents:list',
      jti: crypto.randomUUID(),
      ...payload,
    })
      .setProtectedHeader(protectedHeader as { alg: string })
      .sign(key);
  };

  async function refusalOf(token: string) {
    try {
      await verifier.verify(token);
      return undefined;
    } catch (error) {
      if (!isBearerError(error)) throw error;
      return { status: error.refusal.status, description: error.message };
    }
  }

  beforeAll(async () => {
    const es = await generateKeyPair('ES256', { extractable: true });
    const ed = await generateKeyPair('EdDSA', { extractable: true, crv: 'Ed25519' });
    es256 = es.privateKey;
    ed25519 = ed.privateKey;
    jwks.push({ ...(await exportJWK(es.publicKey)), kid: 'es', alg: 'ES256', use: 'sig' });
    jwks.push({ ...(await exportJWK(ed.publicKey)), kid: 'ed', alg: 'EdDSA', use: 'sig' });
    jwksServer = createServer((_req, res) => {
      if (jwksAnswers === 'failure') res.writeHead(503).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: jwks }));
    });
    jwksServer.listen(0, '127.0.0.1');
    await once(jwksServer, 'listening');
    const { port } = jwksServer.address() as AddressInfo;
    verifier = createVerifier({
      issuer,
      audience,
      algorithms: ['ES256'],
      jwksUri: `http://127.0.0.1:${port}/jwks.json`,
      resources: demoPlatformResources.map((r) => r.id),
      revocations: false,
      unknownKeyCooldownSeconds: 1,
      logger,
    });
    expect(await verifier.ready()).toBe(true);
  });
  afterAll(async () => {
    await verifier?.close();
    jwksServer?.close();
  });

  it('accepts a well-formed token and serves it again from the cache', async () => {
    const token = await sign({});
    const first = await verifier.verify(token);
    expect(first.can('incidents', 'list')).toBe(true);
    expect(await verifier.verify(token)).toBe(first);
  });

  it('refuses a token from another issuer', async () => {
    expect(await refusalOf(await sign({ iss: 'https://evil.example' }))).toEqual({
      status: 401,
      description: 'The access token was not issued by the expected issuer.',
    });
  });

  it('refuses a token for another audience', async () => {
    expect(await refusalOf(await sign({ aud: 'https://other.example' }))).toEqual({
      status: 401,
      description: 'The access token is not meant for this API (audience).',
    });
  });

  it('refuses an ID token or a plain JWT: typ must be at+jwt', async () => {
    for (const typ of ['JWT', 'id_token+jwt', undefined]) {
      expect(await refusalOf(await sign({}, { typ }))).toEqual({
        status: 401,
        description: 'The token is not an access token (typ must be at+jwt).',
      });
    }
  });

  it('refuses a key whose algorithm is not allowed here, even when the JWKS publishes it', async () => {
    expect(await refusalOf(await sign({}, { alg: 'EdDSA', kid: 'ed' }, ed25519))).toEqual({
      status: 401,
      description: 'The access token is signed by an unknown key.',
    });
  });

  it('refuses a header naming another algorithm than the key, and alg none', async () => {
    const [, payload, signature] = (await sign({})).split('.');
    const header = (alg: string) =>
      Buffer.from(JSON.stringify({ alg, typ: 'at+jwt', kid: 'es' })).toString('base64url');
    expect(await refusalOf(`${header('HS256')}.${payload}.${signature}`)).toEqual({
      status: 401,
      description: 'The access token is signed with an algorithm that is not allowed.',
    });
    expect(await refusalOf(`${header('none')}.${payload}.`)).toMatchObject({ status: 401 });
  });

  it('refuses a forged signature', async () => {
    const [header, payload] = (await sign({})).split('.');
    const [, , otherSignature] = (await sign({ sub: 'sa_2' })).split('.');
    expect(await refusalOf(`${header}.${payload}.${otherSignature}`)).toEqual({
      status: 401,
      description: 'The access token signature is invalid.',
    });
  });

  it('refuses a token expired beyond the clock tolerance, and accepts one within it', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await refusalOf(await sign({ iat: now - 600, exp: now - 60 }))).toEqual({
      status: 401,
      description: 'The access token has expired.',
    });
    expect(await refusalOf(await sign({ iat: now - 600, exp: now - 2 }))).toBeUndefined();
  });

  it('refuses a token without a jti', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ scope: '' })
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: 'es' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject('sa_1')
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(es256);
    expect(await refusalOf(token)).toEqual({
      status: 401,
      description: 'The access token lacks a required claim.',
    });
  });

  it('keeps verifying with the last good keys while the JWKS is unreachable, and says so once', async () => {
    jwksAnswers = 'failure';
    try {
      await sleep(1_100);
      const unknown = await sign({}, { kid: 'rotated-away' });
      expect(await refusalOf(unknown)).toMatchObject({
        description: 'The access token is signed by an unknown key.',
      });
      await sleep(1_100);
      expect(await refusalOf(await sign({}, { kid: 'another' }))).toMatchObject({ status: 401 });
      expect(await refusalOf(await sign({}))).toBeUndefined();
      expect(verifier.status().keys).toEqual({ loaded: true, keyIds: ['es'] });
      expect(
        logger.lines.filter((l) => l.message.includes('signing keys could not be fetched')),
      ).toHaveLength(1);
    } finally {
      jwksAnswers = 'keys';
    }
  });
});
