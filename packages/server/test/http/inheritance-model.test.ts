import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemCaller } from '../../src/services/context.js';
import { createLogin } from '../../src/services/logins/create-login.js';
import { createOrganizationWithAdmin } from '../../src/services/organizations/create-organization-with-admin.js';
import { describeOnEachEngine } from '../support/engines.js';
import { adminToken, api, basicAuthorization, createUsableServiceAccount } from '../support/http-client.js';
import { expand, type Model } from '../support/inheritance-model.js';
import { ObserveClient, ObservePerson } from '../support/inheritance-observations.js';
import {
  ChangeRoleGrant,
  CreateCredential,
  CreateRole,
  DeleteMachineUser,
  DeleteRole,
  GenerateSecret,
  LinkUser,
  modelPassword as password,
  type Real,
  SetLoginActive,
  SetOrganizationAdmin,
  SetServiceAccountEnabled,
  SetUserActive,
  signIn,
  stats,
  UpdateCredential,
  UpdateRole,
} from '../support/inheritance-steps.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Random sequences of every operation that gives or takes rights, driven through the HTTP API against a
 * reference model of the inheritance and grantor rules (test/support/inheritance-model.ts). After each
 * operation the server's answer must be the model's; observations compare token scopes, /api/v1/authorize
 * answers and introspection results with what the model says each credential and person may do.
 *
 * PORTCULLIS_MODEL_RUNS and PORTCULLIS_MODEL_COMMANDS size it; PORTCULLIS_MODEL_SEED replays a failure.
 */
const runs = Number(process.env.PORTCULLIS_MODEL_RUNS ?? 15);
const maxCommands = Number(process.env.PORTCULLIS_MODEL_COMMANDS ?? 200);
const seed = Number(process.env.PORTCULLIS_MODEL_SEED ?? Date.now() % 2_147_483_647);

/** The administrative permissions the operations below need: the "ops" role holds them all. */
const gatingItems = [
  'portcullis.users:*',
  'portcullis.roles:create',
  'portcullis.roles:update',
  'portcullis.service_accounts:update',
  'portcullis.client_credentials:create',
  'portcullis.client_credentials:update',
  'portcullis.logins:update',
];
/** Items roles and credentials are made of: platform permissions and the administrative ones that gate. */
const itemPool = [
  '*:get',
  '*:list',
  'incidents:*',
  'incidents:get',
  'incidents:update',
  'findings:list',
  'findings:*',
  'search:create',
  'actions:run',
  'portcullis.users:update',
  ...gatingItems,
];
const askedPool = [
  'incidents:get',
  'incidents:update',
  'findings:list',
  'findings:delete',
  'search:create',
  'actions:run',
  'portcullis.users:update',
  'portcullis.roles:create',
];

const index = fc.nat(20);
const items = fc.subarray(itemPool, { minLength: 1, maxLength: 4 });
const asked = fc.subarray(askedPool, { minLength: 1, maxLength: 3 });
const commands = [
  fc.tuple(index, items).map(([a, i]) => new CreateRole(a, i)),
  fc.tuple(index, index, items).map(([a, role, i]) => new UpdateRole(a, role, i)),
  fc.tuple(index, index).map(([a, role]) => new DeleteRole(a, role)),
  fc.tuple(index, index, index, fc.boolean()).map(([a, u, role, g]) => new ChangeRoleGrant(a, u, role, g)),
  fc.tuple(index, index, index).map(([a, u, role]) => new ChangeRoleGrant(a, u, role, true)),
  fc.tuple(index, index, fc.boolean()).map(([a, u, active]) => new SetUserActive(a, u, active)),
  fc.tuple(index, index, fc.option(index, { nil: null })).map(([a, u, sa]) => new LinkUser(a, u, sa)),
  fc.tuple(index, index).map(([a, u]) => new DeleteMachineUser(a, u)),
  fc.tuple(index, items).map(([a, i]) => new CreateCredential(a, i)),
  fc.tuple(index, items).map(([c, i]) => new UpdateCredential(c, i)),
  fc.tuple(index, index).map(([a, sa]) => new GenerateSecret(a, sa)),
  fc.tuple(index, index, fc.boolean()).map(([a, sa, e]) => new SetServiceAccountEnabled(a, sa, e)),
  fc.tuple(index, index, fc.boolean()).map(([a, p, f]) => new SetOrganizationAdmin(a, p, f)),
  fc.tuple(index, index, fc.boolean()).map(([a, p, active]) => new SetLoginActive(a, p, active)),
  ...Array.from({ length: 3 }, () =>
    fc.tuple(index, fc.boolean(), asked).map(([c, issue, q]) => new ObserveClient(c, issue, q)),
  ),
  fc.tuple(index, asked).map(([p, q]) => new ObservePerson(p, q)),
];

