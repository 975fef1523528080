import formbody from '@fastify/formbody';
import Fastify from 'fastify';

/**
 * The HTTP ceiling: Fastify with the form parser, answering every token request with the same token-sized
 * JSON — no crypto, no storage, no checks. No token endpoint on this stack can be faster; Portcullis's
 * throughput as a share of it says how much of the machine the token work itself takes.
 */
const port = Number(process.env.PORT);
// The size of a Portcullis answer for a Read-only service account (a 600-odd-byte ES256 JWT plus fields).
const answer = {
  access_token: `eyJ${'x'.repeat(640)}`,
  token_type: 'Bearer',
  expires_in: 3600,
  scope: '*:get *:list',
};

const app = Fastify();
await app.register(formbody);
app.post<{ Body: Record<string, string> }>('/oauth/token', async (request, reply) => {
  if (request.body.grant_type !== 'client_credentials')
    return reply.code(400).send({ error: 'unsupported_grant_type' });
  reply.header('cache-control', 'no-store');
  return answer;
});
await app.listen({ host: '127.0.0.1', port });
process.stdout.write('ready\n');
