import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { objectNamePattern } from '../../domain/names/name-rules.js';
import { organizationOf } from '../../services/authorization.js';
import type { ServiceContext } from '../../services/context.js';
import { createUser } from '../../services/users/create-user.js';
import { callerOf } from '../request-context.js';
import { errorResponses, isoTime, Timestamp } from '../schemas/common.js';

const idField = Type.String({ minLength: 1, maxLength: 64 });
const contextField = Type.String({ maxLength: 256 });

const CreateUserBody = Type.Object(
  {
    name: Type.String({ pattern: objectNamePattern }),
    accountId: Type.Optional(idField),
    loginId: Type.Optional(idField),
    serviceAccountId: Type.Optional(idField),
    roleIds: Type.Optional(Type.Array(idField, { maxItems: 50 })),
    defaultDatabase: Type.Optional(contextField),
    defaultEngine: Type.Optional(contextField),
  },
  { additionalProperties: false },
);

const UserView = Type.Object(
  {
    id: Type.String(),
    accountId: Type.String(),
    name: Type.String(),
    loginId: Type.Union([Type.String(), Type.Null()]),
    serviceAccountId: Type.Union([Type.String(), Type.Null()]),
    roleIds: Type.Array(Type.String()),
    defaultDatabase: Type.Union([Type.String(), Type.Null()]),
    defaultEngine: Type.Union([Type.String(), Type.Null()]),
    createdAt: Timestamp,
  },
  { $id: 'User' },
);

/** Users live in one account and are tied to a login or a service account (Firebolt "Create user"). */
export async function userRoutes(app: FastifyInstance, opts: { ctx: ServiceContext }): Promise<void> {
  app.post<{ Body: Static<typeof CreateUserBody> }>(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user, optionally tied to a service account (one per account)',
        body: CreateUserBody,
        response: { 201: UserView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const { user, roles } = await createUser(opts.ctx, caller, {
        ...request.body,
        organizationId: organizationOf(caller.actor),
      });
      return reply.code(201).send({
        id: user.id,
        accountId: user.accountId,
        name: user.name,
        loginId: user.loginId,
        serviceAccountId: user.serviceAccountId,
        roleIds: roles.map((r) => r.id),
        defaultDatabase: user.defaultDatabase,
        defaultEngine: user.defaultEngine,
        createdAt: isoTime(user.createdAt),
      });
    },
  );
}
