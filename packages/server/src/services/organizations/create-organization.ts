import { invalidField } from '@portcullis/core/errors';
import { newId } from '@portcullis/core/ids';
import { isOrganizationName } from '@portcullis/core/names';
import { type Account, insertAccount } from '../../store/repositories/accounts.js';
import { insertOrganization, type Organization } from '../../store/repositories/organizations.js';
import { insertRole, type Role } from '../../store/repositories/roles.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { requirePlatformOperator } from '../authorization.js';
import { type Caller, inTransaction, type ServiceContext } from '../context.js';
import { asConflict } from '../unique-conflicts.js';

export interface CreateOrganizationInput {
  name: string;
  displayName?: string;
  /** Programmatic access is off by default (FireTail); the operator makes it available per organization. */
  programmaticAccessAvailable?: boolean;
  programmaticAccessEnabled?: boolean;
  allowedAudiences?: string[] | undefined;
}

export interface CreatedOrganization {
  organization: Organization;
  defaultAccount: Account;
  adminRole: Role;
  readOnlyRole: Role;
}

/** The two presets every organization starts with, in canonical permission form. */
export const builtinRoles = {
  admin: { name: 'Admin', description: 'Every action on every resource.', permissions: '*:*' },
  readOnly: {
    name: 'Read only',
    description: 'get and list on every resource.',
    permissions: '*:get *:list',
  },
} as const;

export async function createOrganization(
  ctx: ServiceContext,
  caller: Caller,
  input: CreateOrganizationInput,
): Promise<CreatedOrganization> {
  try {
    return await inTransaction(ctx, (tx) => createOrganizationStep(tx, caller, input));
  } catch (error) {
    throw asConflict(error);
  }
}

/** The organization, its default account and its two preset roles; `tx.db` must be a transaction. */
export async function createOrganizationStep(
  tx: ServiceContext,
  caller: Caller,
  input: CreateOrganizationInput,
): Promise<CreatedOrganization> {
  requirePlatformOperator(caller.actor);
  if (!isOrganizationName(input.name)) {
    throw invalidField(
      'name',
      'invalid organization name',
      'Organization names are lowercase letters, digits and hyphens.',
    );
  }
  const now = tx.clock();
  const organization: Organization = {
    id: newId('organization'),
    name: input.name,
    displayName: input.displayName ?? input.name,
    programmaticAccessAvailable: input.programmaticAccessAvailable ?? false,
    programmaticAccessEnabled: input.programmaticAccessEnabled ?? false,
    networkPolicyId: null,
    allowedAudiences: input.allowedAudiences ?? null,
    tokenTtlSeconds: null,
    maxCredentialLifetimeDays: null,
    createdAt: now,
    updatedAt: now,
  };
  const defaultAccount: Account = {
    id: newId('account'),
    organizationId: organization.id,
    name: 'default',
    isDefault: true,
    createdAt: now,
  };
  const role = (preset: (typeof builtinRoles)[keyof typeof builtinRoles]): Role => ({
    id: newId('role'),
    organizationId: organization.id,
    ...preset,
    isBuiltin: true,
    createdAt: now,
    updatedAt: now,
  });
  const adminRole = role(builtinRoles.admin);
  const readOnlyRole = role(builtinRoles.readOnly);

  await insertOrganization(tx.db, organization);
  await insertAccount(tx.db, defaultAccount);
  await insertRole(tx.db, adminRole);
  await insertRole(tx.db, readOnlyRole);
  await recordAuditEvent(tx.db, caller, now, {
    organizationId: organization.id,
    action: 'organization.created',
    targetType: 'organization',
    targetId: organization.id,
    details: { name: organization.name, defaultAccountId: defaultAccount.id },
  });
  return { organization, defaultAccount, adminRole, readOnlyRole };
}
