import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, expectAccessible, screenshot } from '../support/browser.js';
import { apiFetch, runPasted } from '../support/console-api.js';
import { type ConsoleServer, startConsoleServer } from '../support/console-server.js';
import { signInAt } from '../support/sign-in.js';

const flow = 'firefly-access-key';

describeInBrowser('Firefly: my access keys', (current) => {
  let server: ConsoleServer;
  beforeAll(async () => {
    server = await startConsoleServer();
  });
  afterAll(async () => server?.close());

  const login = (accessKey: string, secretKey: string) =>
    apiFetch(server, 'POST', '/v2/login', { body: { accessKey, secretKey } });

  it('creates a key pair that signs in at POST /v2/login, shows it used, and deletes it so it no longer does', async () => {
    const { page } = current();
    await signInAt(page, server);
    await page.getByRole('link', { name: 'My access keys' }).first().click();
    await page.getByText('No access keys yet').waitFor();
    await expectAccessible(page, 'access keys, empty');
    await screenshot(page, flow, '1-empty');

    await page.getByRole('button', { name: 'Create key pair' }).click();
    const create = page.getByRole('dialog', { name: 'Create key pair' });
    await create.getByRole('textbox', { name: 'Description', exact: true }).fill('terraform on my laptop');
    await expectAccessible(page, 'create key pair dialog');
    await screenshot(page, flow, '2-create-dialog');
    await create.getByRole('button', { name: 'Create key pair' }).click();

    const reveal = page.getByRole('dialog', { name: 'Your new key pair' });
    await reveal.waitFor();
    const accessKey = await reveal.getByRole('textbox', { name: 'Access key', exact: true }).inputValue();
    const secretKey = await reveal.getByRole('textbox', { name: 'Secret key', exact: true }).inputValue();
    const loginRequest = await reveal
      .getByRole('textbox', { name: 'Login request', exact: true })
      .inputValue();
    expect(await reveal.textContent()).toContain('cannot show it again');
    await expectAccessible(page, 'key pair shown once');
    await screenshot(page, flow, '3-shown-once');
    await reveal.getByRole('button', { name: 'Copy secret key' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secretKey);
    await reveal.getByRole('button', { name: 'Done' }).click();
    await reveal.waitFor({ state: 'hidden' });

    const row = page.getByRole('row', { name: /terraform on my laptop/ });
    expect(await row.textContent()).toContain(accessKey);
    expect(await row.textContent()).toContain('never');
    expect(await row.textContent()).not.toContain(secretKey);

    const signedIn = await login(accessKey, secretKey);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.tokenType).toBe('Bearer');
    expect((await runPasted(loginRequest)).tokenType).toBe('Bearer');

    // Last-used times are written in batches (decision 0008): under load the first reload can come first.
    await expect
      .poll(async () => {
        await page.reload();
        return row.textContent();
      })
      .not.toContain('never');
    await expectAccessible(page, 'access keys table');
    await screenshot(page, flow, '4-used');

    await row.getByRole('button', { name: `Delete key pair ${accessKey}` }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete this key pair?' });
    expect(await confirm.textContent()).toContain('stops working at once');
    await expectAccessible(page, 'delete key pair confirmation');
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByText('No access keys yet').waitFor();

    expect((await login(accessKey, secretKey)).status).toBe(401);
  });

  it('works at 390 px wide', async () => {
    const { page } = current();
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAt(page, server, '/access-keys');
    await page.getByRole('button', { name: 'Create key pair' }).click();
    await page.getByRole('dialog', { name: 'Create key pair' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'create key pair at 390 px');
    await screenshot(page, flow, '5-narrow');
  });
});
