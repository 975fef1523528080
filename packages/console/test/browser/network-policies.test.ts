import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, expectAccessible, screenshot } from '../support/browser.js';
import { apiToken, callApi } from '../support/console-api.js';
import { type ConsoleServer, startConsoleServer } from '../support/console-server.js';
import { signInAt } from '../support/sign-in.js';

describeInBrowser('network policies in the console', (current) => {
  let server: ConsoleServer;
  let token: string;
  beforeAll(async () => {
    server = await startConsoleServer();
    token = await apiToken(server);
  });
  afterAll(async () => server?.close());

  it('checks entries as they are typed, creates a policy, names what it is attached to, and detaches it on delete', async () => {
    const { page } = current();
    await signInAt(page, server, '/network-policies');
    await page.getByText('No network policies yet').waitFor();
    await expectAccessible(page, 'network policies, empty');

    await page.getByRole('button', { name: 'Create network policy' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create network policy' });
    await dialog.getByLabel('Name').fill('office-only');
    await dialog.getByLabel('Allowed').fill('203.0.113.0/24\n10.0.0.300');
    await dialog.getByText('Not an IP address or CIDR range: 10.0.0.300').waitFor();
    expect(await dialog.getByRole('button', { name: 'Create' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'create network policy, with a mistake');
    await screenshot(page, 'network-policies', '1-invalid-entry');
    await dialog.getByLabel('Allowed').fill('203.0.113.0/24\n2001:db8::/48');
    await dialog.getByLabel('Blocked').fill('203.0.113.7');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const table = page.getByRole('table', { name: 'Network policies' });
    await table.getByText('203.0.113.7/32').waitFor();
    await expectAccessible(page, 'network policies');
    await screenshot(page, 'network-policies', '2-listed');

    const policies = await callApi<{ items: { id: string; name: string }[] }>(
      server,
      token,
      'GET',
      '/api/v1/network-policies',
    );
    const policy = policies.items.find((p) => p.name === 'office-only')!;
    const sa = await callApi<{ id: string }>(server, token, 'POST', '/api/v1/service-accounts', {
      name: 'nightly-etl',
      networkPolicyId: policy.id,
    });

    await page.getByRole('button', { name: 'Actions for office-only' }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit network policy office-only' });
    await edit.getByText('Service account nightly-etl').waitFor();
    await edit.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Actions for office-only' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete network policy office-only' });
    await confirm.getByText('Service account nightly-etl').waitFor();
    await expectAccessible(page, 'delete an attached network policy');
    await screenshot(page, 'network-policies', '3-delete-attached');
    await confirm.getByRole('button', { name: 'Detach everywhere and delete' }).click();
    await page.getByText('No network policies yet').waitFor();
    const after = await callApi<{ networkPolicyId: string | null }>(
      server,
      token,
      'GET',
      `/api/v1/service-accounts/${sa.id}`,
    );
    expect(after.networkPolicyId).toBeNull();
  });
});
