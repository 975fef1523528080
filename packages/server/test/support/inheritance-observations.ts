import { api, tokenRequest } from './http-client.js';
import {
  type Cell,
  clientState,
  expand,
  intersect,
  type Model,
  minus,
  ok,
  personRights,
  scopeCells,
} from './inheritance-model.js';
import {
  type Answer,
  call,
  diverged,
  expectOutcome,
  pick,
  type Real,
  Step,
  sameCells,
  show,
} from './inheritance-steps.js';

/**
 * A client (service account or personal credential): optionally a new token, whose scope must be what the
 * model says it may do; then its latest token is introspected and asked about, and both must reflect what
 * it may do now, narrowed by the token's own scope.
 */
export class ObserveClient extends Step {
  constructor(
    readonly client: number,
    readonly issue: boolean,
    readonly asked: string[],
  ) {
    super();
  }
  async apply(m: Model, r: Real) {
    const clients = [...m.serviceAccounts, ...m.credentials];
    const client = pick(clients, this.client);
    const state = clientState(m, client.id);
    const what = `${String(this)} [${client.id}]`;
    if (this.issue) {
      const issued = await tokenRequest(r.server.baseUrl, {
        grant_type: 'client_credentials',
        client_id: client.id,
        client_secret: client.secret,
      });
      if (!state.acts) {
        expectOutcome(`${what}: token`, state.refusal, issued);
      } else {
        expectOutcome(`${what}: token`, ok(), issued);
        const scope = scopeCells(issued.body.scope);
        if (!sameCells(scope, state.cells)) diverged(`${what}: token scope`, show(state.cells), show(scope));
        m.tokens.set(client.id, { token: issued.body.access_token, claim: state.cells, voided: false });
      }
    }
    const token = m.tokens.get(client.id);
    if (!token) return;
    const live = state.acts && !token.voided;
    const now = live ? intersect(token.claim, state.cells) : new Set<Cell>();
    const introspected = await api(r.server.baseUrl, 'POST', '/oauth/introspect', {
      headers: { authorization: r.introspector, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: token.token }).toString(),
    });
    if (introspected.body.active !== live)
      diverged(`${what}: introspection active`, live, introspected.body.active);
    if (live && !sameCells(scopeCells(introspected.body.scope), now)) {
      diverged(`${what}: introspection scope`, show(now), introspected.body.scope);
    }
    const authorized = await api(r.server.baseUrl, 'POST', '/api/v1/authorize', {
      token: token.token,
      body: { permissions: this.asked },
    });
    compareAuthorize(`${what}: authorize`, live, now, this.asked, authorized);
  }
  toString() {
    return `ObserveClient(${this.client}, ${this.issue ? 'new token' : 'latest token'}, asks ${this.asked})`;
  }
}

function compareAuthorize(
  what: string,
  live: boolean,
  held: ReadonlySet<Cell>,
  asked: readonly string[],
  response: Answer,
): void {
  if (!live) {
    expectOutcome(what, { status: 401, code: 'unauthenticated' }, response);
    return;
  }
  const missing = minus(expand(asked), held);
  expectOutcome(what, ok(), response);
  if (response.body.allowed !== (missing.size === 0) || !sameCells(new Set(response.body.missing), missing)) {
    diverged(what, `missing ${show(missing)}`, JSON.stringify(response.body));
  }
}

export class ObservePerson extends Step {
  constructor(
    readonly person: number,
    readonly asked: string[],
  ) {
    super();
  }
  async apply(m: Model, r: Real) {
    const person = pick(m.people, this.person);
    const response = await call(r, person, 'POST', '/api/v1/authorize', { permissions: this.asked });
    compareAuthorize(String(this), person.loginActive, personRights(m, person), this.asked, response);
  }
  toString() {
    return `ObservePerson(${this.person}, asks ${this.asked})`;
  }
}
