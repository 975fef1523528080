import { isPortcullisError, PortcullisError, unauthenticated } from '@portcullis/core/errors';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isCsrfTokenOf } from '../domain/secrets/csrf-token.js';
import { authenticateBasic } from '../services/authentication/authenticate-basic.js';
import { authenticateBearer, type BearerOptions } from '../services/authentication/authenticate-bearer.js';
import type { Actor, ServiceContext } from '../services/context.js';
import { parseBasicCredentials } from './oauth/client-authentication.js';
import { callerOf } from './request-context.js';
import { changesState, clearSessionCookie, csrfTokenHeader, sessionCookieOf } from './session-cookie.js';

export interface AuthenticationOptions extends BearerOptions {
  /** Accept the console's session cookie when no Authorization header is sent. */
  sessionCookie?: boolean;
}

/**
 * An onRequest hook: runs before the body is read, so an anonymous caller learns nothing about schemas.
 * Accepts a Bearer access token, HTTP Basic client credentials (Firefly's alternative), or, where asked,
 * the console's session cookie. `reply` is absent when an open stream checks its caller again.
 */
export function authenticateRequest(ctx: ServiceContext, options: AuthenticationOptions = {}) {
  const { sessionCookie, ...bearerOptions } = options;
  return async (request: FastifyRequest, reply?: FastifyReply): Promise<void> => {
    const header = request.headers.authorization ?? '';
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (bearer?.[1]) {
      request.actor = await authenticateBearer(ctx, bearer[1], bearerOptions);
      return;
    }
    if (/^Basic\s/i.test(header)) {
      const credentials = parseBasicCredentials(header, 'unauthenticated');
      request.actor = await authenticateBasic(ctx, callerOf(request), credentials);
      return;
    }
    const cookie = sessionCookie ? sessionCookieOf(request) : undefined;
    if (cookie !== undefined) {
      request.actor = await authenticateSessionCookie(ctx, request, reply, cookie);
      return;
    }
    throw unauthenticated('This route needs a Bearer access token or Basic client credentials.', {
      auditReason: 'no_credentials',
    });
  };
}

/**
 * The cookie holds a person's session token, checked as a Bearer token is. A refused one is cleared, so the
 * console sends the person to sign in instead of sending it again. A change must carry the session's CSRF
 * token: the browser sends the cookie with requests a cross-site page makes it send, never that header.
 */
async function authenticateSessionCookie(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply | undefined,
  token: string,
): Promise<Actor> {
  let actor: Actor;
  try {
    actor = await authenticateBearer(ctx, token);
    if (actor.type !== 'login' || !actor.session) {
      throw unauthenticated("The session cookie holds no person's session.");
    }
  } catch (error) {
    if (reply && isPortcullisError(error) && error.code === 'unauthenticated') {
      clearSessionCookie(request, reply, ctx.issuer);
    }
    throw error;
  }
  const presented = request.headers[csrfTokenHeader];
  if (changesState(request) && !isCsrfTokenOf(ctx.keys.csrfTokenKey, actor.session.jti, presented)) {
    throw new PortcullisError(
      'csrf_token_invalid',
      `A change made with the session cookie needs this session's CSRF token in ${csrfTokenHeader} (the csrfToken of GET /api/v1/auth/session).`,
    );
  }
  return actor;
}
