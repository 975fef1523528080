import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enginesUnderTest, type TestDatabase } from '../support/engines.js';
import { adminToken, api, createUsableServiceAccount, tokenRequest } from '../support/http-client.js';
import { startTestServer } from '../support/test-server.js';

const sqlite = enginesUnderTest()[0]!;

describe('access-token signing algorithms', () => {
  it.each([
    ['EdDSA', { kty: 'OKP', crv: 'Ed25519' }],
    ['ES256', { kty: 'EC', crv: 'P-256' }],
    ['RS256', { kty: 'RSA' }],
  ])('issues %s tokens that verify against the JWKS', async (alg, keyShape) => {
    const server = await startTestServer(sqlite, { PORTCULLIS_SIGNING_ALGORITHM: alg });
    try {
      const client = await createUsableServiceAccount(
        server.baseUrl,
        await adminToken(server.baseUrl),
        'alg',
      );
      const issued = await tokenRequest(server.baseUrl, {
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
      });
      const jwks = createRemoteJWKSet(new URL(`${server.baseUrl}/.well-known/jwks.json`));
      const { protectedHeader } = await jwtVerify(issued.body.access_token, jwks, { issuer: server.baseUrl });
      expect(protectedHeader).toMatchObject({ alg, typ: 'at+jwt' });
      const published = (await api(server.baseUrl, 'GET', '/.well-known/jwks.json')).body.keys;
      // The current key, and the next one published ahead of rotation.
      expect(published).toHaveLength(2);
      for (const key of published) expect(key).toMatchObject({ ...keyShape, alg });
      expect(published.map((k: { kid: string }) => k.kid)).toContain(protectedHeader.kid);
    } finally {
      await server.close();
    }
  });

  describe('changing the algorithm between restarts', () => {
    let database: TestDatabase;
    const masterKey = 'ef'.repeat(32);
    beforeAll(async () => {
      database = await sqlite.create();
    });
    afterAll(async () => database.drop());

    it('makes a new key current and keeps publishing the old one, so earlier tokens still verify', async () => {
      const before = await startTestServer(
        sqlite,
        { PORTCULLIS_MASTER_KEY: masterKey, PORTCULLIS_SIGNING_ALGORITHM: 'EdDSA' },
        database,
      );
      const oldToken = await adminToken(before.baseUrl);
      await before.close();

      const after = await startTestServer(
        sqlite,
        {
          PORTCULLIS_MASTER_KEY: masterKey,
          PORTCULLIS_SIGNING_ALGORITHM: 'ES256',
          PORTCULLIS_ISSUER: before.baseUrl,
        },
        database,
      );
      try {
        const keys = (await api(after.baseUrl, 'GET', '/.well-known/jwks.json')).body.keys;
        // The retired EdDSA key stays until its tokens expire; the new current and next keys are ES256.
        expect(keys.map((k: { alg: string }) => k.alg).sort()).toEqual(['ES256', 'ES256', 'EdDSA']);
        expect(
          (await api(after.baseUrl, 'GET', '/api/v1/service-accounts', { token: oldToken })).status,
        ).toBe(200);
        const newToken = await adminToken(after.baseUrl);
        const jwks = createRemoteJWKSet(new URL(`${after.baseUrl}/.well-known/jwks.json`));
        for (const token of [oldToken, newToken]) await jwtVerify(token, jwks, { issuer: before.baseUrl });
      } finally {
        await after.close();
      }
    });
  });
});
