import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientPair } from '../../server/test/support/http-client.js';
import type { TestServer } from '../../server/test/support/test-server.js';
import * as forExpress from '../src/express.js';
import * as forFastify from '../src/fastify.js';
import * as forHono from '../src/hono.js';
import type { Verifier } from '../src/index.js';
import * as forWeb from '../src/web.js';
import { Administrator, audience, startPortcullis, verifierFor } from './support/portcullis.js';

/** A platform API with three routes, on a real port; resolves to its base URL and a way to stop it. */
type PlatformApi = (verifier: Verifier) => Promise<{ url: string; close: () => Promise<void> }>;

/** The types a search names, from `?types=incidents,findings`. */
const searchedTypes = (url: string) => (new URL(url, 'http://x').searchParams.get('types') ?? '').split(',');

async function listening(server: Server): Promise<{ url: string; close: () => Promise<void> }> {
  if (!server.listening) await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const platformApis: Record<string, PlatformApi> = {
  async express(verifier) {
    const { requirePermissions, bearerErrors } = forExpress;
    const app = express();
    app.get('/incidents', requirePermissions(verifier, 'incidents:list'), (req, res) => {
      res.json({ subject: req.portcullis?.subject });
    });
    app.post('/incidents', requirePermissions(verifier, 'incidents:create'), (_req, res) => {
      res.status(201).json({ created: true });
    });
    app.get('/search', requirePermissions(verifier), (req, res) => {
      req.portcullis?.requireSearch(searchedTypes(req.url));
      res.json({ results: [] });
    });
    app.use(bearerErrors());
    return listening(app.listen(0, '127.0.0.1'));
  },

  async fastify(verifier) {
    const { requirePermissions, bearerErrorHandler } = forFastify;
    const app = Fastify();
    app.setErrorHandler(bearerErrorHandler());
    app.get(
      '/incidents',
      { preHandler: requirePermissions(verifier, 'incidents:list') },
      async (request) => ({
        subject: request.portcullis?.subject,
      }),
    );
    app.post(
      '/incidents',
      { preHandler: requirePermissions(verifier, 'incidents:create') },
      async (_r, reply) => reply.code(201).send({ created: true }),
    );
    app.get('/search', { preHandler: requirePermissions(verifier) }, async (request) => {
      request.portcullis?.requireSearch(searchedTypes(request.url));
      return { results: [] };
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    return listening(app.server);
  },

  async hono(verifier) {
    const { requirePermissions, bearerErrorHandler } = forHono;
    const app = new Hono<{ Variables: forHono.PortcullisVariables }>();
    app.onError(bearerErrorHandler());
    app.get('/incidents', requirePermissions(verifier, 'incidents:list'), (c) =>
      c.json({ subject: c.get('portcullis').subject }),
    );
    app.post('/incidents', requirePermissions(verifier, 'incidents:create'), (c) =>
      c.json({ created: true }, 201),
    );
    app.get('/search', requirePermissions(verifier), (c) => {
      c.get('portcullis').requireSearch(searchedTypes(c.req.url));
      return c.json({ results: [] });
    });
    return listening(serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }) as Server);
  },

  async web(verifier) {
    const { withPermissions } = forWeb;
    const routes: Record<string, (request: Request) => Promise<Response>> = {
      'GET /incidents': withPermissions(verifier, 'incidents:list', (_request, principal) =>
        Response.json({ subject: principal.subject }),
      ),
      'POST /incidents': withPermissions(verifier, 'incidents:create', () =>
        Response.json({ created: true }, { status: 201 }),
      ),
      'GET /search': withPermissions(verifier, undefined, (request, principal) => {
        principal.requireSearch(searchedTypes(request.url));
        return Response.json({ results: [] });
      }),
    };
    const handler = (request: Request) =>
      routes[`${request.method} ${new URL(request.url).pathname}`]?.(request) ??
      new Response(null, { status: 404 });
    return listening(serve({ fetch: handler, hostname: '127.0.0.1', port: 0 }) as Server);
  },
};

describe('the adapters protect routes over real HTTP', () => {
  let portcullis: TestServer;
  let verifier: Verifier;
  let readOnly: string;
  let adminToken: string;
  let searcher: string;
  let feedReader: ClientPair;

  beforeAll(async () => {
    portcullis = await startPortcullis();
    const admin = await Administrator.of(portcullis);
    feedReader = await admin.resourceServer('adapters-gateway');
    readOnly = await admin.tokenOf(await admin.credential('reader', 'Read only'));
    adminToken = await admin.tokenOf(await admin.credential('admin-app', 'Admin'));
    searcher = await admin.tokenOf(
      await admin.credential('searcher', { permissions: ['search:create', 'incidents:list'] }),
    );
    verifier = verifierFor(portcullis, feedReader);
    expect(await verifier.ready()).toBe(true);
  });
  afterAll(async () => {
    await verifier?.close();
    await portcullis?.close();
  });

  describe.each(Object.keys(platformApis))('%s', (framework) => {
    let platform: { url: string; close: () => Promise<void> };
    const call = (method: string, path: string, token?: string) =>
      fetch(`${platform.url}${path}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });

    beforeAll(async () => {
      platform = await platformApis[framework]!(verifier);
    });
    afterAll(async () => platform?.close());

    it('answers a request without a token 401 with a Bearer challenge', async () => {
      const response = await call('GET', '/incidents');
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe(`Bearer realm="${audience}"`);
    });

    it('answers an invalid token 401 invalid_token', async () => {
      const response = await call('GET', '/incidents', `${readOnly.slice(0, -4)}AAAA`);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
      expect(await response.json()).toMatchObject({ error: 'invalid_token' });
    });

    it('lets a Read-only credential list incidents', async () => {
      const response = await call('GET', '/incidents', readOnly);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ subject: expect.stringMatching(/^sa_/) });
    });

    it('refuses a Read-only credential creating an incident with 403 naming incidents:create', async () => {
      const response = await call('POST', '/incidents', readOnly);
      expect(response.status).toBe(403);
      expect(response.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
      expect(response.headers.get('www-authenticate')).toContain('scope="incidents:create"');
      expect(await response.json()).toEqual({
        error: 'insufficient_scope',
        error_description: 'The token lacks this permission: incidents:create.',
        missing: ['incidents:create'],
      });
    });

    it('lets an Admin credential create an incident', async () => {
      expect((await call('POST', '/incidents', adminToken)).status).toBe(201);
    });

    it("holds FireTail's search rule inside the handler, naming what the search lacks", async () => {
      expect((await call('GET', '/search?types=incidents', searcher)).status).toBe(200);
      const refused = await call('GET', '/search?types=incidents,findings', searcher);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ missing: ['findings:list'] });
      expect(await (await call('GET', '/search?types=incidents', readOnly)).json()).toMatchObject({
        missing: ['search:create'],
      });
    });
  });
});
