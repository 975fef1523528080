import type fc from 'fast-check';
import { api, type JsonResponse } from './http-client.js';
import {
  type Cell,
  type Expected,
  expand,
  Gate,
  isSubset,
  linkGate,
  loginReactivationGate,
  type Model,
  minus,
  ok,
  type PersonM,
  reactivationGate,
  roleCells,
  serviceAccountGate,
  userOfServiceAccount,
} from './inheritance-model.js';
import type { TestServer } from './test-server.js';

/**
 * The operations of the model-based test (test/http/inheritance-model.test.ts): each asks the model what
 * the server must answer, sends the request, compares, and on success changes the model as the server
 * changed. Entities are picked by index modulo what exists when the step runs, so any sequence is valid.
 */
export const modelPassword = 'model person password';

export interface Real {
  server: TestServer;
  /** Basic credentials of a platform resource server that may introspect any organization's tokens. */
  introspector: string;
}

export const pick = <T>(items: readonly T[], index: number): T => items[index % items.length]!;
export const sameCells = (a: ReadonlySet<Cell>, b: ReadonlySet<Cell>) => isSubset(a, b) && isSubset(b, a);
export const show = (cells: ReadonlySet<Cell>) => JSON.stringify([...cells].sort());

// biome-ignore lint/suspicious/noExplicitAny: answers are read field by field, as in the other HTTP tests.
export type Answer = JsonResponse<any>;

function codeOf(response: Answer): string | undefined {
  const error = response.body?.error;
  return typeof error === 'string' ? error : error?.code;
}

/** How many steps ran and how often the server said yes and no, so a run that refuses everything shows. */
export const stats = { executed: 0, answers: new Map<number, number>() };

export function expectOutcome(what: string, expected: Expected, response: Answer): void {
  stats.answers.set(response.status, (stats.answers.get(response.status) ?? 0) + 1);
  if (response.status === expected.status && (!expected.code || codeOf(response) === expected.code)) return;
  throw new Error(
    `${what}: the model expects ${JSON.stringify(expected)}, the server answered ${response.status} ${JSON.stringify(response.body)}`,
  );
}

export function diverged(what: string, expected: unknown, actual: unknown): never {
  throw new Error(`${what}: the model expects ${String(expected)}, the server answered ${String(actual)}`);
}

export const call = (r: Real, caller: PersonM, method: string, path: string, body?: unknown) =>
  api(r.server.baseUrl, method, path, { token: caller.session, ...(body === undefined ? {} : { body }) });

