import { objectNamePattern } from '@portcullis/core/names';
import { examplePasswords } from '@portcullis/core/passwords';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { organizationOf } from '../../services/authorization.js';
import type { ServiceContext } from '../../services/context.js';
import { createLogin } from '../../services/logins/create-login.js';
import { createLoginWithUser } from '../../services/logins/create-login-with-user.js';
import { logout } from '../../services/logins/logout.js';
import {
  changeOwnPassword,
  deleteLogin,
  getLogin,
  listLoginsOfCaller,
  setLoginPassword,
  updateLogin,
} from '../../services/logins/manage-logins.js';
import type { Login } from '../../store/repositories/logins.js';
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
import { SessionTokenView } from './auth-login.js';

const password = Type.String({ minLength: 1, maxLength: 256 });
const CreateLoginBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 320 }),
    name: Type.String({ minLength: 1, maxLength: 128 }),
    password,
    isOrganizationAdmin: Type.Optional(Type.Boolean()),
    user: Type.Optional(
      Type.Object(
        {
          name: Type.String({ pattern: objectNamePattern, description: 'Unique in the account.' }),
          roleIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 50 })),
        },
        {
          additionalProperties: false,
          description:
            "Also create the person's user in the default account, holding these roles: needs portcullis.users:create and every permission of the roles.",
        },
      ),
    ),
  },
  { additionalProperties: false },
);
const LoginPatch = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    isOrganizationAdmin: Type.Optional(Type.Boolean()),
    networkPolicyId: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
    active: Type.Optional(
      Type.Boolean({ description: 'false stops the person and their credentials at once.' }),
    ),
  },
  { additionalProperties: false },
);
const PasswordBody = Type.Object({ password }, { additionalProperties: false });
const OwnPasswordBody = Type.Object(
  { currentPassword: password, newPassword: password },
  { additionalProperties: false },
);
const LogoutBody = Type.Optional(
  Type.Object(
    {
      allSessions: Type.Optional(
        Type.Boolean({
          default: false,
          description: 'true ends every session of yours, on every device; otherwise only this one.',
        }),
      ),
    },
    { additionalProperties: false },
  ),
);

const LoginView = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    name: Type.String(),
    isOrganizationAdmin: Type.Boolean(),
    active: Type.Boolean(),
    networkPolicyId: Type.Union([Type.String(), Type.Null()]),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Login' },
);

function view(login: Login) {
  return {
    id: login.id,
    email: login.email,
    name: login.name,
    isOrganizationAdmin: login.isOrganizationAdmin,
    active: login.active,
    networkPolicyId: login.networkPolicyId,
    createdAt: isoTime(login.createdAt),
    updatedAt: isoTime(login.updatedAt),
  };
}

const CreatedLoginView = Type.Object({
  ...LoginView.properties,
  user: Type.Union(
    [
      Type.Object({
        id: Type.String(),
        accountId: Type.String(),
        name: Type.String(),
        roleIds: Type.Array(Type.String()),
      }),
      Type.Null(),
    ],
    { description: 'The user made with the login, when one was asked for.' },
  ),
});

const LoginPageQuery = IdPageQuery('login');

