import { organizationNamePattern } from '@portcullis/core/names';
import { examplePasswords } from '@portcullis/core/passwords';
import { longestMaxCredentialLifetimeDays, shortestMaxCredentialLifetimeDays } from '@portcullis/core/time';
import { longestTokenLifetimeSeconds, shortestTokenLifetimeSeconds } from '@portcullis/core/tokens';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import type { ServiceContext } from '../../services/context.js';
import { createOrganizationWithAdmin } from '../../services/organizations/create-organization-with-admin.js';
import {
  getOwnOrganization,
  listAllOrganizations,
  setProgrammaticAccessAvailability,
  updateOwnOrganization,
} from '../../services/organizations/manage-organizations.js';
import type { Organization } from '../../store/repositories/organizations.js';
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

const maxCredentialLifetimeText =
  "The most days a member's client credential or key pair may last, counted from when it is created or its valid-to edited: with one set, those need a valid-to no later than that (`valid_to_required`, `valid_to_beyond_maximum`). Organization service accounts are not bound by it. Lowering it shortens no credential that exists. Null: no maximum.";

const OrganizationView = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    displayName: Type.String(),
    programmaticAccessAvailable: Type.Boolean({ description: 'Set by the platform operator.' }),
    programmaticAccessEnabled: Type.Boolean({ description: 'Set by the organization admin.' }),
    networkPolicyId: Type.Union([Type.String(), Type.Null()]),
    allowedAudiences: Type.Union([Type.Array(Type.String()), Type.Null()]),
    tokenTtlSeconds: Type.Union([Type.Integer(), Type.Null()]),
    maxCredentialLifetimeDays: Type.Union([Type.Integer(), Type.Null()], {
      description: maxCredentialLifetimeText,
    }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Organization' },
);

const CreateOrganizationBody = Type.Object(
  {
    name: Type.String({ pattern: organizationNamePattern }),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    programmaticAccessAvailable: Type.Optional(Type.Boolean()),
    admin: Type.Optional(
      Type.Object(
        {
          email: Type.String({ minLength: 3, maxLength: 320 }),
          name: Type.String({ minLength: 1, maxLength: 128 }),
          password: Type.String({ minLength: 1, maxLength: 256 }),
        },
        { additionalProperties: false, description: 'The first organization admin.' },
      ),
    ),
  },
  { additionalProperties: false },
);

const OperatorPatch = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    programmaticAccessAvailable: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const TokenLifetime = Type.Integer({
  minimum: shortestTokenLifetimeSeconds,
  maximum: longestTokenLifetimeSeconds,
});

const OwnPatch = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    programmaticAccessEnabled: Type.Optional(
      Type.Boolean({ description: 'The Programmatic Access toggle.' }),
    ),
    networkPolicyId: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
    allowedAudiences: Type.Optional(
      Type.Union(
        [Type.Array(Type.String({ format: 'uri', maxLength: 512 }), { maxItems: 50 }), Type.Null()],
        {
          description: 'Audiences tokens may be issued for besides the issuer; null: the server default.',
        },
      ),
    ),
    tokenTtlSeconds: Type.Optional(
      Type.Union([TokenLifetime, Type.Null()], {
        description: 'Access-token lifetime; null: the server default.',
      }),
    ),
    maxCredentialLifetimeDays: Type.Optional(
      Type.Union(
        [
          Type.Integer({
            minimum: shortestMaxCredentialLifetimeDays,
            maximum: longestMaxCredentialLifetimeDays,
          }),
          Type.Null(),
        ],
        { description: maxCredentialLifetimeText },
      ),
    ),
  },
  { additionalProperties: false },
);

export function organizationView(org: Organization) {
  return {
    id: org.id,
    name: org.name,
    displayName: org.displayName,
    programmaticAccessAvailable: org.programmaticAccessAvailable,
    programmaticAccessEnabled: org.programmaticAccessEnabled,
    networkPolicyId: org.networkPolicyId,
    allowedAudiences: org.allowedAudiences,
    tokenTtlSeconds: org.tokenTtlSeconds,
    maxCredentialLifetimeDays: org.maxCredentialLifetimeDays,
    createdAt: isoTime(org.createdAt),
    updatedAt: isoTime(org.updatedAt),
  };
}

