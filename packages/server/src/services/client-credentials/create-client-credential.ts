import { invalidField, permissionDenied } from '@portcullis/core/errors';
import { PermissionSet, type PresetName, presets } from '@portcullis/core/permissions';
import {
  insertServiceAccount,
  type ServiceAccount,
  type ServiceAccountKind,
} from '../../store/repositories/service-accounts.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { organizationOf, requirePermission, requireWithinGrantor } from '../authorization.js';
import { type Caller, inTransaction, type ServiceContext } from '../context.js';
import { requireProgrammaticAccess } from '../organizations/programmatic-access.js';
import { type GeneratedSecret, generateSecretStep } from '../service-accounts/generate-secret.js';
import { type NewServiceAccountFields, newServiceAccount } from '../service-accounts/new-service-account.js';
import { validToChanges } from '../service-accounts/valid-to.js';
import { asConflict } from '../unique-conflicts.js';
import { requireWithinMaximumLifetime } from './maximum-lifetime.js';

export interface ClientCredentialInput {
  name: string;
  description?: string | undefined;
  /** Fills the scope matrix (FireTail's Admin / Read only buttons); `permissions` then adds cells. */
  preset?: PresetName | undefined;
  permissions?: readonly string[] | undefined;
  /** Wall-clock `YYYY-MM-DDTHH:mm[:ss]` read in `timezone`, or an absolute instant, in the future. */
  validTo?: string | undefined;
  /** IANA zone the valid-to is entered in (FireTail: "defaults to your local timezone"); UTC if left out. */
  timezone?: string | undefined;
}

/** Firefly's key pair, with a valid-to when one is wanted. */
export interface AccessKeyInput {
  description?: string | undefined;
  validTo?: string | undefined;
  timezone?: string | undefined;
}

export interface CreatedClientCredential {
  credential: ServiceAccount;
  secret: GeneratedSecret;
}

interface PersonalCredentialInput {
  kind: Exclude<ServiceAccountKind, 'organization'>;
  name: NewServiceAccountFields['name'];
  description: string;
  /** Undefined: not narrowed, the credential has exactly its owner's rights, now and later. */
  granted: PermissionSet | undefined;
  validTo: string | undefined;
  timezone: string | undefined;
}

/**
 * A personal credential is a service account owned by the person creating it, acting as their user in the
 * current account, granted at most what they hold right now (checked again at every use, so it also shrinks
 * when they do). Its secret is generated in the same transaction and shown once. Its valid-to keeps within
 * the organization's maximum lifetime for personal credentials, read in that transaction.
 */
async function createPersonalCredential(
  ctx: ServiceContext,
  caller: Caller,
  input: PersonalCredentialInput,
): Promise<CreatedClientCredential> {
  const { actor } = caller;
  if (actor.type !== 'login' || !actor.userId) {
    throw permissionDenied('Personal credentials belong to a person with a user in this account.');
  }
  const organizationId = organizationOf(actor);
  requirePermission(actor, 'portcullis.client_credentials', 'create');
  await requireProgrammaticAccess(ctx, organizationId);
  if (input.granted) requireWithinGrantor(actor, input.granted);
  const now = ctx.clock();
  const credential = newServiceAccount(
    {
      organizationId,
      name: input.name,
      description: input.description,
      kind: input.kind,
      ownerUserId: actor.userId,
      grantedPermissions: input.granted ? input.granted.format() : null,
      ...validToChanges(input.validTo, input.timezone, now),
    },
    now,
  );
  try {
    return await inTransaction(ctx, async (tx) => {
      await requireWithinMaximumLifetime(tx, organizationId, credential.validTo, now);
      await insertServiceAccount(tx.db, credential);
      await recordAuditEvent(tx.db, caller, now, {
        organizationId,
        action: `${input.kind}.created`,
        targetType: 'service_account',
        targetId: credential.id,
        details: {
          name: credential.name,
          ownerUserId: actor.userId,
          permissions: credential.grantedPermissions,
          validTo: credential.validTo,
          validToTimezone: credential.validToTimezone,
        },
      });
      const secret = await generateSecretStep(tx, caller, credential);
      return { credential, secret };
    });
  } catch (error) {
    throw asConflict(error);
  }
}

/**
 * FireTail's client credential: a name, a description, a valid-to with its time zone, and a scope matrix
 * within the creator's rights.
 */
export async function createClientCredential(
  ctx: ServiceContext,
  caller: Caller,
  input: ClientCredentialInput,
): Promise<CreatedClientCredential> {
  if (!input.preset && !input.permissions) {
    throw invalidField(
      'permissions',
      'a preset or at least one permission is required',
      'Choose a preset or list permissions.',
    );
  }
  let granted = input.preset ? presets[input.preset](ctx.catalog) : PermissionSet.empty(ctx.catalog);
  if (input.permissions) granted = granted.union(PermissionSet.parse(ctx.catalog, input.permissions));
  return createPersonalCredential(ctx, caller, {
    kind: 'client_credential',
    name: input.name,
    description: input.description ?? '',
    granted,
    validTo: input.validTo,
    timezone: input.timezone,
  });
}

/** Firefly's access key pair: the person's own rights, unnarrowed; the access key is the client id. */
export async function createAccessKey(
  ctx: ServiceContext,
  caller: Caller,
  input: AccessKeyInput,
): Promise<CreatedClientCredential> {
  return createPersonalCredential(ctx, caller, {
    kind: 'access_key',
    name: (id) => `access-key-${id.slice(-10)}`,
    description: input.description ?? '',
    granted: undefined,
    validTo: input.validTo,
    timezone: input.timezone,
  });
}
