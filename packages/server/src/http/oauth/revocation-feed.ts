import { fastifySSE, type SSEMessage, type SSEReplyInterface } from '@fastify/sse';
import { invalidField, isPortcullisError, statusOf } from '@portcullis/core/errors';
import { firstTrustedSecond } from '@portcullis/core/revocation';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import type { ServiceContext } from '../../services/context.js';
import {
  type RevocationFeedPage,
  readRevocationFeed,
  requireFeedReader,
} from '../../services/revocation/read-revocation-feed.js';
import type { FeedEvent as StoredFeedEvent } from '../../store/repositories/revocations.js';
import { allowQuietAnswer } from '../connection-limits.js';
import { callerOf } from '../request-context.js';
import { errorResponses, isoTime } from '../schemas/common.js';

const cursorPattern = '^[0-9]{1,15}$';
const cursorFormat = new RegExp(cursorPattern);

const FeedQuery = Type.Object(
  {
    after: Type.Optional(
      Type.String({
        pattern: cursorPattern,
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

function feedEventBody(e: StoredFeedEvent): Static<typeof FeedEvent> {
  return {
    id: e.id,
    kind: e.kind,
    ...(e.kind === 'token'
      ? { jti: e.jti }
      : { subject: e.subject, notBefore: firstTrustedSecond(e.notBefore) }),
    reason: e.reason,
    effect: e.effect,
    createdAt: isoTime(e.createdAt),
  };
}

/** How long an idle stream waits between checks that its caller may still read the feed. */
const streamRecheckSeconds = 5;
/** Comment lines on an idle stream, so proxies do not close it. */
const heartbeatMs = 15_000;
/** Beyond a quiet answer's own wait, for the reading and writing around it. */
const quietMarginMs = 5_000;

export interface RevocationFeedOptions {
  ctx: ServiceContext;
  /** The route's authentication hook, run again while a stream is open (it sets `request.actor`). */
  authenticate: (request: FastifyRequest) => Promise<void>;
}

/**
 * GET /oauth/revocations: what resource servers must stop honouring; see docs/revocation.md. JSON pages,
 * long-polled with `wait`, or with `Accept: text/event-stream` one open stream of server-sent events whose
 * ids are feed positions, so an EventSource that reconnects resumes with Last-Event-ID.
 */
export async function revocationFeedRoutes(app: FastifyInstance, opts: RevocationFeedOptions): Promise<void> {
  // Closing waits for requests in flight; a long-poll would hold it for up to its 30 s wait, a stream for ever.
  const closing = new AbortController();
  app.addHook('preClose', (done) => {
    closing.abort();
    done();
  });
  await app.register(fastifySSE, { heartbeatInterval: heartbeatMs });

  /**
   * Events after `after`, as they commit, until the caller goes away, the server closes, or the caller may
   * no longer read the feed: before each page it is authenticated again (a disabled account, a revoked
   * token, a lost permission end the stream; the client's reconnection then gets the refusal).
   */
  async function* stream(
    request: FastifyRequest,
    after: string | undefined,
    signal: AbortSignal,
  ): AsyncGenerator<SSEMessage> {
    let cursor = after;
    for (let first = true; !signal.aborted; first = false) {
      let page: RevocationFeedPage;
      try {
        if (!first) await opts.authenticate(request);
        page = await readRevocationFeed(opts.ctx, callerOf(request), cursor, streamRecheckSeconds, signal);
      } catch (error) {
        // The answer has begun, so a refusal can only end it; the client's reconnection is then refused.
        if (!isPortcullisError(error) || statusOf(error.code) >= 500) {
          request.log.error({ err: error }, 'revocation feed stream ended by a failure');
        }
        return;
      }
      for (const e of page.events) {
        yield { id: String(e.position), event: 'revocation', data: feedEventBody(e) };
      }
      cursor = page.cursor ?? cursor;
    }
  }

  app.get<{ Querystring: Static<typeof FeedQuery> }>(
    '/oauth/revocations',
    {
      sse: 'dual',
      schema: {
        tags: ['oauth'],
        summary:
          'Revocation feed: revoked tokens and per-subject not-before times (long-poll, or event stream)',
        description:
          'With `Accept: text/event-stream`: server-sent events named `revocation`, each carrying one event ' +
          'below as JSON and its feed position as id; a reconnecting client resumes with Last-Event-ID.',
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
      const ended = new AbortController();
      const end = () => ended.abort();
      request.raw.once('close', end);
      // A request still in its authentication hook when closing began reaches here after the abort.
      if (closing.signal.aborted) end();
      closing.signal.addEventListener('abort', end, { once: true });
      try {
        const sse = reply.sse as SSEReplyInterface | undefined;
        if (sse) {
          const resumeAt = sse.lastEventId ?? request.query.after;
          if (resumeAt !== undefined && !cursorFormat.test(resumeAt)) {
            throw invalidField(
              'Last-Event-ID',
              `must match pattern "${cursorPattern}"`,
              'Last-Event-ID is not a feed position.',
            );
          }
          // Refused before the stream opens, so the refusal is an answer rather than an empty stream.
          requireFeedReader(callerOf(request));
          allowQuietAnswer(request, heartbeatMs + quietMarginMs);
          // The stream is one response; when it ends, so does the connection (and server close is not held).
          reply.header('cache-control', 'no-store').header('connection', 'close');
          // Open at once: a follower learns it is connected before the first event, which may be far off.
          sse.sendHeaders();
          reply.raw.flushHeaders();
          const left = opts.ctx.metrics.followerWaiting('stream');
          try {
            await sse.send(stream(request, resumeAt, ended.signal));
          } finally {
            left();
          }
          return;
        }
        allowQuietAnswer(request, (request.query.wait ?? 0) * 1000 + quietMarginMs);
        const page = await readRevocationFeed(
          opts.ctx,
          callerOf(request),
          request.query.after,
          request.query.wait ?? 0,
          ended.signal,
          'long_poll',
        );
        reply.header('cache-control', 'no-store');
        // Closing also waits for open connections, and a kept-alive one would be held by the client.
        if (closing.signal.aborted) reply.header('connection', 'close');
        return { cursor: page.cursor, events: page.events.map(feedEventBody) };
      } finally {
        closing.signal.removeEventListener('abort', end);
      }
    },
  );
}
