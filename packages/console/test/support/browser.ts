import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect } from 'vitest';

/** Debian's Chromium (the developers' guide: never a downloaded browser). */
export const chromiumPath = process.env.PORTCULLIS_CHROMIUM ?? '/usr/bin/chromium';

const screenshotRoot = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

export interface BrowserTest {
  page: Page;
  context: BrowserContext;
  /** Errors the page wrote to its console or threw; a test ends with none. */
  consoleErrors: string[];
}

/**
 * Chromium notes every 4xx answer to a fetch in the console. A refusal of the API is part of the flows under
 * test (a wrong password, no session yet) and the screen shows it; any other failed load is an error.
 */
export function isApiRefusalNotice(text: string, url: string): boolean {
  return (
    /^Failed to load resource: the server responded with a status of 4\d\d/.test(text) &&
    /^\/(api|oauth|v2)\//.test(new URL(url).pathname)
  );
}

/**
 * A suite that drives real Chromium: one browser per file, a fresh context (cookies, storage) per test, and
 * every test fails on an error in the browser's console. Without Chromium the suite is skipped, loudly —
 * and fails under CI=true, where .ci/run installs it.
 */
export function describeInBrowser(title: string, suite: (current: () => BrowserTest) => void): void {
  if (!existsSync(chromiumPath)) {
    if (process.env.CI === 'true') {
      describe(title, () => {
        throw new Error(`Chromium is required under CI=true and is not at ${chromiumPath}`);
      });
      return;
    }
    console.warn(
      `\n!!! SKIPPED "${title}": no Chromium at ${chromiumPath}. Install it: apt-get install -y chromium\n`,
    );
    describe.skip(title, () => suite(() => undefined as never));
    return;
  }
  describe(title, () => {
    let browser: Browser;
    let current: BrowserTest | undefined;
    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath: chromiumPath,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
        ],
      });
    });
    afterAll(async () => browser?.close());
    beforeEach(async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const page = await context.newPage();
      const consoleErrors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && !isApiRefusalNotice(message.text(), message.location().url)) {
          consoleErrors.push(message.text());
        }
      });
      page.on('pageerror', (error) => consoleErrors.push(error.message));
      current = { page, context, consoleErrors };
    });
    afterEach(async () => {
      const errors = current?.consoleErrors ?? [];
      await current?.context.close();
      current = undefined;
      expect(errors, 'errors in the browser console').toEqual([]);
    });
    suite(() => {
      if (!current) throw new Error('no browser test running');
      return current;
    });
  });
}

/**
 * Waits for the page's transitions to end: a dialog fading in or out is half transparent, and axe would
 * measure (and a screenshot show) a frame nobody reads. A spinner's endless animation is not waited for.
 * Mantine starts a dialog's fade a frame or two after the dialog is in the page (transparent until then),
 * so a few frames go by first, or a fade not yet begun would pass for one done.
 */
async function animationsDone(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let frame = 0; frame < 3; frame++) await new Promise((next) => requestAnimationFrame(next));
  });
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity),
  );
}

/** Saves a screenshot of the page under test-results/screenshots/<flow>/ (not committed). */
export async function screenshot(page: Page, flow: string, name: string): Promise<void> {
  const folder = path.join(screenshotRoot, flow);
  mkdirSync(folder, { recursive: true });
  await animationsDone(page);
  await page.screenshot({ path: path.join(folder, `${name}.png`), fullPage: true });
}

/**
 * axe-core's scan of the page as it is now: no serious or critical violation. Legacy mode runs axe in the
 * page itself; the default also opens a blank page to merge the results of cross-origin frames, which the
 * console has none of, and tripled the time of a scan (6 s for a dialog with the permission matrix).
 * `region` (content outside landmarks) is only ever a moderate finding, which this check does not count,
 * and was a third of what was left.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await animationsDone(page);
  const results = await new AxeBuilder({ page }).setLegacyMode(true).disableRules(['region']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `accessibility of ${screen}`).toEqual([]);
}