describeOnEachEngine('the inheritance rule against a model on $engine', (engine) => {
  let server: TestServer;
  let introspector: string;
  let organizations = 0;

  beforeAll(async () => {
    server = await startTestServer(engine);
    const operator = await adminToken(server.baseUrl);
    const client = await createUsableServiceAccount(server.baseUrl, operator, 'model-introspector');
    await api(server.baseUrl, 'PATCH', `/api/v1/service-accounts/${client.clientId}`, {
      token: operator,
      body: { platformIntrospection: true },
    });
    const role = await api(server.baseUrl, 'POST', '/api/v1/roles', {
      token: operator,
      body: { name: 'model-introspection', permissions: ['portcullis.introspection:run'] },
    });
    const users = (await api(server.baseUrl, 'GET', '/api/v1/users', { token: operator })).body.items;
    const user = users.find(
      (u: { serviceAccountId: string | null }) => u.serviceAccountId === client.clientId,
    );
    await api(server.baseUrl, 'PUT', `/api/v1/users/${user.id}/roles/${role.body.id}`, { token: operator });
    introspector = basicAuthorization(client);
  });
  afterAll(async () => server?.close());

  /** A fresh organization per run: its admin, three people, three service accounts, two spare users. */
  async function setup(): Promise<{ model: Model; real: Real }> {
    const real: Real = { server, introspector };
    const { ctx } = server.portcullis;
    const name = `model${organizations++}`;
    const adminEmail = `admin@${name}.example`;
    const org = await createOrganizationWithAdmin(ctx, systemCaller(), {
      name,
      programmaticAccessAvailable: true,
      programmaticAccessEnabled: true,
      admin: { email: adminEmail, name: 'Admin', password },
    });
    const adminSession = await signIn(real, adminEmail);
    const as = (method: string, path: string, body?: unknown) =>
      api(server.baseUrl, method, path, { token: adminSession, ...(body === undefined ? {} : { body }) });
    const builtin = (await as('GET', '/api/v1/roles')).body.items as {
      id: string;
      name: string;
      permissions: string[];
    }[];
    const model: Model = {
      roles: builtin.map((r) => ({ id: r.id, builtin: true, cells: expand(r.permissions) })),
      users: [],
      people: [],
      serviceAccounts: [],
      credentials: [],
      tokens: new Map(),
      names: 0,
    };
    const roleNamed = (n: string) =>
      model.roles.find((r) => r.id === builtin.find((b) => b.name === n)?.id)!.id;
    const customRole = async (roleName: string, permissions: string[]) => {
      const created = await as('POST', '/api/v1/roles', { name: roleName, permissions });
      model.roles.push({ id: created.body.id, builtin: false, cells: expand(permissions) });
      return created.body.id as string;
    };
    const ops = await customRole('ops', [...gatingItems, 'incidents:*', 'findings:list']);
    const reader = await customRole('reader', ['incidents:get', 'incidents:list', 'search:create']);

    const adminLogin = (await as('GET', '/api/v1/logins')).body.items[0];
    const adminUser = (await as('GET', '/api/v1/users')).body.items[0];
    model.users.push({
      id: adminUser.id,
      roleIds: new Set(adminUser.roleIds),
      active: true,
      loginKey: 'p0',
      serviceAccountId: null,
    });
    model.people.push({
      key: 'p0',
      loginId: adminLogin.id,
      email: adminEmail,
      userId: adminUser.id,
      isOrganizationAdmin: true,
      loginActive: true,
      session: adminSession,
    });
    for (const [n, roleIds] of [[ops], [reader], [roleNamed('Read only')]].entries()) {
      const key = `p${n + 1}`;
      const email = `${key}@${name}.example`;
      const login = await createLogin(ctx, systemCaller(), {
        organizationId: org.id,
        email,
        name: key,
        password,
      });
      const user = await as('POST', '/api/v1/users', { name: key, loginId: login.id, roleIds });
      model.users.push({
        id: user.body.id,
        roleIds: new Set(roleIds),
        active: true,
        loginKey: key,
        serviceAccountId: null,
      });
      model.people.push({
        key,
        loginId: login.id,
        email,
        userId: user.body.id,
        isOrganizationAdmin: false,
        loginActive: true,
        session: await signIn(real, email),
      });
    }
    for (const [n, [isOrganizationAdmin, roleIds]] of (
      [
        [false, [reader]],
        [true, null],
        [false, [roleNamed('Admin')]],
      ] as const
    ).entries()) {
      const sa = await as('POST', '/api/v1/service-accounts', { name: `sa${n}`, isOrganizationAdmin });
      const secret = await as('POST', `/api/v1/service-accounts/${sa.body.id}/secrets`);
      model.serviceAccounts.push({
        id: sa.body.id,
        secret: secret.body.clientSecret,
        isOrganizationAdmin,
        enabled: true,
      });
      if (roleIds) {
        const user = await as('POST', '/api/v1/users', {
          name: `sa${n}_user`,
          serviceAccountId: sa.body.id,
          roleIds,
        });
        model.users.push({
          id: user.body.id,
          roleIds: new Set(roleIds),
          active: true,
          loginKey: null,
          serviceAccountId: sa.body.id,
        });
      }
    }
    for (const [n, roleIds] of [[roleNamed('Admin')], [reader]].entries()) {
      const user = await as('POST', '/api/v1/users', { name: `spare${n}`, roleIds });
      model.users.push({
        id: user.body.id,
        roleIds: new Set(roleIds),
        active: true,
        loginKey: null,
        serviceAccountId: null,
      });
    }
    return { model, real };
  }

  it('agrees with the model on every answer, token scope, authorization and introspection', async () => {
    stats.executed = 0;
    stats.answers.clear();
    process.stdout.write(`inheritance model on ${engine.engine}: seed ${seed}\n`);
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands, size: 'max' }), (steps) =>
        fc.asyncModelRun(setup, steps),
      ),
      { numRuns: runs, seed, endOnFailure: true },
    );
    const answers = [...stats.answers].sort(([a], [b]) => a - b).map(([status, n]) => `${n} × ${status}`);
    process.stdout.write(
      `inheritance model on ${engine.engine}: ${stats.executed} operations in ${runs} runs, no divergence (${answers.join(', ')})\n`,
    );
    expect(stats.executed).toBeGreaterThan(runs);
    expect(stats.answers.get(200)).toBeGreaterThan(0);
    expect(stats.answers.get(403)).toBeGreaterThan(0);
  }, 900_000);
});
