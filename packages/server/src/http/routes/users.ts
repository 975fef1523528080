import { objectNamePattern } from '@portcullis/core/names';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { organizationOf } from '../../services/authorization.js';
import type { ServiceContext } from '../../services/context.js';
import { createUser } from '../../services/users/create-user.js';
import {
  deleteUser,
  getUser,
  grantRole,
  listUsers,
  revokeRole,
  type UserWithRoles,
  updateUser,
} from '../../services/users/manage-users.js';
import { callerOf } from '../request-context.js';
import {
  errorResponses,
  IdPageQuery,
  IdParams,
  isoTime,
  PageOf,
  pageRequestOf,
  Timestamp,
  withExample,
} from '../schemas/common.js';

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

const UserPatch = Type.Object(
  {
    active: Type.Optional(Type.Boolean()),
    name: Type.Optional(Type.String({ pattern: objectNamePattern })),
    defaultDatabase: Type.Optional(Type.Union([contextField, Type.Null()])),
    defaultEngine: Type.Optional(Type.Union([contextField, Type.Null()])),
    serviceAccountId: Type.Optional(
      Type.Union([idField, Type.Null()], { description: 'Link (id) or unlink (null).' }),
    ),
  },
  { additionalProperties: false },
);
const GrantParams = Type.Object({ id: idField, roleId: idField }, { additionalProperties: false });

const UserView = Type.Object(
  {
    id: Type.String(),
    accountId: Type.String(),
    name: Type.String(),
    loginId: Type.Union([Type.String(), Type.Null()]),
    serviceAccountId: Type.Union([Type.String(), Type.Null()]),
    roleIds: Type.Array(Type.String()),
    active: Type.Boolean(),
    defaultDatabase: Type.Union([Type.String(), Type.Null()]),
    defaultEngine: Type.Union([Type.String(), Type.Null()]),
    createdAt: Timestamp,
  },
  { $id: 'User' },
);

function view({ user, roles }: UserWithRoles) {
  return {
    id: user.id,
    accountId: user.accountId,
    name: user.name,
    loginId: user.loginId,
    serviceAccountId: user.serviceAccountId,
    roleIds: roles.map((r) => r.id),
    active: user.active,
    defaultDatabase: user.defaultDatabase,
    defaultEngine: user.defaultEngine,
    createdAt: isoTime(user.createdAt),
  };
}

const UserPageQuery = IdPageQuery('user');

/** Users live in one account and are tied to a login or a service account (Firebolt "Create user"). */
export async function userRoutes(app: FastifyInstance, opts: { ctx: ServiceContext }): Promise<void> {
  const { ctx } = opts;
  const tags = ['users'];

  app.post<{ Body: Static<typeof CreateUserBody> }>(
    '/users',
    {
      schema: {
        tags,
        summary: 'Create a user, optionally tied to a service account (one per account)',
        description:
          "Needs `portcullis.users:create` and every permission of the roles granted. A user lives in one account (`accountId`, default: the default account), holds that account's roles and is tied to a login (`loginId`) or a service account (`serviceAccountId`), never both. A service account has at most one user per account and acts through it, with exactly its rights, now and later.",
        body: withExample(CreateUserBody, { name: 'etl', serviceAccountId: 'sa_…', roleIds: ['role_…'] }),
        response: { 201: UserView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const created = await createUser(ctx, caller, {
        ...request.body,
        organizationId: organizationOf(caller.actor),
      });
      return reply.code(201).send(view(created));
    },
  );

  app.get<{ Querystring: Static<typeof UserPageQuery> }>(
    '/users',
    {
      schema: {
        tags,
        summary: 'List users, in creation order',
        description:
          "Needs `portcullis.users:list`. Pass the answer's `nextCursor` as `cursor` until it is null.",
        querystring: UserPageQuery,
        response: { 200: PageOf(UserView), ...errorResponses },
      },
    },
    async (request) => {
      const { items, nextCursor } = await listUsers(ctx, callerOf(request), pageRequestOf(request.query));
      return { items: items.map(view), nextCursor };
    },
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Get a user with its roles',
        description: 'Needs `portcullis.users:get`.',
        params: IdParams,
        response: { 200: UserView, ...errorResponses },
      },
    },
    async (request) => view(await getUser(ctx, callerOf(request), request.params.id)),
  );

  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof UserPatch> }>(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Edit a user: name, default context, linked service account, active',
        description:
          'Needs `portcullis.users:update`. `serviceAccountId` links a service account (or `null` unlinks it); linking or reactivating needs at least the rights handed on. Deactivating stops every credential acting through the user at once.',
        params: IdParams,
        body: withExample(UserPatch, { defaultDatabase: 'warehouse' }),
        response: { 200: UserView, ...errorResponses },
      },
    },
    async (request) => view(await updateUser(ctx, callerOf(request), request.params.id, request.body)),
  );

  app.delete<{ Params: Static<typeof IdParams> }>(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Delete a user',
        description:
          'Needs `portcullis.users:delete`. Credentials acting through the user stop at once: a service account tied to it and the personal credentials of its person in this account.',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteUser(ctx, callerOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.put<{ Params: Static<typeof GrantParams> }>(
    '/users/:id/roles/:roleId',
    {
      schema: {
        tags,
        summary: 'Grant a role to a user (you must hold every permission in it)',
        description:
          "Needs `portcullis.users:update` and every permission of the role. The user's credentials gain it at once.",
        params: GrantParams,
        response: { 200: UserView, ...errorResponses },
      },
    },
    async (request) =>
      view(await grantRole(ctx, callerOf(request), request.params.id, request.params.roleId)),
  );

  app.delete<{ Params: Static<typeof GrantParams> }>(
    '/users/:id/roles/:roleId',
    {
      schema: {
        tags,
        summary: 'Revoke a role from a user',
        description:
          "Needs `portcullis.users:update`. The user's credentials lose it at once; tokens already issued are judged again by introspection and the revocation feed.",
        params: GrantParams,
        response: { 200: UserView, ...errorResponses },
      },
    },
    async (request) =>
      view(await revokeRole(ctx, callerOf(request), request.params.id, request.params.roleId)),
  );
}
