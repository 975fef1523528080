import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import type { ServiceContext } from '../../services/context.js';
import { introspectToken } from '../../services/tokens/introspect-token.js';
import { OAuthErrorBody, withExample } from '../schemas/common.js';
import { callerOfOAuthRequest } from './caller-of-oauth-request.js';

const IntrospectionRequest = Type.Object({
  token: Type.String({ minLength: 1, maxLength: 8192 }),
  token_type_hint: Type.Optional(Type.String({ maxLength: 64 })),
  client_id: Type.Optional(Type.String({ maxLength: 2048 })),
  client_secret: Type.Optional(Type.String({ maxLength: 2048 })),
});

const IntrospectionResponse = Type.Object(
  {
    active: Type.Boolean(),
    scope: Type.Optional(Type.String({ description: "The token's scope ∩ what the credential may do now." })),
    client_id: Type.Optional(Type.String()),
    sub: Type.Optional(Type.String()),
    aud: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])),
    iss: Type.Optional(Type.String()),
    exp: Type.Optional(Type.Integer()),
    iat: Type.Optional(Type.Integer()),
    jti: Type.Optional(Type.String()),
    token_type: Type.Optional(Type.String()),
    org_id: Type.Optional(Type.String()),
    account_id: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

/** POST /oauth/introspect (RFC 7662), for callers holding portcullis.introspection:run. */
export function introspectionEndpoint(app: FastifyInstance, opts: { ctx: ServiceContext }): void {
  app.post<{ Body: Static<typeof IntrospectionRequest> }>(
    '/oauth/introspect',
    {
      config: { errorFormat: 'oauth' },
      schema: {
        tags: ['oauth'],
        summary: 'Token introspection (RFC 7662): live active and scope',
        description:
          "Whether a token is active now (RFC 7662), judged on live state rather than on the token alone: revocations, the credential and its user, the organization's switch; `scope` is what the token may still do. For resource servers that hold `portcullis.introspection:run`, authenticating as a client (Basic, or `client_id` and `client_secret` in the form) or with a Bearer token for this API.",
        consumes: ['application/x-www-form-urlencoded'],
        body: withExample(IntrospectionRequest, { token: 'eyJ…', client_id: 'sa_…', client_secret: 'pcs_…' }),
        response: {
          200: IntrospectionResponse,
          400: OAuthErrorBody,
          401: OAuthErrorBody,
          403: OAuthErrorBody,
        },
      },
    },
    async (request) =>
      introspectToken(opts.ctx, await callerOfOAuthRequest(opts.ctx, request), request.body.token),
  );
}
