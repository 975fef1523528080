import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, expectAccessible, screenshot } from '../support/browser.js';
import { apiFetch, apiToken } from '../support/console-api.js';
import {
  adminEmail,
  adminPassword,
  type ConsoleServer,
  startConsoleServer,
} from '../support/console-server.js';
import { secondVisitor } from '../support/second-visitor.js';
import { signInAt } from '../support/sign-in.js';

const flow = 'operator-organization';

describeInBrowser(
  'the operator makes an organization and its admin switches programmatic access on',
  (current) => {
    let server: ConsoleServer;
    beforeAll(async () => {
      server = await startConsoleServer();
    });
    afterAll(async () => server?.close());

    /** The organization as the API says it is, read with a token of one of its admins. */
    const organizationOf = async (email: string, password: string) => {
      const accessToken = await apiToken(server, email, password);
      const answer = await apiFetch(server, 'GET', '/api/v1/organization', { token: accessToken });
      expect(answer.status).toBe(200);
      return { accessToken, organization: answer.body };
    };

    /** Mantine's switch draws its track over the checkbox, so a person (and this test) uses the keyboard or the track. */
    const toggle = async (page: Page, name: string) => {
      await page.getByRole('switch', { name }).focus();
      await page.keyboard.press('Space');
    };

    it('creates an organization with its first admin, who cannot switch access on until the operator makes it available', async () => {
      const { page: operator } = current();
      const globexAdmin = {
        name: 'Grace Globex',
        email: 'grace@globex.example',
        password: 'globex admin password 1',
      };

      await signInAt(operator, server);
      await operator
        .getByRole('navigation', { name: 'Console' })
        .getByRole('link', { name: 'Organizations' })
        .click();
      await operator.getByRole('heading', { name: 'Organizations' }).waitFor();
      await operator.getByRole('cell', { name: 'acme', exact: true }).waitFor();
      await expectAccessible(operator, 'organizations');
      await screenshot(operator, flow, '1-organizations');

      await operator.getByRole('button', { name: 'Create organization' }).click();
      const dialog = operator.getByRole('dialog', { name: 'Create organization' });
      await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Globex!');
      await dialog.getByText('Lowercase letters, digits and hyphens, starting').waitFor();
      await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('globex');
      await dialog.getByRole('textbox', { name: 'Display name' }).fill('Globex');
      await dialog.getByRole('textbox', { name: 'Admin name' }).fill(globexAdmin.name);
      await dialog.getByRole('textbox', { name: 'Admin email' }).fill(globexAdmin.email);
      await dialog.getByRole('textbox', { name: 'Admin password', exact: true }).fill(globexAdmin.password);
      expect(
        await dialog.getByRole('switch', { name: 'Make programmatic access available' }).isChecked(),
      ).toBe(false);
      await expectAccessible(operator, 'create organization dialog');
      await screenshot(operator, flow, '2-create-organization');
      await dialog.getByRole('button', { name: 'Create organization' }).click();
      await dialog.waitFor({ state: 'detached' });
      await operator.getByRole('cell', { name: 'globex', exact: true }).waitFor();
      const available = operator.getByRole('switch', {
        name: 'Make programmatic access available to Globex',
      });
      expect(await available.isChecked()).toBe(false);

      // Its admin, at another browser, finds the tab saying who must make it available, and cannot switch it on.
      const admin = await secondVisitor(current(), 'globex admin');
      await signInAt(admin, server, '/settings/programmatic-access', globexAdmin.email, globexAdmin.password);
      await admin.getByRole('tab', { name: 'Programmatic Access', selected: true }).waitFor();
      await admin.getByText('Not available to this organization').waitFor();
      expect(await admin.getByRole('alert').first().textContent()).toContain('platform operator');
      const enabled = admin.getByRole('switch', { name: 'Enabled' });
      expect(await enabled.isDisabled()).toBe(true);
      expect(await enabled.isChecked()).toBe(false);
      await expectAccessible(admin, 'programmatic access, not available');
      await screenshot(admin, flow, '3-admin-not-available');

      // The operator makes it available, after a confirmation that says what follows.
      await toggle(operator, 'Make programmatic access available to Globex');
      const confirm = operator.getByRole('dialog', { name: 'Make programmatic access available to Globex?' });
      await confirm.getByText('Its organization admins can then switch programmatic access on').waitFor();
      await expectAccessible(operator, 'make available confirmation');
      await confirm.getByRole('button', { name: 'Make available' }).click();
      await confirm.waitFor({ state: 'detached' });
      await expect.poll(() => available.isChecked()).toBe(true);
      await screenshot(operator, flow, '4-made-available');

      // The admin switches it on; the API agrees, and the session the console holds says so too.
      await admin.reload();
      await expect.poll(() => enabled.isDisabled()).toBe(false);
      expect(await admin.getByText('Not available to this organization').count()).toBe(0);
      await toggle(admin, 'Enabled');
      await expect.poll(() => enabled.isChecked()).toBe(true);
      await admin.getByText('Programmatic access is on', { exact: true }).waitFor();
      await screenshot(admin, flow, '5-admin-enabled');
      const { organization } = await organizationOf(globexAdmin.email, globexAdmin.password);
      expect(organization).toMatchObject({
        name: 'globex',
        programmaticAccessAvailable: true,
        programmaticAccessEnabled: true,
      });
      await admin
        .getByRole('navigation', { name: 'Console' })
        .getByRole('link', { name: 'Overview' })
        .click();
      await admin.getByRole('heading', { name: `Welcome, ${globexAdmin.name}` }).waitFor();
      expect(await admin.getByText('Programmatic access is off in this organization').count()).toBe(0);

      await operator.reload();
      const globexRow = operator.getByRole('row').filter({ hasText: 'globex' });
      await globexRow.getByText('On', { exact: true }).waitFor();
    });

    it('saves token lifetime, audiences, network policy and maximum credential lifetime, confirming what changed', async () => {
      const { page } = current();
      const { accessToken } = await organizationOf(adminEmail, adminPassword);
      const policy = await apiFetch(server, 'POST', '/api/v1/network-policies', {
        token: accessToken,
        body: { name: 'office', allowed: ['10.0.0.0/8', '127.0.0.1'] },
      });
      expect(policy.status).toBe(201);
      const policyId: string = policy.body.id;

      await signInAt(page, server);
      await page
        .getByRole('navigation', { name: 'Console' })
        .getByRole('link', { name: 'Organization settings' })
        .click();
      await page.getByRole('tab', { name: 'Programmatic Access', selected: true }).waitFor();
      const save = page.getByRole('button', { name: 'Save settings' });
      expect(await save.isDisabled()).toBe(true);

      await page.getByRole('textbox', { name: 'Access-token lifetime (seconds)' }).fill('30');
      await page.getByText('A whole number of seconds from 60 to 86400').waitFor();
      expect(await save.isDisabled()).toBe(true);
      await page.getByRole('textbox', { name: 'Access-token lifetime (seconds)' }).fill('900');
      const audiences = page.getByRole('combobox', { name: 'Audiences' });
      await audiences.fill('api.example.com');
      await audiences.press('Enter');
      await page.getByText('Not an absolute URI: api.example.com').waitFor();
      await page.getByRole('button', { name: 'Undo changes' }).click();
      expect(await save.isDisabled()).toBe(true);

      await page.getByRole('textbox', { name: 'Access-token lifetime (seconds)' }).fill('900');
      await audiences.fill('https://api.example.com');
      await audiences.press('Enter');
      await page.getByRole('combobox', { name: 'Network policy' }).click();
      await page.getByRole('option', { name: 'office' }).click();
      await page.getByRole('textbox', { name: 'Maximum credential lifetime (days)' }).fill('30');
      await expectAccessible(page, 'programmatic access settings, edited');
      await save.click();

      const saved = page.getByRole('status').filter({ hasText: 'Settings saved' });
      await saved.waitFor();
      expect(await saved.textContent()).toContain(
        "Access-token lifetime: the server's default → 900 seconds",
      );
      expect(await saved.textContent()).toContain('Network policy: none → office');
      expect(await saved.textContent()).toContain('Maximum credential lifetime: no maximum → 30 days');
      expect(await saved.textContent()).toContain(
        'Allowed audiences: https://api.acme.example, https://api.firebolt.io → https://api.acme.example, https://api.firebolt.io, https://api.example.com',
      );
      await screenshot(page, flow, '6-settings-saved');
      const { organization } = await organizationOf(adminEmail, adminPassword);
      expect(organization).toMatchObject({
        tokenTtlSeconds: 900,
        allowedAudiences: ['https://api.acme.example', 'https://api.firebolt.io', 'https://api.example.com'],
        networkPolicyId: policyId,
        maxCredentialLifetimeDays: 30,
      });

      // Switching off asks first and says what stops; the API then says it is off.
      await toggle(page, 'Enabled');
      const confirm = page.getByRole('dialog', { name: 'Switch programmatic access off?' });
      await confirm.getByText('Nothing is deleted').waitFor();
      await expectAccessible(page, 'switch off confirmation');
      await screenshot(page, flow, '7-switch-off');
      await confirm.getByRole('button', { name: 'Switch off' }).click();
      await confirm.waitFor({ state: 'detached' });
      await expect.poll(() => page.getByRole('switch', { name: 'Enabled' }).isChecked()).toBe(false);
      expect((await organizationOf(adminEmail, adminPassword)).organization.programmaticAccessEnabled).toBe(
        false,
      );
      await toggle(page, 'Enabled');
      await expect.poll(() => page.getByRole('switch', { name: 'Enabled' }).isChecked()).toBe(true);
    });

    it('lays the settings out at 390 px wide without sideways scrolling', async () => {
      const { page } = current();
      await page.setViewportSize({ width: 390, height: 844 });
      await signInAt(page, server, '/settings/programmatic-access');
      await page.getByRole('switch', { name: 'Enabled' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expectAccessible(page, 'programmatic access at 390 px');
      await screenshot(page, flow, '8-settings-narrow');
    });
  },
);
