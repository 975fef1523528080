import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** The path the server serves the console under (its issuer's path), '' at the root. */
export const basePath = new URL(document.baseURI).pathname.replace(/\/$/, '');

/** This server as the browser reaches it, for the commands the console gives people to paste. */
export const serverUrl = `${window.location.origin}${basePath}`;

let csrfToken: string | undefined;
let onSessionEnded: (() => void) | undefined;

/** The token that proves a state-changing call comes from this page; the session answers it. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called when the API says the session is over (expired, signed out elsewhere, password changed). */
export function whenSessionEnds(handler: () => void): void {
  onSessionEnded = handler;
}

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    if (csrfToken && !['GET', 'HEAD'].includes(request.method))
      request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url).pathname.endsWith('/api/v1/auth/session')) {
      onSessionEnded?.();
    }
    return response;
  },
};

/** The API, typed from the server's OpenAPI document (src/api/schema.d.ts); the session cookie goes along. */
export const api = createClient<paths>({
  baseUrl: serverUrl,
  credentials: 'same-origin',
});
api.use(sessionMiddleware);
