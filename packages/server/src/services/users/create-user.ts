import { invalidField, notFound } from '@portcullis/core/errors';
import { newId } from '@portcullis/core/ids';
import { isObjectName } from '@portcullis/core/names';
import type { Db } from '../../store/database.js';
import { findAccountInOrganization, findDefaultAccount } from '../../store/repositories/accounts.js';
import { findLoginById } from '../../store/repositories/logins.js';
import { assignRole, findRolesByIds, type Role } from '../../store/repositories/roles.js';
import type { ServiceAccount } from '../../store/repositories/service-accounts.js';
import { insertUser, type User } from '../../store/repositories/users.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { requirePermission, requireWithinGrantor } from '../authorization.js';
import { type Caller, inTransaction, type ServiceContext } from '../context.js';
import { requireMayLink } from '../permissions/rights-handed-on.js';
import { unionOfStored } from '../permissions/stored-permissions.js';
import { asConflict } from '../unique-conflicts.js';
import { linkableServiceAccount, principalConflict } from './service-account-link.js';

export interface CreateUserInput {
  organizationId: string;
  /** Defaults to the organization's default account. */
  accountId?: string | undefined;
  name: string;
  loginId?: string | undefined;
  serviceAccountId?: string | undefined;
  roleIds?: string[] | undefined;
  defaultDatabase?: string | undefined;
  defaultEngine?: string | undefined;
}

export interface CreatedUser {
  user: User;
  roles: Role[];
}

/** The login or service account the user will be tied to, checked; the service account is returned. */
async function checkPrincipal(
  db: Db,
  input: CreateUserInput,
  accountId: string,
): Promise<ServiceAccount | undefined> {
  if (input.loginId) {
    const login = await findLoginById(db, input.loginId);
    if (!login || login.organizationId !== input.organizationId) {
      throw notFound('Login', { loginId: input.loginId });
    }
  }
  if (!input.serviceAccountId) return undefined;
  return linkableServiceAccount(db, {
    organizationId: input.organizationId,
    accountId,
    serviceAccountId: input.serviceAccountId,
  });
}

/** A user lives in one account and is tied to a login or a service account, never both (Firebolt). */
export async function createUser(
  ctx: ServiceContext,
  caller: Caller,
  input: CreateUserInput,
): Promise<CreatedUser> {
  try {
    return await inTransaction(ctx, (tx) => createUserStep(tx, caller, input));
  } catch (error) {
    throw asConflict(error);
  }
}

export async function createUserStep(
  tx: ServiceContext,
  caller: Caller,
  input: CreateUserInput,
): Promise<CreatedUser> {
  requirePermission(caller.actor, 'portcullis.users', 'create');
  if (input.loginId && input.serviceAccountId) {
    throw principalConflict();
  }
  if (!isObjectName(input.name)) {
    throw invalidField('name', 'letters, digits, _ . - ; at most 64', 'The user name is invalid.');
  }
  const now = tx.clock();
  const account = input.accountId
    ? await findAccountInOrganization(tx.db, input.organizationId, input.accountId)
    : await findDefaultAccount(tx.db, input.organizationId);
  if (!account) throw notFound('Account', { accountId: input.accountId });
  const serviceAccount = await checkPrincipal(tx.db, input, account.id);
  const roleIds = [...new Set(input.roleIds ?? [])];
  const roles = await findRolesByIds(tx.db, input.organizationId, roleIds);
  const missing = roleIds.filter((id) => !roles.some((r) => r.id === id));
  if (missing.length > 0) throw notFound('Role', { roleIds: missing });
  // Roles given at creation are grants like any other, and so is what they give a linked service account.
  const rolePermissions = unionOfStored(
    tx.catalog,
    roles.map((r) => r.permissions),
  );
  requireWithinGrantor(caller.actor, rolePermissions);
  if (serviceAccount) requireMayLink(caller.actor, serviceAccount, rolePermissions);

  const user: User = {
    id: newId('user'),
    organizationId: input.organizationId,
    accountId: account.id,
    name: input.name,
    loginId: input.loginId ?? null,
    serviceAccountId: input.serviceAccountId ?? null,
    defaultDatabase: input.defaultDatabase ?? null,
    defaultEngine: input.defaultEngine ?? null,
    active: true,
    createdAt: now,
    updatedAt: now,
  };
  await insertUser(tx.db, user);
  for (const role of roles) await assignRole(tx.db, user.id, role.id, now);
  await recordAuditEvent(tx.db, caller, now, {
    organizationId: input.organizationId,
    action: 'user.created',
    targetType: 'user',
    targetId: user.id,
    details: {
      name: user.name,
      accountId: account.id,
      loginId: user.loginId,
      serviceAccountId: user.serviceAccountId,
      roleIds: roles.map((r) => r.id),
    },
  });
  return { user, roles };
}
