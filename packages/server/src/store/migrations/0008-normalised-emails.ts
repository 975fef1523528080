import { newId } from '@portcullis/core/ids';
import type { Kysely } from 'kysely';
import { emailSkeleton, normaliseEmail } from '../../domain/names/email-rules.js';

interface StoredLogin {
  id: string;
  organization_id: string;
  email: string;
}

interface Exception {
  login: StoredLogin;
  reason: 'not_an_email' | 'normalised_email_taken' | 'confusable_email';
  /** The login that kept the email or skeleton: named only to an admin of its own organization. */
  keptBy?: StoredLogin;
}

/**
 * Emails were stored trimmed and lower-cased only. Each is now rewritten to its normal form and given its
 * skeleton (decisions/0017-email-normalisation.md). Nothing is merged or deleted:
 * - logins whose emails normalise alike keep one: the one already stored in normal form, else the oldest;
 *   the others keep their stored email, which no longer signs in, until an admin replaces the login;
 * - of logins whose normal emails look alike, the oldest holds the skeleton; the others keep working with
 *   no skeleton;
 * - an email the rule refuses (hidden characters) is kept as it is, and no longer signs in.
 * Each exception is an audit event (`login.email_conflict`) in the login's organization, for its admin.
 * The rule is today's: a later change to it brings a migration of its own.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('logins').addColumn('email_skeleton', 'text').execute();
  const logins: StoredLogin[] = await db
    .selectFrom('logins')
    .select(['id', 'organization_id', 'email'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();

  const exceptions: Exception[] = [];
  const byNormalEmail = new Map<string, StoredLogin[]>();
  for (const login of logins) {
    const email = normaliseEmail(login.email);
    if (email === undefined) exceptions.push({ login, reason: 'not_an_email' });
    else byNormalEmail.set(email, [...(byNormalEmail.get(email) ?? []), login]);
  }
  const skeletonHolders = new Map<string, StoredLogin>();
  for (const [email, group] of byNormalEmail) {
    const keeper = group.find((login) => login.email === email) ?? group[0]!;
    for (const other of group.filter((login) => login !== keeper)) {
      exceptions.push({ login: other, reason: 'normalised_email_taken', keptBy: keeper });
    }
    const skeleton = emailSkeleton(email);
    const holder = skeletonHolders.get(skeleton);
    if (holder) exceptions.push({ login: keeper, reason: 'confusable_email', keptBy: holder });
    else skeletonHolders.set(skeleton, keeper);
    await db
      .updateTable('logins')
      .set({ email, email_skeleton: holder ? null : skeleton })
      .where('id', '=', keeper.id)
      .execute();
  }

  const now = Date.now();
  for (const { login, reason, keptBy } of exceptions) {
    await db
      .insertInto('audit_events')
      .values({
        id: newId('auditEvent'),
        organization_id: login.organization_id,
        occurred_at: now,
        actor_type: 'system',
        actor_id: null,
        action: 'login.email_conflict',
        target_type: 'login',
        target_id: login.id,
        result: 'failure',
        reason,
        client_ip: null,
        request_id: null,
        details: JSON.stringify({
          email: login.email,
          ...(keptBy?.organization_id === login.organization_id ? { conflictsWith: keptBy.id } : {}),
        }),
      })
      .execute();
  }

  await db.schema
    .createIndex('logins_email_skeleton_unique')
    .on('logins')
    .column('email_skeleton')
    .unique()
    .execute();
}
