import { adminEmail, adminPassword } from './test-server.js';

export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

async function parse<T>(response: Response): Promise<JsonResponse<T>> {
  const text = await response.text();
  const json = (response.headers.get('content-type') ?? '').includes('application/json');
  return {
    status: response.status,
    headers: response.headers,
    body: (json && text ? JSON.parse(text) : text || null) as T,
  };
}

// biome-ignore lint/suspicious/noExplicitAny: test responses are inspected field by field.
export async function api<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  return parse<T>(
    await fetch(`${baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body }) }),
  );
}

/** POST /oauth/token with a form body; `basic` sends client_secret_basic. */
// biome-ignore lint/suspicious/noExplicitAny: test responses are inspected field by field.
export async function tokenRequest<T = any>(
  baseUrl: string,
  form: Record<string, string>,
  options: { basic?: { id: string; secret: string }; headers?: Record<string, string>; query?: string } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    ...options.headers,
  };
  if (options.basic) {
    const encode = (v: string) => encodeURIComponent(v).replace(/%20/g, '+');
    headers.authorization = `Basic ${Buffer.from(`${encode(options.basic.id)}:${encode(options.basic.secret)}`).toString('base64')}`;
  }
  return parse<T>(
    await fetch(`${baseUrl}/oauth/token${options.query ?? ''}`, {
      method: 'POST',
      headers,
      body: new URLSearchParams(form).toString(),
    }),
  );
}

export async function adminToken(baseUrl: string): Promise<string> {
  const response = await api<{ accessToken: string }>(baseUrl, 'POST', '/api/v1/auth/login', {
    body: { email: adminEmail, password: adminPassword },
  });
  if (response.status !== 200) throw new Error(`admin login failed: ${response.status}`);
  return response.body.accessToken;
}

/** Service account + secret + a user tied to it in the default account: ready for /oauth/token. */
export async function createUsableServiceAccount(
  baseUrl: string,
  token: string,
  name: string,
): Promise<{ clientId: string; clientSecret: string }> {
  const sa = await api(baseUrl, 'POST', '/api/v1/service-accounts', { token, body: { name } });
  const secret = await api(baseUrl, 'POST', `/api/v1/service-accounts/${sa.body.id}/secrets`, { token });
  await api(baseUrl, 'POST', '/api/v1/users', {
    token,
    body: { name: `${name}_user`, serviceAccountId: sa.body.id },
  });
  return { clientId: secret.body.clientId, clientSecret: secret.body.clientSecret };
}

export interface ClientPair {
  clientId: string;
  clientSecret: string;
}

/** `Authorization: Basic` for a client id and secret (ours need no form-encoding). */
export function basicAuthorization(client: ClientPair): string {
  return `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`;
}

/** An access token by client_credentials with client_secret_post; `extra` adds form fields. */
export async function clientCredentialsToken(
  baseUrl: string,
  client: ClientPair,
  extra: Record<string, string> = {},
): Promise<string> {
  const response = await tokenRequest(baseUrl, {
    grant_type: 'client_credentials',
    client_id: client.clientId,
    client_secret: client.clientSecret,
    ...extra,
  });
  return response.body.access_token as string;
}

/** A usable service account whose user holds a new role with `portcullis.introspection:run`. */
export async function createResourceServer(
  baseUrl: string,
  token: string,
  name: string,
): Promise<ClientPair> {
  const role = await api(baseUrl, 'POST', '/api/v1/roles', {
    token,
    body: { name: `${name}-introspection`, permissions: ['portcullis.introspection:run'] },
  });
  const client = await createUsableServiceAccount(baseUrl, token, name);
  const users = (await api(baseUrl, 'GET', '/api/v1/users', { token })).body.items;
  const user = users.find((u: { serviceAccountId: string | null }) => u.serviceAccountId === client.clientId);
  await api(baseUrl, 'PUT', `/api/v1/users/${user.id}/roles/${role.body.id}`, { token });
  return client;
}
