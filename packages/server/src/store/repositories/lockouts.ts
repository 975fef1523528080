import { sql } from 'kysely';
import type { Db } from '../database.js';
import type { LockoutRow } from '../schema.js';

export type LockoutKind = 'service_account' | 'login';

export interface Lockout {
  subjectId: string;
  kind: LockoutKind;
  organizationId: string;
  failures: number;
  lastFailureAt: number;
  lastClientIp: string | null;
  lockedUntil: number | null;
}

/** A lockout with what a person recognises its subject by: the service account's name or the login's email. */
export interface ListedLockout extends Lockout {
  subjectName: string;
}

function toLockout(row: LockoutRow): Lockout {
  return {
    subjectId: row.subject_id,
    kind: row.kind as LockoutKind,
    organizationId: row.organization_id,
    failures: row.failures,
    lastFailureAt: row.last_failure_at,
    lastClientIp: row.last_client_ip,
    lockedUntil: row.locked_until,
  };
}

export async function findLockout(db: Db, subjectId: string): Promise<Lockout | undefined> {
  const row = await db
    .selectFrom('lockouts')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .executeTakeFirst();
  return row && toLockout(row);
}

export interface FailedAttempt {
  subjectId: string;
  kind: LockoutKind;
  organizationId: string;
  at: number;
  clientIp: string | null;
  /** A previous failure before this instant is forgotten: the count starts again at 1. */
  forgetBefore: number;
}

/**
 * Counts one failure in a single statement, so that failures on several nodes at once are all counted;
 * returns the count after it and the lock that already stood.
 */
export async function countFailure(
  db: Db,
  attempt: FailedAttempt,
): Promise<{ failures: number; lockedUntil: number | null }> {
  const row = await db
    .insertInto('lockouts')
    .values({
      subject_id: attempt.subjectId,
      kind: attempt.kind,
      organization_id: attempt.organizationId,
      failures: 1,
      last_failure_at: attempt.at,
      last_client_ip: attempt.clientIp,
      locked_until: null,
    })
    .onConflict((conflict) =>
      conflict.column('subject_id').doUpdateSet({
        failures: sql<number>`case when lockouts.last_failure_at < ${attempt.forgetBefore} then 1 else lockouts.failures + 1 end`,
        last_failure_at: attempt.at,
        last_client_ip: attempt.clientIp,
      }),
    )
    .returning(['failures', 'locked_until'])
    .executeTakeFirstOrThrow();
  return { failures: Number(row.failures), lockedUntil: row.locked_until };
}

export async function lockUntil(db: Db, subjectId: string, lockedUntil: number): Promise<void> {
  await db
    .updateTable('lockouts')
    .set({ locked_until: lockedUntil })
    .where('subject_id', '=', subjectId)
    .execute();
}

/** A success forgets the failures, unless a lock started meanwhile (on another node): that one stands. */
export async function forgetFailures(db: Db, subjectId: string, now: number): Promise<void> {
  await db
    .deleteFrom('lockouts')
    .where('subject_id', '=', subjectId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .execute();
}

export async function deleteLockout(db: Db, subjectId: string): Promise<void> {
  await db.deleteFrom('lockouts').where('subject_id', '=', subjectId).execute();
}

export interface LockoutListing {
  organizationId: string;
  now: number;
  /** Failures before this instant are forgotten and not listed, unless they left a lock that still holds. */
  forgetBefore: number;
  lockedOnly: boolean;
  limit: number;
  /** The last subject id of the previous page. */
  after: string | undefined;
}

/** The organization's subjects with recent failures or a lock in force, by subject id (index order). */
export async function listLockouts(db: Db, listing: LockoutListing): Promise<ListedLockout[]> {
  const { now } = listing;
  let query = db
    .selectFrom('lockouts as l')
    .leftJoin('service_accounts as sa', 'sa.id', 'l.subject_id')
    .leftJoin('logins as lg', 'lg.id', 'l.subject_id')
    .selectAll('l')
    .select(['sa.name as service_account_name', 'lg.email as login_email'])
    .where('l.organization_id', '=', listing.organizationId)
    .where((eb) => eb.or([eb('sa.id', 'is not', null), eb('lg.id', 'is not', null)]))
    .orderBy('l.subject_id')
    .limit(listing.limit);
  query = listing.lockedOnly
    ? query.where('l.locked_until', '>', now)
    : query.where((eb) =>
        eb.or([eb('l.locked_until', '>', now), eb('l.last_failure_at', '>=', listing.forgetBefore)]),
      );
  if (listing.after !== undefined) query = query.where('l.subject_id', '>', listing.after);
  const rows = await query.execute();
  return rows.map((row) => ({
    ...toLockout(row),
    subjectName: row.service_account_name ?? row.login_email ?? '',
  }));
}
