import { unwrap } from '../../api/api-error';
import type { NetworkPolicy, ServiceAccount, User } from '../../api/api-types';
import { api } from '../../api/client';
import { listNetworkPolicies, listServiceAccounts, listUsers, unlessForbidden } from '../../api/full-lists';

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

/** A new secret for the service account; the previous one goes on working for `gracePeriodSeconds`. */
export async function generateSecret(id: string, gracePeriodSeconds = 0) {
  return unwrap(
    await api.POST('/api/v1/service-accounts/{id}/secrets', {
      params: { path: { id } },
      body: gracePeriodSeconds > 0 ? { gracePeriodSeconds } : {},
    }),
  );
}
