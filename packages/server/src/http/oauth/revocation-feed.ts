import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import type { ServiceContext } from '../../services/context.js';
import { readRevocationFeed } from '../../services/revocation/read-revocation-feed.js';
import { callerOf } from '../request-context.js';
import { errorResponses, isoTime } from '../schemas/common.js';

const FeedQuery = Type.Object(
  {
    after: Type.Optional(
      Type.String({
        pattern: '^[0-9]{1,15}$',
        description: 'The cursor of the previous answer; absent to start from the oldest event kept.',
      }),
    ),
    wait: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 30, default: 0, description: 'Long-poll seconds.' }),
    ),
  },
  { additionalProperties: false },
);

const FeedEvent = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('token'), Type.Literal('subject')]),
  jti: Type.Optional(Type.String({ description: 'kind=token: this token is revoked.' })),
  subject: Type.Optional(Type.String({ description: 'kind=subject: tokens of this subject…' })),
  notBefore: Type.Optional(Type.Integer({ description: '…issued (iat) before this Unix second are void.' })),
  reason: Type.String(),
  effect: Type.Union([Type.Literal('void'), Type.Literal('recheck')], {
    description:
      'void: the tokens are dead; recheck: their claims may be stale. Verifiers without live state reject both.',
  }),
  createdAt: Type.String({ format: 'date-time' }),
});

/** GET /oauth/revocations: what resource servers must stop honouring; see docs/revocation.md. */
export async function revocationFeedRoutes(
  app: FastifyInstance,
  opts: { ctx: ServiceContext },
): Promise<void> {
  app.get<{ Querystring: Static<typeof FeedQuery> }>(
    '/oauth/revocations',
    {
      schema: {
        tags: ['oauth'],
        summary: 'Revocation feed: revoked tokens and per-subject not-before times (long-poll with wait)',
        querystring: FeedQuery,
        response: {
          200: Type.Object({
            events: Type.Array(FeedEvent),
            cursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const aborted = new AbortController();
      request.raw.once('close', () => aborted.abort());
      const page = await readRevocationFeed(
        opts.ctx,
        callerOf(request),
        request.query.after,
        request.query.wait ?? 0,
        aborted.signal,
      );
      reply.header('cache-control', 'no-store');
      return {
        cursor: page.cursor,
        events: page.events.map((e) => ({
          id: e.id,
          kind: e.kind,
          ...(e.kind === 'token'
            ? { jti: e.jti }
            : { subject: e.subject, notBefore: Math.floor(e.notBefore / 1000) }),
          reason: e.reason,
          effect: e.effect,
          createdAt: isoTime(e.createdAt),
        })),
      };
    },
  );
}
