import { newId } from '@portcullis/core/ids';
import type { ServiceAccount } from '../../store/repositories/service-accounts.js';

/** What the creator chooses; everything else a new service account starts with is the same for all. */
export type NewServiceAccountFields = Pick<ServiceAccount, 'organizationId' | 'kind'> & {
  /** A name, or how to name it after its id (an access key has no name of its own). */
  name: string | ((id: string) => string);
} & Partial<
    Pick<
      ServiceAccount,
      | 'description'
      | 'isOrganizationAdmin'
      | 'ownerUserId'
      | 'grantedPermissions'
      | 'networkPolicyId'
      | 'connectionPreference'
      | 'validTo'
      | 'validToTimezone'
    >
  >;

/**
 * The row of a service account being created, by the dialog or as a personal credential: enabled, never
 * used, and never a platform resource server (the operator makes it one afterwards); what is not chosen is
 * empty.
 */
export function newServiceAccount(fields: NewServiceAccountFields, now: number): ServiceAccount {
  const id = newId('serviceAccount');
  return {
    id,
    organizationId: fields.organizationId,
    name: typeof fields.name === 'string' ? fields.name : fields.name(id),
    description: fields.description ?? '',
    isOrganizationAdmin: fields.isOrganizationAdmin ?? false,
    platformIntrospection: false,
    enabled: true,
    kind: fields.kind,
    ownerUserId: fields.ownerUserId ?? null,
    grantedPermissions: fields.grantedPermissions ?? null,
    networkPolicyId: fields.networkPolicyId ?? null,
    connectionPreference: fields.connectionPreference ?? null,
    validTo: fields.validTo ?? null,
    validToTimezone: fields.validToTimezone ?? null,
    lastUsedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}
