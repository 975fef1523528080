import type { NetworkPolicy, ServiceAccount, User } from '../../api/api-types';
import {
  listNetworkPolicies,
  listServiceAccounts,
  listUsers,
  unlessForbidden,
} from '../../api/organization-lists';

export interface ServiceAccountsData {
  serviceAccounts: ServiceAccount[];
  /** Undefined when the person may not list users: then nobody can say which are linked. */
  users: User[] | undefined;
  /** Undefined when the person may not list network policies. */
  policies: NetworkPolicy[] | undefined;
}

export async function loadServiceAccountsData(): Promise<ServiceAccountsData> {
  const [serviceAccounts, users, policies] = await Promise.all([
    listServiceAccounts(),
    unlessForbidden(listUsers()),
    unlessForbidden(listNetworkPolicies()),
  ]);
  return { serviceAccounts, users, policies };
}

/** The users tied to each service account, by its id: found among all users, as the API cannot filter. */
export function usersByServiceAccount(users: User[] | undefined): Map<string, User[]> {
  const linked = new Map<string, User[]>();
  for (const user of users ?? []) {
    if (!user.serviceAccountId) continue;
    linked.set(user.serviceAccountId, [...(linked.get(user.serviceAccountId) ?? []), user]);
  }
  return linked;
}
