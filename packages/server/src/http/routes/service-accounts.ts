import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { maxDescriptionLength, objectNamePattern } from '../../domain/names/name-rules.js';
import type { ServiceContext } from '../../services/context.js';
import { createServiceAccount } from '../../services/service-accounts/create-service-account.js';
import { deleteServiceAccount } from '../../services/service-accounts/delete-service-account.js';
import { generateSecret } from '../../services/service-accounts/generate-secret.js';
import {
  getServiceAccount,
  listServiceAccountsOfCaller,
} from '../../services/service-accounts/read-service-accounts.js';
import type { ServiceAccount } from '../../store/repositories/service-accounts.js';
import { callerOf } from '../request-context.js';
import { errorResponses, IdParams, isoTime, PageQuery, Timestamp } from '../schemas/common.js';

const CreateServiceAccountBody = Type.Object(
  {
    name: Type.String({ pattern: objectNamePattern, description: 'Unique in the organization.' }),
    description: Type.Optional(Type.String({ maxLength: maxDescriptionLength })),
    isOrganizationAdmin: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const ServiceAccountView = Type.Object(
  {
    id: Type.String({ description: 'Also the OAuth client_id.' }),
    name: Type.String(),
    description: Type.String(),
    isOrganizationAdmin: Type.Boolean(),
    enabled: Type.Boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'ServiceAccount' },
);

const GeneratedSecretView = Type.Object({
  clientId: Type.String(),
  clientSecret: Type.String({ description: 'Shown once. Portcullis keeps only a keyed hash.' }),
  secretId: Type.String(),
  displayPrefix: Type.String(),
  createdAt: Timestamp,
});

function view(sa: ServiceAccount) {
  return {
    id: sa.id,
    name: sa.name,
    description: sa.description,
    isOrganizationAdmin: sa.isOrganizationAdmin,
    enabled: sa.enabled,
    createdAt: isoTime(sa.createdAt),
    updatedAt: isoTime(sa.updatedAt),
  };
}

export async function serviceAccountRoutes(
  app: FastifyInstance,
  opts: { ctx: ServiceContext },
): Promise<void> {
  const { ctx } = opts;

  app.post<{ Body: Static<typeof CreateServiceAccountBody> }>(
    '/service-accounts',
    {
      schema: {
        tags: ['service accounts'],
        summary: 'Create a service account',
        body: CreateServiceAccountBody,
        response: { 201: ServiceAccountView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const sa = await createServiceAccount(ctx, callerOf(request), request.body);
      return reply.code(201).header('location', `/api/v1/service-accounts/${sa.id}`).send(view(sa));
    },
  );

  app.get<{ Querystring: Static<typeof PageQuery> }>(
    '/service-accounts',
    {
      schema: {
        tags: ['service accounts'],
        summary: 'List service accounts, oldest first',
        querystring: PageQuery,
        response: {
          200: Type.Object({
            items: Type.Array(ServiceAccountView),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const page = await listServiceAccountsOfCaller(ctx, callerOf(request), {
        limit: request.query.limit ?? 100,
        after: request.query.cursor,
      });
      return { items: page.items.map(view), nextCursor: page.nextCursor };
    },
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    '/service-accounts/:id',
    {
      schema: {
        tags: ['service accounts'],
        summary: 'Get a service account',
        params: IdParams,
        response: { 200: ServiceAccountView, ...errorResponses },
      },
    },
    async (request) => view(await getServiceAccount(ctx, callerOf(request), request.params.id)),
  );

  app.delete<{ Params: Static<typeof IdParams> }>(
    '/service-accounts/:id',
    {
      schema: {
        tags: ['service accounts'],
        summary: 'Delete a service account (refused while users are tied to it)',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteServiceAccount(ctx, callerOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.post<{ Params: Static<typeof IdParams> }>(
    '/service-accounts/:id/secrets',
    {
      schema: {
        tags: ['service accounts'],
        summary: 'Generate a new secret; the previous one stops working at once',
        params: IdParams,
        response: { 201: GeneratedSecretView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const generated = await generateSecret(ctx, callerOf(request), request.params.id);
      reply.header('cache-control', 'no-store');
      return reply.code(201).send({
        clientId: generated.clientId,
        clientSecret: generated.clientSecret,
        secretId: generated.secret.id,
        displayPrefix: generated.secret.displayPrefix,
        createdAt: isoTime(generated.secret.createdAt),
      });
    },
  );
}
