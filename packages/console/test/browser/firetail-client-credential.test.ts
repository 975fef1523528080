import { demoCatalog, PermissionSet } from '@portcullis/core/permissions';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, expectAccessible, screenshot } from '../support/browser.js';
import { apiToken, callApi, exchangeSecret, runPasted } from '../support/console-api.js';
import { type ConsoleServer, startConsoleServer } from '../support/console-server.js';
import { signInAt } from '../support/sign-in.js';

const flow = 'firetail-client-credential';
/** The demo catalog: 25 platform and 10 administrative resources, six actions each. */
const readOnlyCount = 35 * 2;
/** A token's scope in canonical form: the claim also spells platform permissions out (decision 0026). */
const canonical = (scope: string) => PermissionSet.parse(demoCatalog, scope).format();

/** The row of the credentials table showing the credential of that name, and its cells by column. */
function credentialRow(page: Page, name: string) {
  const row = page.locator(`tr[data-credential="${name}"]`);
  return {
    row,
    validTo: row.locator('td').nth(3),
    permissions: row.locator('td').nth(4),
    lastUsed: row.locator('td').nth(5),
    status: row.locator('td').nth(6),
  };
}

function createDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Create New Client Credential' });
}

/** Reads what the dialog shows once, from the dialog itself. */
async function shownSecret(dialog: Locator) {
  const field = (name: string) => dialog.getByRole('textbox', { name, exact: true }).inputValue();
  return {
    clientId: await field('Client ID'),
    clientSecret: await field('Client secret'),
    tokenRequest: await field('Token request'),
  };
}

