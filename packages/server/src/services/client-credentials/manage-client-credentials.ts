import { notFound } from '@portcullis/core/errors';
import type { Action } from '@portcullis/core/permissions';
import { PermissionSet, type PresetName, presets } from '@portcullis/core/permissions';
import {
  deleteServiceAccount,
  findServiceAccountInOrganization,
  type ServiceAccount,
  type ServiceAccountChanges,
  type ServiceAccountKind,
  type ServiceAccountPage,
  updateServiceAccount,
} from '../../store/repositories/service-accounts.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { organizationOf, requirePermission, requireWithinGrantor } from '../authorization.js';
import { type Caller, inTransaction, type ServiceContext } from '../context.js';
import { requireProgrammaticAccess } from '../organizations/programmatic-access.js';
import { revokeSubjects } from '../revocation/record-revocations.js';
import { type GeneratedSecret, generateSecretStep } from '../service-accounts/generate-secret.js';
import { queryServiceAccounts } from '../service-accounts/read-service-accounts.js';
import { validToChanges, validToCutsTokensShort } from '../service-accounts/valid-to.js';
import { requireWithinMaximumLifetime } from './maximum-lifetime.js';

type PersonalKind = Exclude<ServiceAccountKind, 'organization'>;

export interface ClientCredentialUpdate {
  name?: string | undefined;
  description?: string | undefined;
  enabled?: boolean | undefined;
  preset?: PresetName | undefined;
  permissions?: readonly string[] | undefined;
  validTo?: string | null | undefined;
  timezone?: string | undefined;
}

/**
 * Members manage only their own personal credentials, with `portcullis.client_credentials:<action>` (key
 * pairs included): anyone else's answers 404.
 */
async function ownCredential(
  ctx: ServiceContext,
  caller: Caller,
  id: string,
  action: Action,
  kind: PersonalKind = 'client_credential',
): Promise<ServiceAccount> {
  const { actor } = caller;
  const organizationId = organizationOf(actor);
  requirePermission(actor, 'portcullis.client_credentials', action);
  await requireProgrammaticAccess(ctx, organizationId);
  const credential = await findServiceAccountInOrganization(ctx.db, organizationId, id, kind);
  if (!credential || !actor.userId || credential.ownerUserId !== actor.userId) {
    throw notFound('Client credential');
  }
  return credential;
}

export async function listOwnClientCredentials(
  ctx: ServiceContext,
  caller: Caller,
  page: { limit: number; cursor?: string | undefined },
  kind: PersonalKind = 'client_credential',
): Promise<ServiceAccountPage> {
  const organizationId = organizationOf(caller.actor);
  requirePermission(caller.actor, 'portcullis.client_credentials', 'list');
  await requireProgrammaticAccess(ctx, organizationId);
  if (!caller.actor.userId) return { items: [], nextCursor: null };
  return queryServiceAccounts(ctx, organizationId, { ...page, ownerUserId: caller.actor.userId, kind });
}

export async function getOwnClientCredential(
  ctx: ServiceContext,
  caller: Caller,
  id: string,
): Promise<ServiceAccount> {
  return ownCredential(ctx, caller, id, 'get');
}

/**
 * Changing the permissions is a new grant, checked against what the owner holds now. A valid-to set or
 * cleared keeps within the organization's maximum lifetime for personal credentials.
 */
export async function updateOwnClientCredential(
  ctx: ServiceContext,
  caller: Caller,
  id: string,
  update: ClientCredentialUpdate,
): Promise<ServiceAccount> {
  const credential = await ownCredential(ctx, caller, id, 'update');
  const now = ctx.clock();
  const changes: ServiceAccountChanges = {
    ...(update.name === undefined ? {} : { name: update.name }),
    ...(update.description === undefined ? {} : { description: update.description }),
    ...(update.enabled === undefined ? {} : { enabled: update.enabled }),
    ...validToChanges(update.validTo, update.timezone, now),
  };
  if (update.preset || update.permissions) {
    let granted = update.preset ? presets[update.preset](ctx.catalog) : PermissionSet.empty(ctx.catalog);
    if (update.permissions) granted = granted.union(PermissionSet.parse(ctx.catalog, update.permissions));
    requireWithinGrantor(caller.actor, granted);
    changes.grantedPermissions = granted.format();
  }
  return inTransaction(ctx, async (tx) => {
    if (changes.validTo !== undefined) {
      await requireWithinMaximumLifetime(tx, credential.organizationId, changes.validTo, now);
    }
    await updateServiceAccount(tx.db, credential.id, changes, now);
    const narrowed =
      changes.grantedPermissions !== undefined &&
      !PermissionSet.parseStored(ctx.catalog, credential.grantedPermissions ?? '*:*').isSubsetOf(
        PermissionSet.parseStored(ctx.catalog, changes.grantedPermissions ?? '*:*'),
      );
    const shortened =
      typeof changes.validTo === 'number' && validToCutsTokensShort(credential.validTo, changes.validTo, now);
    if (changes.enabled === false || narrowed || shortened)
      revokeSubjects(tx, credential.organizationId, [credential.id], 'credential_restricted');
    await recordAuditEvent(tx.db, caller, now, {
      organizationId: credential.organizationId,
      action: 'client_credential.updated',
      targetType: 'service_account',
      targetId: credential.id,
      details: { changes },
    });
    return (await findServiceAccountInOrganization(
      tx.db,
      credential.organizationId,
      credential.id,
      'client_credential',
    ))!;
  });
}

export async function regenerateOwnSecret(
  ctx: ServiceContext,
  caller: Caller,
  id: string,
  gracePeriodSeconds = 0,
): Promise<GeneratedSecret> {
  const credential = await ownCredential(ctx, caller, id, 'update');
  return inTransaction(ctx, (tx) => generateSecretStep(tx, caller, credential, gracePeriodSeconds));
}

export async function deleteOwnClientCredential(
  ctx: ServiceContext,
  caller: Caller,
  id: string,
  kind: PersonalKind = 'client_credential',
): Promise<void> {
  const credential = await ownCredential(ctx, caller, id, 'delete', kind);
  const now = ctx.clock();
  await inTransaction(ctx, async (tx) => {
    await deleteServiceAccount(tx.db, credential.id);
    revokeSubjects(tx, credential.organizationId, [credential.id], 'credential_deleted');
    await recordAuditEvent(tx.db, caller, now, {
      organizationId: credential.organizationId,
      action: `${kind}.deleted`,
      targetType: 'service_account',
      targetId: credential.id,
      details: { name: credential.name },
    });
  });
}
