import { chromium } from 'playwright-core';

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
page.on('console', (m) => console.log('CONSOLE', m.type(), m.text(), JSON.stringify(m.location())));
page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
page.on('response', (r) => console.log('RESP', r.status(), r.url()));
await page.goto(process.argv[2]);
await page.waitForTimeout(4000);
console.log('URL', page.url());
console.log(
  'FETCH',
  await page.evaluate(async () => {
    const r = await fetch('/api/v1/auth/session');
    return r.status + ' ' + (await r.text()).slice(0, 80);
  }),
);
console.log(
  'FETCH2',
  await page.evaluate(async () => {
    const r = await fetch(
      new Request(location.origin + '/api/v1/auth/session', { credentials: 'same-origin' }),
    );
    return r.status;
  }),
);
console.log('ROOT', await page.evaluate(() => document.getElementById('root').innerHTML.slice(-600)));
await browser.close();
