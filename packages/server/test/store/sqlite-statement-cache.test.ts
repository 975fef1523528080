import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withStatementCache } from '../../src/store/sqlite-statement-cache.js';

interface Tables {
  items: { id: number; name: string };
}

describe('SQLite statements prepared once per SQL text', () => {
  let dir: string;
  let connection: SqliteDatabase.Database;
  let prepared: string[];
  let db: Kysely<Tables>;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'portcullis-statements-'));
    connection = new SqliteDatabase(path.join(dir, 'cache.db'));
    connection.exec('create table items (id integer primary key, name text not null)');
    // Count what SQLite is asked to prepare, as the driver asks it.
    prepared = [];
    const prepare = connection.prepare.bind(connection);
    connection.prepare = ((text: string) => {
      prepared.push(text);
      return prepare(text);
    }) as typeof connection.prepare;
    db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(connection, 3) }) });
  });

  afterEach(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const byId = (id: number) => db.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirst();
  const insertItems = async (count: number) => {
    for (let id = 1; id <= count; id++)
      await db
        .insertInto('items')
        .values({ id, name: `item ${id}` })
        .execute();
  };

  it('prepares a query once however often it runs, each run with its own parameters', async () => {
    await insertItems(5);
    for (let id = 1; id <= 5; id++) expect(await byId(id)).toEqual({ id, name: `item ${id}` });
    expect(await byId(99)).toBeUndefined();
    expect(prepared.filter((text) => text.startsWith('insert'))).toHaveLength(1);
    expect(prepared.filter((text) => text.startsWith('select'))).toHaveLength(1);
  });

  it('drops the least recently used statement past its capacity and prepares it again when it returns', async () => {
    await db.insertInto('items').values({ id: 1, name: 'one' }).execute();
    const texts = ['id', 'name', 'id, name', 'name, id'];
    for (const columns of texts) await sql.raw(`select ${columns} from items`).execute(db);
    const before = prepared.length;
    // The first text was dropped (capacity 3): it is prepared again and still answers.
    expect((await sql.raw<{ id: number }>('select id from items').execute(db)).rows).toEqual([{ id: 1 }]);
    expect(prepared.length).toBe(before + 1);
    // The last one is still held.
    await sql.raw('select name, id from items').execute(db);
    expect(prepared.length).toBe(before + 1);
  });

  it('streams every row, and the query still runs after a stream that was left early', async () => {
    await insertItems(3);
    const query = db.selectFrom('items').selectAll().orderBy('id');
    const streamed: number[] = [];
    for await (const row of query.stream()) streamed.push(row.id);
    expect(streamed).toEqual([1, 2, 3]);
    for await (const row of query.stream()) {
      expect(row.id).toBe(1);
      break;
    }
    expect((await query.execute()).map((row) => row.id)).toEqual([1, 2, 3]);
  });

  it('sees a changed table through a statement prepared before the change', async () => {
    await db.insertInto('items').values({ id: 1, name: 'one' }).execute();
    const all = () => sql.raw<Record<string, unknown>>('select * from items').execute(db);
    expect((await all()).rows).toEqual([{ id: 1, name: 'one' }]);
    connection.exec("alter table items add column colour text not null default 'blue'");
    expect((await all()).rows).toEqual([{ id: 1, name: 'one', colour: 'blue' }]);
  });
});