/** People of the organization: email, name, password, organization-admin flag, network policy. */
export async function loginRoutes(app: FastifyInstance, opts: { ctx: ServiceContext }): Promise<void> {
  const { ctx } = opts;
  const tags = ['logins'];
  app.get<{ Querystring: Static<typeof LoginPageQuery> }>(
    '/logins',
    {
      schema: {
        tags,
        summary: 'List logins, in creation order',
        description:
          "Needs `portcullis.logins:list`. The people of your organization, one page at a time: pass the answer's `nextCursor` as `cursor` until it is null.",
        querystring: LoginPageQuery,
        response: { 200: PageOf(LoginView), ...errorResponses },
      },
    },
    async (request) => {
      const { items, nextCursor } = await listLoginsOfCaller(
        ctx,
        callerOf(request),
        pageRequestOf(request.query),
      );
      return { items: items.map(view), nextCursor };
    },
  );
  app.post<{ Body: Static<typeof CreateLoginBody> }>(
    '/logins',
    {
      schema: {
        tags,
        summary: 'Create a login, and with it their user in the default account if asked',
        description:
          'Needs `portcullis.logins:create`. A person who signs in with this email and password. With `user` (a name and roles), their user in the default account is made in the same request — that needs `portcullis.users:create` and roles within what the caller holds — and the answer names it in `user`; without it they can do nothing until a user ties them to an account with roles (`POST /api/v1/users` with `loginId`). Only an organization admin may create another one (`isOrganizationAdmin`).',
        body: withExample(CreateLoginBody, {
          email: 'analyst@acme.example',
          name: 'Ana Lyst',
          password: examplePasswords.new,
        }),
        response: { 201: CreatedLoginView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const { user, ...login } = request.body;
      const input = { ...login, organizationId: organizationOf(caller.actor) };
      if (!user) return reply.code(201).send({ ...view(await createLogin(ctx, caller, input)), user: null });
      const created = await createLoginWithUser(ctx, caller, input, user);
      return reply.code(201).send({
        ...view(created.login),
        user: {
          id: created.user.user.id,
          accountId: created.user.user.accountId,
          name: created.user.user.name,
          roleIds: created.user.roles.map((r) => r.id),
        },
      });
    },
  );
  app.get<{ Params: Static<typeof IdParams> }>(
    '/logins/:id',
    {
      schema: {
        tags,
        summary: 'Get a login',
        description: 'Needs `portcullis.logins:get`. Never includes the password or its hash.',
        params: IdParams,
        response: { 200: LoginView, ...errorResponses },
      },
    },
    async (request) => view(await getLogin(ctx, callerOf(request), request.params.id)),
  );
  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof LoginPatch> }>(
    '/logins/:id',
    {
      schema: {
        tags,
        summary: 'Rename, make or unmake admin, attach a network policy, deactivate',
        description:
          'Needs `portcullis.logins:update`. `active: false` stops the person at once: their sessions end and their personal credentials stop working. Making someone an organization admin needs an organization admin; handing rights back (reactivating) needs at least the rights handed on.',
        params: IdParams,
        body: withExample(LoginPatch, { networkPolicyId: 'np_…' }),
        response: { 200: LoginView, ...errorResponses },
      },
    },
    async (request) => view(await updateLogin(ctx, callerOf(request), request.params.id, request.body)),
  );
  app.put<{ Params: Static<typeof IdParams>; Body: Static<typeof PasswordBody> }>(
    '/logins/:id/password',
    {
      schema: {
        tags,
        summary: "Set (reset) a login's password",
        description:
          'Needs `portcullis.logins:update` and at least the rights of the person. Their sessions end on every node. Your own password is changed with `PUT /api/v1/auth/password`, which asks for the current one.',
        params: IdParams,
        body: withExample(PasswordBody, { password: examplePasswords.new }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await setLoginPassword(ctx, callerOf(request), request.params.id, request.body.password);
      return reply.code(204).send();
    },
  );
  app.delete<{ Params: Static<typeof IdParams> }>(
    '/logins/:id',
    {
      schema: {
        tags,
        summary: 'Delete a login and its users',
        description:
          'Needs `portcullis.logins:delete`. Its users go with it, and with them every personal credential acting through them; its sessions end.',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteLogin(ctx, callerOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
  app.put<{ Body: Static<typeof OwnPasswordBody> }>(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change your own password; every session of yours ends, and a fresh one is answered',
        description:
          'Needs your current password. Every session of yours ends, on every node, and the answer is a fresh session token to go on with.',
        body: withExample(OwnPasswordBody, {
          currentPassword: examplePasswords.current,
          newPassword: examplePasswords.new,
        }),
        response: { 200: SessionTokenView, ...errorResponses },
      },
    },
    async (request) => {
      const session = await changeOwnPassword(ctx, callerOf(request), request.body);
      return { accessToken: session.accessToken, expiresAt: session.expiresAt, tokenType: session.tokenType };
    },
  );
  app.post<{ Body: Static<typeof LogoutBody> }>(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out: end this session, or with allSessions every session of yours',
        description:
          'Ends the session whose token calls it; with `{"allSessions": true}`, every session of yours, on every node. The body may be left out.',
        body: withExample(LogoutBody, { allSessions: false }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await logout(ctx, callerOf(request), { allSessions: request.body?.allSessions ?? false });
      return reply.code(204).send();
    },
  );
}
