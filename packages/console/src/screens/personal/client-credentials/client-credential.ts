import { type Catalog, PermissionSet } from '@portcullis/core/permissions';
import type { Answer } from '../../../api/answer-type';
import type { ClientCredential } from '../../../api/api-types';
import type { paths } from '../../../api/schema';
import { ownCredentialEffective } from '../../../permissions/held-permissions';
import type { Session } from '../../../session/session';

export type CreatedClientCredential = Answer<'/api/v1/client-credentials', 'post'>;
export type CredentialPatch =
  paths['/api/v1/client-credentials/{id}']['patch']['requestBody']['content']['application/json'];

/** A credential as the table shows it: what it was granted, and what it can do now. */
export interface CredentialRow extends ClientCredential {
  granted: PermissionSet;
  effective: PermissionSet;
}

export function credentialRow(
  catalog: Catalog,
  session: Session,
  credential: ClientCredential,
): CredentialRow {
  return {
    ...credential,
    granted: PermissionSet.parseStored(catalog, credential.permissions.join(' ')),
    effective: ownCredentialEffective(catalog, session, credential.permissions),
  };
}
