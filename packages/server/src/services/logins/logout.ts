import { permissionDenied } from '@portcullis/core/errors';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { type Caller, inTransaction, type ServiceContext } from '../context.js';
import { endAllSessions, endSession } from './sessions.js';

/**
 * A person ends the session they call with, or every session of theirs (other browsers, other devices);
 * every node refuses the ended sessions from the moment this commits. Personal credentials and access keys
 * are not sessions: they stay, and are revoked on their own.
 */
export async function logout(
  ctx: ServiceContext,
  caller: Caller,
  options: { allSessions: boolean },
): Promise<void> {
  const { actor } = caller;
  const session = actor.session;
  if (actor.type !== 'login' || !actor.id || !actor.organizationId || !session) {
    throw permissionDenied('Only a person signed in with a session can sign out.');
  }
  const login = { id: actor.id, organizationId: actor.organizationId };
  const now = ctx.clock();
  await inTransaction(ctx, async (tx) => {
    if (options.allSessions) endAllSessions(tx, login, 'logout_all_sessions');
    else endSession(tx, login, session);
    await recordAuditEvent(tx.db, caller, now, {
      organizationId: login.organizationId,
      action: 'login.logged_out',
      targetType: 'login',
      targetId: login.id,
      details: options.allSessions ? { allSessions: true } : { allSessions: false, jti: session.jti },
    });
  });
}
