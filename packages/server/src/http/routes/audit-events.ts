import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { exportAuditEvents, listAuditEvents } from '../../services/audit/read-audit-events.js';
import type { ServiceContext } from '../../services/context.js';
import type { AuditEvent, AuditFilter } from '../../store/repositories/audit-events.js';
import { callerOf } from '../request-context.js';
import { errorResponses, isoTime, Timestamp } from '../schemas/common.js';

const FilterFields = {
  actor: Type.Optional(Type.String({ maxLength: 64, description: 'Actor id (login or service account).' })),
  target: Type.Optional(Type.String({ maxLength: 64, description: 'Target object id.' })),
  action: Type.Optional(
    Type.String({ maxLength: 64, description: 'Exact action, or a prefix ending in * (token.*).' }),
  ),
  result: Type.Optional(Type.Union([Type.Literal('success'), Type.Literal('failure')])),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Inclusive.' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Exclusive.' })),
};
const ListQuery = Type.Object(
  {
    ...FilterFields,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
const ExportQuery = Type.Object(FilterFields, { additionalProperties: false });

const AuditEventView = Type.Object(
  {
    id: Type.String(),
    occurredAt: Timestamp,
    actor: Type.Object({ type: Type.String(), id: Type.Union([Type.String(), Type.Null()]) }),
    action: Type.String(),
    target: Type.Object({
      type: Type.Union([Type.String(), Type.Null()]),
      id: Type.Union([Type.String(), Type.Null()]),
    }),
    result: Type.String(),
    reason: Type.Union([Type.String(), Type.Null()]),
    clientIp: Type.Union([Type.String(), Type.Null()]),
    requestId: Type.Union([Type.String(), Type.Null()]),
    details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  },
  { $id: 'AuditEvent' },
);

function view(e: AuditEvent) {
  return {
    id: e.id,
    occurredAt: isoTime(e.occurredAt),
    actor: { type: e.actorType, id: e.actorId },
    action: e.action,
    target: { type: e.targetType, id: e.targetId },
    result: e.result,
    reason: e.reason,
    clientIp: e.clientIp,
    requestId: e.requestId,
    details: e.details,
  };
}

function filterOf(query: Static<typeof ExportQuery>): AuditFilter {
  return {
    actorId: query.actor,
    targetId: query.target,
    action: query.action,
    result: query.result,
    from: query.from === undefined ? undefined : Date.parse(query.from),
    to: query.to === undefined ? undefined : Date.parse(query.to),
  };
}

export async function auditEventRoutes(app: FastifyInstance, opts: { ctx: ServiceContext }): Promise<void> {
  const { ctx } = opts;
  const tags = ['audit'];

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/audit-events',
    {
      schema: {
        tags,
        summary: 'Audit events, newest first, filtered, with cursor pagination',
        querystring: ListQuery,
        response: {
          200: Type.Object({
            items: Type.Array(AuditEventView),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const page = await listAuditEvents(ctx, callerOf(request), filterOf(request.query), {
        limit: request.query.limit ?? 100,
        before: request.query.cursor,
      });
      return { items: page.items.map(view), nextCursor: page.nextCursor };
    },
  );

  app.get<{ Querystring: Static<typeof ExportQuery> }>(
    '/audit-events/export',
    {
      schema: {
        tags,
        summary: 'Every matching audit event as NDJSON (one JSON object per line)',
        querystring: ExportQuery,
        produces: ['application/x-ndjson'],
        response: { 200: Type.String({ description: 'NDJSON' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const events = exportAuditEvents(ctx, callerOf(request), filterOf(request.query));
      // Pull the first event before answering, so a refused caller gets a proper error, not a broken stream.
      const first = await events.next();
      async function* lines() {
        if (first.done) return;
        yield `${JSON.stringify(view(first.value))}\n`;
        for await (const event of events) yield `${JSON.stringify(view(event))}\n`;
      }
      return reply
        .header('content-type', 'application/x-ndjson')
        .header('content-disposition', 'attachment; filename="audit-events.ndjson"')
        .send(Readable.from(lines()));
    },
  );
}
