import type { Page } from 'playwright-core';
import { adminEmail, adminPassword } from './console-server.js';

/** Signs in on the console's sign-in screen, which the page must show, and waits to leave it. */
export async function signInAs(page: Page, email = adminEmail, password = adminPassword): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}
