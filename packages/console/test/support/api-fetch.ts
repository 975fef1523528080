import { adminEmail, adminPassword } from './console-server.js';

// biome-ignore lint/suspicious/noExplicitAny: tests read answers field by field.
type Answer = { status: number; body: any };

/** A call to the API as a script makes it (Bearer token, JSON), to set up or check what the console did. */
export async function apiFetch(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<Answer> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** An API token of the bootstrap administrator, for setup through the API. */
export async function adminToken(baseUrl: string): Promise<string> {
  const signedIn = await apiFetch(baseUrl, 'POST', '/api/v1/auth/login', {
    body: { email: adminEmail, password: adminPassword },
  });
  if (signedIn.status !== 200) throw new Error(`admin sign-in answered ${signedIn.status}`);
  return signedIn.body.accessToken;
}

/** The client-credentials grant with HTTP Basic, as a script using the client id and secret would. */
export async function exchangeAtTokenEndpoint(
  baseUrl: string,
  clientId: string,
  clientSecret: string,
): Promise<Answer> {
  const response = await fetch(`${baseUrl}/oauth/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
    },
    body: 'grant_type=client_credentials',
  });
  return { status: response.status, body: await response.json() };
}
