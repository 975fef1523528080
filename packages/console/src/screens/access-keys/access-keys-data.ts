import { unwrap } from '../../api/api-error';
import type { AccessKey } from '../../api/api-types';
import { api } from '../../api/client';
import { listAccessKeys, unlessForbidden } from '../../api/full-lists';

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
    listAccessKeys(),
    unlessForbidden(api.GET('/api/v1/organization').then(unwrap)),
  ]);
  return { keys, maximumDays: organization?.maxCredentialLifetimeDays ?? null };
}
