import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The web console's session: the same session token `POST /api/v1/auth/login` answers, kept in an HttpOnly
 * cookie where the console's JavaScript cannot read it (decisions/0021-console-sessions.md).
 */
export const sessionCookieName = 'portcullis_session';

/** Where a cookie-signed-in request carries its CSRF token. */
export const csrfTokenHeader = 'x-csrf-token';

/** Methods that change nothing, so a cross-site page that makes a browser send them gains nothing. */
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function changesState(request: FastifyRequest): boolean {
  return !safeMethods.has(request.method);
}

/**
 * The session cookie a request authenticates with: only when it sends no Authorization header, which wins
 * (a cross-site page cannot set one, so such a request needs no CSRF token). Undefined where cookies are
 * not parsed (outside /api/v1).
 */
export function sessionCookieOf(request: FastifyRequest): string | undefined {
  if (request.headers.authorization !== undefined) return undefined;
  return request.cookies?.[sessionCookieName];
}

/**
 * The cookie goes only to Portcullis's own paths: under an issuer with a path (https://host/tenant) to that
 * path alone, so other applications on the host never receive the session, and two Portcullis tenants on one
 * host keep a session each. `Secure` when the issuer is HTTPS, or when the request arrived over HTTPS
 * (`request.protocol` honours the trusted proxies): a proxy missing from that list must not make it plain.
 */
function cookieOptions(request: FastifyRequest, issuer: string) {
  const { pathname, protocol } = new URL(issuer);
  return {
    httpOnly: true,
    sameSite: 'strict',
    path: pathname.replace(/\/+$/, '') || '/',
    secure: protocol === 'https:' || request.protocol === 'https',
  } as const;
}

/** The session's token, kept by the browser for as long as the token lives. */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  issuer: string,
  session: { token: string; expiresAt: number },
  nowMs: number,
): void {
  const maxAge = Math.max(0, session.expiresAt - Math.floor(nowMs / 1000));
  reply.setCookie(sessionCookieName, session.token, { ...cookieOptions(request, issuer), maxAge });
}

/** Tells the browser to forget the cookie (`Max-Age=0`), so the console sends the person to sign in. */
export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply, issuer: string): void {
  reply.clearCookie(sessionCookieName, cookieOptions(request, issuer));
}
