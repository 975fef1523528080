import {
  notFound,
  PortcullisError,
  permissionDenied,
  unauthenticated,
  validationFailed,
} from '@portcullis/core/errors';
import { lockRemainingSeconds } from '@portcullis/core/lockouts';
import { newPasswordProblem } from '@portcullis/core/passwords';
import { emailSkeleton, normaliseEmail } from '../../domain/names/email-rules.js';
import { findLockout } from '../../store/repositories/lockouts.js';
import {
  deleteLogin as deleteLoginRow,
  findLoginById,
  findPasswordHash,
  isEmailTaken,
  type Login,
  type LoginChanges,
  listLogins,
  setPasswordHash,
  updateLogin as updateLoginRow,
} from '../../store/repositories/logins.js';
import type { Page, PageRequest } from '../../store/repositories/page.js';
import { usersOfLogin } from '../../store/repositories/revocation-subjects.js';
import { listUsersOfLogin } from '../../store/repositories/users.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { organizationOf, requireMayGrantOrganizationAdmin, requirePermission } from '../authorization.js';
import { type Caller, inTransaction, type ServiceContext } from '../context.js';
import { recordFailedGuess, tooManyAttempts } from '../lockouts/failed-attempts.js';
import { findPolicyOfOrganization } from '../network-policies/policy-lookup.js';
import { requireHoldsLoginRights } from '../permissions/rights-handed-on.js';
import { revokeThroughUsers } from '../revocation/record-revocations.js';
import { hashPassword, verifyPassword } from './password-hashing.js';
import { endAllSessions, type SessionToken, sessionStart, signSession } from './sessions.js';

async function loginOfCaller(ctx: ServiceContext, caller: Caller, id: string): Promise<Login> {
  const login = await findLoginById(ctx.db, id);
  if (!login || login.organizationId !== organizationOf(caller.actor)) throw notFound('Login');
  return login;
}

/** A login's fields as a caller edits them: the email as typed, checked and normalised here. */
export type LoginUpdate = Omit<LoginChanges, 'email'> & { email?: string | undefined };

function emailChange(typed: string): { email: string; skeleton: string } {
  const email = normaliseEmail(typed);
  if (!email)
    throw validationFailed('The login is invalid.', [{ field: 'email', message: 'not an email address' }]);
  return { email, skeleton: emailSkeleton(email) };
}

function checkNewPassword(password: string, field: string): void {
  const problem = newPasswordProblem(password, field);
  if (problem) throw validationFailed('The new password cannot be used.', [problem]);
}

export async function listLoginsOfCaller(
  ctx: ServiceContext,
  caller: Caller,
  page: PageRequest,
): Promise<Page<Login>> {
  requirePermission(caller.actor, 'portcullis.logins', 'list');
  return listLogins(ctx.db, organizationOf(caller.actor), page);
}

export async function getLogin(ctx: ServiceContext, caller: Caller, id: string): Promise<Login> {
  requirePermission(caller.actor, 'portcullis.logins', 'get');
  return loginOfCaller(ctx, caller, id);
}

/**
 * Deactivating a login stops the person at once: their sessions, their users' rights, and every personal
 * credential acting through those users (owner_inactive). Nothing is deleted.
 */
export async function updateLogin(
  ctx: ServiceContext,
  caller: Caller,
  id: string,
  update: LoginUpdate,
): Promise<Login> {
  requirePermission(caller.actor, 'portcullis.logins', 'update');
  if (update.isOrganizationAdmin) requireMayGrantOrganizationAdmin(caller.actor);
  const { email: newEmail, ...rest } = update;
  const changes: LoginChanges = {
    ...rest,
    ...(newEmail === undefined ? {} : { email: emailChange(newEmail) }),
  };
  const now = ctx.clock();
  return inTransaction(ctx, async (tx) => {
    const login = await loginOfCaller(tx, caller, id);
    if (
      changes.email &&
      changes.email.email !== login.email &&
      (await isEmailTaken(tx.db, changes.email.email))
    ) {
      throw new PortcullisError('login_exists', 'A login with this email already exists.');
    }
    // Reactivating gives the person back everything they held.
    if (changes.active === true && !login.active) await requireHoldsLoginRights(tx, caller.actor, login);
    if (changes.networkPolicyId)
      await findPolicyOfOrganization(tx, login.organizationId, changes.networkPolicyId);
    await updateLoginRow(tx.db, login.id, changes, now);
    // Live checks refuse an inactive login's sessions already; ended, they stay refused if it comes back.
    if (changes.active === false && login.active) endAllSessions(tx, login, 'login_deactivated');
    if (changes.active === false || (changes.isOrganizationAdmin === false && login.isOrganizationAdmin)) {
      await revokeThroughUsers(
        tx,
        login.organizationId,
        await usersOfLogin(tx.db, login.id),
        'login_restricted',
      );
    }
    await recordAuditEvent(tx.db, caller, now, {
      organizationId: login.organizationId,
      action: changes.active === false ? 'login.deactivated' : 'login.updated',
      targetType: 'login',
      targetId: login.id,
      details: { changes: update },
    });
    return (await findLoginById(tx.db, login.id))!;
  });
}

