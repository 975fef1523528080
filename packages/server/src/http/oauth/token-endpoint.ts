import { PortcullisError } from '@portcullis/core/errors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import type { ServiceContext } from '../../services/context.js';
import { issueClientCredentialsToken } from '../../services/tokens/issue-client-credentials-token.js';
import { asPortcullisError } from '../error-handler.js';
import type { EndpointLimits } from '../rate-limits.js';
import { callerOf } from '../request-context.js';
import { OAuthErrorBody, withExample } from '../schemas/common.js';
import { clientCredentialsOf, parseBasicCredentials } from './client-authentication.js';

const param = (description: string) => Type.Optional(Type.String({ maxLength: 2048, description }));

// Unknown parameters are allowed and ignored (RFC 6749 §3.2); a repeated one arrives as an array and fails
// the string type, which is the invalid_request RFC 6749 §3.2 asks for.
const TokenRequest = Type.Object({
  grant_type: param('client_credentials'),
  client_id: param('client_secret_post: the service account id'),
  client_secret: param('client_secret_post: the secret'),
  audience: param('Audience of the token; defaults to the issuer.'),
  resource: param('RFC 8707 resource indicator; used as the audience when audience is absent.'),
  scope: param('Space-separated resource:action permissions to narrow the token to.'),
  account: param('Account id or name to act in. Default: the only one, else the default account.'),
});

const TokenResponse = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer(),
  scope: Type.String({
    description:
      "The permissions the token carries (RFC 6749 §5.1), as its `scope` claim has them: the canonical form, then each platform permission spelled out while the claim stays within the server's budget.",
  }),
});

const supportedGrantTypes = new Set(['client_credentials']);

/** The client id a token request names, for its rate limit; a malformed Basic header names none. */
function claimedClientId(request: FastifyRequest): string | undefined {
  const authorization = request.headers.authorization;
  if (authorization && /^Basic\s/i.test(authorization)) {
    try {
      return parseBasicCredentials(authorization, 'invalid_client').clientId;
    } catch {
      return undefined;
    }
  }
  return (request.body as Static<typeof TokenRequest> | undefined)?.client_id;
}

/** POST /oauth/token (RFC 6749 §4.4 client credentials), form-encoded only. */
export function tokenEndpoint(
  app: FastifyInstance,
  opts: { ctx: ServiceContext; limits: EndpointLimits },
): void {
  app.post<{ Body: Static<typeof TokenRequest> }>(
    '/oauth/token',
    {
      config: { errorFormat: 'oauth', sampledRequestLog: true },
      ...opts.limits.hooks(claimedClientId),
      // Every refusal, from the rate limits' hooks on, is counted here; a callback hook, run only on errors.
      onError: (_request, _reply, error, done) => {
        opts.ctx.metrics.tokenRefused(asPortcullisError(error));
        done();
      },
      schema: {
        tags: ['oauth'],
        summary: 'Exchange client credentials for an access token',
        description:
          'The client-credentials grant (RFC 6749 §4.4), form-encoded. The client authenticates with `client_id` and `client_secret` in the form, or with HTTP Basic (id and secret, each form-encoded, RFC 6749 §2.3.1), not both. The token is an RFC 9068 JWT with the permissions of the user the service account acts through in the account (`account`, else its only one, else the default account), narrowed by `scope`; `audience` (or `resource`) names the API it is for, and without one it is for this API. Errors follow RFC 6749 §5.2: `invalid_client` is a 401 with `WWW-Authenticate`; a service account tied to no user is `unauthorized_client`.',
        consumes: ['application/x-www-form-urlencoded'],
        body: withExample(TokenRequest, {
          grant_type: 'client_credentials',
          client_id: 'sa_…',
          client_secret: 'pcs_…',
          audience: 'https://api.acme.example',
        }),
        response: {
          200: TokenResponse,
          400: OAuthErrorBody,
          401: OAuthErrorBody,
          413: OAuthErrorBody,
          429: OAuthErrorBody,
        },
      },
    },
    async (request, reply) => {
      const body = request.body ?? {};
      const query = request.query as Record<string, unknown>;
      if ('client_secret' in query) {
        throw new PortcullisError(
          'invalid_request',
          'client_secret must not be sent in the URL (RFC 6749 §2.3.1).',
        );
      }
      if (!body.grant_type) throw new PortcullisError('invalid_request', 'grant_type is required.');
      if (!supportedGrantTypes.has(body.grant_type)) {
        throw new PortcullisError(
          'unsupported_grant_type',
          'Only grant_type=client_credentials is supported.',
        );
      }
      const credentials = clientCredentialsOf(request.headers.authorization, body);
      const issued = await issueClientCredentialsToken(opts.ctx, callerOf(request), {
        clientId: credentials.clientId,
        clientSecret: credentials.clientSecret,
        audience: body.audience,
        resource: body.resource,
        scope: body.scope,
        account: body.account,
      });
      opts.ctx.metrics.tokenIssued(reply.elapsedTime / 1000);
      return {
        access_token: issued.accessToken,
        token_type: issued.tokenType,
        expires_in: issued.expiresIn,
        scope: issued.scope,
      };
    },
  );
}
