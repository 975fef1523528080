import { newId } from '@portcullis/core/ids';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { findDefaultAccount, insertAccount } from '../../src/store/repositories/accounts.js';
import { queryAuditEvents } from '../../src/store/repositories/audit-event-pages.js';
import {
  type AuditEvent,
  auditBatchInserter,
  insertAuditEvent,
} from '../../src/store/repositories/audit-events.js';
import { insertLogin } from '../../src/store/repositories/logins.js';
import {
  countOrganizations,
  findOrganizationByName,
  insertOrganization,
  type Organization,
} from '../../src/store/repositories/organizations.js';
import {
  forgetExpiredRevocations,
  insertRevocationEvents,
  listRevocationEvents,
  type RevocationEvent,
  tokenRevocationState,
} from '../../src/store/repositories/revocations.js';
import {
  findUsableSecrets,
  insertSecret,
  revokeUsableSecrets,
} from '../../src/store/repositories/secrets.js';
import {
  deleteServiceAccount,
  findServiceAccountInOrganization,
  InvalidCursorError,
  insertServiceAccount,
  listServiceAccounts,
  type ServiceAccount,
  type ServiceAccountSort,
} from '../../src/store/repositories/service-accounts.js';
import { insertSigningKey, listVerifiableSigningKeys } from '../../src/store/repositories/signing-keys.js';
import { insertUser, listUsersOfServiceAccount, type User } from '../../src/store/repositories/users.js';
import { violatedUniqueConstraint } from '../../src/store/unique-constraints.js';
import { describeOnEachEngine, type TestDatabase } from '../support/engines.js';

const now = 1_790_000_000_000;

