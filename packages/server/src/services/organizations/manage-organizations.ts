import { notFound, PortcullisError } from '@portcullis/core/errors';
import {
  findOrganizationById,
  listOrganizations,
  type Organization,
  type OrganizationChanges,
  updateOrganization,
} from '../../store/repositories/organizations.js';
import type { Page, PageRequest } from '../../store/repositories/page.js';
import { credentialsOfOrganization } from '../../store/repositories/revocation-subjects.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import {
  organizationOf,
  requireMayGrantOrganizationAdmin,
  requirePermission,
  requirePlatformOperator,
} from '../authorization.js';
import { type Caller, inTransaction, type ServiceContext } from '../context.js';
import { findPolicyOfOrganization } from '../network-policies/policy-lookup.js';
import { revokeSubjects } from '../revocation/record-revocations.js';
import { programmaticAccessOn } from './programmatic-access.js';

async function changeOrganization(
  ctx: ServiceContext,
  caller: Caller,
  id: string,
  changes: OrganizationChanges,
  check: (org: Organization) => void,
): Promise<Organization> {
  const now = ctx.clock();
  return inTransaction(ctx, async (tx) => {
    const org = await findOrganizationById(tx.db, id);
    if (!org) throw notFound('Organization');
    check(org);
    if (changes.networkPolicyId) await findPolicyOfOrganization(tx, org.id, changes.networkPolicyId);
    await updateOrganization(tx.db, org.id, changes, now);
    const updated = (await findOrganizationById(tx.db, org.id))!;
    if (programmaticAccessOn(org) && !programmaticAccessOn(updated)) {
      // Switched off (by the organization or withdrawn by the operator): offline verifiers hear of it too.
      const credentials = await credentialsOfOrganization(tx.db, org.id);
      revokeSubjects(tx, org.id, credentials, 'programmatic_access_disabled');
    }
    await recordAuditEvent(tx.db, caller, now, {
      organizationId: org.id,
      action: 'organization.updated',
      targetType: 'organization',
      targetId: org.id,
      details: { changes },
    });
    return updated;
  });
}

/** Operator: every organization. */
export async function listAllOrganizations(
  ctx: ServiceContext,
  caller: Caller,
  page: PageRequest,
): Promise<Page<Organization>> {
  requirePlatformOperator(caller.actor);
  return listOrganizations(ctx.db, page);
}

/** Operator: make programmatic access available to an organization, or withdraw it (off by default). */
export async function setProgrammaticAccessAvailability(
  ctx: ServiceContext,
  caller: Caller,
  organizationId: string,
  changes: { programmaticAccessAvailable?: boolean | undefined; displayName?: string | undefined },
): Promise<Organization> {
  requirePlatformOperator(caller.actor);
  return changeOrganization(ctx, caller, organizationId, stripUndefined(changes), () => undefined);
}

export async function getOwnOrganization(ctx: ServiceContext, caller: Caller): Promise<Organization> {
  requirePermission(caller.actor, 'portcullis.organization', 'get');
  const org = await findOrganizationById(ctx.db, organizationOf(caller.actor));
  if (!org) throw notFound('Organization');
  return org;
}

/**
 * Organization admin: the Programmatic Access toggle, the display name, the organization's network policy,
 * its tokens' audiences and lifetime, and how long its members' personal credentials may last.
 */
export async function updateOwnOrganization(
  ctx: ServiceContext,
  caller: Caller,
  changes: {
    displayName?: string | undefined;
    programmaticAccessEnabled?: boolean | undefined;
    networkPolicyId?: string | null | undefined;
    allowedAudiences?: string[] | null | undefined;
    tokenTtlSeconds?: number | null | undefined;
    maxCredentialLifetimeDays?: number | null | undefined;
  },
): Promise<Organization> {
  requirePermission(caller.actor, 'portcullis.organization', 'update');
  return changeOrganization(ctx, caller, organizationOf(caller.actor), stripUndefined(changes), (org) => {
    // Turning it back on lets every credential of the organization act again, organization-admin service
    // accounts included: a grant of everything they hold.
    if (changes.programmaticAccessEnabled && !org.programmaticAccessEnabled) {
      requireMayGrantOrganizationAdmin(caller.actor);
    }
    if (changes.programmaticAccessEnabled && !org.programmaticAccessAvailable) {
      throw new PortcullisError(
        'programmatic_access_unavailable',
        'Programmatic access has not been made available to this organization; ask the platform operator.',
      );
    }
  });
}

function stripUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never;
}
