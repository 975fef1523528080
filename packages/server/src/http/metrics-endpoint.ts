import { createHash, timingSafeEqual } from 'node:crypto';
import { unauthenticated } from '@portcullis/core/errors';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { PortcullisMetrics } from '../runtime/metrics/portcullis-metrics.js';

export const metricsPath = '/metrics';

async function answer(metrics: PortcullisMetrics, reply: FastifyReply): Promise<string> {
  const { contentType, body } = await metrics.exposition();
  reply.type(contentType).header('cache-control', 'no-store');
  return body;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * Refuses a request without `Authorization: Bearer <token>`. Digests are compared, in constant time, so
 * neither the token's bytes nor its length show in how long a refusal takes.
 */
function requireToken(token: string): (request: FastifyRequest) => Promise<void> {
  const expected = digest(token);
  return async (request) => {
    const header = request.headers.authorization;
    if (!header) throw unauthenticated('The metrics need a bearer token.', { auditReason: 'no_credentials' });
    const offered = /^Bearer (.+)$/i.exec(header)?.[1] ?? '';
    if (!timingSafeEqual(digest(offered), expected)) {
      throw unauthenticated('The metrics token is not valid.');
    }
  };
}

/**
 * `GET /metrics` on the public listener, for a scraper holding the token (PORTCULLIS_METRICS_TOKEN). Kept
 * out of the API reference: it is the operator's, not the platform's customers'.
 */
export async function protectedMetricsRoute(
  app: FastifyInstance,
  opts: { metrics: PortcullisMetrics; token: string },
): Promise<void> {
  app.get(metricsPath, { schema: { hide: true }, onRequest: requireToken(opts.token) }, (_request, reply) =>
    answer(opts.metrics, reply),
  );
}

/**
 * `GET /metrics` alone on a listener of its own (PORTCULLIS_METRICS_PORT), without authentication: the
 * address is for the operator's network, where the scraper is, and is not the public one. Returns its stop.
 */
export async function startMetricsListener(
  metrics: PortcullisMetrics,
  host: string,
  port: number,
): Promise<() => Promise<void>> {
  const app = Fastify({ logger: false });
  app.get(metricsPath, (_request, reply) => answer(metrics, reply));
  await app.listen({ host, port });
  return () => app.close();
}
