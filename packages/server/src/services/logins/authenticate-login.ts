import { normaliseEmail } from '../../domain/names/email-rules.js';
import { PortcullisError } from '../../errors/portcullis-error.js';
import { findLoginByEmailWithPasswordHash } from '../../store/repositories/logins.js';
import { findOrganizationById } from '../../store/repositories/organizations.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Caller, ServiceContext } from '../context.js';
import { checkNetworkAccess } from '../network-policies/check-network-access.js';
import { accessTokenClaims } from '../tokens/access-token-claims.js';
import { hashPassword, verifyPassword } from './password-hashing.js';

export interface SessionToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  /** Unix seconds. */
  expiresAt: number;
}

/** Sessions of people use this client id in their tokens' `client_id` claim. */
export const consoleClientId = 'portcullis-console';

// An unknown email still pays for one argon2 verification, so response time does not reveal which
// emails have logins.
let decoyHash: Promise<string> | undefined;

export async function authenticateLogin(
  ctx: ServiceContext,
  caller: Caller,
  credentials: { email: string; password: string },
): Promise<SessionToken> {
  const now = ctx.clock();
  const email = normaliseEmail(credentials.email) ?? '';
  const found = email ? await findLoginByEmailWithPasswordHash(ctx.db, email) : undefined;
  decoyHash ??= hashPassword('decoy password that matches nothing');
  const passwordOk = await verifyPassword(found?.passwordHash ?? (await decoyHash), credentials.password);

  // The network is checked only for a correct password, and refused with the same answer, so a blocked
  // address learns nothing about the password.
  const org =
    found && passwordOk && found.login.active
      ? await findOrganizationById(ctx.db, found.login.organizationId)
      : undefined;
  const networkAllowed =
    !org || (await checkNetworkAccess(ctx, org, found!.login.networkPolicyId, caller.clientIp)).allowed;
  const reason = !found
    ? 'unknown_login'
    : !passwordOk
      ? 'wrong_password'
      : !found.login.active
        ? 'inactive'
        : !networkAllowed
          ? 'network_policy'
          : undefined;
  if (reason || !found) {
    await recordAuditEvent(ctx.db, caller, now, {
      organizationId: found?.login.organizationId ?? null,
      action: 'login.refused',
      targetType: 'login',
      targetId: found?.login.id ?? null,
      result: 'failure',
      reason: reason ?? 'unknown_login',
    });
    throw new PortcullisError('invalid_credentials', 'Email or password is wrong.', { auditReason: reason });
  }

  const { login } = found;
  const claims = accessTokenClaims(ctx.issuer, now, ctx.tokenTtlSeconds, {
    subject: login.id,
    clientId: consoleClientId,
    audience: ctx.issuer,
    organizationId: login.organizationId,
  });
  const accessToken = await ctx.keyRing.sign(claims);
  await recordAuditEvent(ctx.db, caller, now, {
    organizationId: login.organizationId,
    action: 'login.authenticated',
    targetType: 'login',
    targetId: login.id,
    actor: { type: 'login', id: login.id },
    details: { jti: claims.jti },
  });
  return { accessToken, tokenType: 'Bearer', expiresIn: ctx.tokenTtlSeconds, expiresAt: claims.exp };
}
