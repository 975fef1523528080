import type { PermissionSet } from '@portcullis/core/permissions';
import { type ActingUser, effectivePermissions } from '@portcullis/core/permissions';
import { findAccountByIdOrName, findDefaultAccount } from '../../store/repositories/accounts.js';
import { findLoginById } from '../../store/repositories/logins.js';
import { listPermissionTextsOfUser } from '../../store/repositories/roles.js';
import type { ServiceAccount } from '../../store/repositories/service-accounts.js';
import { findUserById, listUsersOfServiceAccount, type User } from '../../store/repositories/users.js';
import type { ServiceContext } from '../context.js';
import { storedPermissions, unionOfStored } from './stored-permissions.js';

export interface ResolvedCredential {
  accountId: string;
  user: User;
  /** granted ∩ the acting user's current permissions, computed now. */
  effective: PermissionSet;
}

/** Why a credential cannot act; the token endpoint turns this into an OAuth error and an audit reason. */
export type CredentialRefusal =
  | { reason: 'no_user_in_account'; code: 'unauthorized_client' }
  | { reason: 'owner_inactive'; code: 'invalid_client' }
  | { reason: 'unknown_account'; code: 'invalid_request'; account: string };

export type CredentialResolution = ResolvedCredential | CredentialRefusal;

export function isRefusal(resolution: CredentialResolution): resolution is CredentialRefusal {
  return 'reason' in resolution;
}

const unknownAccount = (account: string): CredentialRefusal => ({
  reason: 'unknown_account',
  code: 'invalid_request',
  account,
});

/**
 * Who the credential acts as in an account, and what it may do there right now (the inheritance rule).
 *
 * - A personal credential (FireTail client credential, Firefly key pair) acts as its owner's user, in that
 *   user's account; an owner that is gone or inactive, or whose login is, leaves it unusable.
 * - An organization service account acts as the user tied to it in the account: the one named, else its
 *   only user, else its user in the default account (Firebolt clients name no account).
 */
export async function resolveCredential(
  ctx: ServiceContext,
  sa: ServiceAccount,
  accountRef?: string,
): Promise<CredentialResolution> {
  let user: User | undefined;
  let isOrganizationAdmin: boolean;
  if (sa.kind === 'organization') {
    const users = await listUsersOfServiceAccount(ctx.db, sa.id);
    if (accountRef) {
      const account = await findAccountByIdOrName(ctx.db, sa.organizationId, accountRef);
      if (!account) return unknownAccount(accountRef);
      user = users.find((u) => u.accountId === account.id);
    } else if (users.length === 1) {
      user = users[0];
    } else {
      const account = await findDefaultAccount(ctx.db, sa.organizationId);
      user = users.find((u) => u.accountId === account?.id);
    }
    if (!user) return { reason: 'no_user_in_account', code: 'unauthorized_client' };
    if (!user.active) return { reason: 'owner_inactive', code: 'invalid_client' };
    isOrganizationAdmin = sa.isOrganizationAdmin;
  } else {
    user = sa.ownerUserId ? await findUserById(ctx.db, sa.ownerUserId) : undefined;
    const login = user?.loginId ? await findLoginById(ctx.db, user.loginId) : undefined;
    if (!user?.active || !login?.active) return { reason: 'owner_inactive', code: 'invalid_client' };
    if (accountRef) {
      const account = await findAccountByIdOrName(ctx.db, sa.organizationId, accountRef);
      if (!account) return unknownAccount(accountRef);
      if (account.id !== user.accountId) return { reason: 'no_user_in_account', code: 'unauthorized_client' };
    }
    isOrganizationAdmin = login.isOrganizationAdmin;
  }
  const acting: ActingUser = {
    active: true,
    isOrganizationAdmin,
    rolePermissions: unionOfStored(ctx.catalog, await listPermissionTextsOfUser(ctx.db, user.id)),
  };
  const granted =
    sa.grantedPermissions === null ? undefined : storedPermissions(ctx.catalog, sa.grantedPermissions);
  return { accountId: user.accountId, user, effective: effectivePermissions(ctx.catalog, granted, acting) };
}
