import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { authorizeRequest } from '../../services/authorization-checks/authorize-request.js';
import type { ServiceContext } from '../../services/context.js';
import { callerOf } from '../request-context.js';
import { errorResponses, withExample } from '../schemas/common.js';
import { PermissionList } from './roles.js';

const AuthorizeBody = Type.Object(
  {
    permissions: Type.Optional(PermissionList),
    search: Type.Optional(
      Type.Array(Type.String({ maxLength: 64 }), { maxItems: 100, description: 'Resource types searched.' }),
    ),
  },
  { additionalProperties: false },
);

const AuthorizeAnswer = Type.Object({
  allowed: Type.Boolean(),
  missing: Type.Array(Type.String(), {
    description: 'Permissions the token lacks, one `resource:action` each.',
  }),
});

/**
 * POST /api/v1/authorize with the bearer token to judge: resource servers in any language ask whether it
 * may do something, and learn exactly what is missing.
 */
export async function authorizeRoutes(app: FastifyInstance, opts: { ctx: ServiceContext }): Promise<void> {
  app.post<{ Body: Static<typeof AuthorizeBody> }>(
    '/authorize',
    {
      schema: {
        tags: ['permissions'],
        summary: 'Check permissions (and the search rule) for the bearer token',
        description:
          'For resource servers in any language: send the token to judge as the Bearer token (any audience Portcullis issued) and ask whether it holds `permissions`; with `search`, the search rule too (`search:create` plus `list` on every resource searched). The answer says `allowed` and lists what is `missing`.',
        body: withExample(AuthorizeBody, {
          permissions: ['incidents:list'],
          search: ['incidents', 'findings'],
        }),
        response: { 200: AuthorizeAnswer, ...errorResponses },
      },
    },
    async (request) => authorizeRequest(opts.ctx, callerOf(request).actor, request.body),
  );
}
