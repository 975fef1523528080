import { actions, demoCatalog } from '@portcullis/core/permissions';

/**
 * A reference model of who may do what, written apart from the server's code: permission sets are plain sets
 * of `resource:action` cells, and each rule is restated here from decision 0006 as the model-based test
 * (test/http/inheritance-model.test.ts) drives it. Only the catalog's list of resources is shared.
 */
export type Cell = string;

const resources = demoCatalog.resources.map((r) => r.id);
export const allCells: ReadonlySet<Cell> = new Set(resources.flatMap((r) => actions.map((a) => `${r}:${a}`)));

/** `resource:action` items, `*` on either side, to the cells they cover. */
export function expand(items: readonly string[]): Set<Cell> {
  const cells = new Set<Cell>();
  for (const item of items) {
    const colon = item.lastIndexOf(':');
    const resource = item.slice(0, colon);
    const action = item.slice(colon + 1);
    for (const r of resource === '*' ? resources : [resource]) {
      for (const a of action === '*' ? actions : [action]) cells.add(`${r}:${a}`);
    }
  }
  return cells;
}

export const scopeCells = (scope: string): Set<Cell> => expand(scope.split(/\s+/).filter(Boolean));

export const isSubset = (a: ReadonlySet<Cell>, b: ReadonlySet<Cell>) => [...a].every((c) => b.has(c));
export const minus = (a: ReadonlySet<Cell>, b: ReadonlySet<Cell>) => new Set([...a].filter((c) => !b.has(c)));
export const intersect = (a: ReadonlySet<Cell>, b: ReadonlySet<Cell>) =>
  new Set([...a].filter((c) => b.has(c)));
export const union = (...sets: ReadonlySet<Cell>[]) => new Set(sets.flatMap((s) => [...s]));

export interface RoleM {
  id: string;
  builtin: boolean;
  cells: Set<Cell>;
}

export interface UserM {
  id: string;
  roleIds: Set<string>;
  active: boolean;
  loginKey: string | null;
  serviceAccountId: string | null;
}

export interface PersonM {
  key: string;
  loginId: string;
  email: string;
  userId: string;
  isOrganizationAdmin: boolean;
  loginActive: boolean;
  /** The latest session token; a new one is obtained when the login is reactivated. */
  session: string;
}

export interface ServiceAccountM {
  id: string;
  secret: string;
  isOrganizationAdmin: boolean;
  enabled: boolean;
}

export interface CredentialM {
  id: string;
  secret: string;
  ownerKey: string;
  granted: Set<Cell>;
}

export interface TokenM {
  token: string;
  claim: Set<Cell>;
  /** Made void for good: its service account's secret was regenerated since. */
  voided: boolean;
}

export interface Model {
  roles: RoleM[];
  users: UserM[];
  /** people[0] is the organization's first admin. */
  people: PersonM[];
  serviceAccounts: ServiceAccountM[];
  credentials: CredentialM[];
  /** The latest token of each client id. */
  tokens: Map<string, TokenM>;
  /** Names handed out so far, for unique role and credential names. */
  names: number;
}

/** A refusal the server must give, or success. */
export type Expected = { status: number; code?: string };
export const ok = (status = 200): Expected => ({ status });
export const refused = (status: number, code: string): Expected => ({ status, code });

export const userById = (m: Model, id: string) => m.users.find((u) => u.id === id)!;
export const personByKey = (m: Model, key: string) => m.people.find((p) => p.key === key)!;
export const userOfServiceAccount = (m: Model, saId: string) =>
  m.users.find((u) => u.serviceAccountId === saId);

export function roleCells(m: Model, user: UserM): Set<Cell> {
  return union(...[...user.roleIds].map((id) => m.roles.find((r) => r.id === id)!.cells));
}

/** A person's rights in the default account: everything for an organization admin, else their user's roles. */
export function personRights(m: Model, p: PersonM): Set<Cell> {
  if (!p.loginActive) return new Set();
  if (p.isOrganizationAdmin) return new Set(allCells);
  const user = userById(m, p.userId);
  return user.active ? roleCells(m, user) : new Set();
}

/** Why a client cannot obtain a token now, or its effective permissions (granted ∩ its user's rights). */
export type ClientState = { acts: true; cells: Set<Cell> } | { acts: false; refusal: Expected };

