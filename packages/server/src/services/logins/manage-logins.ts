import { maxPasswordLength, minPasswordLength } from '../../domain/names/name-rules.js';
import { PortcullisError } from '../../errors/portcullis-error.js';
import {
  deleteLogin as deleteLoginRow,
  findLoginById,
  findPasswordHash,
  type Login,
  type LoginChanges,
  listLogins,
  setPasswordHash,
  updateLogin as updateLoginRow,
} from '../../store/repositories/logins.js';
import type { Page, PageRequest } from '../../store/repositories/page.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { organizationOf, requirePermission } from '../authorization.js';
import { type Caller, inTransaction, type ServiceContext } from '../context.js';
import { findPolicyOfOrganization } from '../network-policies/policy-lookup.js';
import { revokeThroughUsers, usersOfLogin } from '../revocation/record-revocations.js';
import { hashPassword, verifyPassword } from './password-hashing.js';

async function loginOfCaller(ctx: ServiceContext, caller: Caller, id: string): Promise<Login> {
  const login = await findLoginById(ctx.db, id);
  if (!login || login.organizationId !== organizationOf(caller.actor))
    throw new PortcullisError('not_found', 'Login not found.');
  return login;
}

function checkPassword(password: string): void {
  if (password.length < minPasswordLength || password.length > maxPasswordLength) {
    throw new PortcullisError('validation_failed', 'The password is too short or too long.', {
      details: [
        { field: 'password', message: `must be ${minPasswordLength} to ${maxPasswordLength} characters` },
      ],
    });
  }
}

/** The organization-admin flag is the widest grant there is: only an organization admin hands it out. */
export function requireMayGrantOrganizationAdmin(caller: Caller, wanted: boolean | undefined): void {
  const { actor } = caller;
  if (wanted && actor.type !== 'system' && !actor.isOrganizationAdmin) {
    throw new PortcullisError(
      'permission_exceeds_grantor',
      'Only an organization admin can make someone an organization admin.',
      {
        details: { excess: ['organization admin'] },
      },
    );
  }
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
  changes: LoginChanges,
): Promise<Login> {
  requirePermission(caller.actor, 'portcullis.logins', 'update');
  requireMayGrantOrganizationAdmin(caller, changes.isOrganizationAdmin);
  const now = ctx.clock();
  return inTransaction(ctx, async (tx) => {
    const login = await loginOfCaller(tx, caller, id);
    if (changes.networkPolicyId)
      await findPolicyOfOrganization(tx, login.organizationId, changes.networkPolicyId);
    await updateLoginRow(tx.db, login.id, changes, now);
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
      details: { changes },
    });
    return (await findLoginById(tx.db, login.id))!;
  });
}

/** An administrator sets (resets) someone's password. The password itself is never audited or logged. */
export async function setLoginPassword(
  ctx: ServiceContext,
  caller: Caller,
  id: string,
  password: string,
): Promise<void> {
  requirePermission(caller.actor, 'portcullis.logins', 'update');
  checkPassword(password);
  const login = await loginOfCaller(ctx, caller, id);
  const hash = await hashPassword(password);
  const now = ctx.clock();
  await inTransaction(ctx, async (tx) => {
    await setPasswordHash(tx.db, login.id, hash, now);
    await recordAuditEvent(tx.db, caller, now, {
      organizationId: login.organizationId,
      action: 'login.password_reset',
      targetType: 'login',
      targetId: login.id,
    });
  });
}

/** A person changes their own password, proving the current one. */
export async function changeOwnPassword(
  ctx: ServiceContext,
  caller: Caller,
  passwords: { currentPassword: string; newPassword: string },
): Promise<void> {
  const { actor } = caller;
  if (actor.type !== 'login' || !actor.id)
    throw new PortcullisError('permission_denied', 'Only a person has a password.');
  checkPassword(passwords.newPassword);
  const current = await findPasswordHash(ctx.db, actor.id);
  if (!current || !(await verifyPassword(current, passwords.currentPassword))) {
    throw new PortcullisError('invalid_credentials', 'The current password is wrong.');
  }
  const hash = await hashPassword(passwords.newPassword);
  const now = ctx.clock();
  await inTransaction(ctx, async (tx) => {
    await setPasswordHash(tx.db, actor.id!, hash, now);
    await recordAuditEvent(tx.db, caller, now, {
      organizationId: actor.organizationId,
      action: 'login.password_changed',
      targetType: 'login',
      targetId: actor.id,
    });
  });
}

/** Its users go with it (and with them, every personal credential acting through them). */
export async function deleteLogin(ctx: ServiceContext, caller: Caller, id: string): Promise<void> {
  requirePermission(caller.actor, 'portcullis.logins', 'delete');
  const now = ctx.clock();
  await inTransaction(ctx, async (tx) => {
    const login = await loginOfCaller(tx, caller, id);
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
