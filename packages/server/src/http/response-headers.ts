import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

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
 * Every answer: helmet's headers (nosniff, frame denial, no referrer, HSTS, cross-origin isolation) with
 * the strict policy above, and `cache-control: no-store`, set as the request starts so errors carry it
 * too. Answers without account data that caches may keep (the JWKS, the metadata, the reference) set
 * their own. The scope of the reference relaxes both with `referenceHeaders`.
 */
export async function securityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: answerPolicy },
    frameguard: { action: 'deny' },
  });
  app.addHook('onRequest', (_request, reply, done) => {
    reply.header('cache-control', 'no-store');
    done();
  });
}

/**
 * For the scope the reference (@fastify/swagger-ui) is registered in, before it: its pages get the
 * reference's policy, and its static assets their own caching.
 */
export function referenceHeaders(scope: FastifyInstance, apiOrigin: string): void {
  scope.addHook('onRoute', function (route) {
    const { swaggerCSP } = this as FastifyInstance & { swaggerCSP: { script: string[]; style: string[] } };
    // Where @fastify/helmet reads a route's own options (its `helmet` route option lands there too).
    route.config = {
      ...route.config,
      helmet: {
        contentSecurityPolicy: { useDefaults: false, directives: referencePolicy(swaggerCSP, apiOrigin) },
      },
    } as typeof route.config;
  });
  scope.addHook('onRequest', (_request, reply, done) => {
    reply.removeHeader('cache-control');
    done();
  });
}
