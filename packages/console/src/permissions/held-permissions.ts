import {
  type Catalog,
  effectivePermissions,
  PermissionSet,
  userPermissions,
} from '@portcullis/core/permissions';
import type { Session } from '../session/session';

/** What the signed-in person holds now, by core's rule: an organization admin holds everything. */
export function heldPermissions(catalog: Catalog, session: Session): PermissionSet {
  return userPermissions(catalog, {
    active: true,
    isOrganizationAdmin: session.login.isOrganizationAdmin,
    rolePermissions: PermissionSet.parseStored(catalog, session.permissions.join(' ')),
  });
}

/**
 * What a personal credential of the signed-in person can do now: its grant within what they hold, by
 * core's inheritance rule. The API answers the grant only, so the console works this out itself.
 */
export function ownCredentialEffective(
  catalog: Catalog,
  session: Session,
  granted: readonly string[],
): PermissionSet {
  return effectivePermissions(catalog, PermissionSet.parseStored(catalog, granted.join(' ')), {
    active: true,
    isOrganizationAdmin: session.login.isOrganizationAdmin,
    rolePermissions: heldPermissions(catalog, session),
  });
}
