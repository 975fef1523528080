import { isPortcullisError, unauthenticated } from '@portcullis/core/errors';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import type { ServiceContext } from '../../services/context.js';
import { issueClientCredentialsToken } from '../../services/tokens/issue-client-credentials-token.js';
import type { EndpointLimits } from '../rate-limits.js';
import { callerOf } from '../request-context.js';
import { ErrorBody, withExample } from '../schemas/common.js';

const LoginBody = Type.Object(
  {
    accessKey: Type.String({ minLength: 1, maxLength: 128, description: "User's access key" }),
    secretKey: Type.String({ minLength: 1, maxLength: 256, description: "User's secret key" }),
  },
  { additionalProperties: false },
);
const LoginResponse = Type.Object({
  accessToken: Type.String(),
  expiresAt: Type.Integer({ description: 'Unix seconds.' }),
  tokenType: Type.Literal('Bearer'),
});

/**
 * Firefly's API, exactly: `POST /v2/login {accessKey, secretKey}` → `{accessToken, expiresAt, tokenType}`,
 * 401 on any failure, a body that does not parse or fit included (the error handler's `access-key-login` format);
 * `GET /v2/health` → 204. The exchange is the client-credentials grant underneath, so
 * every rule (inheritance, programmatic access, network policy, audit) applies unchanged.
 */
export async function accessKeyLoginRoutes(
  app: FastifyInstance,
  opts: { ctx: ServiceContext; tokenLimits: EndpointLimits },
): Promise<void> {
  app.post<{ Body: Static<typeof LoginBody> }>(
    '/v2/login',
    {
      config: { errorFormat: 'access-key-login' },
      // The access key is the client id: its limit is shared with /oauth/token.
      ...opts.tokenLimits.hooks((request) => (request.body as Static<typeof LoginBody>).accessKey),
      schema: {
        tags: ['access keys'],
        summary: 'Exchange an access key pair for an access token',
        description:
          "The login Firefly's clients use: `{accessKey, secretKey}` from `POST /api/v1/users/me/access-keys` → `{accessToken, expiresAt, tokenType}`. Underneath it is the client-credentials grant with every rule of `POST /oauth/token`. Every refusal is a 401, as those clients expect (a wrong Content-Type stays 415, a rate limit 429); the audit log keeps the real reason.",
        body: withExample(LoginBody, { accessKey: 'sa_…', secretKey: 'pcs_…' }),
        response: { 200: LoginResponse, 401: ErrorBody, 415: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      try {
        const issued = await issueClientCredentialsToken(opts.ctx, callerOf(request), {
          clientId: request.body.accessKey,
          clientSecret: request.body.secretKey,
        });
        reply.header('cache-control', 'no-store');
        return { accessToken: issued.accessToken, expiresAt: issued.expiresAt, tokenType: issued.tokenType };
      } catch (error) {
        // Firefly promises a 401 for every refused key pair; the audit event keeps the real reason.
        if (isPortcullisError(error) && ['invalid_client', 'unauthorized_client'].includes(error.code)) {
          throw unauthenticated('The access key or secret key is wrong.', { auditReason: error.auditReason });
        }
        throw error;
      }
    },
  );

  app.get(
    '/v2/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Health check of the access-key login API',
        description:
          "204 with no body, which is what Firefly's clients check. It does not ask the database; `GET /health` does.",
        response: { 204: Type.Null() },
      },
    },
    async (_request, reply) => reply.code(204).send(),
  );
}
