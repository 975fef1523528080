import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';

/** Liveness that means something: 200 only when the database answers. */
export async function healthRoutes(app: FastifyInstance, opts: { ping: () => Promise<void> }): Promise<void> {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Health check',
        description:
          'For load balancers and orchestrators, no credentials: 200 `{"status": "ok"}` while the database answers a query, 503 `{"status": "unavailable"}` when it does not.',
        response: {
          200: Type.Object({ status: Type.Literal('ok') }),
          503: Type.Object({ status: Type.Literal('unavailable') }),
        },
      },
    },
    async (request, reply) => {
      try {
        await opts.ping();
        return { status: 'ok' as const };
      } catch (error) {
        request.log.error({ err: error }, 'database does not answer');
        return reply.code(503).send({ status: 'unavailable' as const });
      }
    },
  );
}
