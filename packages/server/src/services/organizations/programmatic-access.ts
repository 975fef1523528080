import { PortcullisError } from '@portcullis/core/errors';
import { findOrganizationById, type Organization } from '../../store/repositories/organizations.js';
import type { ServiceContext } from '../context.js';

/** Programmatic access works only when the operator made it available *and* the organization turned it on. */
export function programmaticAccessOn(org: Organization | undefined): boolean {
  return Boolean(org?.programmaticAccessAvailable && org.programmaticAccessEnabled);
}

/**
 * Credential management (service accounts, secrets, personal credentials) answers 403 while programmatic
 * access is off (FireTail: the interface appears once the feature is enabled). Nothing is deleted.
 */
export async function requireProgrammaticAccess(ctx: ServiceContext, organizationId: string): Promise<void> {
  if (!programmaticAccessOn(await findOrganizationById(ctx.db, organizationId))) {
    throw new PortcullisError(
      'programmatic_access_disabled',
      'Programmatic access is turned off for this organization.',
    );
  }
}
