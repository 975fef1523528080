import { newId } from '@portcullis/core/ids';
import { longestTokenLifetimeMs } from '@portcullis/core/tokens';
import { credentialsActingThrough } from '../../store/repositories/revocation-subjects.js';
import type { RevocationEffect, RevocationEvent } from '../../store/repositories/revocations.js';
import type { ServiceContext } from '../context.js';

/**
 * Tokens of these subjects issued before now must not be trusted as they are: written whenever a
 * credential loses rights (deleted, disabled, secret regenerated without grace, its user downgraded,
 * deactivated or deleted), so resource servers following the revocation feed stop honouring them within
 * seconds. `recheck`: the live checks of introspection and the API already see the change and recompute;
 * `void`: the change is invisible to live state (a regenerated secret), so the tokens are dead everywhere.
 */
export function revokeSubjects(
  tx: ServiceContext,
  organizationId: string,
  subjects: readonly string[],
  reason: string,
  effect: RevocationEffect = 'recheck',
): void {
  const now = tx.clock();
  recordRevocations(
    tx,
    [...new Set(subjects)].map((subject) => ({
      id: newId('revocation'),
      organizationId,
      kind: 'subject' as const,
      subject,
      notBefore: now,
      reason,
      effect,
      createdAt: now,
      forgetAfter: now + longestTokenLifetimeMs,
    })),
  );
}

/** Adds events to the feed when the use case's transaction commits (see inTransaction). */
export function recordRevocations(tx: ServiceContext, events: readonly RevocationEvent[]): void {
  if (!tx.revocations) throw new Error('revocations are recorded inside inTransaction only');
  tx.revocations.push(...events);
}

/** Shorthand for the common case: a change to these users revokes what acts through them. */
export async function revokeThroughUsers(
  tx: ServiceContext,
  organizationId: string,
  userIds: readonly string[],
  reason: string,
): Promise<void> {
  revokeSubjects(tx, organizationId, await credentialsActingThrough(tx.db, userIds), reason);
}
