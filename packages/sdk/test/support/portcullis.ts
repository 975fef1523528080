import { enginesUnderTest, type TestDatabase } from '../../../server/test/support/engines.js';
import {
  adminToken,
  api,
  basicAuthorization,
  type ClientPair,
  clientCredentialsToken,
  createResourceServer,
  createUsableServiceAccount,
} from '../../../server/test/support/http-client.js';
import { startTestServer, type TestServer } from '../../../server/test/support/test-server.js';
import { createVerifier, type Logger, type Verifier, type VerifierOptions } from '../../src/index.js';

/**
 * The SDK's suites run against a real Portcullis on SQLite only: the SDK sees nothing but HTTP, and the
 * feed's behaviour on each engine is the server's suites' to prove.
 */
export const sqlite = enginesUnderTest().find((e) => e.engine === 'sqlite')!;

/** The platform API's audience, and another the organization issues for (a token for it is refused here). */
export const audience = 'https://api.firetail.example';
export const otherAudience = 'https://other.firetail.example';

export function startPortcullis(
  env: Record<string, string> = {},
  database?: TestDatabase,
): Promise<TestServer> {
  return startTestServer(sqlite, env, database);
}

/** A credential of the platform's: its client id and secret, its user, and the role it was given. */
export interface Credential extends ClientPair {
  userId: string;
  roleId: string;
}

/** An organization's administrator's moves, over Portcullis's API. */
export class Administrator {
  private constructor(
    readonly server: TestServer,
    readonly token: string,
  ) {}

  /** Signs in as the bootstrap administrator and lets the organization issue tokens for the platform API. */
  static async of(server: TestServer): Promise<Administrator> {
    const token = await adminToken(server.baseUrl);
    const updated = await api(server.baseUrl, 'PATCH', '/api/v1/organization', {
      token,
      body: { allowedAudiences: [audience, otherAudience] },
    });
    if (updated.status !== 200) throw new Error(`setting the audiences failed: ${updated.status}`);
    return new Administrator(server, token);
  }

  /** A service account whose user holds the built-in role `roleName` ('Admin', 'Read only') or a new one. */
  async credential(name: string, role: string | { permissions: string[] }): Promise<Credential> {
    const { baseUrl } = this.server;
    const client = await createUsableServiceAccount(baseUrl, this.token, name);
    const roles = (await api(baseUrl, 'GET', '/api/v1/roles', { token: this.token })).body.items;
    const roleId =
      typeof role === 'string'
        ? roles.find((r: { name: string }) => r.name === role).id
        : (
            await api(baseUrl, 'POST', '/api/v1/roles', {
              token: this.token,
              body: { name: `${name}-role`, ...role },
            })
          ).body.id;
    const users = (await api(baseUrl, 'GET', '/api/v1/users', { token: this.token })).body.items;
    const user = users.find(
      (u: { serviceAccountId: string | null }) => u.serviceAccountId === client.clientId,
    );
    const granted = await api(baseUrl, 'PUT', `/api/v1/users/${user.id}/roles/${roleId}`, {
      token: this.token,
    });
    if (granted.status !== 200) throw new Error(`granting ${JSON.stringify(role)} failed: ${granted.status}`);
    return { ...client, userId: user.id, roleId };
  }

  resourceServer(name: string): Promise<ClientPair> {
    return createResourceServer(this.server.baseUrl, this.token, name);
  }

  tokenOf(client: ClientPair, forAudience = audience): Promise<string> {
    return clientCredentialsToken(this.server.baseUrl, client, { audience: forAudience });
  }

  /** RFC 7009 revocation by the client the token was issued to. */
  async revoke(client: ClientPair, token: string): Promise<void> {
    const response = await fetch(`${this.server.baseUrl}/oauth/revoke`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basicAuthorization(client),
      },
      body: new URLSearchParams({ token }).toString(),
    });
    if (response.status !== 200) throw new Error(`revocation failed: ${response.status}`);
  }

  /** Takes the credential's role away from its user: a downgrade, written to the feed as a subject event. */
  async downgrade(credential: Credential): Promise<void> {
    const response = await api(
      this.server.baseUrl,
      'DELETE',
      `/api/v1/users/${credential.userId}/roles/${credential.roleId}`,
      { token: this.token },
    );
    if (response.status !== 200) throw new Error(`revoking the role failed: ${response.status}`);
  }
}

/** Log lines the SDK wrote, by level. */
export function capturingLogger(): Logger & { lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  const record = (level: string) => (message: string) => {
    lines.push({ level, message });
  };
  return { lines, info: record('info'), warn: record('warn'), error: record('error') };
}

/** The verifier's requests to Portcullis, by path, counted as they are made. */
export function countingFetch(): { fetch: typeof fetch; requests: string[] } {
  const requests: string[] = [];
  return {
    requests,
    fetch: (input, init) => {
      requests.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
      return fetch(input, init);
    },
  };
}

/** A verifier of the platform API's tokens, following the feed as `feedReader`. */
export function verifierFor(
  server: TestServer,
  feedReader: ClientPair | false,
  options: Partial<VerifierOptions> = {},
): Verifier {
  return createVerifier({
    issuer: server.baseUrl,
    audience,
    revocations: feedReader && { clientId: feedReader.clientId, clientSecret: feedReader.clientSecret },
    logger: capturingLogger(),
    ...options,
  });
}