export async function signIn(r: Real, email: string): Promise<string> {
  const response = await api(r.server.baseUrl, 'POST', '/api/v1/auth/login', {
    body: { email, password: modelPassword },
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email} failed: ${response.status}`);
  return response.body.accessToken;
}

export abstract class Step implements fc.AsyncCommand<Model, Real> {
  check(): boolean {
    return true;
  }
  async run(m: Model, r: Real): Promise<void> {
    stats.executed++;
    await this.apply(m, r);
  }
  protected abstract apply(m: Model, r: Real): Promise<void>;
  abstract toString(): string;
}

export class CreateRole extends Step {
  constructor(
    readonly actor: number,
    readonly items: string[],
  ) {
    super();
  }
  async apply(m: Model, r: Real) {
    const actor = pick(m.people, this.actor);
    const cells = expand(this.items);
    const expected = new Gate(m, actor).permission('portcullis.roles:create').within(cells).or(ok(201));
    const response = await call(r, actor, 'POST', '/api/v1/roles', {
      name: `role${m.names++}`,
      permissions: this.items,
    });
    expectOutcome(String(this), expected, response);
    if (response.status === 201) m.roles.push({ id: response.body.id, builtin: false, cells });
  }
  toString() {
    return `CreateRole(by ${this.actor}, ${this.items})`;
  }
}

export class UpdateRole extends Step {
  constructor(
    readonly actor: number,
    readonly role: number,
    readonly items: string[],
  ) {
    super();
  }
  async apply(m: Model, r: Real) {
    const actor = pick(m.people, this.actor);
    const role = pick(m.roles, this.role);
    const cells = expand(this.items);
    const expected = new Gate(m, actor)
      .permission('portcullis.roles:update')
      .conflict(role.builtin, 409, 'builtin_role_immutable')
      .within(minus(cells, role.cells))
      .or(ok());
    const response = await call(r, actor, 'PATCH', `/api/v1/roles/${role.id}`, { permissions: this.items });
    expectOutcome(String(this), expected, response);
    if (response.status === 200) role.cells = cells;
  }
  toString() {
    return `UpdateRole(by ${this.actor}, role ${this.role}, ${this.items})`;
  }
}

export class DeleteRole extends Step {
  constructor(
    readonly actor: number,
    readonly role: number,
  ) {
    super();
  }
  async apply(m: Model, r: Real) {
    const actor = pick(m.people, this.actor);
    const role = pick(m.roles, this.role);
    const expected = new Gate(m, actor)
      .permission('portcullis.roles:delete')
      .conflict(role.builtin, 409, 'builtin_role_immutable')
      .or(ok(204));
    const response = await call(r, actor, 'DELETE', `/api/v1/roles/${role.id}`);
    expectOutcome(String(this), expected, response);
    if (response.status !== 204) return;
    m.roles = m.roles.filter((x) => x !== role);
    for (const user of m.users) user.roleIds.delete(role.id);
  }
  toString() {
    return `DeleteRole(by ${this.actor}, role ${this.role})`;
  }
}

export class ChangeRoleGrant extends Step {
  constructor(
    readonly actor: number,
    readonly user: number,
    readonly role: number,
    readonly grant: boolean,
  ) {
    super();
  }
  async apply(m: Model, r: Real) {
    const actor = pick(m.people, this.actor);
    const user = pick(m.users, this.user);
    const role = pick(m.roles, this.role);
    const gate = new Gate(m, actor).permission('portcullis.users:update');
    if (this.grant) gate.within(role.cells);
    const path = `/api/v1/users/${user.id}/roles/${role.id}`;
    const response = await call(r, actor, this.grant ? 'PUT' : 'DELETE', path);
    expectOutcome(String(this), gate.or(ok()), response);
    if (response.status !== 200) return;
    if (this.grant) user.roleIds.add(role.id);
    else user.roleIds.delete(role.id);
  }
  toString() {
    return `${this.grant ? 'Grant' : 'Revoke'}Role(by ${this.actor}, user ${this.user}, role ${this.role})`;
  }
}

export class SetUserActive extends Step {
  constructor(
    readonly actor: number,
    readonly user: number,
    readonly active: boolean,
  ) {
    super();
  }
  async apply(m: Model, r: Real) {
    const actor = pick(m.people, this.actor);
    const user = pick(m.users, this.user);
    const gate = new Gate(m, actor).permission('portcullis.users:update');
    if (this.active && !user.active) reactivationGate(gate, user);
    const response = await call(r, actor, 'PATCH', `/api/v1/users/${user.id}`, { active: this.active });
    expectOutcome(String(this), gate.or(ok()), response);
    if (response.status === 200) user.active = this.active;
  }
  toString() {
    return `SetUserActive(by ${this.actor}, user ${this.user}, ${this.active})`;
  }
}

/** Users tied to no login: those of service accounts, and spare ones tied to nothing. */
const machineUsers = (m: Model) => m.users.filter((u) => !u.loginKey);

export class LinkUser extends Step {
  constructor(
    readonly actor: number,
    readonly user: number,
    readonly serviceAccount: number | null,
  ) {
    super();
  }
  async apply(m: Model, r: Real) {
    const actor = pick(m.people, this.actor);
    const candidates = machineUsers(m);
    if (candidates.length === 0) return;
    const user = pick(candidates, this.user);
    const sa = this.serviceAccount === null ? undefined : pick(m.serviceAccounts, this.serviceAccount);
    const gate = new Gate(m, actor).permission('portcullis.users:update');
    if (sa && sa.id !== user.serviceAccountId) {
      gate.conflict(userOfServiceAccount(m, sa.id) !== undefined, 409, 'service_account_already_linked');
      linkGate(gate, sa, roleCells(m, user));
    }
    const response = await call(r, actor, 'PATCH', `/api/v1/users/${user.id}`, {
      serviceAccountId: sa?.id ?? null,
    });
    expectOutcome(String(this), gate.or(ok()), response);
    if (response.status === 200) user.serviceAccountId = sa?.id ?? null;
  }
  toString() {
    return this.serviceAccount === null
      ? `UnlinkUser(by ${this.actor}, machine user ${this.user})`
      : `LinkUser(by ${this.actor}, machine user ${this.user}, service account ${this.serviceAccount})`;
  }
}

export class DeleteMachineUser extends Step {
  constructor(
    readonly actor: number,
    readonly user: number,
  ) {
    super();
  }
  async apply(m: Model, r: Real) {
    const actor = pick(m.people, this.actor);
    const candidates = machineUsers(m);
    if (candidates.length === 0) return;
    const user = pick(candidates, this.user);
    const expected = new Gate(m, actor).permission('portcullis.users:delete').or(ok(204));
    const response = await call(r, actor, 'DELETE', `/api/v1/users/${user.id}`);
    expectOutcome(String(this), expected, response);
    if (response.status === 204) m.users = m.users.filter((u) => u !== user);
  }
  toString() {
    return `DeleteMachineUser(by ${this.actor}, machine user ${this.user})`;
  }
}

export class CreateCredential extends Step {
  constructor(
    readonly actor: number,
    readonly items: string[],
  ) {
    super();
  }
  async apply(m: Model, r: Real) {
    const actor = pick(m.people, this.actor);
    const cells = expand(this.items);
    const expected = new Gate(m, actor)
      .permission('portcullis.client_credentials:create')
      .within(cells)
      .or(ok(201));
    const response = await call(r, actor, 'POST', '/api/v1/client-credentials', {
      name: `credential${m.names++}`,
      permissions: this.items,
    });
    expectOutcome(String(this), expected, response);
    if (response.status !== 201) return;
    const { clientId, clientSecret } = response.body;
    m.credentials.push({ id: clientId, secret: clientSecret, ownerKey: actor.key, granted: cells });
  }
  toString() {
    return `CreateCredential(by ${this.actor}, ${this.items})`;
  }
}

export class UpdateCredential extends Step {
  constructor(
    readonly credential: number,
    readonly items: string[],
  ) {
    super();
  }
  async apply(m: Model, r: Real) {
    if (m.credentials.length === 0) return;
    const credential = pick(m.credentials, this.credential);
    const owner = m.people.find((p) => p.key === credential.ownerKey)!;
    const cells = expand(this.items);
    const expected = new Gate(m, owner)
      .permission('portcullis.client_credentials:update')
      .within(cells)
      .or(ok());
    const response = await call(r, owner, 'PATCH', `/api/v1/client-credentials/${credential.id}`, {
      permissions: this.items,
    });
    expectOutcome(String(this), expected, response);
    if (response.status === 200) credential.granted = cells;
  }
  toString() {
    return `UpdateCredential(credential ${this.credential} by its owner, ${this.items})`;
  }
}

export class GenerateSecret extends Step {
  constructor(
    readonly actor: number,
    readonly serviceAccount: number,
  ) {
    super();
  }
  async apply(m: Model, r: Real) {
    const actor = pick(m.people, this.actor);
    const sa = pick(m.serviceAccounts, this.serviceAccount);
    const gate = new Gate(m, actor).permission('portcullis.service_accounts:update');
    serviceAccountGate(gate, sa);
    const response = await call(r, actor, 'POST', `/api/v1/service-accounts/${sa.id}/secrets`);
    expectOutcome(String(this), gate.or(ok(201)), response);
    if (response.status !== 201) return;
    sa.secret = response.body.clientSecret;
    const token = m.tokens.get(sa.id);
    if (token) token.voided = true;
  }
  toString() {
    return `GenerateSecret(by ${this.actor}, service account ${this.serviceAccount})`;
  }
}

export class SetServiceAccountEnabled extends Step {
  constructor(
    readonly actor: number,
    readonly serviceAccount: number,
    readonly enabled: boolean,
  ) {
    super();
  }
  async apply(m: Model, r: Real) {
    const actor = pick(m.people, this.actor);
    const sa = pick(m.serviceAccounts, this.serviceAccount);
    const gate = new Gate(m, actor).permission('portcullis.service_accounts:update');
    if (this.enabled && !sa.enabled) serviceAccountGate(gate, sa);
    const response = await call(r, actor, 'PATCH', `/api/v1/service-accounts/${sa.id}`, {
      enabled: this.enabled,
    });
    expectOutcome(String(this), gate.or(ok()), response);
    if (response.status === 200) sa.enabled = this.enabled;
  }
  toString() {
    return `SetServiceAccountEnabled(by ${this.actor}, service account ${this.serviceAccount}, ${this.enabled})`;
  }
}

/** The organization's first admin (people[0]) is never the target: someone must stay able to act. */
const otherPeople = (m: Model) => m.people.slice(1);

export class SetOrganizationAdmin extends Step {
  constructor(
    readonly actor: number,
    readonly person: number,
    readonly flag: boolean,
  ) {
    super();
  }
  async apply(m: Model, r: Real) {
    const actor = pick(m.people, this.actor);
    const person = pick(otherPeople(m), this.person);
    const gate = new Gate(m, actor).permission('portcullis.logins:update');
    if (this.flag) gate.organizationAdmin();
    const response = await call(r, actor, 'PATCH', `/api/v1/logins/${person.loginId}`, {
      isOrganizationAdmin: this.flag,
    });
    expectOutcome(String(this), gate.or(ok()), response);
    if (response.status === 200) person.isOrganizationAdmin = this.flag;
  }
  toString() {
    return `SetOrganizationAdmin(by ${this.actor}, person ${this.person}, ${this.flag})`;
  }
}

export class SetLoginActive extends Step {
  constructor(
    readonly actor: number,
    readonly person: number,
    readonly active: boolean,
  ) {
    super();
  }
  async apply(m: Model, r: Real) {
    const actor = pick(m.people, this.actor);
    const person = pick(otherPeople(m), this.person);
    const gate = new Gate(m, actor).permission('portcullis.logins:update');
    const reactivated = this.active && !person.loginActive;
    if (reactivated) loginReactivationGate(gate, person);
    const response = await call(r, actor, 'PATCH', `/api/v1/logins/${person.loginId}`, {
      active: this.active,
    });
    expectOutcome(String(this), gate.or(ok()), response);
    if (response.status !== 200) return;
    person.loginActive = this.active;
    if (reactivated) person.session = await signIn(r, person.email);
  }
  toString() {
    return `SetLoginActive(by ${this.actor}, person ${this.person}, ${this.active})`;
  }
}
