import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { KeyRing } from '../../runtime/signing/key-ring.js';

const Jwk = Type.Object(
  { kid: Type.String(), kty: Type.String(), alg: Type.String(), use: Type.String() },
  { additionalProperties: true },
);

/** The public signing keys (RFC 7517), for resource servers that verify tokens offline. */
export async function jwksEndpoint(app: FastifyInstance, opts: { keyRing: KeyRing }): Promise<void> {
  app.get(
    '/.well-known/jwks.json',
    {
      schema: {
        tags: ['oauth'],
        summary: 'JSON Web Key Set of the token signing keys',
        description:
          'The public keys that sign access tokens (RFC 7517): the current key, the next one (published before it signs) and retired ones until the tokens they signed expire. Resource servers verify tokens offline against them and fetch them again on an unknown `kid`; caches may keep the answer five minutes.',
        response: { 200: Type.Object({ keys: Type.Array(Jwk) }) },
      },
    },
    async (_request, reply) => {
      // Short enough that a rotation's new key is picked up soon; verifiers refetch on an unknown kid anyway.
      reply.header('cache-control', 'public, max-age=300');
      return opts.keyRing.jwks();
    },
  );
}
