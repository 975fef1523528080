import { sql } from 'kysely';
import type { Db } from '../database.js';
import type { RevocationEventRow } from '../schema.js';

export type RevocationEffect = 'void' | 'recheck';

interface RevocationCommon {
  id: string;
  organizationId: string;
  reason: string;
  effect: RevocationEffect;
  createdAt: number;
  forgetAfter: number;
}

export type RevocationEvent =
  | (RevocationCommon & { kind: 'token'; jti: string })
  | (RevocationCommon & { kind: 'subject'; subject: string; notBefore: number });

/** An event as the feed serves it: with its place in commit order, which is the follower's cursor. */
export type FeedEvent = RevocationEvent & { position: number };

function toEvent(row: RevocationEventRow): RevocationEvent {
  const common = {
    id: row.id,
    organizationId: row.organization_id,
    reason: row.reason,
    effect: row.effect as RevocationEffect,
    createdAt: row.created_at,
    forgetAfter: row.forget_after,
  };
  return row.kind === 'token'
    ? { ...common, kind: 'token', jti: row.jti! }
    : { ...common, kind: 'subject', subject: row.subject!, notBefore: row.not_before! };
}

/**
 * Appends events to the feed. Positions come from one counter row: a writer holds it from its update to
 * its commit, so a later position is always committed after an earlier one and a follower's cursor never
 * passes an event that is still to be committed (docs/revocation.md). Runs in a transaction of its own when the
 * caller has none, since the row must be held until the events are in.
 */
export async function insertRevocationEvents(db: Db, events: readonly RevocationEvent[]): Promise<void> {
  if (events.length === 0) return;
  if (!db.isTransaction) {
    await db.transaction().execute((trx) => insertRevocationEvents(trx, events));
    return;
  }
  const { last_position } = await db
    .updateTable('revocation_feed')
    .set((eb) => ({ last_position: eb('last_position', '+', events.length) }))
    .where('id', '=', 1)
    .returning('last_position')
    .executeTakeFirstOrThrow();
  const first = Number(last_position) - events.length + 1;
  await db
    .insertInto('revocation_events')
    .values(
      events.map((e, i) => ({
        id: e.id,
        organization_id: e.organizationId,
        kind: e.kind,
        jti: e.kind === 'token' ? e.jti : null,
        subject: e.kind === 'subject' ? e.subject : null,
        not_before: e.kind === 'subject' ? e.notBefore : null,
        reason: e.reason,
        effect: e.effect,
        created_at: e.createdAt,
        forget_after: e.forgetAfter,
        feed_position: first + i,
      })),
    )
    .execute();
}

export async function isTokenRevoked(db: Db, jti: string): Promise<boolean> {
  return (
    (await db.selectFrom('revocation_events').select('id').where('jti', '=', jti).executeTakeFirst()) !==
    undefined
  );
}

/**
 * What the feed says about one token, in one round trip (every API request asks): whether its `jti` was
 * revoked, and the latest not-before of its subject's `void` events, before which every token is dead.
 */
export async function tokenRevocationState(
  db: Db,
  jti: string | undefined,
  subject: string,
): Promise<{ revoked: boolean; voidNotBefore: number | undefined }> {
  // A template rather than the query builder: building this one with expressions cost more of an API
  // request's CPU than running it on SQLite.
  const { rows } = await sql<{ revoked: unknown; not_before: string | number | null }>`select
      (select 1 from revocation_events where jti = ${jti ?? null} limit 1) as revoked,
      (select max(not_before) from revocation_events where subject = ${subject} and effect = 'void') as not_before`.execute(
    db,
  );
  const row = rows[0];
  return {
    revoked: row?.revoked != null,
    voidNotBefore: row?.not_before == null ? undefined : Number(row.not_before),
  };
}

/**
 * The latest not-before instant of this subject's events, if any: of `void` events only (before it every
 * token is dead), or of every event (what a token issued now must come after).
 */
export async function subjectNotBefore(
  db: Db,
  subject: string,
  effects: 'void' | 'any',
): Promise<number | undefined> {
  let query = db
    .selectFrom('revocation_events')
    .select((eb) => eb.fn.max('not_before').as('not_before'))
    .where('subject', '=', subject);
  if (effects === 'void') query = query.where('effect', '=', 'void');
  const row = await query.executeTakeFirst();
  return row?.not_before == null ? undefined : Number(row.not_before);
}

/** Events after a feed position, in commit order; an organization filter for organization-scoped readers. */
export async function listRevocationEvents(
  db: Db,
  options: { afterPosition: number; organizationId?: string | undefined; limit: number },
): Promise<FeedEvent[]> {
  let query = db
    .selectFrom('revocation_events')
    .selectAll()
    .where('feed_position', '>', options.afterPosition)
    .orderBy('feed_position')
    .limit(options.limit);
  if (options.organizationId) query = query.where('organization_id', '=', options.organizationId);
  return (await query.execute()).map((row) => ({ ...toEvent(row), position: Number(row.feed_position) }));
}

/** Deletes events no token can still be concerned by; returns how many. Positions are never reused. */
export async function forgetExpiredRevocations(db: Db, now: number): Promise<number> {
  const result = await db.deleteFrom('revocation_events').where('forget_after', '<', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * The organization a subject was deleted from, told by its deletion event (the row itself is gone); only
 * while the event is kept, a day. `deletionReasons` are the event reasons that mean "deleted".
 */
export async function deletedSubjectOrganization(
  db: Db,
  subject: string,
  deletionReasons: readonly string[],
): Promise<string | undefined> {
  const row = await db
    .selectFrom('revocation_events')
    .select('organization_id')
    .where('subject', '=', subject)
    .where('reason', 'in', deletionReasons)
    .executeTakeFirst();
  return row?.organization_id;
}
