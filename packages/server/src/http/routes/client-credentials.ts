import { maxDescriptionLength, objectNamePattern } from '@portcullis/core/names';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { createClientCredential } from '../../services/client-credentials/create-client-credential.js';
import {
  deleteOwnClientCredential,
  getOwnClientCredential,
  listOwnClientCredentials,
  regenerateOwnSecret,
  updateOwnClientCredential,
} from '../../services/client-credentials/manage-client-credentials.js';
import type { ServiceContext } from '../../services/context.js';
import { maxGracePeriodSeconds } from '../../services/service-accounts/generate-secret.js';
import type { ServiceAccount } from '../../store/repositories/service-accounts.js';
import { callerOf } from '../request-context.js';
import {
  errorResponses,
  IdParams,
  isoTime,
  PageQuery,
  Timestamp,
  validityOf,
  validityView,
  validToEdit,
  validToInput,
  withExample,
} from '../schemas/common.js';
import { PermissionList } from './roles.js';

const CreateBody = Type.Object(
  {
    name: Type.String({ pattern: objectNamePattern }),
    description: Type.Optional(Type.String({ maxLength: maxDescriptionLength })),
    preset: Type.Optional(Type.Union([Type.Literal('admin'), Type.Literal('read_only')])),
    permissions: Type.Optional(PermissionList),
    ...validToInput,
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
  ...validityView,
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
        description:
          'Needs `portcullis.client_credentials:create` and a user in the account. A client id and secret that act as you, granted `preset` (`read_only` or `admin`) plus `permissions`, all within what you hold now; without either it has exactly your rights. It shrinks when you are downgraded and stops when your user goes. A `validTo` is read in `timezone` (UTC if none) and must lie in the future (`valid_to_in_past`). Where the organization sets `maxCredentialLifetimeDays`, a `validTo` is required (`valid_to_required`) and may lie at most that many days ahead (`valid_to_beyond_maximum`); both refusals give `details.maximumDays` and `details.latest`, the latest valid-to allowed. The answer is the only place the secret appears.',
        body: withExample(CreateBody, {
          name: 'weekly-report',
          description: 'Monday digest',
          validTo: '2099-12-31T18:00',
          timezone: 'Europe/Berlin',
          preset: 'read_only',
          permissions: ['incidents:run'],
        }),
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
        ...validityOf(credential),
        createdAt: isoTime(credential.createdAt),
      });
    },
  );

  const CredentialView = Type.Object(
    {
      id: Type.String(),
      name: Type.String(),
      description: Type.String(),
      enabled: Type.Boolean(),
      permissions: Type.Array(Type.String()),
      ...validityView,
      lastUsedAt: Type.Union([Timestamp, Type.Null()]),
      createdAt: Timestamp,
    },
    { $id: 'ClientCredential' },
  );
  const view = (c: ServiceAccount) => ({
    id: c.id,
    name: c.name,
    description: c.description,
    enabled: c.enabled,
    permissions: c.grantedPermissions ? c.grantedPermissions.split(' ').filter(Boolean) : [],
    ...validityOf(c),
    lastUsedAt: c.lastUsedAt === null ? null : isoTime(c.lastUsedAt),
    createdAt: isoTime(c.createdAt),
  });
  const Patch = Type.Object(
    {
      name: Type.Optional(Type.String({ pattern: objectNamePattern })),
      description: Type.Optional(Type.String({ maxLength: maxDescriptionLength })),
      enabled: Type.Optional(Type.Boolean()),
      preset: Type.Optional(Type.Union([Type.Literal('admin'), Type.Literal('read_only')])),
      permissions: Type.Optional(PermissionList),
      ...validToEdit,
    },
    { additionalProperties: false },
  );
  const SecretBody = Type.Object(
    { gracePeriodSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: maxGracePeriodSeconds })) },
    { additionalProperties: false },
  );
  const tags = ['client credentials'];
  const { ctx } = opts;

  app.get<{ Querystring: Static<typeof PageQuery> }>(
    '/client-credentials',
    {
      schema: {
        tags,
        summary: 'Your personal client credentials',
        description:
          'Needs `portcullis.client_credentials:list`. Only your own; never their secrets. Pass `nextCursor` as `cursor` until it is null.',
        querystring: PageQuery,
        response: {
          200: Type.Object({
            items: Type.Array(CredentialView),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const page = await listOwnClientCredentials(ctx, callerOf(request), {
        limit: request.query.limit ?? 100,
        cursor: request.query.cursor,
      });
      return { items: page.items.map(view), nextCursor: page.nextCursor };
    },
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    '/client-credentials/:id',
    {
      schema: {
        tags,
        summary: 'One of your client credentials',
        description: "Needs `portcullis.client_credentials:get`. Another person's is a 404.",
        params: IdParams,
        response: { 200: CredentialView, ...errorResponses },
      },
    },
    async (request) => view(await getOwnClientCredential(ctx, callerOf(request), request.params.id)),
  );

  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof Patch> }>(
    '/client-credentials/:id',
    {
      schema: {
        tags,
        summary: 'Edit your client credential (new permissions must lie within yours)',
        description:
          'Needs `portcullis.client_credentials:update`. Disabling it stops its tokens at once; an earlier `validTo` makes revocation-feed followers recheck them, and one not in the future is `valid_to_in_past`. Where the organization sets `maxCredentialLifetimeDays`, clearing the `validTo` is `valid_to_required` and moving it further ahead than that is `valid_to_beyond_maximum`; an edit that leaves it alone is not checked. New permissions must lie within what you hold now.',
        params: IdParams,
        body: withExample(Patch, { description: 'sends the Monday report' }),
        response: { 200: CredentialView, ...errorResponses },
      },
    },
    async (request) =>
      view(await updateOwnClientCredential(ctx, callerOf(request), request.params.id, request.body)),
  );

  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof SecretBody> | undefined }>(
    '/client-credentials/:id/secrets',
    {
      schema: {
        tags,
        summary: 'New secret for your client credential (the old one stops, or after a grace period)',
        description:
          'Needs `portcullis.client_credentials:update`. The answer is the only place the new secret appears; the old one stops at once, or after `gracePeriodSeconds`. The body may be left out.',
        params: IdParams,
        body: withExample(SecretBody, { gracePeriodSeconds: 3600 }),
        response: {
          201: Type.Object({ clientId: Type.String(), clientSecret: Type.String(), secretId: Type.String() }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const secret = await regenerateOwnSecret(
        ctx,
        callerOf(request),
        request.params.id,
        request.body?.gracePeriodSeconds ?? 0,
      );
      reply.header('cache-control', 'no-store');
      return reply
        .code(201)
        .send({ clientId: secret.clientId, clientSecret: secret.clientSecret, secretId: secret.secret.id });
    },
  );

  app.delete<{ Params: Static<typeof IdParams> }>(
    '/client-credentials/:id',
    {
      schema: {
        tags,
        summary: 'Delete your client credential',
        description: 'Needs `portcullis.client_credentials:delete`. It stops at once, with its tokens.',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteOwnClientCredential(ctx, callerOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
