import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { newCsrfToken } from '../../domain/secrets/csrf-token.js';
import { authenticateBearer } from '../../services/authentication/authenticate-bearer.js';
import type { ServiceContext } from '../../services/context.js';
import { authenticateLogin } from '../../services/logins/authenticate-login.js';
import { describeSession, type SessionDescription } from '../../services/logins/describe-session.js';
import { logout } from '../../services/logins/logout.js';
import type { EndpointLimits } from '../rate-limits.js';
import { callerOf } from '../request-context.js';
import { ErrorBody, errorResponses } from '../schemas/common.js';
import {
  clearSessionCookie,
  csrfTokenHeader,
  sessionCookieName,
  sessionCookieOf,
  setSessionCookie,
} from '../session-cookie.js';
import { loginBodyExample, signInLimits } from './auth-login.js';

const tags = ['auth'];

const csrfTokenText = `Send it as \`${csrfTokenHeader}\` with every POST, PUT, PATCH and DELETE made with the session cookie.`;

const SessionView = Type.Object(
  {
    login: Type.Object({
      id: Type.String(),
      email: Type.String(),
      name: Type.String(),
      isOrganizationAdmin: Type.Boolean(),
      isPlatformOperator: Type.Boolean(),
    }),
    organization: Type.Object({
      id: Type.String(),
      name: Type.String(),
      displayName: Type.String(),
      programmaticAccessAvailable: Type.Boolean(),
      programmaticAccessEnabled: Type.Boolean(),
    }),
    user: Type.Union(
      [
        Type.Object({
          id: Type.String(),
          accountId: Type.String(),
          name: Type.String(),
          roleIds: Type.Array(Type.String()),
        }),
        Type.Null(),
      ],
      { description: 'Your user in the default account, where a session acts; null without one.' },
    ),
    permissions: Type.Array(Type.String(), {
      description:
        'Every single `resource:action` you hold now in the default account, in catalog order (an organization admin holds every one).',
    }),
    expiresAt: Type.Integer({ description: 'Unix seconds.' }),
    csrfToken: Type.Optional(
      Type.String({ description: `Sessions of the cookie only: a fresh CSRF token. ${csrfTokenText}` }),
    ),
  },
  { $id: 'Session' },
);

function sessionView(session: SessionDescription, csrfToken: string | undefined) {
  const { login, organization, user } = session;
  return {
    login: {
      id: login.id,
      email: login.email,
      name: login.name,
      isOrganizationAdmin: login.isOrganizationAdmin,
      isPlatformOperator: login.isPlatformOperator,
    },
    organization: {
      id: organization.id,
      name: organization.name,
      displayName: organization.displayName,
      programmaticAccessAvailable: organization.programmaticAccessAvailable,
      programmaticAccessEnabled: organization.programmaticAccessEnabled,
    },
    user: user
      ? { id: user.user.id, accountId: user.user.accountId, name: user.user.name, roleIds: user.roleIds }
      : null,
    permissions: session.permissions,
    expiresAt: session.expiresAt,
    ...(csrfToken === undefined ? {} : { csrfToken }),
  };
}

/**
 * The web console signs in here: the session token goes into an HttpOnly cookie, never into the answer,
 * so the console's JavaScript never holds it (decisions/0021-console-sessions.md). The sign-in itself is
 * `POST /auth/login`'s, with its rate limits, lockouts and audit.
 */
export async function consoleSignInRoutes(
  app: FastifyInstance,
  opts: { ctx: ServiceContext; limits: EndpointLimits },
): Promise<void> {
  const { ctx } = opts;
  app.post<{ Body: { email: string; password: string } }>(
    '/auth/session',
    {
      ...signInLimits(opts.limits),
      schema: {
        tags,
        summary: 'Sign in in a browser: the session goes into an HttpOnly cookie',
        description: `For the web console. The same email and password, limits and lockouts as \`POST /api/v1/auth/login\`, but the session token is set as the cookie \`${sessionCookieName}\` (HttpOnly, SameSite=Strict, Secure over HTTPS) and left out of the answer, which describes you as \`GET /api/v1/auth/session\` does, with a \`csrfToken\`. ${csrfTokenText} A wrong email or password is 401 \`invalid_credentials\` and sets no cookie. Scripts keep using \`POST /api/v1/auth/login\` and Bearer tokens.`,
        body: loginBodyExample,
        response: { 200: SessionView, ...errorResponses, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const issued = await authenticateLogin(ctx, caller, request.body);
      const actor = await authenticateBearer(ctx, issued.accessToken);
      const session = await describeSession(ctx, { ...caller, actor });
      setSessionCookie(
        request,
        reply,
        ctx.issuer,
        { token: issued.accessToken, expiresAt: issued.expiresAt },
        ctx.clock(),
      );
      reply.header('cache-control', 'no-store');
      return sessionView(session, newCsrfToken(ctx.keys.csrfTokenKey, session.sessionId));
    },
  );
}

/** Who am I, and sign out, for a session of the cookie or a Bearer one. */
export async function consoleSessionRoutes(
  app: FastifyInstance,
  opts: { ctx: ServiceContext },
): Promise<void> {
  const { ctx } = opts;
  const byCookie = (request: FastifyRequest) => sessionCookieOf(request) !== undefined;

  app.get(
    '/auth/session',
    {
      schema: {
        tags,
        summary: 'Who am I: your login, organization, user and permissions now',
        description: `Your session as the console draws itself from it: your login, your organization, your user in the default account (null without one) with its roles, and \`permissions\`, every \`resource:action\` you hold now (the console disables what you lack). Read again on every call, so a role granted or taken shows at once. With the session cookie it also answers a fresh \`csrfToken\`, so a reloaded page can go on making changes. A service account's token or credentials have no session: 403 \`permission_denied\`.`,
        response: { 200: SessionView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const session = await describeSession(ctx, callerOf(request));
      reply.header('cache-control', 'no-store');
      const csrfToken = byCookie(request)
        ? newCsrfToken(ctx.keys.csrfTokenKey, session.sessionId)
        : undefined;
      return sessionView(session, csrfToken);
    },
  );

  app.delete(
    '/auth/session',
    {
      schema: {
        tags,
        summary: 'Sign out in a browser: end this session and clear its cookie',
        description: `Ends the session it is called with, on every node, as \`POST /api/v1/auth/logout\` does, and clears the cookie \`${sessionCookieName}\`. With the cookie it needs the session's CSRF token in \`${csrfTokenHeader}\`. The same cookie sent again is 401.`,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await logout(ctx, callerOf(request), { allSessions: false });
      clearSessionCookie(request, reply, ctx.issuer);
      return reply.code(204).send();
    },
  );
}
