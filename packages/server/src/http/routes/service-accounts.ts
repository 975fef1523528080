import { maxDescriptionLength, objectNamePattern } from '@portcullis/core/names';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import type { ServiceContext } from '../../services/context.js';
import { createServiceAccount } from '../../services/service-accounts/create-service-account.js';
import { deleteServiceAccount } from '../../services/service-accounts/delete-service-account.js';
import { generateSecret, maxGracePeriodSeconds } from '../../services/service-accounts/generate-secret.js';
import {
  listSecrets,
  revokeOneSecret,
  secretStatus,
} from '../../services/service-accounts/manage-secrets.js';
import {
  getServiceAccount,
  listServiceAccountsOfCaller,
} from '../../services/service-accounts/read-service-accounts.js';
import { updateServiceAccount } from '../../services/service-accounts/update-service-account.js';
import type { StoredSecret } from '../../store/repositories/secrets.js';
import type { ServiceAccount } from '../../store/repositories/service-accounts.js';
import { callerOf } from '../request-context.js';
import {
  errorResponses,
  IdPageQuery,
  IdParams,
  isoTime,
  PageOf,
  PageQuery,
  pageRequestOf,
  Timestamp,
  validityOf,
  validityView,
  validToEdit,
  validToInput,
  withExample,
} from '../schemas/common.js';

const CreateServiceAccountBody = Type.Object(
  {
    name: Type.String({ pattern: objectNamePattern, description: 'Unique in the organization.' }),
    description: Type.Optional(Type.String({ maxLength: maxDescriptionLength })),
    isOrganizationAdmin: Type.Optional(
      Type.Boolean({ description: 'Only an organization admin acting with all their rights may set it.' }),
    ),
    networkPolicyId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'Needs portcullis.service_accounts:update too.',
      }),
    ),
    ...validToInput,
  },
  { additionalProperties: false },
);

const ServiceAccountView = Type.Object(
  {
    id: Type.String({ description: 'Also the OAuth client_id.' }),
    name: Type.String(),
    description: Type.String(),
    isOrganizationAdmin: Type.Boolean(),
    platformIntrospection: Type.Boolean({
      description: 'A platform resource server: introspection and the revocation feed of every organization.',
    }),
    enabled: Type.Boolean(),
    networkPolicyId: Type.Union([Type.String(), Type.Null()]),
    ...validityView,
    lastUsedAt: Type.Union([Timestamp, Type.Null()]),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'ServiceAccount' },
);

const ListQuery = Type.Object(
  {
    ...PageQuery.properties,
    name: Type.Optional(
      Type.String({ maxLength: 64, description: 'Case-insensitive substring; % _ and \\ match themselves.' }),
    ),
    enabled: Type.Optional(Type.Boolean()),
    sort: Type.Optional(
      Type.Union(
        [Type.Literal('createdAt'), Type.Literal('-createdAt'), Type.Literal('name'), Type.Literal('-name')],
        {
          default: 'createdAt',
        },
      ),
    ),
  },
  { additionalProperties: false },
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
    platformIntrospection: sa.platformIntrospection,
    enabled: sa.enabled,
    networkPolicyId: sa.networkPolicyId,
    ...validityOf(sa),
    lastUsedAt: sa.lastUsedAt === null ? null : isoTime(sa.lastUsedAt),
    createdAt: isoTime(sa.createdAt),
    updatedAt: isoTime(sa.updatedAt),
  };
}

const UpdateServiceAccountBody = Type.Object(
  {
    name: Type.Optional(Type.String({ pattern: objectNamePattern })),
    description: Type.Optional(Type.String({ maxLength: maxDescriptionLength })),
    isOrganizationAdmin: Type.Optional(Type.Boolean()),
    platformIntrospection: Type.Optional(
      Type.Boolean({ description: 'Platform operators only; see docs/revocation.md.' }),
    ),
    enabled: Type.Optional(Type.Boolean()),
    networkPolicyId: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()])),
    ...validToEdit,
  },
  { additionalProperties: false },
);

const GenerateSecretBody = Type.Object(
  {
    gracePeriodSeconds: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: maxGracePeriodSeconds,
        description: 'Keep the previous secret working this long.',
      }),
    ),
  },
  { additionalProperties: false },
);

const SecretView = Type.Object({
  id: Type.String(),
  displayPrefix: Type.String(),
  status: Type.Union([
    Type.Literal('active'),
    Type.Literal('expiring'),
    Type.Literal('expired'),
    Type.Literal('revoked'),
  ]),
  createdAt: Timestamp,
  createdBy: Type.Union([Type.String(), Type.Null()]),
  expiresAt: Type.Union([Timestamp, Type.Null()]),
  revokedAt: Type.Union([Timestamp, Type.Null()]),
  lastUsedAt: Type.Union([Timestamp, Type.Null()]),
});

const SecretParams = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 64 }),
    secretId: Type.String({ minLength: 1, maxLength: 64 }),
  },
  { additionalProperties: false },
);

const maybeTime = (ms: number | null) => (ms === null ? null : isoTime(ms));

function secretView(secret: StoredSecret, now: number) {
  return {
    id: secret.id,
    displayPrefix: secret.displayPrefix,
    status: secretStatus(secret, now),
    createdAt: isoTime(secret.createdAt),
    createdBy: secret.createdBy,
    expiresAt: maybeTime(secret.expiresAt),
    revokedAt: maybeTime(secret.revokedAt),
    lastUsedAt: maybeTime(secret.lastUsedAt),
  };
}

