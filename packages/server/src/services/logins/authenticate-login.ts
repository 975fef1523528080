import { lockRemainingSeconds } from '../../domain/lockouts/lockout-policy.js';
import { normaliseEmail } from '../../domain/names/email-rules.js';
import { PortcullisError } from '../../errors/portcullis-error.js';
import { findLockout, forgetFailures } from '../../store/repositories/lockouts.js';
import { findLoginByEmailWithPasswordHash } from '../../store/repositories/logins.js';
import { findOrganizationById } from '../../store/repositories/organizations.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Caller, ServiceContext } from '../context.js';
import { recordFailedGuess, tooManyAttempts } from '../lockouts/failed-attempts.js';
import { checkNetworkAccess } from '../network-policies/check-network-access.js';
import { hashPassword, verifyPassword } from './password-hashing.js';
import { type SessionToken, sessionStart, signSession } from './sessions.js';

function invalidCredentials(reason: string): PortcullisError {
  return new PortcullisError('invalid_credentials', 'Email or password is wrong.', { auditReason: reason });
}

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
  // A locked login refuses even the right password. An unknown email locks the same way (in this node's
  // memory), so that a lock does not tell whether an email has a login.
  const lockout = found && (await findLockout(ctx.db, found.login.id));
  const lockedFor = found
    ? lockRemainingSeconds(lockout?.lockedUntil, now)
    : ctx.failedAttempts.unknownLoginLockedFor(email, now);
  if (lockedFor !== undefined) throw tooManyAttempts(lockedFor);
  decoyHash ??= hashPassword('decoy password that matches nothing');
  const passwordOk = await verifyPassword(found?.passwordHash ?? (await decoyHash), credentials.password);

  // The network is checked only for a correct password, and refused with the same answer, so a blocked
  // address learns nothing about the password; for a wrong one it decides whether the guess counts.
  const org = found && (await findOrganizationById(ctx.db, found.login.organizationId));
  const networkAllowed =
    !org || (await checkNetworkAccess(ctx, org, found!.login.networkPolicyId, caller.clientIp)).allowed;
  if (!found) {
    ctx.unattributedRefusals.count(caller.clientIp, 'login.refused', 'unknown_login');
    if (email) ctx.failedAttempts.countUnknownLoginFailure(email, now);
    throw invalidCredentials('unknown_login');
  }
  const signAt =
    passwordOk && found.login.active && networkAllowed
      ? await sessionStart(ctx, found.login.id, found.passwordHash)
      : undefined;
  const reason = !passwordOk
    ? 'wrong_password'
    : !found.login.active
      ? 'inactive'
      : !networkAllowed
        ? 'network_policy'
        : signAt === undefined
          ? 'login_changed'
          : undefined;
  if (reason || signAt === undefined) {
    const refusal = {
      organizationId: found.login.organizationId,
      action: 'login.refused',
      targetType: 'login',
      targetId: found.login.id,
      result: 'failure',
      reason: reason ?? 'login_changed',
    } as const;
    if (reason === 'wrong_password' && networkAllowed) {
      const subject = {
        id: found.login.id,
        kind: 'login',
        organizationId: found.login.organizationId,
      } as const;
      await recordFailedGuess(ctx, caller, now, subject, refusal);
    } else {
      await recordAuditEvent(ctx.db, caller, now, refusal);
    }
    throw invalidCredentials(refusal.reason);
  }

  const { login } = found;
  if (lockout) await forgetFailures(ctx.db, login.id, now);
  const { session, jti } = await signSession(ctx, login, signAt);
  await recordAuditEvent(ctx.db, caller, now, {
    organizationId: login.organizationId,
    action: 'login.authenticated',
    targetType: 'login',
    targetId: login.id,
    actor: { type: 'login', id: login.id },
    details: { jti },
  });
  return session;
}
