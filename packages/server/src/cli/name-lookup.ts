import { type IdKind, isId } from '@portcullis/core/ids';
import type { ApiClient } from './api-client.js';
import { CommandFailure, exitCodes } from './command-failure.js';
import { printable } from './sql-output.js';

interface Named {
  id: string;
  name: string;
}

const nouns: Partial<Record<IdKind, string>> = {
  serviceAccount: 'service account',
  user: 'user',
  role: 'role',
  networkPolicy: 'network policy',
};

/**
 * The id of what a person named, by id or by name: an id is used as it is; a name is looked up in the
 * list route, exactly first, then ignoring case. Not found is a refusal, as the API's 404 would be.
 */
export async function idOf(
  api: ApiClient,
  kind: 'serviceAccount' | 'user' | 'role' | 'networkPolicy',
  listPath: string,
  nameOrId: string,
  query: Record<string, string> = {},
  noun = nouns[kind],
): Promise<string> {
  if (isId(kind, nameOrId)) return nameOrId;
  const items = await api.listAll<Named>(listPath, query);
  const found =
    items.find((item) => item.name === nameOrId) ??
    items.find((item) => item.name.toLowerCase() === nameOrId.toLowerCase());
  if (found) return found.id;
  throw new CommandFailure(exitCodes.failed, `not_found: no ${noun} is named ${printable(nameOrId)}`);
}

export const serviceAccountIdOf = (api: ApiClient, nameOrId: string) =>
  idOf(api, 'serviceAccount', 'service-accounts', nameOrId, { name: nameOrId });
export const userIdOf = (api: ApiClient, nameOrId: string) => idOf(api, 'user', 'users', nameOrId);
export const roleIdOf = (api: ApiClient, nameOrId: string) => idOf(api, 'role', 'roles', nameOrId);
export const networkPolicyIdOf = (api: ApiClient, nameOrId: string) =>
  idOf(api, 'networkPolicy', 'network-policies', nameOrId);
/** One of the caller's own client credentials (a service account they own), by name or id. */
export const clientCredentialIdOf = (api: ApiClient, nameOrId: string) =>
  idOf(api, 'serviceAccount', 'client-credentials', nameOrId, {}, 'client credential of yours');
