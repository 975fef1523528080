import { newId, newIdAt } from '@portcullis/core/ids';
import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, Kysely, type LogEvent, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readExportChunk } from '../../src/runtime/audit-reads/audit-reader.js';
import { type Database, type Db, openDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { listAccounts } from '../../src/store/repositories/accounts.js';
import {
  type AuditFilter,
  type AuditSource,
  queryAuditEvents,
} from '../../src/store/repositories/audit-event-pages.js';
import { auditBatchInserter } from '../../src/store/repositories/audit-events.js';
import { listLogins } from '../../src/store/repositories/logins.js';
import { listNetworkPolicies } from '../../src/store/repositories/network-policies.js';
import { insertOrganization, listOrganizations } from '../../src/store/repositories/organizations.js';
import { listRoles, listRolesOfUsers } from '../../src/store/repositories/roles.js';
import { listSecretsOfServiceAccount } from '../../src/store/repositories/secrets.js';
import {
  insertServiceAccount,
  listServiceAccounts,
  type ServiceAccount,
  type ServiceAccountQuery,
  type ServiceAccountSort,
} from '../../src/store/repositories/service-accounts.js';
import { listUsersInOrganization } from '../../src/store/repositories/users.js';
import type { Schema } from '../../src/store/schema.js';
import { describeOnEachEngine, type EngineUnderTest, type TestDatabase } from '../support/engines.js';

/**
 * Every query a list, filter or export route runs is read through an index in the order it returns rows:
 * on SQLite the plan searches an index and builds no temporary b-tree; on PostgreSQL it is an index scan
 * with no Sort node. The queries are the repositories' own: each case calls the function a route calls,
 * on a connection that logs the SQL it runs, which is then explained with the same parameters.
 *
 * PostgreSQL is asked with sequential and bitmap scans turned off: on a table of a few rows, reading it
 * all (or a bitmap of it) and sorting is the cheapest plan whatever the indexes are, which says nothing
 * about a million rows. With them off, the question is whether an index serves the query in its order:
 * the index named here must be the one chosen and searched, and a Sort node means none does (the planner
 * still sorts when it must). Audit queries are explained on the reader thread's kind of connection, which
 * turns those plans (and sorting) off itself, with nothing added by the test: statistics that lag an
 * organization's growth must not sort its log there either (this table, never analysed, is such a case).
 * An analysed table of realistic size would test the planner's statistics as much as our indexes, and
 * take minutes to fill; what the planner does with a million events is the benchmark's part
 * (bench/audit-reads.ts).
 */

/** The index each table must be read through, by table name. */
type Expected = Record<string, string>;

const primaryKey = (engine: EngineUnderTest['engine'], table: string, constraint = `${table}_pkey`) =>
  engine === 'sqlite' ? `sqlite_autoindex_${table}_1` : constraint;

interface Access {
  table: string;
  index: string | undefined;
  /** The index is searched (a condition on its leading columns), not only walked in order. */
  searched: boolean;
}

interface Plan {
  accesses: Access[];
  sorts: boolean;
  text: string;
}

function sqlitePlan(rows: { detail: string }[]): Plan {
  const accesses: Access[] = [];
  for (const { detail } of rows) {
    const access =
      /^(SEARCH|SCAN) (\w+)(?: USING (?:COVERING )?INDEX (\w+)| USING (?:INTEGER )?PRIMARY KEY)?/.exec(
        detail,
      );
    if (access) accesses.push({ table: access[2]!, index: access[3], searched: access[1] === 'SEARCH' });
  }
  const text = rows.map((r) => r.detail).join('\n');
  return { accesses, sorts: text.includes('TEMP B-TREE'), text };
}

interface PgPlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PgPlanNode[];
}

function postgresPlan(root: PgPlanNode): Plan {
  const accesses: Access[] = [];
  let sorts = false;
  const visit = (node: PgPlanNode) => {
    if (/Sort/.test(node['Node Type'])) sorts = true;
    if (node['Relation Name']) {
      const indexed = /^Index (Only )?Scan$/.test(node['Node Type']);
      accesses.push({
        table: node['Relation Name'],
        index: indexed ? node['Index Name'] : undefined,
        searched: indexed && node['Index Cond'] !== undefined,
      });
    }
    for (const child of node.Plans ?? []) visit(child);
  };
  visit(root);
  return { accesses, sorts, text: JSON.stringify(root, null, 1) };
}

