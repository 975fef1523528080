import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { type UniqueConstraint, uniqueConstraints } from '../../src/store/unique-constraints.js';
import { describeOnEachEngine, type TestDatabase } from '../support/engines.js';

interface UniqueIndex {
  name: string;
  table: string;
  columns: string;
}

/** Every unique index but the primary keys, as the database itself lists them. */
async function uniqueIndexesOf(database: Database): Promise<UniqueIndex[]> {
  const { db } = database;
  if (database.engine === 'postgres') {
    const { rows } = await sql<UniqueIndex>`
      select i.relname as name, t.relname as table,
             string_agg(a.attname, ',' order by k.ord) as columns
      from pg_index x
      join pg_class i on i.oid = x.indexrelid
      join pg_class t on t.oid = x.indrelid
      join pg_namespace n on n.oid = t.relnamespace
      cross join lateral unnest(x.indkey) with ordinality as k(attnum, ord)
      join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
      where n.nspname = current_schema() and x.indisunique and not x.indisprimary
      group by i.relname, t.relname`.execute(db);
    return rows;
  }
  const tables = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
  const found: UniqueIndex[] = [];
  for (const { name: table } of tables.rows) {
    const indexes = await sql<{ name: string; unique: number; origin: string }>`
      select name, "unique", origin from pragma_index_list(${table})`.execute(db);
    for (const index of indexes.rows.filter((i) => i.unique === 1 && i.origin !== 'pk')) {
      const columns = await sql<{ name: string }>`
        select name from pragma_index_info(${index.name}) order by seqno`.execute(db);
      found.push({ name: index.name, table, columns: columns.rows.map((c) => c.name).join(',') });
    }
  }
  return found;
}

const signature = (index: { table: string; columns: string }) => `${index.table}(${index.columns})`;

describeOnEachEngine('the unique-constraint table on $engine', (engine) => {
  let testDb: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    testDb = await engine.create();
    database = openDatabase(testDb.url);
    await migrateToLatest(database);
  });
  afterAll(async () => {
    await database.close();
    await testDb.drop();
  });

  it('lists every unique constraint of the schema and no other (a new one must join it)', async () => {
    const actual = await uniqueIndexesOf(database);
    const listed = uniqueConstraints.map((c) => ({ ...c, columns: c.columns.join(',') }));
    expect(actual.map(signature).sort()).toEqual(listed.map(signature).sort());
    // SQLite names its constraints' indexes itself; PostgreSQL's names are what errors carry there.
    if (engine.engine === 'postgres') {
      expect(actual.map((i) => i.name).sort()).toEqual(listed.map((c) => c.name).sort());
    }
  });

  it('gives constraints that SQLite cannot tell apart the same meaning', () => {
    const sameColumns = (a: UniqueConstraint, b: UniqueConstraint) =>
      a.table === b.table && a.columns.join(',') === b.columns.join(',');
    for (const a of uniqueConstraints) {
      for (const b of uniqueConstraints.filter((c) => sameColumns(a, c))) {
        expect(b.conflict, `${a.name} and ${b.name}`).toEqual(a.conflict);
      }
    }
  });
});
