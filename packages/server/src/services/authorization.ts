import type { Action } from '../domain/permissions/catalog.js';
import type { PermissionSet } from '../domain/permissions/permission-set.js';
import { PortcullisError } from '../errors/portcullis-error.js';
import type { Actor } from './context.js';

/**
 * First-cut authorization: organization administration needs the organization-admin flag (Firebolt's
 * rule for service accounts). The permission model replaces these checks with `resource:action` grants.
 */
export function requireOrganizationAdmin(actor: Actor, organizationId: string): void {
  // The platform operator administers every organization (creating its first admin, for one).
  if (actor.type === 'system' || actor.isPlatformOperator) return;
  if (actor.organizationId !== organizationId) {
    throw new PortcullisError('not_found', 'Organization not found.');
  }
  if (!actor.isOrganizationAdmin) {
    throw new PortcullisError('permission_denied', 'This operation needs the organization admin role.');
  }
}

export function requirePlatformOperator(actor: Actor): void {
  if (!actor.isPlatformOperator) {
    throw new PortcullisError('permission_denied', 'This operation needs the platform operator role.');
  }
}

/** The organization a request acts in: its own, for everyone but the system. */
export function organizationOf(actor: Actor): string {
  if (!actor.organizationId)
    throw new PortcullisError('permission_denied', 'The caller belongs to no organization.');
  return actor.organizationId;
}

/** `resource:action` must be in the caller's effective permissions (the system actor may do anything). */
export function requirePermission(actor: Actor, resource: string, action: Action): void {
  if (actor.type === 'system') return;
  if (!actor.permissions?.has(resource, action)) {
    throw new PortcullisError('permission_denied', `This operation needs ${resource}:${action}.`, {
      details: { missing: [`${resource}:${action}`] },
    });
  }
}

/**
 * Nobody can grant what they do not hold: `granted` must lie within the grantor's effective permissions.
 * The error lists the excess in canonical form.
 */
export function requireWithinGrantor(actor: Actor, granted: PermissionSet): void {
  if (actor.type === 'system' || !actor.permissions) return;
  const excess = granted.minus(actor.permissions);
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
