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
        body: AccountBody,
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
        params: IdParams,
        body: AccountBody,
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
