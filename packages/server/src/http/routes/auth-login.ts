import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { normaliseEmail } from '../../domain/names/email-rules.js';
import type { ServiceContext } from '../../services/context.js';
import { authenticateLogin } from '../../services/logins/authenticate-login.js';
import type { EndpointLimits } from '../rate-limits.js';
import { callerOf } from '../request-context.js';
import { ErrorBody, errorResponses } from '../schemas/common.js';

const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 320 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);

export const SessionTokenView = Type.Object({
  accessToken: Type.String(),
  expiresAt: Type.Integer({ description: 'Unix seconds.' }),
  tokenType: Type.Literal('Bearer'),
});

/** People sign in with email and password and get a Bearer token for /api/v1. */
export async function authLoginRoutes(
  app: FastifyInstance,
  opts: { ctx: ServiceContext; limits: EndpointLimits },
): Promise<void> {
  app.post<{ Body: { email: string; password: string } }>(
    '/auth/login',
    {
      ...opts.limits.hooks((request) => {
        const { email } = request.body as { email: string };
        return normaliseEmail(email) ?? email.trim().toLowerCase();
      }),
      schema: {
        tags: ['auth'],
        summary: 'Sign in as a person (login) and receive an API access token',
        body: LoginBody,
        response: { 200: SessionTokenView, ...errorResponses, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const issued = await authenticateLogin(opts.ctx, callerOf(request), request.body);
      reply.header('cache-control', 'no-store');
      return { accessToken: issued.accessToken, expiresAt: issued.expiresAt, tokenType: issued.tokenType };
    },
  );
}
