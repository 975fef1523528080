import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { firstTrustedSecond } from '../../domain/revocation/not-before.js';
import type { ServiceContext } from '../../services/context.js';
import {
  type RevocationFeedPage,
  readRevocationFeed,
} from '../../services/revocation/read-revocation-feed.js';
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
  // Closing waits for requests in flight; a long-poll would hold it for up to its 30 s wait.
  const closing = new AbortController();
  app.addHook('preClose', (done) => {
    closing.abort();
    done();
  });
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
      // A controller per request, not AbortSignal.any: on Node 20 (20.20 still) that keeps every combined
      // signal alive as long as the app's own (nodejs/node#55351).
      const waitEnded = new AbortController();
      const endWait = () => waitEnded.abort();
      request.raw.once('close', endWait);
      // A request still in its authentication hook when closing began reaches here after the abort.
      if (closing.signal.aborted) endWait();
      closing.signal.addEventListener('abort', endWait, { once: true });
      let page: RevocationFeedPage;
      try {
        page = await readRevocationFeed(
          opts.ctx,
          callerOf(request),
          request.query.after,
          request.query.wait ?? 0,
          waitEnded.signal,
        );
      } finally {
        closing.signal.removeEventListener('abort', endWait);
      }
      reply.header('cache-control', 'no-store');
      // Closing also waits for open connections, and a kept-alive one would be held by the client.
      if (closing.signal.aborted) reply.header('connection', 'close');
      return {
        cursor: page.cursor,
        events: page.events.map((e) => ({
          id: e.id,
          kind: e.kind,
          ...(e.kind === 'token'
            ? { jti: e.jti }
            : { subject: e.subject, notBefore: firstTrustedSecond(e.notBefore) }),
          reason: e.reason,
          effect: e.effect,
          createdAt: isoTime(e.createdAt),
        })),
      };
    },
  );
}