const SecretPageQuery = IdPageQuery('secret');

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
        summary: 'Create a service account: name, description, network policy, admin flag, valid-to',
        description:
          "Needs `portcullis.service_accounts:create`; attaching a network policy needs `portcullis.service_accounts:update` too, as attaching it later does. The answer's `id` is the OAuth `client_id`. A new service account can do nothing yet: generate its secret (`POST …/{id}/secrets`) and tie it to a user in an account (`POST /api/v1/users` with `serviceAccountId`); it then does exactly what that user may do. `isOrganizationAdmin` gives it everything in every account and needs an organization admin acting with all their rights. A `validTo` must lie in the future (`valid_to_in_past`); the organization's `maxCredentialLifetimeDays` binds only its members' personal credentials, not service accounts.",
        body: withExample(CreateServiceAccountBody, {
          name: 'nightly-etl',
          description: 'loads the warehouse',
        }),
        response: { 201: ServiceAccountView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const sa = await createServiceAccount(ctx, callerOf(request), request.body);
      return reply.code(201).header('location', `/api/v1/service-accounts/${sa.id}`).send(view(sa));
    },
  );

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/service-accounts',
    {
      schema: {
        tags: ['service accounts'],
        summary: 'List service accounts: filter by name and enabled, sort, cursor pagination',
        description:
          "Needs `portcullis.service_accounts:list`. The organization's service accounts, never their secrets; `name` matches a case-insensitive substring. Pass the answer's `nextCursor` as `cursor` until it is null.",
        querystring: ListQuery,
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
      const { limit, cursor, name, enabled, sort } = request.query;
      const page = await listServiceAccountsOfCaller(ctx, callerOf(request), {
        limit: limit ?? 100,
        cursor,
        nameContains: name,
        enabled,
        sort,
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
        description:
          "Needs `portcullis.service_accounts:get`. Another organization's service account is a 404, as if it did not exist.",
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
        description:
          'Needs `portcullis.service_accounts:delete`. While users are tied to it the answer is 409 `service_account_linked`, naming them: unlink or delete them first. Its tokens stop at once, through introspection and the revocation feed.',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteServiceAccount(ctx, callerOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof GenerateSecretBody> | undefined }>(
    '/service-accounts/:id/secrets',
    {
      schema: {
        tags: ['service accounts'],
        summary: 'Generate a new secret; the previous one stops working at once, or after gracePeriodSeconds',
        description:
          'Needs `portcullis.service_accounts:update` and at least what the service account may do. The answer is the only place `clientSecret` ever appears: Portcullis keeps a keyed hash. The previous secret stops at once, or after `gracePeriodSeconds` (at most 7 days), so an integration can switch without downtime. The body may be left out.',
        params: IdParams,
        body: Type.Optional(withExample(GenerateSecretBody, { gracePeriodSeconds: 3600 })),
        response: { 201: GeneratedSecretView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const generated = await generateSecret(
        ctx,
        callerOf(request),
        request.params.id,
        request.body?.gracePeriodSeconds ?? 0,
      );
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

  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof UpdateServiceAccountBody> }>(
    '/service-accounts/:id',
    {
      schema: {
        tags: ['service accounts'],
        summary: 'Edit a service account: name, description, admin flag, enabled, network policy, valid-to',
        description:
          'Needs `portcullis.service_accounts:update`. Disabling it stops its tokens at once; an earlier `validTo` makes revocation-feed followers recheck them, and one not in the future is `valid_to_in_past`. `validTo` is read in `timezone` (default UTC) unless it carries an offset. `isOrganizationAdmin` needs an organization admin, `platformIntrospection` the platform operator.',
        params: IdParams,
        body: withExample(UpdateServiceAccountBody, {
          description: 'loads the warehouse every night',
          validTo: '2099-12-31T23:59',
          timezone: 'Europe/Berlin',
        }),
        response: { 200: ServiceAccountView, ...errorResponses },
      },
    },
    async (request) =>
      view(await updateServiceAccount(ctx, callerOf(request), request.params.id, request.body)),
  );

  app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof SecretPageQuery> }>(
    '/service-accounts/:id/secrets',
    {
      schema: {
        tags: ['service accounts'],
        summary:
          'Secret metadata (never the secret): prefix, status, created, expires, last used; oldest first',
        description:
          'Needs `portcullis.service_accounts:get`. Enough to tell the secrets apart and see which one a script still uses; the secret itself was shown once, when it was generated.',
        params: IdParams,
        querystring: SecretPageQuery,
        response: { 200: PageOf(SecretView), ...errorResponses },
      },
    },
    async (request) => {
      const now = ctx.clock();
      const page = await listSecrets(ctx, callerOf(request), request.params.id, pageRequestOf(request.query));
      return { items: page.items.map((s) => secretView(s, now)), nextCursor: page.nextCursor };
    },
  );

  app.delete<{ Params: Static<typeof SecretParams> }>(
    '/service-accounts/:id/secrets/:secretId',
    {
      schema: {
        tags: ['service accounts'],
        summary: 'Revoke one secret',
        description:
          'Needs `portcullis.service_accounts:update`. The secret stops working at once, and so does every token the service account holds, since a token does not say which secret obtained it: a client that still has a valid secret fetches a new token.',
        params: SecretParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await revokeOneSecret(ctx, callerOf(request), request.params.id, request.params.secretId);
      return reply.code(204).send();
    },
  );
}
