import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context.js';
import { useStrictFormBodies } from '../input/strict-body-parsers.js';
import type { EndpointLimits } from '../rate-limits.js';
import { introspectionEndpoint } from './introspection-endpoint.js';
import { revocationEndpoint } from './revocation-endpoint.js';
import { tokenEndpoint } from './token-endpoint.js';

/**
 * The form-encoded OAuth endpoints (RFC 6749, 7662, 7009) share this scope: bodies are
 * application/x-www-form-urlencoded and nothing else (JSON is an invalid_request here), and no answer
 * may be cached.
 */
export async function oauthEndpoints(
  app: FastifyInstance,
  opts: { ctx: ServiceContext; tokenLimits: EndpointLimits },
): Promise<void> {
  app.removeAllContentTypeParsers();
  useStrictFormBodies(app);
  // Set when the request starts, so every answer (errors included) has them; a callback hook, no promise.
  app.addHook('onRequest', (_request, reply, done) => {
    reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    done();
  });
  tokenEndpoint(app, { ctx: opts.ctx, limits: opts.tokenLimits });
  introspectionEndpoint(app, opts);
  revocationEndpoint(app, opts);
}