describeInBrowser('FireTail: personal client credentials in the console', (current) => {
  let server: ConsoleServer;
  let adminToken: string;
  beforeAll(async () => {
    server = await startConsoleServer();
    adminToken = await apiToken(server);
  });
  afterAll(async () => server?.close());

  const openCreateDialog = async (page: Page) => {
    await page.getByRole('button', { name: 'Create New Client Credential' }).first().click();
    const dialog = createDialog(page);
    await dialog.waitFor();
    return dialog;
  };

  it('creates a credential with Read Only plus one write cell, shows its secret once, and shows it used after the secret gets a token', async () => {
    const { page } = current();
    await signInAt(page, server, '/client-credentials');
    await page.getByRole('heading', { name: 'Client credentials' }).waitFor();
    await page.getByText('No client credentials yet').waitFor();
    await expectAccessible(page, 'client credentials, none yet');
    await screenshot(page, flow, '1-empty');

    const dialog = await openCreateDialog(page);
    await dialog.getByLabel('Name').fill('weekly-report');
    await dialog.getByLabel('Description').fill('Monday digest');
    await dialog.getByRole('radio', { name: '7 days' }).check();
    await expect
      .poll(() => dialog.locator('[data-valid-to-outcome]').textContent())
      .toMatch(/^Valid until .+ \(.+\)\.$/);
    await dialog.getByRole('button', { name: 'Read Only' }).click();
    await dialog.getByRole('checkbox', { name: 'Incidents: create', exact: true }).check();
    await expect
      .poll(() => dialog.locator('[data-matrix-summary]').textContent())
      .toBe(`${readOnlyCount + 1} of 210 selected — Read only + Incidents: create`);

    await dialog.getByRole('checkbox', { name: 'Search: create', exact: true }).check();
    await dialog.getByText('How searching works').waitFor();
    await expect
      .poll(() => dialog.getByText(/^Searching needs search:create plus list/).textContent())
      .toContain('It can search every resource type.');
    await dialog.getByRole('checkbox', { name: 'Search: create', exact: true }).uncheck();
    // Read Only ticks search's get and list, so the rule stays explained: without create it cannot search.
    await expect
      .poll(() => dialog.getByText(/^Searching needs search:create plus list/).textContent())
      .toContain('Without search:create it cannot search at all.');

    await dialog.getByLabel('Search resources').fill('incid');
    await expect.poll(() => dialog.locator('tbody tr').count()).toBe(2);
    await expectAccessible(page, 'create dialog');
    await screenshot(page, flow, '2-create-dialog');
    await dialog.getByLabel('Search resources').fill('');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();

    const shown = page.getByRole('dialog', { name: 'Client credential “weekly-report” created' });
    await shown.waitFor();
    const { clientId, clientSecret, tokenRequest } = await shownSecret(shown);
    expect(clientSecret).toMatch(/^pcs_/);
    expect(tokenRequest).toContain(`curl -X POST '${server.baseUrl}/oauth/token'`);
    await page.keyboard.press('Escape');
    await shown.getByText('Close without copying the secret?').waitFor();
    await shown.getByRole('button', { name: 'Go back to the secret' }).click();
    await shown.getByRole('button', { name: 'Copy client secret' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(clientSecret);
    await expectAccessible(page, 'secret shown once');
    await screenshot(page, flow, '3-secret-once');

    const token = await exchangeSecret(server, clientId, clientSecret);
    expect([token.status, canonical(token.body.scope)]).toEqual([200, '*:get *:list incidents:create']);
    expect(canonical((await runPasted(tokenRequest)).scope)).toBe('*:get *:list incidents:create');

    await shown.getByRole('button', { name: 'Done' }).click();
    await shown.waitFor({ state: 'detached' });
    const created = credentialRow(page, 'weekly-report');
    expect(await created.lastUsed.textContent()).toBe('never');
    expect(await created.permissions.textContent()).toContain(`${readOnlyCount + 1} permissions`);
    expect(await created.validTo.textContent()).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d\S+expires in 7 days$/);
    await expect
      .poll(
        async () => {
          await page.reload();
          await created.row.waitFor();
          return created.lastUsed.textContent();
        },
        { timeout: 10_000 },
      )
      .not.toBe('never');
    await expectAccessible(page, 'client credentials table');
    await screenshot(page, flow, '4-table-1280');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('li[data-credential="weekly-report"]').waitFor();
    await expectAccessible(page, 'client credentials table at 390 px');
    await screenshot(page, flow, '5-table-390');
    const narrowDialog = await openCreateDialog(page);
    await narrowDialog.getByRole('checkbox', { name: 'Incidents: create', exact: true }).waitFor();
    await expectAccessible(page, 'create dialog at 390 px');
    await screenshot(page, flow, '6-create-dialog-390');
  });

  it('edits, renews the secret of, disables and deletes credentials from their menus and the selection, each after saying what it affects', async () => {
    const { page } = current();
    const made: Record<string, { clientId: string; clientSecret: string }> = {};
    for (const name of ['nightly-sync', 'ci-deploy', 'old-import']) {
      made[name] = await callApi(server, adminToken, 'POST', '/api/v1/client-credentials', {
        name,
        preset: 'read_only',
      });
    }
    await signInAt(page, server, '/client-credentials');
    const sync = credentialRow(page, 'nightly-sync');
    await sync.row.waitFor();

    await page.getByLabel('Search credentials').fill('nightly');
    await expect.poll(() => page.locator('tbody tr[data-credential]').count()).toBe(1);
    await page.getByLabel('Search credentials').fill('');

    await sync.row.getByRole('button', { name: 'Actions for nightly-sync' }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit “nightly-sync”' });
    await edit.getByLabel('Description').fill('Copies the day’s findings at night');
    await edit.getByRole('radio', { name: 'Custom date and time' }).check();
    await edit.getByRole('textbox', { name: 'Date and time' }).fill('2099-12-31T18:00');
    await edit.getByLabel('Time zone').fill('Europe/Berl');
    await page.getByRole('option', { name: 'Europe/Berlin' }).click();
    await expect
      .poll(() => edit.locator('[data-valid-to-outcome]').textContent())
      .toBe('Valid until 2099-12-31 18:00 (Europe/Berlin).');
    await expectAccessible(page, 'edit dialog');
    await screenshot(page, flow, '7-edit-dialog');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect
      .poll(() => sync.validTo.textContent())
      .toMatch(/^2099-12-31 18:00Europe\/Berlinexpires in \d+ years$/);
    const edited = await callApi<{ description: string; validToLocal: string; timezone: string }>(
      server,
      adminToken,
      'GET',
      `/api/v1/client-credentials/${made['nightly-sync']!.clientId}`,
    );
    expect(edited).toMatchObject({
      description: 'Copies the day’s findings at night',
      validToLocal: '2099-12-31T18:00:00',
      timezone: 'Europe/Berlin',
    });

    await sync.row.getByRole('button', { name: 'Actions for nightly-sync' }).click();
    await page.getByRole('menuitem', { name: 'Create a new secret' }).click();
    const renew = page.getByRole('dialog', { name: 'Create a new secret for “nightly-sync”?' });
    await renew.getByText('The previous secret stops working at once.', { exact: false }).waitFor();
    await renew.getByRole('button', { name: 'Create new secret' }).click();
    const renewed = page.getByRole('dialog', { name: 'New secret for “nightly-sync”' });
    const fresh = await shownSecret(renewed);
    await renewed.getByRole('button', { name: 'Copy token request' }).click();
    await renewed.getByRole('button', { name: 'Done' }).click();
    expect((await exchangeSecret(server, fresh.clientId, fresh.clientSecret)).status).toBe(200);
    expect((await exchangeSecret(server, fresh.clientId, made['nightly-sync']!.clientSecret)).status).toBe(
      401,
    );

    await page.getByRole('checkbox', { name: 'Select ci-deploy' }).check();
    await page.getByRole('checkbox', { name: 'Select old-import' }).check();
    await page.getByRole('button', { name: 'Disable selected' }).click();
    const disable = page.getByRole('dialog', { name: 'Disable 2 credentials?' });
    const affected = disable.getByRole('list', { name: 'Credentials affected' });
    // A dialog's list is read once it is there: allTextContents does not wait for it.
    await expect
      .poll(() => affected.getByRole('listitem').allTextContents())
      .toEqual([expect.stringContaining('ci-deploy'), expect.stringContaining('old-import')]);
    await expectAccessible(page, 'bulk disable confirmation');
    await screenshot(page, flow, '8-bulk-disable');
    await disable.getByRole('button', { name: 'Disable' }).click();
    await disable.waitFor({ state: 'detached' });
    await expect.poll(() => credentialRow(page, 'ci-deploy').status.textContent()).toBe('disabled');
    expect(await credentialRow(page, 'old-import').status.textContent()).toBe('disabled');
    expect(
      (await exchangeSecret(server, made['ci-deploy']!.clientId, made['ci-deploy']!.clientSecret)).status,
    ).toBe(401);

    await credentialRow(page, 'old-import')
      .row.getByRole('button', { name: 'Actions for old-import' })
      .click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const remove = page.getByRole('dialog', { name: 'Delete this credential?' });
    await expect
      .poll(() => remove.getByRole('listitem').allTextContents())
      .toEqual([expect.stringContaining('old-import')]);
    await remove.getByRole('button', { name: 'Delete' }).click();
    await credentialRow(page, 'old-import').row.waitFor({ state: 'detached' });
    expect(await credentialRow(page, 'ci-deploy').row.count()).toBe(1);
  });

  it('offers only valid-to choices within the organization’s maximum lifetime, and says why a later time cannot be saved', async () => {
    await callApi(server, adminToken, 'PATCH', '/api/v1/organization', { maxCredentialLifetimeDays: 30 });
    try {
      const { page } = current();
      await signInAt(page, server, '/client-credentials');
      const dialog = await openCreateDialog(page);
      await dialog
        .getByText('Your organization allows personal credentials to last at most 30 days.')
        .waitFor();
      expect(await dialog.getByRole('radio', { name: '30 days' }).isChecked()).toBe(true);
      expect(await dialog.getByRole('radio', { name: '7 days' }).isDisabled()).toBe(false);
      expect(await dialog.getByRole('radio', { name: '90 days' }).isDisabled()).toBe(true);
      expect(await dialog.getByRole('radio', { name: 'No expiry' }).isDisabled()).toBe(true);

      await dialog.getByLabel('Name').fill('beyond-the-cap');
      await dialog.getByRole('button', { name: 'Read Only' }).click();
      await dialog.getByRole('radio', { name: 'Custom date and time' }).check();
      await dialog.getByRole('textbox', { name: 'Date and time' }).fill('2099-01-01T00:00');
      await expect
        .poll(() => dialog.locator('[data-valid-to-outcome]').textContent())
        .toMatch(/^Your organization allows at most 30 days: choose .+ or earlier\.$/);
      await dialog.getByRole('button', { name: 'Create', exact: true }).click();
      await dialog.getByRole('alert').filter({ hasText: 'allows at most 30 days' }).waitFor();
      await expectAccessible(page, 'create dialog within a maximum lifetime');
      await screenshot(page, flow, '11-maximum-lifetime');
      const listed = await callApi<{ items: { name: string }[] }>(
        server,
        adminToken,
        'GET',
        '/api/v1/client-credentials',
      );
      expect(listed.items.map((item) => item.name)).not.toContain('beyond-the-cap');
    } finally {
      await callApi(server, adminToken, 'PATCH', '/api/v1/organization', { maxCredentialLifetimeDays: null });
    }
  });

  it('disables for a member the cells they lack, and shows a credential shrink when the member is downgraded', async () => {
    const roles = await callApi<{ items: { id: string; name: string }[] }>(
      server,
      adminToken,
      'GET',
      '/api/v1/roles',
    );
    const readOnly = roles.items.find((role) => role.name === 'Read only')!;
    const keeper = await callApi<{ id: string }>(server, adminToken, 'POST', '/api/v1/roles', {
      name: 'credential-keeper',
      permissions: ['portcullis.client_credentials:*'],
    });
    const member = { email: 'member@acme.example', password: 'member passphrase of the test' };
    const login = await callApi<{ user: { id: string } }>(server, adminToken, 'POST', '/api/v1/logins', {
      ...member,
      name: 'Member',
      user: { name: 'member', roleIds: [readOnly.id, keeper.id] },
    });

    const { page } = current();
    await signInAt(page, server, '/client-credentials', member.email, member.password);
    await page.getByText('No client credentials yet').waitFor();
    const dialog = await openCreateDialog(page);
    const write = dialog.getByRole('checkbox', { name: 'Incidents: create', exact: true });
    expect(await write.isDisabled()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: 'Incidents: get', exact: true }).isDisabled()).toBe(
      false,
    );
    expect(
      await dialog.getByRole('checkbox', { name: 'Client credentials: create', exact: true }).isDisabled(),
    ).toBe(false);
    await write.hover({ force: true });
    await page
      .getByRole('tooltip', { name: 'You can only assign permissions you currently possess' })
      .waitFor();
    await dialog.getByRole('button', { name: 'Admin' }).click();
    await dialog.getByText('Admin filled only the permissions you hold').waitFor();
    expect(await write.isChecked()).toBe(false);
    await expectAccessible(page, 'create dialog of a member');
    await screenshot(page, flow, '9-member-dialog');

    await dialog.getByLabel('Name').fill('member-reader');
    await dialog.getByRole('button', { name: 'Read Only' }).click();
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    const shown = page.getByRole('dialog', { name: 'Client credential “member-reader” created' });
    const secret = await shownSecret(shown);
    await shown.getByRole('button', { name: 'Copy client secret' }).click();
    await shown.getByRole('button', { name: 'Done' }).click();
    const reader = credentialRow(page, 'member-reader');
    await expect.poll(() => reader.permissions.textContent()).toBe(`${readOnlyCount} permissions: Read only`);

    await callApi(server, adminToken, 'DELETE', `/api/v1/users/${login.user.id}/roles/${readOnly.id}`);
    await page.reload();
    await expect
      .poll(() => reader.permissions.textContent())
      .toBe(
        `2 permissions: Client credentials: get, listNarrowed: you no longer hold ${readOnlyCount - 2} of its ${readOnlyCount} granted permissions.`,
      );
    // The console works the effective rights out with core; the server's token carries the same.
    const token = await exchangeSecret(server, secret.clientId, secret.clientSecret);
    expect(token.body.scope).toBe('portcullis.client_credentials:get portcullis.client_credentials:list');
    await expectAccessible(page, 'table of a downgraded member');
    await screenshot(page, flow, '10-member-downgraded');
  });
});
