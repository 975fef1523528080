import { type Action, type Catalog, PermissionSet, userPermissions } from '@portcullis/core/permissions';
import type { Role } from '../../api/api-types';

export interface EffectivePermissions {
  held: PermissionSet;
  /** What grants the cell: the names of the user's roles holding it, and "Organization admin" when so. */
  sourcesOf(resource: string, action: Action): string[];
}

export const organizationAdminSource = 'Organization admin';

/**
 * What a user may do, with where each cell comes from: core's inheritance rule (an inactive user holds
 * nothing; an organization admin login or service account holds everything; else the union of the roles).
 */
export function effectivePermissions(
  catalog: Catalog,
  user: { active: boolean; isOrganizationAdmin: boolean; roles: Role[] },
): EffectivePermissions {
  const roleSets = user.roles.map((role) => ({
    name: role.name,
    set: PermissionSet.parseStored(catalog, role.permissions.join(' ')),
  }));
  const held = userPermissions(catalog, {
    active: user.active,
    isOrganizationAdmin: user.isOrganizationAdmin,
    rolePermissions: roleSets.reduce((union, role) => union.union(role.set), PermissionSet.empty(catalog)),
  });
  return {
    held,
    sourcesOf(resource, action) {
      if (!held.has(resource, action)) return [];
      const roles = roleSets.filter((role) => role.set.has(resource, action)).map((role) => role.name);
      return user.isOrganizationAdmin ? [organizationAdminSource, ...roles] : roles;
    },
  };
}
