import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeOnEachEngine, type TestDatabase } from '../support/engines.js';
import { snapshotState } from '../support/state-snapshot.js';
import { startTestServer } from '../support/test-server.js';

describeOnEachEngine('bootstrap on $engine', (engine) => {
  // A fresh database per test: what bootstrap does depends on what the database already holds.
  let database: TestDatabase;
  const masterKey = 'ab'.repeat(32);
  beforeEach(async () => {
    database = await engine.create();
  });
  afterEach(async () => database?.drop());

  it('creates acme, its admin login and Admin user once, and nothing on restart', async () => {
    const first = await startTestServer(engine, { PORTCULLIS_MASTER_KEY: masterKey }, database);
    expect(first.portcullis.bootstrap).toEqual({ created: true, adminEmail: 'admin@acme.example' });
    const db = first.portcullis.database.db;
    const org = await db.selectFrom('organizations').selectAll().executeTakeFirstOrThrow();
    expect(org).toMatchObject({
      name: 'acme',
      programmatic_access_available: 1,
      programmatic_access_enabled: 1,
    });
    const login = await db.selectFrom('logins').selectAll().executeTakeFirstOrThrow();
    expect(login).toMatchObject({
      email: 'admin@acme.example',
      is_organization_admin: 1,
      is_platform_operator: 1,
    });
    expect(login.password_hash).toMatch(/^\$argon2id\$/);
    const roles = await db
      .selectFrom('role_assignments')
      .innerJoin('roles', 'roles.id', 'role_assignments.role_id')
      .innerJoin('users', 'users.id', 'role_assignments.user_id')
      .select(['roles.name', 'users.login_id'])
      .execute();
    expect(roles).toEqual([{ name: 'Admin', login_id: login.id }]);
    const before = await snapshotState(db);
    await first.close();

    const second = await startTestServer(engine, { PORTCULLIS_MASTER_KEY: masterKey }, database);
    expect(second.portcullis.bootstrap).toEqual({ created: false, reason: 'already_set_up' });
    expect(await snapshotState(second.portcullis.database.db)).toEqual(before);
    await second.close();
  });

  // Several nodes started together on one empty database is a PostgreSQL deployment.
  if (engine.engine === 'postgres') {
    it('lets one of two nodes started together set up, and warns of ignored settings only on a database set up before', async () => {
      const settings = { PORTCULLIS_MASTER_KEY: masterKey, PORTCULLIS_ADMIN_EMAIL: 'first@acme.example' };
      const nodes = await Promise.all([
        startTestServer(engine, settings, database),
        startTestServer(engine, settings, database),
      ]);
      try {
        const outcomes = nodes.map((n) => n.portcullis.bootstrap);
        expect(outcomes.filter((o) => o.created)).toHaveLength(1);
        for (const node of nodes) {
          const outcome = node.portcullis.bootstrap;
          const warned = node.logs.some((line) => line.includes('"ignored"'));
          expect(warned, JSON.stringify(outcome)).toBe(
            !outcome.created && outcome.reason === 'already_set_up',
          );
        }
        expect(await nodes[0]!.portcullis.database.db.selectFrom('logins').select('email').execute()).toEqual(
          [{ email: 'first@acme.example' }],
        );
      } finally {
        await Promise.all(nodes.map((n) => n.close()));
      }
    });
  }

  it('refuses to open signing keys under a different master key', async () => {
    await (await startTestServer(engine, { PORTCULLIS_MASTER_KEY: masterKey }, database)).close();
    await expect(
      startTestServer(engine, { PORTCULLIS_MASTER_KEY: 'cd'.repeat(32) }, database),
    ).rejects.toThrow(/cannot be opened with this master key/);
  });
});
