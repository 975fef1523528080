import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { adminEmail, adminPassword, type ConsoleServer } from './console-server.js';

// biome-ignore lint/suspicious/noExplicitAny: tests read answers field by field.
export type Answer = { status: number; body: any };

/**
 * A call to the API as a script makes it (JSON, a Bearer token when given), answering the status and the
 * body whatever they are: for checking what the console did, refusals included.
 */
export async function apiFetch(
  server: ConsoleServer,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<Answer> {
  const response = await fetch(`${server.baseUrl}${path}`, {
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

/** One API call with a Bearer token, to set a test up; a refusal fails the test with the server's answer. */
export async function callApi<T = unknown>(
  server: ConsoleServer,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const answer = await apiFetch(server, method, path, { token, body });
  if (answer.status >= 300) {
    throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return answer.body as T;
}

/** A Bearer token of a person (the bootstrap administrator unless named), as a script would get one. */
export async function apiToken(
  server: ConsoleServer,
  email = adminEmail,
  password = adminPassword,
): Promise<string> {
  const signedIn = await apiFetch(server, 'POST', '/api/v1/auth/login', { body: { email, password } });
  if (signedIn.status !== 200) {
    throw new Error(`sign-in of ${email} answered ${signedIn.status}: ${JSON.stringify(signedIn.body)}`);
  }
  return signedIn.body.accessToken;
}

/** The client-credentials grant at /oauth/token, sent the way the console's token request sends it. */
export async function exchangeSecret(
  server: ConsoleServer,
  clientId: string,
  clientSecret: string,
): Promise<Answer> {
  const response = await fetch(`${server.baseUrl}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    }),
  });
  return { status: response.status, body: await response.json() };
}

/**
 * Runs a command the console gives people to paste (its curl), in a shell as they would, and reads the JSON
 * it prints: proof that what was shown works as shown.
 */
export async function runPasted(command: string): Promise<Answer['body']> {
  const { stdout } = await promisify(execFile)('sh', ['-c', command]);
  return JSON.parse(stdout);
}
