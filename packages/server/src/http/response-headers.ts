import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

type Directives = Record<string, string[]>;

/** A JSON answer loads nothing and is shown in no frame. */
const answerPolicy: Directives = {
  'default-src': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The one inline style swagger-ui renders: a `<style>` inside the SVG logo of its standalone preset.
 * test/http/response-headers.test.ts hashes the inline styles of the shipped assets, so an upgrade of
 * swagger-ui that changes them fails there rather than in a browser's console.
 */
export const referenceInlineStyleHashes = ["'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='"];

/**
 * The API reference: swagger-ui's own scripts, styles and images from this server (its page has no inline
 * script; the hashes @fastify/swagger-ui publishes for its version are added all the same), and "Try it
 * out" calls to the API it describes. No `upgrade-insecure-requests`: a reference served over plain HTTP
 * (on a laptop) would have every asset rewritten to an https URL that is not there.
 */
function referencePolicy(swaggerCSP: { script: string[]; style: string[] }, apiOrigin: string): Directives {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'connect-src': ["'self'", apiOrigin],
    'font-src': ["'self'", 'data:'],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'img-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'script-src': ["'self'", ...swaggerCSP.script],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", ...referenceInlineStyleHashes, ...swaggerCSP.style],
  };
}

/**
 * helmet's headers for one policy, computed once by running its middleware against a recorder. They depend
 * on nothing in the request, and running the middleware per request (a dozen `setHeader` calls through
 * @fastify/helmet) cost about a tenth of a token request's CPU.
 */
function helmetHeaders(directives: Directives): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet({ contentSecurityPolicy: { useDefaults: false, directives }, frameguard: { action: 'deny' } })(
    {} as IncomingMessage,
    recorder as unknown as ServerResponse,
    () => undefined,
  );
  return Object.freeze(headers);
}

/**
 * Every answer's headers: helmet's (nosniff, frame denial, no referrer, HSTS, cross-origin isolation) with
 * the strict policy above, and `cache-control: no-store`; build-app.ts sets them as the request starts, so
 * errors carry them too. Answers without account data that caches may keep (the JWKS, the metadata, the
 * reference) set their own. The scope of the reference relaxes both with `referenceHeaders`.
 */
export const answerHeaders: Readonly<Record<string, string>> = Object.freeze({
  ...helmetHeaders(answerPolicy),
  'cache-control': 'no-store',
});

/**
 * The console: its own scripts and styles from this server and calls to this API, nothing else. Inline
 * styles are allowed: the component library (Mantine) sets its theme's CSS variables in a `<style>` element
 * and positions popovers with `style` attributes; scripts stay strictly our own files.
 */
const consolePolicy: Directives = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
};

export const consoleHeaders: Readonly<Record<string, string>> = helmetHeaders(consolePolicy);

/**
 * For the scope the reference (@fastify/swagger-ui) is registered in, before it: its pages get the
 * reference's policy, and its static assets their own caching.
 */
export function referenceHeaders(scope: FastifyInstance, apiOrigin: string): void {
  let headers: Readonly<Record<string, string>> | undefined;
  scope.addHook('onRoute', function () {
    const { swaggerCSP } = this as FastifyInstance & { swaggerCSP: { script: string[]; style: string[] } };
    headers ??= helmetHeaders(referencePolicy(swaggerCSP, apiOrigin));
  });
  scope.addHook('onRequest', (_request, reply, done) => {
    if (headers) reply.headers(headers);
    reply.removeHeader('cache-control');
    done();
  });
}
