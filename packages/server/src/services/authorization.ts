import { PortcullisError, permissionDenied } from '@portcullis/core/errors';
import type { Action } from '@portcullis/core/permissions';
import { PermissionSet } from '@portcullis/core/permissions';
import type { Actor } from './context.js';

export function requirePlatformOperator(actor: Actor): void {
  if (!actor.isPlatformOperator) {
    throw permissionDenied('This operation needs the platform operator role.');
  }
}

/** The organization a request acts in: its own, for everyone but the system. */
export function organizationOf(actor: Actor): string {
  if (!actor.organizationId) throw permissionDenied('The caller belongs to no organization.');
  return actor.organizationId;
}

/** `resource:action` must be in the caller's effective permissions (the system actor may do anything). */
export function requirePermission(actor: Actor, resource: string, action: Action): void {
  if (actor.type === 'system') return;
  if (!actor.permissions?.has(resource, action)) {
    throw permissionDenied(`This operation needs ${resource}:${action}.`, {
      missing: [`${resource}:${action}`],
    });
  }
}

/**
 * Nobody can grant what they do not hold: `granted` must lie within the grantor's effective permissions.
 * The error lists the excess in canonical form.
 */
export function requireWithinGrantor(actor: Actor, granted: PermissionSet): void {
  if (actor.type === 'system') return;
  const excess = granted.minus(actor.permissions ?? PermissionSet.empty(granted.catalog));
  if (!excess.isEmpty()) {
    throw new PortcullisError(
      'permission_exceeds_grantor',
      `You cannot grant permissions you do not hold: ${excess.format()}.`,
      {
        details: { excess: excess.items() },
      },
    );
  }
}

/**
 * The organization-admin flag is the widest grant there is (everything, in every account): only an
 * organization admin acting with all of it (or the platform operator) hands it out. A token of an organization-admin service account
 * narrowed by `scope` carries the flag but not the rights, so it may not.
 */
export function requireMayGrantOrganizationAdmin(actor: Actor): void {
  // The operator stands above organizations: it creates each one's first admin.
  if (actor.type === 'system' || actor.isPlatformOperator) return;
  const { permissions } = actor;
  const allOfIt =
    permissions !== undefined && PermissionSet.full(permissions.catalog).isSubsetOf(permissions);
  if (!actor.isOrganizationAdmin || !allOfIt) {
    throw new PortcullisError(
      'permission_exceeds_grantor',
      'Only an organization admin acting with all their rights can make someone an organization admin.',
      { details: { excess: ['organization admin'] } },
    );
  }
}
