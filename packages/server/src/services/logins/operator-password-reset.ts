import { notFound, validationFailed } from '@portcullis/core/errors';
import { newPasswordProblem } from '@portcullis/core/passwords';
import { normaliseEmail } from '../../domain/names/email-rules.js';
import { deleteLockout, findLockout } from '../../store/repositories/lockouts.js';
import {
  findLoginByEmailWithPasswordHash,
  type Login,
  setPasswordHash,
} from '../../store/repositories/logins.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { requirePlatformOperator } from '../authorization.js';
import { type Caller, inTransaction, type ServiceContext } from '../context.js';
import { hashPassword } from './password-hashing.js';
import { endAllSessions } from './sessions.js';

/**
 * The way back for a lost password when nobody who could reset it can sign in (the bootstrap
 * administrator's, say): the operator of the machine sets a new one by email, in any organization. Every
 * session of the login ends on every node, and its failed attempts and lock are cleared, so the new
 * password works at once. The password itself is never audited or logged.
 */
export async function resetPasswordAsOperator(
  ctx: ServiceContext,
  caller: Caller,
  input: { email: string; password: string },
): Promise<Login> {
  requirePlatformOperator(caller.actor);
  const problem = newPasswordProblem(input.password, 'password');
  if (problem) throw validationFailed('The new password cannot be used.', [problem]);
  const email = normaliseEmail(input.email);
  const found = email ? await findLoginByEmailWithPasswordHash(ctx.db, email) : undefined;
  if (!found) throw notFound('Login');
  const { login } = found;
  const hash = await hashPassword(input.password);
  const now = ctx.clock();
  await inTransaction(ctx, async (tx) => {
    await setPasswordHash(tx.db, login.id, hash, now);
    endAllSessions(tx, login, 'password_reset');
    const lockout = await findLockout(tx.db, login.id);
    if (lockout) await deleteLockout(tx.db, login.id);
    await recordAuditEvent(tx.db, caller, now, {
      organizationId: login.organizationId,
      action: 'login.password_reset',
      targetType: 'login',
      targetId: login.id,
      details: { by: 'operator', lockoutCleared: lockout !== undefined },
    });
  });
  return login;
}
