import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.js';
import {
  adminEmail,
  adminPassword,
  type ConsoleServer,
  startConsoleServer,
} from '../support/console-server.js';

/**
 * Presses Tab until a link or button named `name` has the focus, as a keyboard user would; fails after
 * `most`. Other focusable things (a table's scrolling box) may contain the same words, so only links and
 * buttons count.
 */
async function tabTo(page: Page, name: string, most = 40): Promise<void> {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element?.matches('a, button, [role="button"], [role="link"]')) return '';
      return (element.getAttribute('aria-label') ?? element.innerText ?? '').trim();
    });
    if (focused === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

/** What shows where the keyboard is: a focused control must be visibly marked. */
async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return false;
    const style = getComputedStyle(element);
    return style.outlineStyle !== 'none' && style.outlineWidth !== '0px';
  });
}

describeInBrowser('the console from the keyboard alone', (current) => {
  let server: ConsoleServer;
  beforeAll(async () => {
    server = await startConsoleServer();
  });
  afterAll(async () => server?.close());

  it('signs in, reaches a screen through the navigation and opens and closes its dialog, with focus always shown', async () => {
    const { page } = current();
    await page.goto(server.baseUrl);
    await page.getByLabel('Email').waitFor();
    await page.getByLabel('Email').focus();
    await page.keyboard.type(adminEmail);
    await page.keyboard.press('Tab');
    await page.keyboard.type(adminPassword);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Welcome,/ }).waitFor();

    await tabTo(page, 'Client credentials');
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Client credentials' }).waitFor();

    await tabTo(page, 'Create New Client Credential');
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Create New Client Credential' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });
});
