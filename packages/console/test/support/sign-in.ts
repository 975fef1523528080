import type { Page } from 'playwright-core';
import { adminEmail, adminPassword, type ConsoleServer } from './console-server.js';

/**
 * Opens `path` and signs in through the console's own form (as the bootstrap administrator unless named),
 * which sends the person back there; waits until it has.
 */
export async function signInAt(
  page: Page,
  server: ConsoleServer,
  path = '/',
  email = adminEmail,
  password = adminPassword,
): Promise<void> {
  await page.goto(`${server.baseUrl}${path}`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}