export function serviceAccountState(m: Model, sa: ServiceAccountM): ClientState {
  if (!sa.enabled) return { acts: false, refusal: refused(401, 'invalid_client') };
  const user = userOfServiceAccount(m, sa.id);
  if (!user) return { acts: false, refusal: refused(400, 'unauthorized_client') };
  if (!user.active) return { acts: false, refusal: refused(401, 'invalid_client') };
  return { acts: true, cells: sa.isOrganizationAdmin ? new Set(allCells) : roleCells(m, user) };
}

export function credentialState(m: Model, c: CredentialM): ClientState {
  const owner = personByKey(m, c.ownerKey);
  const user = userById(m, owner.userId);
  if (!owner.loginActive || !user.active) return { acts: false, refusal: refused(401, 'invalid_client') };
  const held = owner.isOrganizationAdmin ? new Set(allCells) : roleCells(m, user);
  return { acts: true, cells: intersect(c.granted, held) };
}

export function clientState(m: Model, clientId: string): ClientState {
  const sa = m.serviceAccounts.find((s) => s.id === clientId);
  return sa ? serviceAccountState(m, sa) : credentialState(m, m.credentials.find((c) => c.id === clientId)!);
}

/**
 * The checks a caller meets, in the order the server makes them; the first that fails is the answer. An
 * inactive caller's session no longer authenticates.
 */
export class Gate {
  private readonly rights: Set<Cell>;
  verdict: Expected | undefined;

  constructor(
    private readonly m: Model,
    private readonly caller: PersonM,
  ) {
    this.rights = personRights(m, caller);
    if (!caller.loginActive) this.verdict = refused(401, 'unauthenticated');
  }

  permission(cell: Cell): this {
    if (!this.verdict && !this.rights.has(cell)) this.verdict = refused(403, 'permission_denied');
    return this;
  }

  within(cells: ReadonlySet<Cell>): this {
    if (!this.verdict && !isSubset(cells, this.rights))
      this.verdict = refused(403, 'permission_exceeds_grantor');
    return this;
  }

  /** Handing out the organization-admin flag, or anything an organization-admin service account can do. */
  organizationAdmin(): this {
    if (!this.verdict && !(this.caller.isOrganizationAdmin && this.caller.loginActive)) {
      this.verdict = refused(403, 'permission_exceeds_grantor');
    }
    return this;
  }

  conflict(when: boolean, status: number, code: string): this {
    if (!this.verdict && when) this.verdict = refused(status, code);
    return this;
  }

  or(success: Expected): Expected {
    return this.verdict ?? success;
  }

  get model(): Model {
    return this.m;
  }
}

/** What a service account hands on through its user (everything, when it is an organization admin). */
export function linkGate(gate: Gate, sa: ServiceAccountM, userCells: ReadonlySet<Cell>): void {
  if (sa.isOrganizationAdmin) gate.organizationAdmin();
  else gate.within(userCells);
}

/** Reactivating a user gives its roles back to what acts through it; an organization admin's credentials get what they were granted. */
export function reactivationGate(gate: Gate, user: UserM): void {
  const m = gate.model;
  let handed = roleCells(m, user);
  const sa = user.serviceAccountId
    ? m.serviceAccounts.find((s) => s.id === user.serviceAccountId)
    : undefined;
  if (sa) linkGate(gate, sa, handed);
  const owner = user.loginKey ? personByKey(m, user.loginKey) : undefined;
  if (owner?.isOrganizationAdmin) {
    for (const c of m.credentials.filter((c) => c.ownerKey === owner.key)) handed = union(handed, c.granted);
  }
  gate.within(handed);
}

/** What a service account could do through its active user: handed on with a secret or by enabling it. */
export function serviceAccountGate(gate: Gate, sa: ServiceAccountM): void {
  const m = gate.model;
  if (sa.isOrganizationAdmin) gate.organizationAdmin();
  const user = userOfServiceAccount(m, sa.id);
  const rights = !user?.active
    ? new Set<Cell>()
    : sa.isOrganizationAdmin
      ? new Set(allCells)
      : roleCells(m, user);
  gate.within(rights);
}

/** Reactivating a login gives back what the person held. */
export function loginReactivationGate(gate: Gate, p: PersonM): void {
  const m = gate.model;
  if (p.isOrganizationAdmin) {
    gate.organizationAdmin();
    return;
  }
  const user = userById(m, p.userId);
  gate.within(user.active ? roleCells(m, user) : new Set());
}
