import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inTransaction } from '../../src/services/context.js';
import { revokeSubjects } from '../../src/services/revocation/record-revocations.js';
import { findOrganizationByName } from '../../src/store/repositories/organizations.js';
import { listRevocationEvents } from '../../src/store/repositories/revocations.js';
import { describeOnEachEngine } from '../support/engines.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describeOnEachEngine('recording revocations on $engine', (engine) => {
  let server: TestServer;
  let acme: string;

  beforeAll(async () => {
    server = await startTestServer(engine);
    acme = (await findOrganizationByName(server.portcullis.ctx.db, 'acme'))!.id;
  });
  afterAll(async () => server?.close());

  const organizationId = () => acme;
  const subjectsAfter = async (position: number) =>
    (await listRevocationEvents(server.portcullis.ctx.db, { afterPosition: position, limit: 100 })).map(
      (e) => e.kind === 'subject' && e.subject,
    );
  const lastPosition = async () =>
    (await listRevocationEvents(server.portcullis.ctx.db, { afterPosition: 0, limit: 10_000 })).at(-1)
      ?.position ?? 0;

  it('writes nothing to the feed when the use case rolls back', async () => {
    const from = await lastPosition();
    await expect(
      inTransaction(server.portcullis.ctx, async (tx) => {
        revokeSubjects(tx, organizationId(), ['rolled-back'], 'service_account_deleted');
        throw new Error('the use case failed after recording');
      }),
    ).rejects.toThrow('the use case failed after recording');
    expect(await subjectsAfter(from)).toEqual([]);
  });

  // Two use cases that revoke and lock the same row in opposite orders. Had the first taken the feed's
  // counter row when it recorded, it would wait for the row the second holds while the second waits for the
  // counter: a deadlock, one of them aborted. Appended at commit, the counter is always the last lock.
  if (engine.engine === 'postgres')
    it('lets two use cases that revoke and touch the same row in opposite orders both commit (PostgreSQL; SQLite serializes writers at BEGIN)', async () => {
      const ctx = server.portcullis.ctx;
      const from = await lastPosition();
      const touch = (db: typeof ctx.db) =>
        sql`update organizations set updated_at = updated_at + 1 where id = ${organizationId()}`.execute(db);
      let release = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let recorded = () => {};
      const firstRecorded = new Promise<void>((resolve) => {
        recorded = resolve;
      });
      const first = inTransaction(ctx, async (tx) => {
        revokeSubjects(tx, organizationId(), ['revoked-then-touched'], 'service_account_restricted');
        recorded();
        await gate;
        await touch(tx.db);
      });
      await firstRecorded;
      let touched = () => {};
      const secondTouched = new Promise<void>((resolve) => {
        touched = resolve;
      });
      const second = inTransaction(ctx, async (tx) => {
        await touch(tx.db);
        touched();
        revokeSubjects(tx, organizationId(), ['touched-then-revoked'], 'service_account_restricted');
      });
      await secondTouched;
      release();
      await Promise.all([first, second]);
      expect(await subjectsAfter(from)).toEqual(['touched-then-revoked', 'revoked-then-touched']);
    });
});
