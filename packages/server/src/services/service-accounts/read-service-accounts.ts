import { invalidField, notFound } from '@portcullis/core/errors';
import type { Action } from '@portcullis/core/permissions';
import {
  findServiceAccountInOrganization,
  InvalidCursorError,
  listServiceAccounts,
  type ServiceAccount,
  type ServiceAccountPage,
  type ServiceAccountQuery,
} from '../../store/repositories/service-accounts.js';
import { organizationOf, requirePermission } from '../authorization.js';
import type { Caller, ServiceContext } from '../context.js';
import { requireProgrammaticAccess } from '../organizations/programmatic-access.js';

/**
 * An organization service account of the caller's organization, for an operation needing
 * `portcullis.service_accounts:<action>`.
 */
export async function serviceAccountOfCaller(
  ctx: ServiceContext,
  caller: Caller,
  id: string,
  action: Action,
): Promise<ServiceAccount> {
  const organizationId = organizationOf(caller.actor);
  requirePermission(caller.actor, 'portcullis.service_accounts', action);
  await requireProgrammaticAccess(ctx, organizationId);
  const sa = await findServiceAccountInOrganization(ctx.db, organizationId, id);
  // Another organization's service account is indistinguishable from a missing one.
  if (!sa) throw notFound('Service account');
  return sa;
}

export function getServiceAccount(ctx: ServiceContext, caller: Caller, id: string): Promise<ServiceAccount> {
  return serviceAccountOfCaller(ctx, caller, id, 'get');
}

/** The list query, with a cursor this list did not hand out reported as a 400. */
export async function queryServiceAccounts(
  ctx: ServiceContext,
  organizationId: string,
  query: ServiceAccountQuery,
): Promise<ServiceAccountPage> {
  try {
    return await listServiceAccounts(ctx.db, organizationId, query);
  } catch (error) {
    if (!(error instanceof InvalidCursorError)) throw error;
    throw invalidField('cursor', 'invalid cursor', 'The cursor is not one this list returned.');
  }
}

export async function listServiceAccountsOfCaller(
  ctx: ServiceContext,
  caller: Caller,
  query: Omit<ServiceAccountQuery, 'ownerUserId'>,
): Promise<ServiceAccountPage> {
  const organizationId = organizationOf(caller.actor);
  requirePermission(caller.actor, 'portcullis.service_accounts', 'list');
  await requireProgrammaticAccess(ctx, organizationId);
  return queryServiceAccounts(ctx, organizationId, query);
}
