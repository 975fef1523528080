import { objectNamePattern } from '@portcullis/core/names';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import type { ServiceContext } from '../../services/context.js';
import {
  createPolicy,
  deletePolicy,
  getPolicy,
  listPolicies,
  updatePolicy,
} from '../../services/network-policies/manage-network-policies.js';
import type { NetworkPolicy } from '../../store/repositories/network-policies.js';
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

const EntryList = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
  maxItems: 1000,
  description: 'IPv4/IPv6 addresses and CIDR ranges.',
});

const PolicyBody = Type.Object(
  {
    name: Type.String({ pattern: objectNamePattern }),
    description: Type.Optional(Type.String({ maxLength: 1024 })),
    allowed: Type.Optional(EntryList),
    blocked: Type.Optional(EntryList),
  },
  { additionalProperties: false },
);
const PolicyPatch = Type.Partial(PolicyBody, { additionalProperties: false });
const DeleteQuery = Type.Object(
  { cascade: Type.Optional(Type.Boolean({ description: 'Detach it everywhere first (Firebolt CASCADE).' })) },
  { additionalProperties: false },
);

const PolicyView = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    description: Type.String(),
    allowed: Type.Array(Type.String()),
    blocked: Type.Array(Type.String()),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'NetworkPolicy' },
);

const PolicyWithAttachmentsView = Type.Object({
  ...PolicyView.properties,
  attachedTo: Type.Object({
    organization: Type.Boolean({ description: "The organization's own policy." }),
    logins: Type.Array(Type.Object({ id: Type.String(), email: Type.String() })),
    serviceAccounts: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  }),
});

function view(policy: NetworkPolicy) {
  return {
    id: policy.id,
    name: policy.name,
    description: policy.description,
    allowed: policy.allowed,
    blocked: policy.blocked,
    createdAt: isoTime(policy.createdAt),
    updatedAt: isoTime(policy.updatedAt),
  };
}

const PolicyPageQuery = IdPageQuery('networkPolicy');

/** Allow and block lists, attached to the organization, logins and service accounts by their own routes. */
export async function networkPolicyRoutes(
  app: FastifyInstance,
  opts: { ctx: ServiceContext },
): Promise<void> {
  const { ctx } = opts;
  const tags = ['network policies'];

  app.get<{ Querystring: Static<typeof PolicyPageQuery> }>(
    '/network-policies',
    {
      schema: {
        tags,
        summary: 'List network policies, in creation order',
        description:
          'Needs `portcullis.network_policies:list`. Pass `nextCursor` as `cursor` until it is null.',
        querystring: PolicyPageQuery,
        response: { 200: PageOf(PolicyView), ...errorResponses },
      },
    },
    async (request) => {
      const { items, nextCursor } = await listPolicies(ctx, callerOf(request), pageRequestOf(request.query));
      return { items: items.map(view), nextCursor };
    },
  );

  app.post<{ Body: Static<typeof PolicyBody> }>(
    '/network-policies',
    {
      schema: {
        tags,
        summary: 'Create a network policy',
        description:
          "Needs `portcullis.network_policies:create`. IPv4 and IPv6 addresses and CIDR ranges, stored in canonical form; within a policy a blocked match beats an allowed one. Attach it to the organization (`PATCH /api/v1/organization`), a login or a service account; the organization's policy is checked first, and where it does not allow an address the login's or service account's own decides.",
        body: withExample(PolicyBody, {
          name: 'office-only',
          description: 'the office and the VPN',
          allowed: ['203.0.113.0/24', '2001:db8::/48'],
          blocked: ['203.0.113.7'],
        }),
        response: { 201: PolicyView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(view(await createPolicy(ctx, callerOf(request), request.body))),
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    '/network-policies/:id',
    {
      schema: {
        tags,
        summary: 'Get a network policy and where it is attached',
        description:
          'Needs `portcullis.network_policies:get`. `attachedTo` names what the policy applies to: the organization, logins (by email) and service accounts (by name); a change applies to all of them at once.',
        params: IdParams,
        response: { 200: PolicyWithAttachmentsView, ...errorResponses },
      },
    },
    async (request) => {
      const { policy, attachedTo } = await getPolicy(ctx, callerOf(request), request.params.id);
      return { ...view(policy), attachedTo };
    },
  );

  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof PolicyPatch> }>(
    '/network-policies/:id',
    {
      schema: {
        tags,
        summary: 'Change a network policy',
        description: 'Needs `portcullis.network_policies:update`. Applies at once wherever it is attached.',
        params: IdParams,
        body: withExample(PolicyPatch, { blocked: ['203.0.113.7', '203.0.113.8'] }),
        response: { 200: PolicyView, ...errorResponses },
      },
    },
    async (request) => view(await updatePolicy(ctx, callerOf(request), request.params.id, request.body)),
  );

  app.delete<{ Params: Static<typeof IdParams>; Querystring: Static<typeof DeleteQuery> }>(
    '/network-policies/:id',
    {
      schema: {
        tags,
        summary: 'Delete a network policy (refused while attached unless cascade=true)',
        description:
          'Needs `portcullis.network_policies:delete`. While attached it is refused with 409, unless `cascade=true` detaches it everywhere first.',
        params: IdParams,
        querystring: DeleteQuery,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deletePolicy(ctx, callerOf(request), request.params.id, request.query.cascade ?? false);
      return reply.code(204).send();
    },
  );
}
