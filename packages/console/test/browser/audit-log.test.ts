import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, expectAccessible, screenshot } from '../support/browser.js';
import { adminEmail, type ConsoleServer, startConsoleServer } from '../support/console-server.js';
import { signInAt } from '../support/sign-in.js';

describeInBrowser('the audit log in the console', (current) => {
  let server: ConsoleServer;
  beforeAll(async () => {
    server = await startConsoleServer();
    // A refused sign-in, for the failure filter to find.
    await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: adminEmail, password: 'a wrong password entirely' }),
    });
  });
  afterAll(async () => server?.close());

  it('lists events newest first, filters by action and result, and exports what the filters select', async () => {
    const { page } = current();
    await signInAt(page, server);
    await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).click();
    const table = page.getByRole('table', { name: 'Audit events' });
    await table.getByText('login.authenticated').first().waitFor();
    await expectAccessible(page, 'audit log');
    await screenshot(page, 'audit-log', '1-all');

    await page.getByLabel('Action').fill('login.*');
    await page.getByRole('combobox', { name: 'Result' }).click();
    await page.getByRole('option', { name: 'Refused or failed' }).click();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await expect.poll(() => table.textContent()).toContain('login.refused');
    expect(await table.textContent()).not.toContain('login.authenticated');
    await screenshot(page, 'audit-log', '2-refusals');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export (NDJSON)' }).click(),
    ]);
    const lines = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\n');
    expect(lines.map((line) => JSON.parse(line).action)).toEqual(['login.refused']);
  });

  it('says so when nothing matches, and clearing the filters shows everything again', async () => {
    const { page } = current();
    await signInAt(page, server, '/audit-log');
    await page.getByLabel('Actor').fill('sa_nobody');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No events match').waitFor();
    await expectAccessible(page, 'audit log, empty');
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByRole('table', { name: 'Audit events' }).waitFor();
  });
});