describeOnEachEngine('list, filter and export query plans on $engine', (engine) => {
  let testDb: TestDatabase;
  let database: Database;
  let auditReader: Database;
  /** Every query the repositories run on `recording`, compiled, as the database received it. */
  const ran: CompiledQuery[] = [];
  let recording: Db;
  const orgId = newId('organization');
  const someUser = newId('user');
  const saCursors = new Map<ServiceAccountSort, string>();

  beforeAll(async () => {
    testDb = await engine.create();
    database = openDatabase(testDb.url);
    await migrateToLatest(database);
    auditReader = openDatabase(testDb.url, { orderedReader: true });
    const log = (event: LogEvent) => {
      if (event.level === 'query') ran.push(event.query);
    };
    recording =
      engine.engine === 'sqlite'
        ? new Kysely<Schema>({
            dialect: new SqliteDialect({ database: new SqliteDatabase(testDb.url.slice('sqlite:'.length)) }),
            log,
          })
        : new Kysely<Schema>({
            dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: testDb.url, max: 1 }) }),
            log,
          });
    await insertOrganization(database.db, {
      id: orgId,
      name: 'plans',
      displayName: 'plans',
      programmaticAccessAvailable: true,
      programmaticAccessEnabled: true,
      networkPolicyId: null,
      allowedAudiences: null,
      tokenTtlSeconds: null,
      maxCredentialLifetimeDays: null,
      createdAt: 0,
      updatedAt: 0,
    });
    for (const name of ['alpha', 'beta']) {
      const sa: ServiceAccount = {
        id: newId('serviceAccount'),
        organizationId: orgId,
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
        createdAt: 0,
        updatedAt: 0,
      };
      await insertServiceAccount(database.db, sa);
    }
    // Another organization's log, never analysed: PostgreSQL then guesses how many events an organization
    // has from the table's size alone, and left to itself reads them all through a bitmap and sorts them.
    const otherOrganization = newId('organization');
    const insertEvents = auditBatchInserter(database);
    for (let batch = 0; batch < 20; batch++) {
      await insertEvents(
        Array.from({ length: 1000 }, (_, i) => ({
          id: newIdAt('auditEvent', 1_790_000_000_000 + batch * 1000 + i),
          organizationId: otherOrganization,
          occurredAt: 1_790_000_000_000 + batch * 1000 + i,
          actorType: 'system' as const,
          actorId: null,
          action: 'token.issued',
          targetType: null,
          targetId: null,
          result: 'success' as const,
          reason: null,
          clientIp: null,
          requestId: null,
          details: null,
        })),
      );
    }
    for (const sort of ['createdAt', '-createdAt', 'name', '-name'] as const) {
      const page = await listServiceAccounts(database.db, orgId, { limit: 1, sort });
      saCursors.set(sort, page.nextCursor!);
    }
  });

  afterAll(async () => {
    await recording.destroy();
    await auditReader.close();
    await database.close();
    await testDb.drop();
  });

  /**
   * Audit queries are explained on a connection opened as the reader thread opens its own, with nothing
   * added: on PostgreSQL that connection is what keeps an unanalysed table's log from being sorted.
   */
  async function explain(query: CompiledQuery, asAuditReader: boolean): Promise<Plan> {
    if (engine.engine === 'sqlite') {
      const result = await database.db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
      );
      return sqlitePlan(result.rows);
    }
    if (asAuditReader) {
      const result = await auditReader.db.executeQuery<{ 'QUERY PLAN': { Plan: PgPlanNode }[] }>(
        CompiledQuery.raw(`explain (format json) ${query.sql}`, [...query.parameters]),
      );
      return postgresPlan(result.rows[0]!['QUERY PLAN'][0]!.Plan);
    }
    return database.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      await sql`set local enable_bitmapscan = off`.execute(trx);
      const result = await trx.executeQuery<{ 'QUERY PLAN': { Plan: PgPlanNode }[] }>(
        CompiledQuery.raw(`explain (format json) ${query.sql}`, [...query.parameters]),
      );
      return postgresPlan(result.rows[0]!['QUERY PLAN'][0]!.Plan);
    });
  }

  /** Runs `read` through the recording connection and explains every query it ran. */
  async function plansOf(read: (db: Db) => Promise<unknown>, asAuditReader: boolean): Promise<Plan[]> {
    ran.length = 0;
    await read(recording);
    expect(ran.length).toBeGreaterThan(0);
    return Promise.all(ran.map((query) => explain(query, asAuditReader)));
  }

  /**
   * Each table the queries read is read through the expected index, searched (unless `walked`: read from
   * one end in order), and nothing is sorted.
   */
  async function expectIndexed(
    read: (db: Db) => Promise<unknown>,
    expected: Expected,
    { walked = false, asAuditReader = false } = {},
  ) {
    for (const plan of await plansOf(read, asAuditReader)) {
      expect(plan.sorts, plan.text).toBe(false);
      expect(plan.accesses.length, plan.text).toBeGreaterThan(0);
      for (const access of plan.accesses) {
        expect(access.index, `${access.table}\n${plan.text}`).toBe(expected[access.table]);
        if (!walked) expect(access.searched, plan.text).toBe(true);
      }
    }
  }

  const page = { limit: 100 };
  const after = (
    kind: 'account' | 'login' | 'user' | 'role' | 'networkPolicy' | 'secret' | 'organization',
  ) => ({
    limit: 100,
    after: newId(kind),
  });

  it.each([false, true])(
    'reads the organization-scoped lists through (parent, id) indexes (after a cursor: %s)',
    async (withCursor) => {
      const cursor = <K extends Parameters<typeof after>[0]>(kind: K) => (withCursor ? after(kind) : page);
      await expectIndexed((db) => listAccounts(db, orgId, cursor('account')), {
        accounts: 'accounts_org_id',
      });
      await expectIndexed((db) => listLogins(db, orgId, cursor('login')), { logins: 'logins_org_id' });
      await expectIndexed((db) => listUsersInOrganization(db, orgId, cursor('user')), {
        users: 'users_org_id',
      });
      await expectIndexed((db) => listRoles(db, orgId, cursor('role')), { roles: 'roles_org_id' });
      await expectIndexed((db) => listNetworkPolicies(db, orgId, cursor('networkPolicy')), {
        network_policies: 'network_policies_org_id',
      });
      await expectIndexed(
        (db) => listSecretsOfServiceAccount(db, newId('serviceAccount'), cursor('secret')),
        {
          service_account_secrets: 'secrets_service_account_id',
        },
      );
    },
  );

  it("reads a page of users' roles through the two primary keys", async () => {
    await expectIndexed((db) => listRolesOfUsers(db, [someUser, newId('user'), newId('user')]), {
      role_assignments: primaryKey(engine.engine, 'role_assignments', 'role_assignments_pk'),
      roles: primaryKey(engine.engine, 'roles'),
    });
  });

  it('reads the operator’s organizations in id order', async () => {
    const organizations = { organizations: primaryKey(engine.engine, 'organizations') };
    // The first page has no condition to search by: it walks the key from its start, in order.
    await expectIndexed((db) => listOrganizations(db, page), organizations, { walked: true });
    await expectIndexed((db) => listOrganizations(db, after('organization')), organizations);
  });

  const sorts: ServiceAccountSort[] = ['createdAt', '-createdAt', 'name', '-name'];
  it.each(sorts)(
    'reads organization service accounts sorted by %s through an index in that order, filtered or not',
    async (sort) => {
      const index = sort.endsWith('name')
        ? 'service_accounts_org_kind_name_id'
        : 'service_accounts_org_kind_id';
      for (const nameContains of [undefined, 'alp']) {
        for (const enabled of [undefined, true]) {
          for (const cursor of [undefined, saCursors.get(sort)]) {
            const query: ServiceAccountQuery = { limit: 100, sort, nameContains, enabled, cursor };
            await expectIndexed((db) => listServiceAccounts(db, orgId, query), { service_accounts: index });
          }
        }
      }
    },
  );

  it.each(['client_credential', 'access_key'] as const)(
    'reads one owner’s %s credentials through the owner index',
    async (kind) => {
      for (const cursor of [undefined, saCursors.get('createdAt')]) {
        await expectIndexed(
          (db) => listServiceAccounts(db, orgId, { limit: 100, ownerUserId: someUser, kind, cursor }),
          { service_accounts: 'service_accounts_owner_kind_id' },
        );
      }
    },
  );

  /** Every filter combination the audit routes can produce, with and without a cursor. */
  const auditCases: { filter: AuditFilter; before: string | undefined }[] = [];
  for (const targetId of [undefined, newId('serviceAccount')])
    for (const actorId of [undefined, newId('login')])
      for (const action of [undefined, 'token.issued', 'token.*'])
        for (const result of [undefined, 'failure'] as const)
          for (const [from, to] of [
            [undefined, undefined],
            [1_700_000_000_000, undefined],
            [undefined, 1_800_000_000_000],
            [1_700_000_000_000, 1_800_000_000_000],
          ])
            for (const before of [undefined, newId('auditEvent')])
              auditCases.push({ filter: { targetId, actorId, action, result, from, to }, before });

  function drivingIndex(filter: AuditFilter): string {
    if (filter.targetId) return 'audit_events_org_target_id';
    if (filter.actorId) return 'audit_events_org_actor_id';
    if (filter.action && !filter.action.endsWith('*')) return 'audit_events_org_action_id';
    if (filter.result) return 'audit_events_org_result_id';
    return 'audit_events_org_id';
  }

  it(`reads audit pages through the driving filter's (organization, column, id) index: ${auditCases.length} filter combinations`, async () => {
    for (const { filter, before } of auditCases) {
      const expected = { audit_events: drivingIndex(filter) };
      const source = (db: Db): AuditSource => ({ db, engine: engine.engine });
      const reader = { asAuditReader: true };
      await expectIndexed(
        (db) => queryAuditEvents(source(db), orgId, filter, { limit: 100, before }),
        expected,
        reader,
      );
      await expectIndexed((db) => readExportChunk(source(db), orgId, filter, before), expected, reader);
    }
  });

  it('keeps on audit_events only the indexes its reads go through: each one costs every issued token', async () => {
    const names =
      engine.engine === 'sqlite'
        ? await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'index' and tbl_name = 'audit_events' and name not like 'sqlite_autoindex_%'`.execute(
            database.db,
          )
        : await sql<{
            name: string;
          }>`select indexname as name from pg_indexes where schemaname = current_schema() and tablename = 'audit_events' and indexname <> 'audit_events_pkey'`.execute(
            database.db,
          );
    expect(names.rows.map((r) => r.name).sort()).toEqual([
      'audit_events_org_action_id',
      'audit_events_org_actor_id',
      'audit_events_org_id',
      'audit_events_org_result_id',
      'audit_events_org_target_id',
    ]);
  });
});
