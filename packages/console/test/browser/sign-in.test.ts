import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, expectAccessible, screenshot } from '../support/browser.js';
import {
  adminEmail,
  adminPassword,
  type ConsoleServer,
  startConsoleServer,
} from '../support/console-server.js';

describeInBrowser('signing in to the console', (current) => {
  let server: ConsoleServer;
  beforeAll(async () => {
    server = await startConsoleServer();
  });
  afterAll(async () => server?.close());

  const signIn = async (password = adminPassword) => {
    const { page } = current();
    await page.getByLabel('Email').fill(adminEmail);
    await page.locator('input[name="password"]').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  it('sends a visitor to sign-in, refuses a wrong password, and signs in with an HttpOnly SameSite=Strict cookie', async () => {
    const { page, context } = current();
    await page.goto(server.baseUrl);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await expectAccessible(page, 'sign-in');
    await screenshot(page, 'sign-in', '1-sign-in');

    await signIn('not the password at all');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Could not sign in');
    expect(await context.cookies()).toEqual([]);

    await signIn();
    await page.getByRole('heading', { name: 'Welcome, Administrator' }).waitFor();
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({
      name: 'portcullis_session',
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
    });
    expect(await page.evaluate(() => document.cookie)).not.toContain('portcullis_session');
    await expectAccessible(page, 'overview');
    await screenshot(page, 'sign-in', '2-overview');

    await page.reload();
    await page.getByRole('heading', { name: 'Welcome, Administrator' }).waitFor();
  });

  it('returns a person whose session ended to sign-in, and after it to the screen they were on', async () => {
    const { page, context } = current();
    await page.goto(server.baseUrl);
    await signIn();
    await page.getByRole('heading', { name: 'Welcome, Administrator' }).waitFor();

    const other = await context.newPage();
    await other.goto(server.baseUrl);
    await other.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => new URL(other.url()).pathname).toBe('/sign-in');
    await other.close();

    await page.goto(`${server.baseUrl}/no-such-screen?tab=2`);
    await expect
      .poll(() => page.url())
      .toBe(`${server.baseUrl}/sign-in?next=${encodeURIComponent('/no-such-screen?tab=2')}`);
    await signIn();
    await page.getByRole('heading', { name: 'Nothing here' }).waitFor();
    expect(page.url()).toBe(`${server.baseUrl}/no-such-screen?tab=2`);
  });

  it('works at 390 px wide, with the navigation behind a button', async () => {
    const { page } = current();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(server.baseUrl);
    await signIn();
    await page.getByRole('heading', { name: 'Welcome, Administrator' }).waitFor();
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page.getByRole('link', { name: 'Overview' }).waitFor();
    await expectAccessible(page, 'overview at 390 px');
    await screenshot(page, 'sign-in', '3-narrow');
  });

  it('answers a mistyped API address with the JSON 404, not the console', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/no-such-thing`, {
      headers: { accept: 'text/html' },
    });
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('route_not_found');
    const screen = await fetch(`${server.baseUrl}/service-accounts`, { headers: { accept: 'text/html' } });
    expect(screen.status).toBe(200);
    expect(screen.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await screen.text()).toContain('<div id="root">');
  });
});
