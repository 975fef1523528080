import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import type { ServiceContext } from '../../services/context.js';
import { clearLockout, listLockouts } from '../../services/lockouts/manage-lockouts.js';
import type { ListedLockout } from '../../store/repositories/lockouts.js';
import { callerOf } from '../request-context.js';
import { errorResponses, IdParams, isoTime, Timestamp } from '../schemas/common.js';

const ListQuery = Type.Object(
  {
    lockedOnly: Type.Optional(
      Type.Boolean({ description: 'Only subjects locked now; otherwise also those with recent failures.' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

const LockoutView = Type.Object(
  {
    subjectId: Type.String({ description: 'The service account or login.' }),
    kind: Type.Union([Type.Literal('service_account'), Type.Literal('login')]),
    subjectName: Type.String({ description: "The service account's name or the login's email." }),
    failures: Type.Integer({ description: 'Failed attempts in a row, as last counted.' }),
    lockedUntil: Type.Union([Timestamp, Type.Null()], { description: 'Null when no lock holds now.' }),
    lastFailureAt: Timestamp,
    lastClientIp: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'Lockout' },
);

function view(lockout: ListedLockout, now: number) {
  return {
    subjectId: lockout.subjectId,
    kind: lockout.kind,
    subjectName: lockout.subjectName,
    failures: lockout.failures,
    lockedUntil:
      lockout.lockedUntil !== null && lockout.lockedUntil > now ? isoTime(lockout.lockedUntil) : null,
    lastFailureAt: isoTime(lockout.lastFailureAt),
    lastClientIp: lockout.lastClientIp,
  };
}

/** Failed attempts and temporary locks of the organization's service accounts and logins. */
export async function lockoutRoutes(app: FastifyInstance, opts: { ctx: ServiceContext }): Promise<void> {
  const { ctx } = opts;
  const tags = ['lockouts'];

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/lockouts',
    {
      schema: {
        tags,
        summary: 'Service accounts and logins with recent failed attempts or a lock in force',
        description:
          "Needs `portcullis.service_accounts:list` or `portcullis.logins:list` (you see the kinds you may list). Failures in a row, when the last one happened and from where, and a lock's end; `lockedOnly=true` keeps only locks in force.",
        querystring: ListQuery,
        response: {
          200: Type.Object({
            items: Type.Array(LockoutView),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const page = await listLockouts(ctx, callerOf(request), {
        limit: request.query.limit ?? 100,
        after: request.query.cursor,
        lockedOnly: request.query.lockedOnly ?? false,
      });
      const now = ctx.clock();
      return { items: page.items.map((lockout) => view(lockout, now)), nextCursor: page.nextCursor };
    },
  );

  app.delete<{ Params: Static<typeof IdParams> }>(
    '/lockouts/:id',
    {
      schema: {
        tags,
        summary: 'Clear the failed attempts and lock of a service account or login',
        description:
          'Needs `portcullis.service_accounts:update` or `portcullis.logins:update`, by what the id names. Its failures are forgotten and a lock ends at once, on every node.',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await clearLockout(ctx, callerOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
