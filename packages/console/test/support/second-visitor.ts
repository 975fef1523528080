import type { Page } from 'playwright-core';
import { onTestFinished } from 'vitest';
import { type BrowserTest, isApiRefusalNotice } from './browser.js';

/**
 * Another person at another browser: a fresh context (no cookies of the first), closed when the test ends,
 * whose console errors fail the test as the first page's do.
 */
export async function secondVisitor(current: BrowserTest, name: string): Promise<Page> {
  const browser = current.context.browser();
  if (!browser) throw new Error('the test page has no browser');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  onTestFinished(() => context.close());
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && !isApiRefusalNotice(message.text(), message.location().url)) {
      current.consoleErrors.push(`${name}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => current.consoleErrors.push(`${name}: ${error.message}`));
  return page;
}
