import { newId } from '@portcullis/core/ids';
import { type Migration, Migrator, sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import * as initial from '../../src/store/migrations/0001-initial.js';
import * as management from '../../src/store/migrations/0002-management.js';
import * as platformIntrospection from '../../src/store/migrations/0003-platform-introspection.js';
import * as changeCounter from '../../src/store/migrations/0004-change-counter.js';
import * as revocationFeedOrder from '../../src/store/migrations/0005-revocation-feed-order.js';
import { describeOnEachEngine, type TestDatabase } from '../support/engines.js';

/** The schema as it was before emails were normalised. */
const before: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-management': management,
  '0003-platform-introspection': platformIntrospection,
  '0004-change-counter': changeCounter,
  '0005-revocation-feed-order': revocationFeedOrder,
};

async function migrateToBefore({ db, engine }: Database): Promise<void> {
  const schema =
    engine === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => before },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

describeOnEachEngine('migration 0008 (normalised emails) on $engine', (engine) => {
  let testDb: TestDatabase;
  let database: Database;
  const orgId = newId('organization');
  // Stored as the old rule left them: trimmed and lower-cased only. Created in this order.
  const legacy = {
    fullwidthFirst: 'ａlice@acme.example', // older, but not in normal form
    plainSecond: 'alice@acme.example', // already normal: keeps the address
    decomposed: 'jose\u0301@acme.example', // alone: rewritten to NFC
    bobLatin: 'bob@acme.example',
    bobCyrillic: 'bоb@acme.example', // Cyrillic о, newer: keeps signing in, without a skeleton
    hidden: 'carol\u200b@acme.example', // zero-width space: refused by the rule
    fullwidthOnly: 'ｄave@acme.example', // alone: rewritten
  };
  const ids: Record<keyof typeof legacy, string> = {} as never;

  beforeAll(async () => {
    testDb = await engine.create();
    database = openDatabase(testDb.url);
    await migrateToBefore(database);
    const { db } = database;
    await db
      .insertInto('organizations')
      .values({ id: orgId, name: 'acme', display_name: 'Acme', created_at: 1, updated_at: 1 } as never)
      .execute();
    let createdAt = 1_000;
    for (const [key, email] of Object.entries(legacy)) {
      const id = newId('login');
      ids[key as keyof typeof legacy] = id;
      await sql`insert into logins (id, organization_id, email, name, password_hash, created_at, updated_at)
        values (${id}, ${orgId}, ${email}, ${key}, 'x', ${createdAt}, ${createdAt})`.execute(db);
      createdAt += 1_000;
    }
    await migrateToLatest(database);
  });
  afterAll(async () => {
    await database.close();
    await testDb.drop();
  });

  const row = (id: string) =>
    database.db
      .selectFrom('logins')
      .select(['email', 'email_skeleton'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('rewrites each email to its normal form and gives it a skeleton', async () => {
    expect(await row(ids.decomposed)).toEqual({
      email: 'jos\u00e9@acme.example',
      email_skeleton: 'jose\u0301@acme.example',
    });
    expect(await row(ids.fullwidthOnly)).toEqual({
      email: 'dave@acme.example',
      email_skeleton: 'dave@acme.example',
    });
    expect(await row(ids.bobLatin)).toEqual({
      email: 'bob@acme.example',
      email_skeleton: 'bob@acme.example',
    });
  });

  it('keeps an address for the login already stored in normal form, and leaves the other as it was', async () => {
    expect(await row(ids.plainSecond)).toEqual({
      email: 'alice@acme.example',
      email_skeleton: 'alice@acme.example',
    });
    expect(await row(ids.fullwidthFirst)).toEqual({ email: legacy.fullwidthFirst, email_skeleton: null });
  });

  it('leaves a newer look-alike working but without a skeleton', async () => {
    expect(await row(ids.bobCyrillic)).toEqual({ email: legacy.bobCyrillic, email_skeleton: null });
  });

  it('keeps an email the rule refuses as it was', async () => {
    expect(await row(ids.hidden)).toEqual({ email: legacy.hidden, email_skeleton: null });
  });

  it('records each exception in the organization audit log', async () => {
    const events = await database.db
      .selectFrom('audit_events')
      .select(['organization_id', 'action', 'target_id', 'reason', 'details'])
      .where('action', '=', 'login.email_conflict')
      .execute();
    const byTarget = Object.fromEntries(events.map((e) => [e.target_id, e]));
    expect(events).toHaveLength(3);
    expect(byTarget[ids.fullwidthFirst]).toMatchObject({
      organization_id: orgId,
      reason: 'normalised_email_taken',
    });
    expect(JSON.parse(byTarget[ids.fullwidthFirst]!.details!)).toEqual({
      email: legacy.fullwidthFirst,
      conflictsWith: ids.plainSecond,
    });
    expect(byTarget[ids.bobCyrillic]).toMatchObject({ reason: 'confusable_email' });
    expect(JSON.parse(byTarget[ids.bobCyrillic]!.details!).conflictsWith).toBe(ids.bobLatin);
    expect(byTarget[ids.hidden]).toMatchObject({ reason: 'not_an_email' });
  });
});
