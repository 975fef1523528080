import type { Catalog, PermissionSet } from '@portcullis/core/permissions';
import { unwrap } from '../../../api/api-error';
import type { ClientCredential } from '../../../api/api-types';
import { api } from '../../../api/client';
import { listClientCredentials } from '../../../api/full-lists';
import { loadCatalog } from '../../../permissions/catalog';
import { heldPermissions } from '../../../permissions/held-permissions';
import type { Session } from '../../../session/session';

export interface CredentialsScreenData {
  catalog: Catalog;
  /** What the person holds now: what they may grant. */
  held: PermissionSet;
  /** Undefined when the person may not list them. */
  credentials: ClientCredential[] | undefined;
  /** The organization's cap on personal credentials' lifetime; null for none or when unreadable. */
  maximumDays: number | null;
}

/**
 * Everything the screen shows. Calls the person may not make are left out rather than refused: the
 * organization's maximum needs `portcullis.organization:get` (without it the server still enforces the
 * maximum and its refusal says what it is).
 */
export async function loadCredentialsScreen(session: Session): Promise<CredentialsScreenData> {
  const catalog = await loadCatalog();
  const held = heldPermissions(catalog, session);
  const [credentials, organization] = await Promise.all([
    held.has('portcullis.client_credentials', 'list') ? listClientCredentials() : undefined,
    held.has('portcullis.organization', 'get') ? api.GET('/api/v1/organization').then(unwrap) : undefined,
  ]);
  return { catalog, held, credentials, maximumDays: organization?.maxCredentialLifetimeDays ?? null };
}
