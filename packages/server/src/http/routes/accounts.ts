import { objectNamePattern } from '@portcullis/core/names';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import {
  createAccount,
  deleteAccount,
  getAccount,
  listAccountsOfCaller,
  renameAccount,
} from '../../services/accounts/manage-accounts.js';
import type { ServiceContext } from '../../services/context.js';
import type { Account } from '../../store/repositories/accounts.js';
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

const AccountBody = Type.Object(
  { name: Type.String({ pattern: objectNamePattern }) },
  { additionalProperties: false },
);
const AccountView = Type.Object(
  { id: Type.String(), name: Type.String(), isDefault: Type.Boolean(), createdAt: Timestamp },
  { $id: 'Account' },
);
const view = (a: Account) => ({
  id: a.id,
  name: a.name,
  isDefault: a.isDefault,
  createdAt: isoTime(a.createdAt),
});

const AccountPageQuery = IdPageQuery('account');

/** Accounts (workspaces) of the organization; every organization has a default one. */
export async function accountRoutes(app: FastifyInstance, opts: { ctx: ServiceContext }): Promise<void> {
  const { ctx } = opts;
  const tags = ['accounts'];
  app.get<{ Querystring: Static<typeof AccountPageQuery> }>(
    '/accounts',
    {
      schema: {
        tags,
        summary: 'List accounts, in creation order (the default account first)',
        description: 'Needs `portcullis.accounts:list`. Pass `nextCursor` as `cursor` until it is null.',
        querystring: AccountPageQuery,
        response: { 200: PageOf(AccountView), ...errorResponses },
      },
    },
    async (request) => {
      const { items, nextCursor } = await listAccountsOfCaller(
        ctx,
        callerOf(request),
        pageRequestOf(request.query),
      );
      return { items: items.map(view), nextCursor };
    },
  );
  app.post<{ Body: Static<typeof AccountBody> }>(
    '/accounts',
    {
      schema: {
        tags,
        summary: 'Create an account',
        description:
          'Needs `portcullis.accounts:create`. A workspace with users of its own; a token request names it with `account`.',
        body: withExample(AccountBody, { name: 'staging' }),
        response: { 201: AccountView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(view(await createAccount(ctx, callerOf(request), request.body.name))),
  );
  app.get<{ Params: Static<typeof IdParams> }>(
    '/accounts/:id',
    {
      schema: {
        tags,
        summary: 'Get an account',
        description: 'Needs `portcullis.accounts:get`.',
        params: IdParams,
        response: { 200: AccountView, ...errorResponses },
      },
    },
    async (request) => view(await getAccount(ctx, callerOf(request), request.params.id)),
  );
  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof AccountBody> }>(
    '/accounts/:id',
    {
      schema: {
        tags,
        summary: 'Rename an account',
        description:
          'Needs `portcullis.accounts:update`. Token requests that name the account by its old name stop finding it.',
        params: IdParams,
        body: withExample(AccountBody, { name: 'staging-eu' }),
        response: { 200: AccountView, ...errorResponses },
      },
    },
    async (request) =>
      view(await renameAccount(ctx, callerOf(request), request.params.id, request.body.name)),
  );
  app.delete<{ Params: Static<typeof IdParams> }>(
    '/accounts/:id',
    {
      schema: {
        tags,
        summary: 'Delete an empty, non-default account',
        description:
          'Needs `portcullis.accounts:delete`. The default account stays (`default_account_immutable`), and an account with users is refused (`account_not_empty`) until they are deleted.',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteAccount(ctx, callerOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