const OrganizationPageQuery = IdPageQuery('organization');

/** The platform operator's organizations, and each organization admin's own settings. */
export async function organizationRoutes(app: FastifyInstance, opts: { ctx: ServiceContext }): Promise<void> {
  const { ctx } = opts;
  const tags = ['organizations'];

  app.post<{ Body: Static<typeof CreateOrganizationBody> }>(
    '/organizations',
    {
      schema: {
        tags,
        summary: 'Operator: create an organization (programmatic access unavailable unless stated)',
        description:
          'The platform operator only. Creates the organization with its default account and built-in roles, and with `admin` its first organization admin. Programmatic access stays unavailable to it unless `programmaticAccessAvailable` says otherwise.',
        body: withExample(CreateOrganizationBody, {
          name: 'globex',
          displayName: 'Globex',
          programmaticAccessAvailable: true,
          admin: {
            email: 'admin@globex.example',
            name: 'Globex admin',
            password: examplePasswords.new,
          },
        }),
        response: { 201: OrganizationView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(organizationView(await createOrganizationWithAdmin(ctx, callerOf(request), request.body))),
  );

  app.get<{ Querystring: Static<typeof OrganizationPageQuery> }>(
    '/organizations',
    {
      schema: {
        tags,
        summary: 'Operator: list organizations, in creation order',
        description: 'The platform operator only. Pass `nextCursor` as `cursor` until it is null.',
        querystring: OrganizationPageQuery,
        response: { 200: PageOf(OrganizationView), ...errorResponses },
      },
    },
    async (request) => {
      const page = await listAllOrganizations(ctx, callerOf(request), pageRequestOf(request.query));
      return { items: page.items.map(organizationView), nextCursor: page.nextCursor };
    },
  );

  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof OperatorPatch> }>(
    '/organizations/:id',
    {
      schema: {
        tags,
        summary: 'Operator: make programmatic access available, or withdraw it',
        description:
          "The platform operator only. Withdrawn, the organization's credentials stop at once and their management answers 403; nothing is deleted, and making it available again restores them.",
        params: IdParams,
        body: withExample(OperatorPatch, { programmaticAccessAvailable: true }),
        response: { 200: OrganizationView, ...errorResponses },
      },
    },
    async (request) =>
      organizationView(
        await setProgrammaticAccessAvailability(ctx, callerOf(request), request.params.id, request.body),
      ),
  );

  app.get(
    '/organization',
    {
      schema: {
        tags,
        summary: "The caller's organization",
        description:
          'Needs `portcullis.organization:get`. Its settings, the two programmatic-access switches among them.',
        response: { 200: OrganizationView, ...errorResponses },
      },
    },
    async (request) => organizationView(await getOwnOrganization(ctx, callerOf(request))),
  );

  app.patch<{ Body: Static<typeof OwnPatch> }>(
    '/organization',
    {
      schema: {
        tags,
        summary:
          'Organization settings: the Programmatic Access toggle, display name, network policy, credential lifetime',
        description:
          "Needs `portcullis.organization:update`. `programmaticAccessEnabled` is the Programmatic Access toggle: off, every credential of the organization stops and its management answers 403, nothing deleted; turning it back on needs an organization admin. Also the organization's network policy, the audiences tokens may be issued for, their lifetime, and `maxCredentialLifetimeDays`, the most days members' client credentials and key pairs may last (organization service accounts are not bound by it; lowering it shortens no credential that exists). Each change is an `organization.updated` audit event.",
        body: withExample(OwnPatch, { programmaticAccessEnabled: true }),
        response: { 200: OrganizationView, ...errorResponses },
      },
    },
    async (request) => organizationView(await updateOwnOrganization(ctx, callerOf(request), request.body)),
  );
}
