import { PortcullisError } from '@portcullis/core/errors';
import { isId } from '@portcullis/core/ids';
import {
  deleteLockout,
  findLockout,
  type ListedLockout,
  type LockoutKind,
  listLockouts as listLockoutRows,
} from '../../store/repositories/lockouts.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { organizationOf, requirePermission } from '../authorization.js';
import { type Actor, type Caller, inTransaction, type ServiceContext } from '../context.js';

const resourceOf: Record<LockoutKind, string> = {
  service_account: 'portcullis.service_accounts',
  login: 'portcullis.logins',
};

function kindOfSubject(subjectId: string): LockoutKind | undefined {
  if (isId('serviceAccount', subjectId)) return 'service_account';
  if (isId('login', subjectId)) return 'login';
  return undefined;
}

/** The kinds whose lockouts the actor may see: those of the objects it may list. */
function listableKinds(actor: Actor): LockoutKind[] {
  const kinds = (Object.keys(resourceOf) as LockoutKind[]).filter(
    (kind) => actor.type === 'system' || actor.permissions?.has(resourceOf[kind], 'list'),
  );
  // Neither: refused with the error that names a missing permission.
  if (kinds.length === 0) requirePermission(actor, resourceOf.service_account, 'list');
  return kinds;
}

export interface LockoutPage {
  items: ListedLockout[];
  nextCursor: string | null;
}

/**
 * The organization's service accounts and logins with recent failed attempts or a lock in force: what a
 * console shows an administrator (who, how many failures, locked until, from which address last).
 */
export async function listLockouts(
  ctx: ServiceContext,
  caller: Caller,
  page: { limit: number; after: string | undefined; lockedOnly: boolean },
): Promise<LockoutPage> {
  const kinds = listableKinds(caller.actor);
  const now = ctx.clock();
  const rows = await listLockoutRows(ctx.db, {
    organizationId: organizationOf(caller.actor),
    now,
    forgetBefore: now - Math.max(...kinds.map((kind) => ctx.failedAttempts.policies[kind].resetMs)),
    lockedOnly: page.lockedOnly,
    limit: page.limit + 1,
    after: page.after,
  });
  const visible = rows.slice(0, page.limit);
  return {
    // Rows of a kind the caller may not list still advance the cursor, so pages stay bounded.
    items: visible.filter((row) => kinds.includes(row.kind)),
    nextCursor: rows.length > page.limit ? (visible.at(-1)?.subjectId ?? null) : null,
  };
}

/**
 * Clears a subject's failures and lock at once, on every node (the change moves the generation, so cached
 * client state is read again). Needs the permission to update the subject.
 */
export async function clearLockout(ctx: ServiceContext, caller: Caller, subjectId: string): Promise<void> {
  const kind = kindOfSubject(subjectId);
  if (kind) requirePermission(caller.actor, resourceOf[kind], 'update');
  const organizationId = organizationOf(caller.actor);
  const now = ctx.clock();
  await inTransaction(ctx, async (tx) => {
    const lockout = kind && (await findLockout(tx.db, subjectId));
    if (!lockout || lockout.organizationId !== organizationId) {
      throw new PortcullisError('not_found', 'No failed attempts or lock are recorded for this subject.');
    }
    await deleteLockout(tx.db, subjectId);
    await recordAuditEvent(tx.db, caller, now, {
      organizationId,
      action: 'lockout.cleared',
      targetType: lockout.kind,
      targetId: subjectId,
      details: {
        failures: lockout.failures,
        lockedUntil: lockout.lockedUntil === null ? null : new Date(lockout.lockedUntil).toISOString(),
        wasLocked: lockout.lockedUntil !== null && lockout.lockedUntil > now,
      },
    });
  });
}
