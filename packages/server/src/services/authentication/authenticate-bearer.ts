import { kindOfId } from '../../domain/ids/ids.js';
import { PortcullisError } from '../../errors/portcullis-error.js';
import { findLoginById } from '../../store/repositories/logins.js';
import { findOrganizationById } from '../../store/repositories/organizations.js';
import { findServiceAccountById } from '../../store/repositories/service-accounts.js';
import type { Actor, ServiceContext } from '../context.js';

const unauthenticated = (message: string) => new PortcullisError('unauthenticated', message);

/**
 * Turns a bearer token for Portcullis's own API into the actor behind it. The signature proves the token
 * was ours; the live lookups make a deactivated login or a disabled service account stop at once.
 */
export async function authenticateBearer(ctx: ServiceContext, token: string): Promise<Actor> {
  let claims: Awaited<ReturnType<ServiceContext['keyRing']['verify']>>;
  try {
    claims = await ctx.keyRing.verify(token);
  } catch {
    throw unauthenticated('The access token is invalid or expired.');
  }
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(ctx.issuer)) throw unauthenticated('The access token is not meant for this API.');

  switch (kindOfId(claims.sub)) {
    case 'login': {
      const login = await findLoginById(ctx.db, claims.sub);
      if (!login?.active) throw unauthenticated('The login is no longer active.');
      return {
        type: 'login',
        id: login.id,
        organizationId: login.organizationId,
        isOrganizationAdmin: login.isOrganizationAdmin,
        isPlatformOperator: login.isPlatformOperator,
      };
    }
    case 'serviceAccount': {
      const sa = await findServiceAccountById(ctx.db, claims.sub);
      if (!sa?.enabled) throw unauthenticated('The service account is no longer active.');
      const org = await findOrganizationById(ctx.db, sa.organizationId);
      if (!org?.programmaticAccessAvailable || !org.programmaticAccessEnabled) {
        throw unauthenticated('Programmatic access is disabled for this organization.');
      }
      return {
        type: 'service_account',
        id: sa.id,
        organizationId: sa.organizationId,
        isOrganizationAdmin: sa.isOrganizationAdmin,
        isPlatformOperator: false,
      };
    }
    default:
      throw unauthenticated('The access token has an unknown subject.');
  }
}
