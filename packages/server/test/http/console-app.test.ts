import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enginesUnderTest } from '../support/engines.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** A console as Vite builds it: a page whose assets are relative to its <base>, and hashed assets. */
function builtConsole(): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'portcullis-console-build-'));
  mkdirSync(path.join(directory, 'assets'));
  writeFileSync(
    path.join(directory, 'index.html'),
    '<!doctype html><html><head><base href="/" /><script type="module" src="./assets/app-1a2b.js"></script></head><body><div id="root"></div></body></html>',
  );
  writeFileSync(path.join(directory, 'assets', 'app-1a2b.js'), 'console.log("console");');
  return directory;
}

const html = { accept: 'text/html,application/xhtml+xml' };

/** The built console at `/` and at every screen's path; the API and protocol paths stay JSON. */
describe('the console the server serves', () => {
  const engine = enginesUnderTest()[0]!;
  const directory = builtConsole();
  let server: TestServer;
  let tenant: TestServer;

  beforeAll(async () => {
    server = await startTestServer(engine, { PORTCULLIS_CONSOLE_DIR: directory });
    tenant = await startTestServer(engine, (base) => ({
      PORTCULLIS_CONSOLE_DIR: directory,
      PORTCULLIS_ISSUER: `${base}/tenant-a`,
    }));
  });
  afterAll(async () => {
    await server?.close();
    await tenant?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it("answers / and a screen's path with the console's page, under a policy that runs only its own scripts", async () => {
    for (const pathname of ['/', '/service-accounts', '/users/usr_01?tab=roles']) {
      const page = await fetch(`${server.baseUrl}${pathname}`, { headers: html });
      expect(page.status, pathname).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('cache-control')).toBe('no-cache');
      const policy = page.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toMatch(/script-src[^;]*unsafe/);
      expect(await page.text()).toContain('<div id="root">');
    }
  });

  it('serves the hashed assets for good, and a missing one as a 404', async () => {
    const asset = await fetch(`${server.baseUrl}/assets/app-1a2b.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await asset.text()).toContain('console');
    const missing = await fetch(`${server.baseUrl}/assets/gone-0000.js`, { headers: html });
    await missing.arrayBuffer();
    expect(missing.status).toBe(404);
  });

  it('keeps a mistyped API, OAuth or well-known path a JSON 404, even for a browser', async () => {
    for (const pathname of [
      '/api/v1/no-such-thing',
      '/oauth/nothing',
      '/.well-known/nothing',
      '/v2/nothing',
    ]) {
      const answer = await fetch(`${server.baseUrl}${pathname}`, { headers: html });
      expect(answer.status, pathname).toBe(404);
      expect(answer.headers.get('content-type'), pathname).toContain('application/json');
      expect(JSON.stringify(await answer.json()), pathname).not.toContain('root');
    }
    const script = await fetch(`${server.baseUrl}/service-accounts`, {
      headers: { accept: 'application/json' },
    });
    expect(script.status).toBe(404);
    expect(((await script.json()) as { error: { code: string } }).error.code).toBe('route_not_found');
  });

  it("sets the page's base to the issuer's path, so assets and screens resolve under it", async () => {
    const page = await fetch(`${tenant.baseUrl}/tenant-a/users`, { headers: html });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<base href="/tenant-a/" />');
    const asset = await fetch(`${tenant.baseUrl}/tenant-a/assets/app-1a2b.js`);
    expect(asset.status).toBe(200);
  });
});
