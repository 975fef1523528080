import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import formbody from '@fastify/formbody';
import { createSigner } from 'fast-jwt';
import Fastify from 'fastify';
import { exportPKCS8, generateKeyPair } from 'jose';

/**
 * The floor of any token endpoint: parse the form, check one HMAC, sign one JWT. No database, no
 * permissions, no audit. Portcullis is measured against it to see what everything else costs.
 */
const port = Number(process.env.PORT);
const clientId = process.env.CLIENT_ID ?? 'probe';
const clientSecret = process.env.CLIENT_SECRET ?? 'probe-secret';
const hmacKey = randomBytes(32);
const stored = createHmac('sha256', hmacKey).update(clientSecret).digest();
const { privateKey } = await generateKeyPair('ES256', { extractable: true });
const sign = createSigner({
  key: await exportPKCS8(privateKey),
  algorithm: 'ES256',
  kid: 'probe',
  header: { alg: 'ES256', typ: 'at+jwt' },
});

const app = Fastify();
await app.register(formbody);
app.post<{ Body: Record<string, string> }>('/oauth/token', async (request, reply) => {
  const { client_id: id, client_secret: secret } = request.body;
  const presented = createHmac('sha256', hmacKey)
    .update(secret ?? '')
    .digest();
  if (id !== clientId || !timingSafeEqual(presented, stored))
    return reply.code(401).send({ error: 'invalid_client' });
  const now = Math.floor(Date.now() / 1000);
  const token = sign({
    iss: 'http://probe',
    sub: id,
    aud: 'https://api.example',
    client_id: id,
    iat: now,
    exp: now + 3600,
    jti: randomBytes(16).toString('base64url'),
  });
  reply.header('cache-control', 'no-store');
  return { access_token: token, token_type: 'Bearer', expires_in: 3600 };
});
await app.listen({ host: '127.0.0.1', port });
process.stdout.write('ready\n');
