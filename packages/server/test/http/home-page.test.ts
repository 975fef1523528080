import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enginesUnderTest } from '../support/engines.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);

/** `/` in a browser when the console was not built: a page that says where everything is. */
/** The document and the page do not depend on the database: one engine is enough. */
describe('the home page without a built console', () => {
  const engine = enginesUnderTest()[0]!;
  let server: TestServer;
  let tenant: TestServer;

  beforeAll(async () => {
    server = await startTestServer(engine);
    tenant = await startTestServer(engine, (base) => ({ PORTCULLIS_ISSUER: `${base}/tenant-a` }));
  });
  afterAll(async () => {
    await server?.close();
    await tenant?.close();
  });

  it('links the API reference, the OpenAPI document, the metadata, the JWKS and the health check, each of which answers', async () => {
    const page = await fetch(`${server.baseUrl}/`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(hrefs(html)).toEqual([
      `${server.baseUrl}/docs`,
      `${server.baseUrl}/api/v1/openapi.json`,
      `${server.baseUrl}/.well-known/oauth-authorization-server`,
      `${server.baseUrl}/.well-known/jwks.json`,
      `${server.baseUrl}/health`,
    ]);
    for (const href of hrefs(html)) {
      const followed = await fetch(href);
      await followed.arrayBuffer();
      expect(followed.status, href).toBe(200);
    }
  });

  it('loads nothing, scripts or styles, so the strict policy of every answer holds, and may be cached', async () => {
    const page = await fetch(`${server.baseUrl}/`);
    const html = await page.text();
    expect(html).not.toMatch(/<script|<style|<link|<img|style=/i);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('stays out of the OpenAPI document', async () => {
    const doc = (await (await fetch(`${server.baseUrl}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).not.toContain('/');
  });

  it("answers under an issuer's path too, linking the URLs under that path", async () => {
    const page = await fetch(`${tenant.baseUrl}/tenant-a/`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(hrefs(html)).toContain(`${tenant.baseUrl}/tenant-a/docs`);
    for (const href of hrefs(html)) {
      const followed = await fetch(href);
      await followed.arrayBuffer();
      expect(followed.status, href).toBe(200);
    }
  });
});
