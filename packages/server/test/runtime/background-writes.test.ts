import SqliteDatabase from 'better-sqlite3';
import { decodeJwt } from 'jose';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { AuditBatch } from '../../src/runtime/batching/audit-batch.js';
import type { BatchLog } from '../../src/runtime/batching/background-batcher.js';
import { systemCaller } from '../../src/services/context.js';
import type { BackgroundWriter } from '../../src/store/background/background-writes.js';
import { ThreadedBackgroundWriter } from '../../src/store/background/threaded-writer.js';
import { type Database, openDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { describeOnEachEngine, type EngineUnderTest, type TestDatabase } from '../support/engines.js';
import { adminToken, createUsableServiceAccount, tokenRequest } from '../support/http-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** Every error the batchers log, with its fields. */
function capturedLog() {
  const lines: { message: string; fields: Record<string, unknown> }[] = [];
  const log: BatchLog = { error: (fields, message) => lines.push({ message, fields }) };
  return { log, lines };
}

/**
 * Stored events of `action` as their `details.n` (or jti), each with the order its row was committed in:
 * SQLite's rowid, or PostgreSQL's writing transaction (the rows of one batch share it).
 */
async function committed(database: Database, action: string, key: 'n' | 'jti') {
  const order = database.engine === 'sqlite' ? sql`rowid` : sql`xmin::text::bigint`;
  const rows = await sql<{ details: string; committed: number }>`
    select details, ${order} as committed from audit_events where action = ${action}`.execute(database.db);
  return rows.rows
    .map((row) => ({ key: JSON.parse(row.details)[key] as unknown, committed: Number(row.committed) }))
    .sort((a, b) => a.committed - b.committed);
}

/** Each key exactly once, and none committed before one enqueued ahead of it. */
function expectOnceInOrder(rows: { key: unknown; committed: number }[], expected: unknown[]) {
  expect([...rows.map((r) => r.key)].sort()).toEqual([...expected].sort());
  const commitOf = new Map(rows.map((r) => [r.key, r.committed]));
  const commits = expected.map((key) => commitOf.get(key)!);
  expect(commits).toEqual([...commits].sort((a, b) => a - b));
}

/**
 * Holds the database's write lock from a connection of the test's own, so that the background writer's
 * next write fails for real: on SQLite after its 5 s busy timeout; on PostgreSQL the writer thread's
 * connection, stuck behind the lock, is terminated, as a restart or failover would.
 */
async function holdWriteLock(engine: EngineUnderTest, database: TestDatabase) {
  if (engine.engine === 'sqlite') {
    const connection = new SqliteDatabase(database.url.slice('sqlite:'.length));
    connection.exec('begin immediate');
    return {
      failWaitingWriter: async () => undefined,
      release: async () => {
        connection.exec('rollback');
        connection.close();
      },
    };
  }
  const connection = new pg.Client({ connectionString: database.url });
  await connection.connect();
  await connection.query('begin');
  await connection.query('lock table audit_events in exclusive mode');
  return {
    failWaitingWriter: async () => {
      for (;;) {
        // Inside a transaction pg_stat_activity is read once, unless its snapshot is cleared.
        await connection.query('select pg_stat_clear_snapshot()');
        const { rowCount } = await connection.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where pg_backend_pid() = any(pg_blocking_pids(pid))',
        );
        if (rowCount) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    release: async () => {
      await connection.query('rollback');
      await connection.end();
    },
  };
}

async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const failedAuditWrites = (server: TestServer) =>
  server.logs.filter((line) => line.includes('writing issuance audit events failed')).length;

describeOnEachEngine('background writes on $engine', (engine) => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  /** A migrated database and the writer thread the server would use on it. */
  async function migratedDatabase() {
    const testDatabase = await engine.create();
    databases.push(testDatabase);
    const database = openDatabase(testDatabase.url);
    await migrateToLatest(database);
    const writer = new ThreadedBackgroundWriter(testDatabase.url);
    return {
      database,
      writer,
      close: async () => {
        await writer.close();
        await database.close();
      },
    };
  }

  const enqueueIssued = (audit: AuditBatch, n: number) =>
    audit.enqueue(systemCaller(), Date.now(), {
      organizationId: null,
      action: 'token.issued',
      targetType: 'service_account',
      targetId: 'sa_1',
      details: { n },
    });

  it('writes issuance audit events and last-used times from the writer thread, and flushes them at shutdown', async () => {
    const database = await engine.create();
    databases.push(database);
    const server = await startTestServer(engine, {}, database);
    const client = await createUsableServiceAccount(
      server.baseUrl,
      await adminToken(server.baseUrl),
      'batched',
    );
    const issued = [];
    for (let i = 0; i < 5; i++) {
      const response = await tokenRequest(server.baseUrl, {
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
      });
      expect(response.status).toBe(200);
      issued.push(response);
    }
    // Closed at once: these events are still waiting for the next 100 ms flush.
    await server.close();

    const reopened = openDatabase(database.url);
    try {
      const events = await reopened.db
        .selectFrom('audit_events')
        .select(['details', 'result', 'actor_id'])
        .where('action', '=', 'token.issued')
        .where('target_id', '=', client.clientId)
        .execute();
      expect(events).toHaveLength(5);
      for (const event of events) {
        expect(event).toMatchObject({ result: 'success', actor_id: client.clientId });
        expect(JSON.parse(event.details!)).toMatchObject({ jti: expect.any(String), scope: '' });
      }
      const sa = await reopened.db
        .selectFrom('service_accounts')
        .select('last_used_at')
        .where('id', '=', client.clientId)
        .executeTakeFirstOrThrow();
      expect(sa.last_used_at).toBeGreaterThan(Date.now() - 60_000);
    } finally {
      await reopened.close();
    }
  });

  it('keeps issuance audit events whose write failed, and writes them once and in order when the database answers again', async () => {
    const server = await startTestServer(engine);
    try {
      const client = await createUsableServiceAccount(
        server.baseUrl,
        await adminToken(server.baseUrl),
        'through-an-outage',
      );
      const jtis: string[] = [];
      const issue = async () => {
        const response = await tokenRequest(server.baseUrl, {
          grant_type: 'client_credentials',
          client_id: client.clientId,
          client_secret: client.clientSecret,
        });
        expect(response.status).toBe(200);
        jtis.push(decodeJwt(response.body.access_token).jti!);
      };
      const lock = await holdWriteLock(engine, server.database);
      try {
        for (let i = 0; i < 3; i++) await issue();
        await lock.failWaitingWriter();
        await until(() => failedAuditWrites(server) > 0, 'a failed audit write');
        for (let i = 0; i < 2; i++) await issue();
      } finally {
        await lock.release();
      }
      await server.portcullis.ctx.issuanceAudit.flush();
      const rows = await committed(server.portcullis.database, 'token.issued', 'jti');
      expectOnceInOrder(rows, jtis);
      const failure = JSON.parse(
        server.logs.find((line) => line.includes('writing issuance audit events failed'))!,
      );
      expect(failure).toMatchObject({ level: 50, kept: expect.any(Number) });
      expect(failure.kept).toBeGreaterThanOrEqual(3);
    } finally {
      await server.close();
    }
  }, 40_000);

  if (engine.engine === 'postgres')
    it('goes on writing after PostgreSQL closes the writer thread’s idle connection', async () => {
      const server = await startTestServer(engine);
      const admin = new pg.Client({ connectionString: server.database.url });
      try {
        const client = await createUsableServiceAccount(
          server.baseUrl,
          await adminToken(server.baseUrl),
          'reconnecting',
        );
        const form = {
          grant_type: 'client_credentials',
          client_id: client.clientId,
          client_secret: client.clientSecret,
        };
        // The writer thread's connection is the one that waits behind a lock this test holds.
        await admin.connect();
        await admin.query('begin');
        await admin.query('lock table audit_events in exclusive mode');
        expect((await tokenRequest(server.baseUrl, form)).status).toBe(200);
        let writerPid: number | undefined;
        await until(async () => {
          await admin.query('select pg_stat_clear_snapshot()');
          const blocked = await admin.query(
            'select pid from pg_stat_activity where pg_backend_pid() = any(pg_blocking_pids(pid))',
          );
          writerPid = blocked.rows[0]?.pid;
          return writerPid !== undefined;
        }, 'the writer thread to wait for the lock');
        await admin.query('commit');
        await server.portcullis.ctx.issuanceAudit.flush();
        await admin.query('select pg_terminate_backend($1)', [writerPid]);
        await until(
          async () =>
            (await admin.query('select 1 from pg_stat_activity where pid = $1', [writerPid])).rowCount === 0,
          'the connection to close',
        );

        expect((await tokenRequest(server.baseUrl, form)).status).toBe(200);
        await server.portcullis.ctx.issuanceAudit.flush();
        expect(await committed(server.portcullis.database, 'token.issued', 'jti')).toHaveLength(2);
      } finally {
        await admin.end().catch(() => undefined);
        await server.close();
      }
    });

  it('writes a batch again whose commit was reported failed, without storing its events twice', async () => {
    const { database, writer, close } = await migratedDatabase();
    try {
      let lostReplies = 1;
      // Committed, but the answer lost: as when PostgreSQL's connection drops after COMMIT was sent.
      const replyLost: BackgroundWriter = {
        write: async (batch) => {
          await writer.write(batch);
          if (lostReplies-- > 0) throw new Error('connection lost after commit');
        },
        close: async () => undefined,
      };
      const { log } = capturedLog();
      const audit = new AuditBatch(replyLost, log);
      for (const n of [1, 2, 3]) enqueueIssued(audit, n);
      await expect(audit.flush()).rejects.toThrow('connection lost after commit');
      for (const n of [4, 5]) enqueueIssued(audit, n);
      await audit.flush();
      expectOnceInOrder(await committed(database, 'token.issued', 'n'), [1, 2, 3, 4, 5]);
    } finally {
      await close();
    }
  });

  it('keeps at most its bound of failed issuance audit events, dropping the oldest and saying how many', async () => {
    const { database, writer, close } = await migratedDatabase();
    try {
      let failing = true;
      const flaky: BackgroundWriter = {
        write: (batch) => (failing ? Promise.reject(new Error('database unavailable')) : writer.write(batch)),
        close: async () => undefined,
      };
      const { log, lines } = capturedLog();
      // A bound of 10 and batches of 4: beyond the bound, 4 go at once.
      const audit = new AuditBatch(flaky, log, 100, 4, 10);
      for (let n = 1; n <= 10; n++) enqueueIssued(audit, n);
      await expect(audit.flush()).rejects.toThrow('database unavailable');
      expect(lines.filter((l) => l.message.startsWith('dropped'))).toEqual([]);
      enqueueIssued(audit, 11);
      expect(lines.filter((l) => l.message.startsWith('dropped'))).toEqual([
        {
          message:
            'dropped the 4 oldest issuance audit events: more than 10 were waiting while writes failed',
          fields: { dropped: 4, kept: 7 },
        },
      ]);
      expect(lines.some((l) => l.message.startsWith('writing issuance audit events failed'))).toBe(true);

      failing = false;
      await audit.flush();
      expectOnceInOrder(await committed(database, 'token.issued', 'n'), [5, 6, 7, 8, 9, 10, 11]);
    } finally {
      await close();
    }
  });

  it('tries once more at shutdown, and says how many issuance audit events are lost if that fails too', async () => {
    const { database, writer, close } = await migratedDatabase();
    try {
      let failures = 1;
      const failingOnce: BackgroundWriter = {
        write: (batch) => (failures-- > 0 ? Promise.reject(new Error('database busy')) : writer.write(batch)),
        close: async () => undefined,
      };
      const recovered = capturedLog();
      const audit = new AuditBatch(failingOnce, recovered.log);
      for (const n of [1, 2]) enqueueIssued(audit, n);
      await audit.stop();
      expectOnceInOrder(await committed(database, 'token.issued', 'n'), [1, 2]);
      expect(recovered.lines.map((l) => l.message)).toEqual([
        'writing issuance audit events failed; they are kept and retried with the next flush',
      ]);

      const down: BackgroundWriter = {
        write: () => Promise.reject(new Error('database unavailable')),
        close: async () => undefined,
      };
      const lost = capturedLog();
      const doomed = new AuditBatch(down, lost.log);
      for (const n of [3, 4, 5]) enqueueIssued(doomed, n);
      await doomed.stop();
      expect(lost.lines.at(-1)).toEqual({
        message: 'shutting down with issuance audit events that could not be written',
        fields: { lost: 3 },
      });
    } finally {
      await close();
    }
  });
});
