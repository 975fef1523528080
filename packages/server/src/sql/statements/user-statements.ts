import type {
  AlterUser,
  CreateUser,
  DropUser,
  GrantRole,
  Name,
  RenameUser,
  RevokeRole,
} from '@portcullis/sql';
import { organizationOf } from '../../services/authorization.js';
import {
  accountNamed,
  loginNamed,
  required,
  roleNamed,
  serviceAccountNamed,
  unlessMissing,
  userNamed,
} from '../../services/object-names/objects-named.js';
import { createUser } from '../../services/users/create-user.js';
import { deleteUser, grantRole, revokeRole, updateUser } from '../../services/users/manage-users.js';
import { noRows, type StatementResult } from '../sql-outcome.js';
import { type StatementContext, unlessExists } from './statement-context.js';

/** Users live in an account: the session's (sql-session.ts). */
const account = (s: StatementContext) => accountNamed(s.ctx, s.caller, s.session.account);

const user = async (s: StatementContext, name: string, action: 'update' | 'delete') =>
  required(userNamed(s.ctx, s.caller, await account(s), name, action), 'User', name);

async function loginId(s: StatementContext, name: Name | null | undefined) {
  if (name === undefined) return undefined;
  if (name === null) return null;
  return required(loginNamed(s.ctx, s.caller, name.value, 'get'), 'Login', name.value);
}

async function serviceAccountId(s: StatementContext, name: Name | null | undefined) {
  if (name === undefined) return undefined;
  if (name === null) return null;
  return required(serviceAccountNamed(s.ctx, s.caller, name.value, 'get'), 'Service account', name.value);
}

const roleId = (s: StatementContext, name: Name) =>
  required(roleNamed(s.ctx, s.caller, name.value, 'get'), 'Role', name.value);

export async function createUserStatement(s: StatementContext, st: CreateUser): Promise<StatementResult> {
  const accountId = await account(s);
  if (st.ifNotExists && (await userNamed(s.ctx, s.caller, accountId, st.name.value, 'create'))) return noRows;
  const roleIds = st.roles ? await Promise.all(st.roles.map((r) => roleId(s, r))) : undefined;
  const login = (await loginId(s, st.login)) ?? undefined;
  const sa = (await serviceAccountId(s, st.serviceAccount)) ?? undefined;
  await unlessExists(st.ifNotExists, 'user_exists', () =>
    createUser(s.ctx, s.caller, {
      organizationId: organizationOf(s.caller.actor),
      accountId,
      name: st.name.value,
      loginId: login,
      serviceAccountId: sa,
      roleIds,
      defaultDatabase: st.defaultDatabase?.value,
      defaultEngine: st.defaultEngine?.value,
    }),
  );
  return noRows;
}

export async function alterUserStatement(s: StatementContext, st: AlterUser): Promise<StatementResult> {
  const id = await user(s, st.name.value, 'update');
  await updateUser(s.ctx, s.caller, id, {
    loginId: await loginId(s, st.login),
    serviceAccountId: await serviceAccountId(s, st.serviceAccount),
    defaultDatabase: st.defaultDatabase === undefined ? undefined : (st.defaultDatabase?.value ?? null),
    defaultEngine: st.defaultEngine === undefined ? undefined : (st.defaultEngine?.value ?? null),
  });
  return noRows;
}

export async function renameUserStatement(s: StatementContext, st: RenameUser): Promise<StatementResult> {
  const id = await user(s, st.name.value, 'update');
  await updateUser(s.ctx, s.caller, id, { name: st.newName.value });
  return noRows;
}

export async function dropUserStatement(s: StatementContext, st: DropUser): Promise<StatementResult> {
  const lookup = userNamed(s.ctx, s.caller, await account(s), st.name.value, 'delete');
  const id = await unlessMissing(lookup, st.ifExists, 'User', st.name.value);
  if (id === undefined) return noRows;
  await deleteUser(s.ctx, s.caller, id);
  return noRows;
}

export async function grantRoleStatement(s: StatementContext, st: GrantRole): Promise<StatementResult> {
  await grantRole(s.ctx, s.caller, await user(s, st.user.value, 'update'), await roleId(s, st.role));
  return noRows;
}

export async function revokeRoleStatement(s: StatementContext, st: RevokeRole): Promise<StatementResult> {
  await revokeRole(s.ctx, s.caller, await user(s, st.user.value, 'update'), await roleId(s, st.role));
  return noRows;
}
