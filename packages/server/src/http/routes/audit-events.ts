import { Readable } from 'node:stream';
import { Negotiator } from '@fastify/accept-negotiator';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { exportAuditEvents, listAuditEvents } from '../../services/audit/read-audit-events.js';
import type { ServiceContext } from '../../services/context.js';
import type { AuditFilter } from '../../store/repositories/audit-event-pages.js';
import { callerOf } from '../request-context.js';
import { errorResponses, idPageFields, PageOf, pageLimit, Timestamp } from '../schemas/common.js';

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
  { ...FilterFields, ...idPageFields('auditEvent') },
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

/** An export is sent gzip-encoded when the client accepts it: its NDJSON shrinks about tenfold. */
const exportEncodings = new Negotiator<'gzip' | 'identity'>({ supportedValues: ['gzip', 'identity'] });
const gzipRefused = /(?:^|,)\s*gzip\s*;\s*q\s*=\s*0(?:\.0{0,3})?\s*(?:,|$)/i;

/** The negotiator lets `*` stand for gzip even beside `gzip;q=0`, which refuses it by name (RFC 9110 12.5.3). */
function acceptsGzip(header: string | undefined): boolean {
  if (!header || gzipRefused.test(header)) return false;
  return exportEncodings.negotiate(header) === 'gzip';
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
        description:
          'With several filters a page reads at most a fixed number of events, so it may hold fewer than `limit` items (even none) and still have a `nextCursor`: follow it until it is null.',
        querystring: ListQuery,
        response: { 200: PageOf(AuditEventView), ...errorResponses },
      },
    },
    async (request, reply) => {
      const json = await listAuditEvents(ctx, callerOf(request), filterOf(request.query), {
        limit: request.query.limit ?? pageLimit.default,
        before: request.query.cursor,
      });
      // Already the response schema's JSON, written on the reader thread: bytes skip the serializer.
      return reply
        .type('application/json; charset=utf-8')
        .send(Buffer.from(json.buffer, json.byteOffset, json.byteLength));
    },
  );

  app.get<{ Querystring: Static<typeof ExportQuery> }>(
    '/audit-events/export',
    {
      schema: {
        tags,
        summary: 'Every matching audit event as NDJSON (one JSON object per line)',
        description:
          'Needs `portcullis.audit_log:list`. The same filters as the list, the whole trail as a download, newest first. Exports are read at a pace that leaves token issuance its speed. Sent gzip-encoded (`Content-Encoding: gzip`) when `Accept-Encoding` allows it (`curl --compressed`).',
        querystring: ExportQuery,
        produces: ['application/x-ndjson'],
        response: { 200: Type.String({ description: 'NDJSON' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const gzip = acceptsGzip(request.headers['accept-encoding']);
      const chunks = exportAuditEvents(ctx, callerOf(request), filterOf(request.query), { gzip });
      // Pull the first piece before answering, so a refused caller gets a proper error, not a broken stream.
      const first = await chunks.next();
      if (gzip) reply.header('content-encoding', 'gzip');
      reply
        .header('vary', 'accept-encoding')
        .header('content-type', 'application/x-ndjson')
        .header('content-disposition', 'attachment; filename="audit-events.ndjson"');
      // A HEAD has its answer once the first piece is read: the rest would be read only to be dropped.
      if (request.method === 'HEAD') {
        await chunks.return(undefined);
        return reply.send();
      }
      async function* lines() {
        if (first.done) return;
        yield Buffer.from(first.value.buffer, first.value.byteOffset, first.value.byteLength);
        for await (const chunk of chunks) yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      }
      return reply.send(Readable.from(lines()));
    },
  );
}
