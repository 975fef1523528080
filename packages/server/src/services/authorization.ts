import { PortcullisError } from '../errors/portcullis-error.js';
import type { Actor } from './context.js';

/**
 * First-cut authorization: organization administration needs the organization-admin flag (Firebolt's
 * rule for service accounts). The permission model replaces these checks with `resource:action` grants.
 */
export function requireOrganizationAdmin(actor: Actor, organizationId: string): void {
  if (actor.type === 'system') return;
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
