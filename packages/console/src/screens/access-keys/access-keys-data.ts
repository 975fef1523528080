import { unwrap } from '../../api/api-error';
import type { AccessKey } from '../../api/api-types';
import { api } from '../../api/client';
import { largestPage, loadAllPages } from '../../api/load-all-pages';
import { unlessForbidden } from '../../api/organization-lists';

export interface AccessKeysData {
  keys: AccessKey[];
  /**
   * The organization's cap on personal credentials' lifetime; null for none, and for a person who may not
   * read the organization (the server still applies it, and its refusal says so).
   */
  maximumDays: number | null;
}

export async function loadAccessKeys(): Promise<AccessKeysData> {
  const [keys, organization] = await Promise.all([
    loadAllPages(async (cursor) =>
      unwrap(
        await api.GET('/api/v1/users/me/access-keys', { params: { query: { limit: largestPage, cursor } } }),
      ),
    ),
    unlessForbidden(api.GET('/api/v1/organization').then(unwrap)),
  ]);
  return { keys, maximumDays: organization?.maxCredentialLifetimeDays ?? null };
}