describeOnEachEngine('repositories on $engine', (engine) => {
  let testDb: TestDatabase;
  let database: Database;
  const orgId = newId('organization');
  const otherOrgId = newId('organization');
  const accountId = newId('account');

  beforeAll(async () => {
    testDb = await engine.create();
    database = openDatabase(testDb.url);
    await migrateToLatest(database);
    for (const [id, name] of [
      [orgId, 'org-one'],
      [otherOrgId, 'org-two'],
    ] as const) {
      await insertOrganization(database.db, organization(id, name));
    }
    await insertAccount(database.db, {
      id: accountId,
      organizationId: orgId,
      name: 'default',
      isDefault: true,
      createdAt: now,
    });
  });

  afterAll(async () => {
    await database.close();
    await testDb.drop();
  });

  /** An organization row with programmatic access available but off; only id and name vary. */
  const organization = (id: string, name: string): Organization => ({
    id,
    name,
    displayName: name,
    programmaticAccessAvailable: true,
    programmaticAccessEnabled: false,
    networkPolicyId: null,
    allowedAudiences: null,
    tokenTtlSeconds: null,
    maxCredentialLifetimeDays: null,
    createdAt: now,
    updatedAt: now,
  });

  const sa = (name: string, organizationId = orgId): ServiceAccount => ({
    id: newId('serviceAccount'),
    organizationId,
    name,
    description: '',
    isOrganizationAdmin: false,
    platformIntrospection: false,
    enabled: true,
    kind: 'organization',
    ownerUserId: null,
    grantedPermissions: null,
    networkPolicyId: null,
    connectionPreference: null,
    validTo: null,
    validToTimezone: null,
    lastUsedAt: null,
    createdAt: now,
    updatedAt: now,
  });

  const user = (overrides: Partial<User>): User => ({
    id: newId('user'),
    organizationId: orgId,
    accountId,
    name: `u_${Math.random().toString(36).slice(2, 8)}`,
    loginId: null,
    serviceAccountId: null,
    defaultDatabase: null,
    defaultEngine: null,
    active: true,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  });

  it('migrates an up-to-date schema as a no-op', async () => {
    expect((await migrateToLatest(database)).applied).toEqual([]);
  });

  it('round-trips organizations with flags as booleans', async () => {
    // Other tests add organizations of their own: the count is of every row, the two above among them.
    const stored = await sql<{ id: string }>`select id from organizations`.execute(database.db);
    expect(stored.rows.map((r) => r.id)).toEqual(expect.arrayContaining([orgId, otherOrgId]));
    expect(await countOrganizations(database.db)).toBe(stored.rows.length);
    expect(await findOrganizationByName(database.db, 'org-one')).toMatchObject({
      id: orgId,
      programmaticAccessAvailable: true,
      programmaticAccessEnabled: false,
      networkPolicyId: null,
      allowedAudiences: null,
      tokenTtlSeconds: null,
      maxCredentialLifetimeDays: null,
      createdAt: now,
    });
  });

  it('allows one default account per organization', async () => {
    expect((await findDefaultAccount(database.db, orgId))?.id).toBe(accountId);
    const second = {
      id: newId('account'),
      organizationId: orgId,
      name: 'second',
      isDefault: true,
      createdAt: now,
    };
    const error = await insertAccount(database.db, second).catch((e: unknown) => e);
    expect(violatedUniqueConstraint(error)?.name).toBe('accounts_one_default');
  });

  it('keeps service account names unique per organization only', async () => {
    await insertServiceAccount(database.db, sa('shared-name'));
    await insertServiceAccount(database.db, sa('shared-name', otherOrgId));
    const error = await insertServiceAccount(database.db, sa('shared-name')).catch((e: unknown) => e);
    expect(violatedUniqueConstraint(error)?.name).toBe('service_accounts_org_name_unique');
  });

  it('finds a service account only within its own organization', async () => {
    const mine = sa('scoped');
    await insertServiceAccount(database.db, mine);
    expect(await findServiceAccountInOrganization(database.db, orgId, mine.id)).toMatchObject({
      name: 'scoped',
    });
    expect(await findServiceAccountInOrganization(database.db, otherOrgId, mine.id)).toBeUndefined();
  });

  it('pages service accounts by cursor in creation order', async () => {
    const pageOrg = newId('organization');
    await insertOrganization(database.db, organization(pageOrg, `paging-${engine.engine}`));
    const created = [];
    for (let i = 0; i < 5; i++) {
      const row = sa(`page-${i}`, pageOrg);
      await insertServiceAccount(database.db, row);
      created.push(row.id);
    }
    const first = await listServiceAccounts(database.db, pageOrg, { limit: 2 });
    const second = await listServiceAccounts(database.db, pageOrg, { limit: 2, cursor: first.nextCursor! });
    const third = await listServiceAccounts(database.db, pageOrg, { limit: 2, cursor: second.nextCursor! });
    expect([...first.items, ...second.items, ...third.items].map((s) => s.id)).toEqual(created);
    expect(third.nextCursor).toBeNull();
  });

  it('sorts by name both ways across pages, filters by name and enabled', async () => {
    const sortOrg = newId('organization');
    await insertOrganization(database.db, organization(sortOrg, `sorting-${engine.engine}`));
    for (const name of ['delta', 'Alpha-ETL', 'charlie', 'bravo-etl', 'echo']) {
      await insertServiceAccount(database.db, { ...sa(name, sortOrg), enabled: name !== 'echo' });
    }
    const all = async (sort: ServiceAccountSort) => {
      const names: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listServiceAccounts(database.db, sortOrg, { limit: 2, sort, cursor });
        names.push(...page.items.map((s) => s.name));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return names;
    };
    const ascending = await all('name');
    expect(ascending).toHaveLength(5);
    expect(await all('-name')).toEqual([...ascending].reverse());
    expect(await all('-createdAt')).toEqual(['echo', 'bravo-etl', 'charlie', 'Alpha-ETL', 'delta']);
    const etl = await listServiceAccounts(database.db, sortOrg, {
      limit: 10,
      nameContains: 'ETL',
      sort: 'name',
    });
    expect(etl.items.map((s) => s.name).sort()).toEqual(['Alpha-ETL', 'bravo-etl']);
    const disabled = await listServiceAccounts(database.db, sortOrg, { limit: 10, enabled: false });
    expect(disabled.items.map((s) => s.name)).toEqual(['echo']);
    await expect(
      listServiceAccounts(database.db, sortOrg, { limit: 2, cursor: 'not-a-cursor' }),
    ).rejects.toThrow(InvalidCursorError);
  });

  it('lets the database hold at most one current secret per service account', async () => {
    const owner = sa('secret-owner');
    await insertServiceAccount(database.db, owner);
    const secret = (hash: string, expiresAt: number | null = null) => ({
      id: newId('secret'),
      serviceAccountId: owner.id,
      secretHash: hash,
      displayPrefix: 'pcs_abcdef',
      createdAt: now,
      createdBy: null,
      expiresAt,
      revokedAt: null,
      lastUsedAt: null,
    });
    await insertSecret(database.db, secret('hash-1'));
    expect(
      violatedUniqueConstraint(await insertSecret(database.db, secret('hash-2')).catch((e: unknown) => e))
        ?.name,
    ).toBe('secrets_one_current');
    // A secret in its grace period (with an expiry) may coexist with the current one.
    await insertSecret(database.db, secret('hash-3', now + 60_000));
    expect((await findUsableSecrets(database.db, owner.id, now)).map((s) => s.secretHash).sort()).toEqual([
      'hash-1',
      'hash-3',
    ]);
    expect((await findUsableSecrets(database.db, owner.id, now + 60_000)).map((s) => s.secretHash)).toEqual([
      'hash-1',
    ]);
    expect(await revokeUsableSecrets(database.db, owner.id, now)).toBe(2);
    expect(await findUsableSecrets(database.db, owner.id, now)).toEqual([]);
    await insertSecret(database.db, secret('hash-4'));
  });

  it('refuses a user tied to both a login and a service account', async () => {
    const loginId = newId('login');
    await insertLogin(
      database.db,
      {
        id: loginId,
        organizationId: orgId,
        email: `both-${engine.engine}@example.com`,
        name: 'Both',
        isOrganizationAdmin: false,
        isPlatformOperator: false,
        networkPolicyId: null,
        active: true,
        createdAt: now,
        updatedAt: now,
      },
      'not-a-real-hash',
      `both-${engine.engine}@example.com`,
    );
    const owner = sa('both-sa');
    await insertServiceAccount(database.db, owner);
    await expect(insertUser(database.db, user({ loginId, serviceAccountId: owner.id }))).rejects.toThrow();
  });

  it('ties a service account to one user per account and restricts its deletion', async () => {
    const owner = sa('linked-sa');
    await insertServiceAccount(database.db, owner);
    const tied = user({ serviceAccountId: owner.id });
    await insertUser(database.db, tied);
    const twice = await insertUser(database.db, user({ serviceAccountId: owner.id })).catch(
      (e: unknown) => e,
    );
    expect(violatedUniqueConstraint(twice)?.name).toBe('users_account_service_account_unique');
    expect((await listUsersOfServiceAccount(database.db, owner.id)).map((u) => u.id)).toEqual([tied.id]);
    await expect(deleteServiceAccount(database.db, owner.id)).rejects.toThrow();
    expect(await findServiceAccountInOrganization(database.db, orgId, owner.id)).toBeDefined();
  });

  it('keeps at most one current signing key', async () => {
    const key = (state: 'current' | 'retired', retiredAt: number | null = null) => ({
      id: newId('signingKey'),
      algorithm: 'EdDSA',
      state,
      publicJwk: '{}',
      privateKeySealed: 'v1.x.y.z',
      createdAt: now,
      activatedAt: now,
      retiredAt,
    });
    const current = key('current');
    await insertSigningKey(database.db, current);
    expect(
      violatedUniqueConstraint(
        await insertSigningKey(database.db, key('current')).catch((e: unknown) => e),
      )?.name.startsWith('signing_keys_one_'),
    ).toBe(true);
    const recentlyRetired = key('retired', now - 1000);
    const longRetired = key('retired', now - 10 * 86_400_000);
    await insertSigningKey(database.db, recentlyRetired);
    await insertSigningKey(database.db, longRetired);
    const verifiable = (await listVerifiableSigningKeys(database.db, now - 86_400_000)).map((k) => k.id);
    expect(verifiable.sort()).toEqual([current.id, recentlyRetired.id].sort());
  });

  it('stores audit events with structured details, newest first', async () => {
    for (const action of ['first', 'second']) {
      await insertAuditEvent(database.db, {
        id: newId('auditEvent'),
        organizationId: otherOrgId,
        occurredAt: now,
        actorType: 'system',
        actorId: null,
        action,
        targetType: null,
        targetId: null,
        result: 'success',
        reason: null,
        clientIp: '127.0.0.1',
        requestId: null,
        details: { nested: { n: 1 } },
      });
    }
    const events = (await queryAuditEvents(database, otherOrgId, {}, { limit: 100 })).items;
    expect(events.map((e) => e.action)).toEqual(['second', 'first']);
    expect(events[0]?.details).toEqual({ nested: { n: 1 } });
  });

  it("writes the writer thread's audit batches exactly, nulls and awkward text included", async () => {
    const organizationId = newId('organization');
    await insertOrganization(database.db, organization(organizationId, `batch-${engine.engine}`));
    const awkward = ['plain', 'quote " and backslash \\', '{braces}, commas', 'NULL', '', 'ünïcødé 🔑'];
    const events: AuditEvent[] = awkward.map((text, i) => ({
      id: newId('auditEvent'),
      organizationId,
      occurredAt: now + i,
      actorType: 'service_account',
      actorId: i % 2 ? null : text,
      action: 'token.issued',
      targetType: 'service_account',
      targetId: text,
      result: 'success',
      reason: i % 2 ? text : null,
      clientIp: i % 3 ? null : '::1',
      requestId: text,
      details: i % 2 ? null : { text, n: i },
    }));
    await auditBatchInserter(database)(events);
    const stored = (await queryAuditEvents(database, organizationId, {}, { limit: 100 })).items;
    expect(stored).toEqual([...events].reverse());
  });

  const revocation = (subject: string, forgetAfter = now + 86_400_000): RevocationEvent => ({
    id: newId('revocation'),
    organizationId: orgId,
    kind: 'subject',
    subject,
    notBefore: now,
    reason: 'service_account_disabled',
    effect: 'recheck',
    createdAt: now,
    forgetAfter,
  });

  it('numbers feed events in commit order and never reuses a position once events are forgotten', async () => {
    const start = (await listRevocationEvents(database.db, { afterPosition: 0, limit: 1000 })).at(-1);
    const from = start?.position ?? 0;
    await insertRevocationEvents(database.db, [revocation('sa-a', now - 1), revocation('sa-b', now - 1)]);
    await database.db.transaction().execute((trx) => insertRevocationEvents(trx, [revocation('sa-c')]));
    const written = await listRevocationEvents(database.db, { afterPosition: from, limit: 10 });
    expect(written.map((e) => [e.kind === 'subject' && e.subject, e.position])).toEqual([
      ['sa-a', from + 1],
      ['sa-b', from + 2],
      ['sa-c', from + 3],
    ]);

    expect(await forgetExpiredRevocations(database.db, now + 86_400_001)).toBeGreaterThanOrEqual(3);
    expect(await listRevocationEvents(database.db, { afterPosition: 0, limit: 10 })).toEqual([]);
    await insertRevocationEvents(database.db, [revocation('sa-d')]);
    const [after] = await listRevocationEvents(database.db, { afterPosition: from + 3, limit: 10 });
    expect(after).toMatchObject({ subject: 'sa-d', position: from + 4 });
  });

  it("reads a token's revocation in one query: its jti, and only its subject's void not-before", async () => {
    const jti = `jti-${newId('revocation')}`;
    const subject = `login-${newId('revocation')}`;
    expect(await tokenRevocationState(database.db, jti, subject)).toEqual({
      revoked: false,
      voidNotBefore: undefined,
    });
    const common = {
      organizationId: orgId,
      reason: 'password_changed',
      createdAt: now,
      forgetAfter: now + 86_400_000,
    };
    const event = (about: string, notBefore: number, effect: 'void' | 'recheck'): RevocationEvent => ({
      ...common,
      id: newId('revocation'),
      kind: 'subject',
      subject: about,
      notBefore,
      effect,
    });
    await insertRevocationEvents(database.db, [
      event(subject, now + 5_000, 'recheck'),
      event(subject, now + 1_000, 'void'),
      event(subject, now + 2_000, 'void'),
      event(`${subject}-other`, now + 9_000, 'void'),
    ]);
    expect(await tokenRevocationState(database.db, jti, subject)).toEqual({
      revoked: false,
      voidNotBefore: now + 2_000,
    });
    await insertRevocationEvents(database.db, [
      { ...common, id: newId('revocation'), kind: 'token', jti, effect: 'void' },
    ]);
    expect(await tokenRevocationState(database.db, jti, subject)).toEqual({
      revoked: true,
      voidNotBefore: now + 2_000,
    });
    expect((await tokenRevocationState(database.db, undefined, subject)).revoked).toBe(false);
  });

  if (engine.engine === 'postgres')
    it('holds a later feed writer until an earlier one commits, so a follower past it misses nothing (PostgreSQL; SQLite serializes writers at BEGIN)', async () => {
      const other = openDatabase(testDb.url);
      try {
        const from =
          (await listRevocationEvents(database.db, { afterPosition: 0, limit: 1000 })).at(-1)?.position ?? 0;
        let commitFirst = () => {};
        const held = new Promise<void>((resolve) => {
          commitFirst = resolve;
        });
        let firstInserted = () => {};
        const inserted = new Promise<void>((resolve) => {
          firstInserted = resolve;
        });
        const first = database.db.transaction().execute(async (trx) => {
          await insertRevocationEvents(trx, [revocation('slow-writer')]);
          firstInserted();
          await held;
        });
        await inserted;
        let secondDone = false;
        const second = insertRevocationEvents(other.db, [revocation('fast-writer')]).then(() => {
          secondDone = true;
        });
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(secondDone).toBe(false);
        expect(await listRevocationEvents(other.db, { afterPosition: from, limit: 10 })).toEqual([]);

        commitFirst();
        await first;
        const seen = await listRevocationEvents(other.db, { afterPosition: from, limit: 10 });
        await second;
        const cursor = seen.at(-1)?.position ?? from;
        const next = await listRevocationEvents(other.db, { afterPosition: cursor, limit: 10 });
        expect([...seen, ...next].map((e) => e.kind === 'subject' && e.subject)).toEqual([
          'slow-writer',
          'fast-writer',
        ]);
      } finally {
        await other.close();
      }
    });

  it('stores epoch milliseconds exactly', async () => {
    const result = await sql<{
      created_at: number;
    }>`select created_at from organizations where id = ${orgId}`.execute(database.db);
    expect(result.rows[0]?.created_at).toBe(now);
    expect(typeof result.rows[0]?.created_at).toBe('number');
  });
});
