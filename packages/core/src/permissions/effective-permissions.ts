import type { Catalog } from './catalog.js';
import { PermissionSet } from './permission-set.js';

/**
 * The inheritance rule, in one place. A credential can do, at every moment, what it was granted *and*
 * what the user it acts through can currently do. An organization admin holds everything; an inactive
 * user (or login) holds nothing, which leaves every credential acting through it with nothing.
 */
export interface ActingUser {
  active: boolean;
  isOrganizationAdmin: boolean;
  /** Union of the user's roles, already parsed. */
  rolePermissions: PermissionSet;
}

export function userPermissions(catalog: Catalog, user: ActingUser | undefined): PermissionSet {
  if (!user?.active) return PermissionSet.empty(catalog);
  return user.isOrganizationAdmin ? PermissionSet.full(catalog) : user.rolePermissions;
}

/** `granted` undefined means "not narrowed": the credential simply has its user's rights. */
export function effectivePermissions(
  catalog: Catalog,
  granted: PermissionSet | undefined,
  user: ActingUser | undefined,
): PermissionSet {
  const held = userPermissions(catalog, user);
  return granted ? granted.intersect(held) : held;
}