/**
 * An administrator sets (resets) someone's password, which ends that person's sessions on every node.
 * Whoever knows the new password can act as that person, so the administrator must hold everything the
 * person holds. The password itself is never audited or logged.
 */
export async function setLoginPassword(
  ctx: ServiceContext,
  caller: Caller,
  id: string,
  password: string,
): Promise<void> {
  requirePermission(caller.actor, 'portcullis.logins', 'update');
  checkNewPassword(password, 'password');
  const login = await loginOfCaller(ctx, caller, id);
  // One's own password is changed by proving the current one (PUT /auth/password), never reset: a stolen
  // session must not be enough to take the login over.
  if (login.id === caller.actor.id) {
    throw permissionDenied(
      'Change your own password with PUT /api/v1/auth/password, which asks for the current one.',
    );
  }
  await requireHoldsLoginRights(ctx, caller.actor, login);
  const hash = await hashPassword(password);
  const now = ctx.clock();
  await inTransaction(ctx, async (tx) => {
    await setPasswordHash(tx.db, login.id, hash, now);
    endAllSessions(tx, login, 'password_reset');
    await recordAuditEvent(tx.db, caller, now, {
      organizationId: login.organizationId,
      action: 'login.password_reset',
      targetType: 'login',
      targetId: login.id,
    });
  });
}

/**
 * A person changes their own password, proving the current one. Every session of theirs ends, on every
 * node, the one they call with included; the answer is a fresh session, so a console stays signed in.
 */
export async function changeOwnPassword(
  ctx: ServiceContext,
  caller: Caller,
  passwords: { currentPassword: string; newPassword: string },
): Promise<SessionToken> {
  const { actor } = caller;
  if (actor.type !== 'login' || !actor.id || !actor.organizationId)
    throw permissionDenied('Only a person has a password.');
  const login = { id: actor.id, organizationId: actor.organizationId };
  checkNewPassword(passwords.newPassword, 'newPassword');
  // The current password is guessed here as at sign-in (with a stolen session, say): the same lock holds,
  // and a wrong one counts towards it.
  const now = ctx.clock();
  const lockedFor = lockRemainingSeconds((await findLockout(ctx.db, login.id))?.lockedUntil, now);
  if (lockedFor !== undefined) throw tooManyAttempts(lockedFor);
  const current = await findPasswordHash(ctx.db, login.id);
  if (!current || !(await verifyPassword(current, passwords.currentPassword))) {
    await recordFailedGuess(
      ctx,
      caller,
      now,
      { ...login, kind: 'login' },
      {
        organizationId: login.organizationId,
        action: 'login.password_change_refused',
        targetType: 'login',
        targetId: login.id,
        result: 'failure',
        reason: 'wrong_password',
      },
    );
    throw new PortcullisError('invalid_credentials', 'The current password is wrong.');
  }
  const hash = await hashPassword(passwords.newPassword);
  await inTransaction(ctx, async (tx) => {
    await setPasswordHash(tx.db, login.id, hash, now);
    endAllSessions(tx, login, 'password_changed');
    await recordAuditEvent(tx.db, caller, now, {
      organizationId: login.organizationId,
      action: 'login.password_changed',
      targetType: 'login',
      targetId: login.id,
    });
  });
  const signAt = await sessionStart(ctx, login.id, hash);
  if (signAt === undefined) {
    throw unauthenticated(
      'The password is changed, but it was changed again or the login deactivated meanwhile: sign in again.',
    );
  }
  const { session, jti } = await signSession(ctx, login, signAt);
  await recordAuditEvent(ctx.db, caller, signAt, {
    organizationId: login.organizationId,
    action: 'login.authenticated',
    targetType: 'login',
    targetId: login.id,
    details: { jti, by: 'password_change' },
  });
  return session;
}

/**
 * Its users go with it (and with them, every personal credential acting through them) — unless `restrict`
 * (Firebolt's DROP LOGIN), which refuses while users are tied to it.
 */
export async function deleteLogin(
  ctx: ServiceContext,
  caller: Caller,
  id: string,
  options: { restrict?: boolean } = {},
): Promise<void> {
  requirePermission(caller.actor, 'portcullis.logins', 'delete');
  const now = ctx.clock();
  await inTransaction(ctx, async (tx) => {
    const login = await loginOfCaller(tx, caller, id);
    if (options.restrict) {
      const users = await listUsersOfLogin(tx.db, login.id);
      if (users.length > 0) {
        throw new PortcullisError('login_linked', 'Unlink the users tied to this login first.', {
          details: { users: users.map((u) => ({ id: u.id, name: u.name, accountId: u.accountId })) },
        });
      }
    }
    await revokeThroughUsers(tx, login.organizationId, await usersOfLogin(tx.db, login.id), 'login_deleted');
    await deleteLoginRow(tx.db, login.id);
    await recordAuditEvent(tx.db, caller, now, {
      organizationId: login.organizationId,
      action: 'login.deleted',
      targetType: 'login',
      targetId: login.id,
      details: { email: login.email },
    });
  });
}
