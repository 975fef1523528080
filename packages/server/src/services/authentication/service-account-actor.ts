import type { PermissionSet } from '@portcullis/core/permissions';
import type { ServiceAccount } from '../../store/repositories/service-accounts.js';
import type { Actor } from '../context.js';
import type { ResolvedCredential } from '../permissions/resolve-credential.js';

/**
 * A service account acting, however it authenticated (Basic credentials, or a token whose `scope` claim
 * narrows it): the user it acts as in the account, and what it may do there now. Never a platform
 * operator: only a person is.
 */
export function serviceAccountActor(
  sa: ServiceAccount,
  resolved: ResolvedCredential,
  scope?: PermissionSet,
): Actor {
  return {
    type: 'service_account',
    id: sa.id,
    organizationId: sa.organizationId,
    accountId: resolved.accountId,
    userId: resolved.user.id,
    isOrganizationAdmin: sa.isOrganizationAdmin,
    isPlatformOperator: false,
    platformIntrospection: sa.platformIntrospection,
    permissions: scope ? resolved.effective.intersect(scope) : resolved.effective,
  };
}
