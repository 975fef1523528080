import type { Page } from 'playwright-core';
import type { ConsoleServer } from './console-server.js';

/** A Bearer token for setting up a test through the API, as a script would get one. */
export async function apiToken(server: ConsoleServer, email: string, password: string): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok)
    throw new Error(`sign-in of ${email} answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** One API call with a Bearer token; a refusal fails the test with the server's answer. */
export async function callApi<T = unknown>(
  server: ConsoleServer,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** The client-credentials grant at /oauth/token, as a script using a shown secret makes it. */
export async function exchangeSecret(
  server: ConsoleServer,
  clientId: string,
  clientSecret: string,
): Promise<{ status: number; scope?: string }> {
  const response = await fetch(`${server.baseUrl}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    }),
  });
  const answer = (await response.json()) as { scope?: string };
  return { status: response.status, scope: answer.scope };
}

/** Signs in through the console's own form, starting from `path` (sign-in sends the person back there). */
export async function signInAt(
  page: Page,
  server: ConsoleServer,
  path: string,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(`${server.baseUrl}${path}`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
