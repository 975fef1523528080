import { PortcullisError } from '../../errors/portcullis-error.js';
import {
  findServiceAccountInOrganization,
  listServiceAccounts,
  type ServiceAccount,
  type ServiceAccountPage,
} from '../../store/repositories/service-accounts.js';
import { organizationOf, requireOrganizationAdmin } from '../authorization.js';
import type { Caller, ServiceContext } from '../context.js';
import { requireProgrammaticAccess } from '../organizations/programmatic-access.js';

export async function getServiceAccount(
  ctx: ServiceContext,
  caller: Caller,
  id: string,
): Promise<ServiceAccount> {
  const organizationId = organizationOf(caller.actor);
  requireOrganizationAdmin(caller.actor, organizationId);
  await requireProgrammaticAccess(ctx, organizationId);
  const sa = await findServiceAccountInOrganization(ctx.db, organizationId, id);
  // Another organization's service account is indistinguishable from a missing one.
  if (!sa) throw new PortcullisError('not_found', 'Service account not found.');
  return sa;
}

export async function listServiceAccountsOfCaller(
  ctx: ServiceContext,
  caller: Caller,
  options: { limit: number; after?: string | undefined },
): Promise<ServiceAccountPage> {
  const organizationId = organizationOf(caller.actor);
  requireOrganizationAdmin(caller.actor, organizationId);
  await requireProgrammaticAccess(ctx, organizationId);
  return listServiceAccounts(ctx.db, organizationId, options);
}
