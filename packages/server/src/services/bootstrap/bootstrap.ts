import { randomBytes } from 'node:crypto';
import { countOrganizations } from '../../store/repositories/organizations.js';
import { violatedUniqueConstraint } from '../../store/unique-constraints.js';
import { inTransaction, type ServiceContext, systemCaller } from '../context.js';
import { createLoginStep, prepareLogin } from '../logins/create-login.js';
import { createOrganizationStep } from '../organizations/create-organization.js';
import { createUserStep } from '../users/create-user.js';

export const demoOrganizationName = 'acme';
export const defaultAdminEmail = 'admin@acme.example';

export type BootstrapResult =
  | {
      created: true;
      adminEmail: string;
      /** Set only when the password was generated; the caller shows it once and forgets it. */
      generatedPassword?: string;
    }
  | {
      created: false;
      /**
       * `already_set_up`: the database had its organizations before this start, so the bootstrap settings
       * were not used. `set_up_concurrently`: another node made them from the same empty database at the
       * same moment, with its own copy of the settings.
       */
      reason: 'already_set_up' | 'set_up_concurrently';
    };

/**
 * First start on an empty database: the demo organization `acme` (programmatic access available and on),
 * its default account, and one login that is both the platform operator and acme's organization admin,
 * whose user in the default account holds Admin. All in one transaction, so a crash leaves nothing half
 * made; a database that has any organization is left alone, so restarts never duplicate.
 */
export async function bootstrap(
  ctx: ServiceContext,
  admin: { email?: string | undefined; password?: string | undefined },
): Promise<BootstrapResult> {
  if ((await countOrganizations(ctx.db)) > 0) return { created: false, reason: 'already_set_up' };
  const caller = systemCaller();
  const generatedPassword = admin.password ? undefined : randomBytes(18).toString('base64url');
  const email = admin.email ?? defaultAdminEmail;
  let adminEmail: string;
  try {
    const created = await inTransaction(ctx, async (tx) => {
      if ((await countOrganizations(tx.db)) > 0) return false;
      const { organization, adminRole } = await createOrganizationStep(tx, caller, {
        name: demoOrganizationName,
        displayName: 'Acme (demo)',
        programmaticAccessAvailable: true,
        programmaticAccessEnabled: true,
        // The demo's own API, which the README's walkthrough names; and the audience Firebolt's clients
        // send, so their curl works unchanged.
        allowedAudiences: ['https://api.acme.example', 'https://api.firebolt.io'],
      });
      const prepared = await prepareLogin(tx, caller, {
        organizationId: organization.id,
        email,
        name: 'Administrator',
        password: admin.password ?? generatedPassword!,
        isOrganizationAdmin: true,
        isPlatformOperator: true,
      });
      const login = await createLoginStep(tx, caller, prepared);
      await createUserStep(tx, caller, {
        organizationId: organization.id,
        name: 'admin',
        loginId: login.id,
        roleIds: [adminRole.id],
      });
      return login.email;
    });
    if (!created) return { created: false, reason: 'set_up_concurrently' };
    // The email as stored: the configured one, normalised, is what the person signs in with.
    adminEmail = created;
  } catch (error) {
    // Another node bootstrapped the same empty database at the same moment.
    if (violatedUniqueConstraint(error)) return { created: false, reason: 'set_up_concurrently' };
    throw error;
  }
  return { created: true, adminEmail, ...(generatedPassword ? { generatedPassword } : {}) };
}
