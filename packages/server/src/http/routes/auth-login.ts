import { examplePasswords } from '@portcullis/core/passwords';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { normaliseEmail } from '../../domain/names/email-rules.js';
import type { ServiceContext } from '../../services/context.js';
import { authenticateLogin } from '../../services/logins/authenticate-login.js';
import type { EndpointLimits } from '../rate-limits.js';
import { callerOf } from '../request-context.js';
import { ErrorBody, errorResponses, withExample } from '../schemas/common.js';

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

/** A sign-in's body as the API reference shows it: the bootstrap administrator of the README. */
export const loginBodyExample = withExample(LoginBody, {
  email: 'admin@acme.example',
  password: examplePasswords.current,
});

/**
 * The rate limits of every sign-in with email and password: counted per address and per email, on
 * counters all such routes share, so a second way to sign in is no second allowance.
 */
export function signInLimits(limits: EndpointLimits) {
  return limits.hooks((request) => {
    const { email } = request.body as { email: string };
    return normaliseEmail(email) ?? email.trim().toLowerCase();
  });
}

/** People sign in with email and password and get a Bearer token for /api/v1. */
export async function authLoginRoutes(
  app: FastifyInstance,
  opts: { ctx: ServiceContext; limits: EndpointLimits },
): Promise<void> {
  app.post<{ Body: { email: string; password: string } }>(
    '/auth/login',
    {
      ...signInLimits(opts.limits),
      schema: {
        tags: ['auth'],
        summary: 'Sign in as a person and receive an API access token',
        description:
          "A login's email and password → `{accessToken, expiresAt, tokenType}`. Send the token as `Authorization: Bearer …` to the `/api/v1` operations (in this reference: press Authorize and paste it). You act in the default account with your user's roles there; an organization admin holds everything. A wrong email or password is 401 `invalid_credentials`; repeated failures lock the login for a while (429 `too_many_attempts`).",
        body: loginBodyExample,
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
