import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { maxDescriptionLength, objectNamePattern } from '../../domain/names/name-rules.js';
import { createClientCredential } from '../../services/client-credentials/create-client-credential.js';
import type { ServiceContext } from '../../services/context.js';
import { callerOf } from '../request-context.js';
import { errorResponses, isoTime, Timestamp } from '../schemas/common.js';
import { PermissionList } from './roles.js';

const CreateBody = Type.Object(
  {
    name: Type.String({ pattern: objectNamePattern }),
    description: Type.Optional(Type.String({ maxLength: maxDescriptionLength })),
    preset: Type.Optional(Type.Union([Type.Literal('admin'), Type.Literal('read_only')])),
    permissions: Type.Optional(PermissionList),
  },
  { additionalProperties: false },
);

const CreatedView = Type.Object({
  id: Type.String(),
  clientId: Type.String(),
  clientSecret: Type.String({ description: 'Shown once.' }),
  name: Type.String(),
  description: Type.String(),
  permissions: Type.Array(Type.String(), { description: 'Granted permissions, canonical form.' }),
  createdAt: Timestamp,
});

/** FireTail's "Create New Client Credential": personal, within the creator's rights, secret shown once. */
export async function clientCredentialRoutes(
  app: FastifyInstance,
  opts: { ctx: ServiceContext },
): Promise<void> {
  app.post<{ Body: Static<typeof CreateBody> }>(
    '/client-credentials',
    {
      schema: {
        tags: ['client credentials'],
        summary: 'Create a personal client credential acting as you, within your permissions',
        body: CreateBody,
        response: { 201: CreatedView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { credential, secret } = await createClientCredential(opts.ctx, callerOf(request), request.body);
      reply.header('cache-control', 'no-store');
      return reply.code(201).send({
        id: credential.id,
        clientId: secret.clientId,
        clientSecret: secret.clientSecret,
        name: credential.name,
        description: credential.description,
        permissions: credential.grantedPermissions
          ? credential.grantedPermissions.split(' ').filter(Boolean)
          : [],
        createdAt: isoTime(credential.createdAt),
      });
    },
  );
}
