import { setTimeout as sleep } from 'node:timers/promises';
import { PortcullisError } from '@portcullis/core/errors';
import { lockRemainingSeconds } from '@portcullis/core/lockouts';
import { normaliseEmail } from '../../domain/names/email-rules.js';
import { findLockout, forgetFailures } from '../../store/repositories/lockouts.js';
import { findLoginByEmailWithPasswordHash } from '../../store/repositories/logins.js';
import { findOrganizationById } from '../../store/repositories/organizations.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Caller, ServiceContext } from '../context.js';
import { recordFailedGuess, tooManyAttempts } from '../lockouts/failed-attempts.js';
import { checkNetworkAccess } from '../network-policies/check-network-access.js';
import { hashPassword, verifyPassword } from './password-hashing.js';
import { type SessionToken, sessionStart, signSession } from './sessions.js';

/**
 * A refused sign-in is answered no sooner than this after it arrived. An unknown email, a login whose
 * wrong guess is counted in the database and one refused by its network policy take different paths after
 * the one argon2 verification they all pay; this floor, well above those differences, keeps response time
 * from telling which emails have logins.
 */
const refusalFloorMs = 100;

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
  const started = performance.now();
  const refuse = async (error: PortcullisError): Promise<PortcullisError> => {
    const left = refusalFloorMs - (performance.now() - started);
    if (left > 0) await sleep(left);
    return error;
  };
  const now = ctx.clock();
  const email = normaliseEmail(credentials.email) ?? '';
  const found = email ? await findLoginByEmailWithPasswordHash(ctx.db, email) : undefined;
  // The network is refused with the same answer as a wrong password, so a blocked address learns nothing
  // about the password; it is looked up first because it decides where a wrong guess is counted.
  const org = found && (await findOrganizationById(ctx.db, found.login.organizationId));
  const networkAllowed =
    !org || (await checkNetworkAccess(ctx, org, found!.login.networkPolicyId, caller.clientIp)).allowed;
  // A guess that can win is counted, and locked, in the database for every node: even the right password
  // is then refused. One that cannot (an unknown email, an address the network policy refuses) is counted
  // in this node's memory by email, so a lock tells nothing of the email and a stranger cannot lock the
  // person out of their own network.
  const winnable = found !== undefined && networkAllowed;
  const lockout = winnable ? await findLockout(ctx.db, found.login.id) : undefined;
  const lockedFor = winnable
    ? lockRemainingSeconds(lockout?.lockedUntil, now)
    : ctx.failedAttempts.unwinnableLockedFor(email, now);
  if (lockedFor !== undefined) throw tooManyAttempts(lockedFor);
  decoyHash ??= hashPassword('decoy password that matches nothing');
  const passwordOk = await verifyPassword(found?.passwordHash ?? (await decoyHash), credentials.password);

  if (!found) {
    ctx.unattributedRefusals.count(caller.clientIp, 'login.refused', 'unknown_login');
    if (email) ctx.failedAttempts.countUnwinnableFailure(email, now);
    throw await refuse(invalidCredentials('unknown_login'));
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
    if (reason === 'wrong_password' && winnable) {
      const subject = {
        id: found.login.id,
        kind: 'login',
        organizationId: found.login.organizationId,
      } as const;
      await recordFailedGuess(ctx, caller, now, subject, refusal);
    } else {
      if (reason === 'wrong_password') ctx.failedAttempts.countUnwinnableFailure(email, now);
      await recordAuditEvent(ctx.db, caller, now, refusal);
    }
    throw await refuse(invalidCredentials(refusal.reason));
  }

  // Wrong guesses that arrived with this one were checked before any of them had locked the login: one
  // that did lock it meanwhile refuses this sign-in too, so a burst gains no more than it would one by one.
  const { login } = found;
  const stored = await findLockout(ctx.db, login.id);
  const lockedMeanwhile = lockRemainingSeconds(stored?.lockedUntil, signAt);
  if (lockedMeanwhile !== undefined) throw tooManyAttempts(lockedMeanwhile);
  if (stored) await forgetFailures(ctx.db, login.id, now);
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
