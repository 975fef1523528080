import type { Account, Login, Role, ServiceAccount, User } from '../../api/api-types';
import {
  listAccounts,
  listLogins,
  listRoles,
  listServiceAccounts,
  listUsers,
  unlessForbidden,
} from '../../api/full-lists';

export interface UsersData {
  users: User[];
  roles: Role[];
  accounts: Account[];
  /** Undefined when the person may not list them (then no service account can be associated here). */
  serviceAccounts: ServiceAccount[] | undefined;
  /** Undefined when the person may not list logins: users tied to one then show its id. */
  logins: Login[] | undefined;
}

export async function loadUsersData(): Promise<UsersData> {
  const [users, roles, accounts, serviceAccounts, logins] = await Promise.all([
    listUsers(),
    listRoles(),
    listAccounts(),
    unlessForbidden(listServiceAccounts()),
    unlessForbidden(listLogins()),
  ]);
  return { users, roles, accounts, serviceAccounts, logins };
}

/**
 * The service accounts a user in `accountId` may be associated with: those with no user in that account
 * yet (one user per account), and `keep`, the one the user already has.
 */
export function linkableServiceAccounts(
  data: Pick<UsersData, 'users' | 'serviceAccounts'>,
  accountId: string,
  keep?: string | null,
): ServiceAccount[] {
  const linked = new Set(
    data.users.filter((u) => u.accountId === accountId && u.serviceAccountId).map((u) => u.serviceAccountId),
  );
  return (data.serviceAccounts ?? []).filter((sa) => sa.id === keep || !linked.has(sa.id));
}

/** Who acts through the user: its login's email, or its service account's name. */
export function actingThrough(user: User, data: Pick<UsersData, 'logins' | 'serviceAccounts'>): string {
  if (user.serviceAccountId) {
    const sa = data.serviceAccounts?.find((s) => s.id === user.serviceAccountId);
    return `Service account ${sa?.name ?? user.serviceAccountId}`;
  }
  if (user.loginId) {
    const login = data.logins?.find((l) => l.id === user.loginId);
    return `Login ${login?.email ?? user.loginId}`;
  }
  return 'Nobody yet';
}
