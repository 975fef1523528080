import type { Catalog } from '@portcullis/core/permissions';
import { unwrap } from '../../api/api-error';
import type {
  AccessKey,
  Account,
  ClientCredential,
  Login,
  Role,
  ServiceAccount,
  User,
} from '../../api/api-types';
import { api } from '../../api/client';
import {
  listAccessKeys,
  listAccounts,
  listClientCredentials,
  listRoles,
  unlessForbidden,
} from '../../api/full-lists';
import { loadCatalog } from '../../permissions/catalog';

export interface UserPageData {
  user: User;
  roles: Role[];
  account: Account | undefined;
  catalog: Catalog;
  /** The service account acting through the user; undefined if none or not readable. */
  serviceAccount: ServiceAccount | undefined;
  /** The login acting through the user; undefined if none or not readable. */
  login: Login | undefined;
  /** The signed-in person's own credentials, when the user is theirs: nobody else's are listable. */
  own: { clientCredentials: ClientCredential[]; accessKeys: AccessKey[] } | undefined;
}

async function ownCredentials() {
  const [clientCredentials, accessKeys] = await Promise.all([listClientCredentials(), listAccessKeys()]);
  return { clientCredentials, accessKeys };
}

export async function loadUserPage(id: string, ownUserId: string | undefined): Promise<UserPageData> {
  const user = unwrap(await api.GET('/api/v1/users/{id}', { params: { path: { id } } }));
  const [roles, accounts, catalog, serviceAccount, login, own] = await Promise.all([
    listRoles(),
    unlessForbidden(listAccounts()),
    loadCatalog(),
    user.serviceAccountId
      ? unlessForbidden(
          api
            .GET('/api/v1/service-accounts/{id}', { params: { path: { id: user.serviceAccountId } } })
            .then(unwrap),
        )
      : undefined,
    user.loginId
      ? unlessForbidden(
          api.GET('/api/v1/logins/{id}', { params: { path: { id: user.loginId } } }).then(unwrap),
        )
      : undefined,
    user.id === ownUserId ? unlessForbidden(ownCredentials()) : undefined,
  ]);
  return {
    user,
    roles: roles.filter((role) => user.roleIds.includes(role.id)),
    account: accounts?.find((a) => a.id === user.accountId),
    catalog,
    serviceAccount,
    login,
    own,
  };
}

/**
 * Who acts through the user, as core's inheritance rule needs it: a service account's admin flag binds
 * while the user is active; a login that is an organization admin holds everything whatever its user.
 */
export function actingUser(data: UserPageData): { active: boolean; isOrganizationAdmin: boolean } {
  const { user, serviceAccount, login } = data;
  if (serviceAccount) return { active: user.active, isOrganizationAdmin: serviceAccount.isOrganizationAdmin };
  if (login) {
    return {
      active: login.active && (login.isOrganizationAdmin || user.active),
      isOrganizationAdmin: login.isOrganizationAdmin,
    };
  }
  return { active: user.active, isOrganizationAdmin: false };
}
