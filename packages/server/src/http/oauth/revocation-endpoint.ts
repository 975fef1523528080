import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import type { ServiceContext } from '../../services/context.js';
import { revokeToken } from '../../services/tokens/revoke-token.js';
import { callerOf } from '../request-context.js';
import { OAuthErrorBody, withExample } from '../schemas/common.js';
import { clientCredentialsOf } from './client-authentication.js';

const RevocationRequest = Type.Object({
  token: Type.String({ minLength: 1, maxLength: 8192 }),
  token_type_hint: Type.Optional(Type.String({ maxLength: 64 })),
  client_id: Type.Optional(Type.String({ maxLength: 2048 })),
  client_secret: Type.Optional(Type.String({ maxLength: 2048 })),
});

/** POST /oauth/revoke (RFC 7009): the client that holds an access token revokes it. */
export function revocationEndpoint(app: FastifyInstance, opts: { ctx: ServiceContext }): void {
  app.post<{ Body: Static<typeof RevocationRequest> }>(
    '/oauth/revoke',
    {
      config: { errorFormat: 'oauth' },
      schema: {
        tags: ['oauth'],
        summary: 'Token revocation (RFC 7009)',
        description:
          'A client revokes an access token it holds, authenticating as itself (Basic, or `client_id` and `client_secret` in the form); resource servers learn of it from the revocation feed. A token that does not verify or belongs to another client is answered 200 all the same and left alone (RFC 7009 §2.2).',
        consumes: ['application/x-www-form-urlencoded'],
        body: withExample(RevocationRequest, { token: 'eyJ…', client_id: 'sa_…', client_secret: 'pcs_…' }),
        response: { 200: Type.Null(), 400: OAuthErrorBody, 401: OAuthErrorBody },
      },
    },
    async (request, reply) => {
      const credentials = clientCredentialsOf(request.headers.authorization, request.body);
      await revokeToken(opts.ctx, callerOf(request), credentials, request.body.token);
      return reply.code(200).send();
    },
  );
}
