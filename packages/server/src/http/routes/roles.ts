import { objectNamePattern } from '@portcullis/core/names';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import type { ServiceContext } from '../../services/context.js';
import {
  createRole,
  deleteRole,
  getRole,
  listRolesOfCaller,
  updateRole,
} from '../../services/roles/manage-roles.js';
import type { Role } from '../../store/repositories/roles.js';
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

export const PermissionList = Type.Array(Type.String({ minLength: 1, maxLength: 128 }), {
  maxItems: 1000,
  description: '`resource:action` items; `*` on either side (`incidents:*`, `*:list`, `*:*`).',
});

const RoleBody = Type.Object(
  {
    name: Type.String({ pattern: objectNamePattern }),
    description: Type.Optional(Type.String({ maxLength: 1024 })),
    permissions: PermissionList,
  },
  { additionalProperties: false },
);
const RolePatch = Type.Partial(RoleBody, { additionalProperties: false });

const RoleView = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    description: Type.String(),
    permissions: Type.Array(Type.String(), { description: 'Canonical (shortest) form.' }),
    builtin: Type.Boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Role' },
);

export function roleView(role: Role) {
  return {
    id: role.id,
    name: role.name,
    description: role.description,
    permissions: role.permissions === '' ? [] : role.permissions.split(' '),
    builtin: role.isBuiltin,
    createdAt: isoTime(role.createdAt),
    updatedAt: isoTime(role.updatedAt),
  };
}

const RolePageQuery = IdPageQuery('role');

export async function roleRoutes(app: FastifyInstance, opts: { ctx: ServiceContext }): Promise<void> {
  const { ctx } = opts;
  const tags = ['roles'];

  app.get<{ Querystring: Static<typeof RolePageQuery> }>(
    '/roles',
    {
      schema: {
        tags,
        summary: 'List roles, in creation order (the built-in roles first)',
        description:
          "Needs `portcullis.roles:list`. The built-in Admin (`*:*`) and Read only (`*:get *:list`), then your organization's own.",
        querystring: RolePageQuery,
        response: { 200: PageOf(RoleView), ...errorResponses },
      },
    },
    async (request) => {
      const { items, nextCursor } = await listRolesOfCaller(
        ctx,
        callerOf(request),
        pageRequestOf(request.query),
      );
      return { items: items.map(roleView), nextCursor };
    },
  );

  app.post<{ Body: Static<typeof RoleBody> }>(
    '/roles',
    {
      schema: {
        tags,
        summary: 'Create a custom role (within your own permissions)',
        description:
          'Needs `portcullis.roles:create`, and every permission in it must be yours: nobody grants what they do not hold. Permissions are `resource:action` with `*` on either side (`GET /api/v1/catalog` lists them); the answer keeps them in their shortest form.',
        body: withExample(RoleBody, {
          name: 'incident-reader',
          description: 'reads incidents and their findings',
          permissions: ['incidents:get', 'incidents:list', 'findings:list'],
        }),
        response: { 201: RoleView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(roleView(await createRole(ctx, callerOf(request), request.body))),
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    '/roles/:id',
    {
      schema: {
        tags,
        summary: 'Get a role',
        description: 'Needs `portcullis.roles:get`.',
        params: IdParams,
        response: { 200: RoleView, ...errorResponses },
      },
    },
    async (request) => roleView(await getRole(ctx, callerOf(request), request.params.id)),
  );

  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof RolePatch> }>(
    '/roles/:id',
    {
      schema: {
        tags,
        summary: 'Change a custom role; holders and their credentials are affected at once',
        description:
          'Needs `portcullis.roles:update`, and added permissions must be yours. The built-in roles cannot change. Every user holding the role, and every credential acting through them, has the new permissions at once.',
        params: IdParams,
        body: withExample(RolePatch, { permissions: ['incidents:get', 'incidents:list'] }),
        response: { 200: RoleView, ...errorResponses },
      },
    },
    async (request) => roleView(await updateRole(ctx, callerOf(request), request.params.id, request.body)),
  );

  app.delete<{ Params: Static<typeof IdParams> }>(
    '/roles/:id',
    {
      schema: {
        tags,
        summary: 'Delete a custom role',
        description:
          'Needs `portcullis.roles:delete`. The built-in roles stay. Its holders lose it at once, with their credentials.',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteRole(ctx, callerOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
