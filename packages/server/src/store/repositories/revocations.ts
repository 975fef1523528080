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

export async function insertRevocationEvents(db: Db, events: readonly RevocationEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('revocation_events')
    .values(
      events.map((e) => ({
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

/** The latest moment before which every token of this subject is void, if any. */
export async function subjectNotBefore(db: Db, subject: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('revocation_events')
    .select((eb) => eb.fn.max('not_before').as('not_before'))
    .where('subject', '=', subject)
    .where('effect', '=', 'void')
    .executeTakeFirst();
  return row?.not_before == null ? undefined : Number(row.not_before);
}

/** Events after the cursor, oldest first; an organization filter for organization-scoped readers. */
export async function listRevocationEvents(
  db: Db,
  options: { after?: string | undefined; organizationId?: string | undefined; limit: number },
): Promise<RevocationEvent[]> {
  let query = db.selectFrom('revocation_events').selectAll().orderBy('id').limit(options.limit);
  if (options.after) query = query.where('id', '>', options.after);
  if (options.organizationId) query = query.where('organization_id', '=', options.organizationId);
  return (await query.execute()).map(toEvent);
}

export async function forgetExpiredRevocations(db: Db, now: number): Promise<void> {
  await db.deleteFrom('revocation_events').where('forget_after', '<', now).execute();
}
