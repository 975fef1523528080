import type { Organization } from '../../store/repositories/organizations.js';
import { type Caller, inTransaction, type ServiceContext } from '../context.js';
import { createLoginStep, prepareLogin } from '../logins/create-login.js';
import { asConflict } from '../unique-conflicts.js';
import { createUserStep } from '../users/create-user.js';
import { type CreateOrganizationInput, createOrganizationStep } from './create-organization.js';

export interface CreateOrganizationWithAdminInput extends CreateOrganizationInput {
  admin?: { email: string; name: string; password: string } | undefined;
}

/**
 * The operator's "new customer": the organization, its default account and roles, and optionally its first
 * organization admin (a login whose user in the default account holds Admin) — one transaction.
 */
export async function createOrganizationWithAdmin(
  ctx: ServiceContext,
  caller: Caller,
  input: CreateOrganizationWithAdminInput,
): Promise<Organization> {
  const { admin, ...organization } = input;
  try {
    return await inTransaction(ctx, async (tx) => {
      const created = await createOrganizationStep(tx, caller, organization);
      if (admin) {
        const prepared = await prepareLogin(tx, caller, {
          organizationId: created.organization.id,
          ...admin,
          isOrganizationAdmin: true,
        });
        const login = await createLoginStep(tx, caller, prepared);
        await createUserStep(tx, caller, {
          organizationId: created.organization.id,
          name: 'admin',
          loginId: login.id,
          roleIds: [created.adminRole.id],
        });
      }
      return created.organization;
    });
  } catch (error) {
    throw asConflict(error);
  }
}
