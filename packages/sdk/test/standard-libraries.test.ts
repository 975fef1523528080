import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { auth, requiredScopes } from 'express-oauth2-jwt-bearer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../server/test/support/test-server.js';
import type { Verifier } from '../src/index.js';
import {
  Administrator,
  audience,
  type Credential,
  startPortcullis,
  verifierFor,
} from './support/portcullis.js';

/**
 * Decision 0026: a platform API that checks scopes the common way — express-oauth2-jwt-bearer's
 * `requiredScopes`, or splitting `scope` itself — works with an Admin or Read-only credential's token, since
 * the claim spells the platform's permissions out besides the wildcards.
 */
describe('a resource server using a standard library, with real Portcullis tokens', () => {
  let portcullis: TestServer;
  let api: Server;
  let apiUrl: string;
  let verifier: Verifier;
  const tokens: Record<'admin' | 'reader', string> = { admin: '', reader: '' };

  beforeAll(async () => {
    portcullis = await startPortcullis();
    const administrator = await Administrator.of(portcullis);
    const credentials: Record<keyof typeof tokens, Credential> = {
      admin: await administrator.credential('std-admin', 'Admin'),
      reader: await administrator.credential('std-reader', 'Read only'),
    };
    tokens.admin = await administrator.tokenOf(credentials.admin);
    tokens.reader = await administrator.tokenOf(credentials.reader);

    const app = express();
    // Discovery from Portcullis's RFC 8414 metadata, as the library's documentation has it.
    app.use(auth({ issuerBaseURL: portcullis.baseUrl, audience, strict: true }));
    app.get('/incidents', requiredScopes('incidents:list'), (_req, res) => {
      res.json({ items: [] });
    });
    app.post('/incidents', requiredScopes('incidents:create'), (_req, res) => {
      res.status(201).json({ id: 'inc_1' });
    });
    // No library at all: the scope string split and searched.
    app.get('/findings', (req, res) => {
      const scope = String(req.auth?.payload.scope ?? '').split(' ');
      res.status(scope.includes('findings:list') ? 200 : 403).end();
    });
    app.delete('/findings/:id', (req, res) => {
      const scope = String(req.auth?.payload.scope ?? '').split(' ');
      res.status(scope.includes('findings:delete') ? 204 : 403).end();
    });
    api = createServer(app).listen(0, '127.0.0.1');
    await once(api, 'listening');
    apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    verifier = verifierFor(portcullis, false);
  });

  afterAll(async () => {
    await verifier?.close();
    api?.close();
    await portcullis?.close();
  });

  const call = (method: string, path: string, token: string) =>
    fetch(`${apiUrl}${path}`, { method, headers: { authorization: `Bearer ${token}` } });

  it("lets an Admin credential's token create an incident through requiredScopes", async () => {
    expect((await call('POST', '/incidents', tokens.admin)).status).toBe(201);
    expect((await call('GET', '/incidents', tokens.admin)).status).toBe(200);
  });

  it("lets a Read-only credential's token list incidents, and refuses it creating one with 403", async () => {
    expect((await call('GET', '/incidents', tokens.reader)).status).toBe(200);
    const refused = await call('POST', '/incidents', tokens.reader);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
  });

  it('answers a hand-written scope.split(" ").includes(…) check the same way', async () => {
    expect((await call('GET', '/findings', tokens.admin)).status).toBe(200);
    expect((await call('GET', '/findings', tokens.reader)).status).toBe(200);
    expect((await call('DELETE', '/findings/f1', tokens.admin)).status).toBe(204);
    expect((await call('DELETE', '/findings/f1', tokens.reader)).status).toBe(403);
  });

  it('gives the SDK the same permissions from the spelled-out claim as from its wildcards', async () => {
    const admin = await verifier.verify(tokens.admin);
    const reader = await verifier.verify(tokens.reader);
    expect(admin.scope.split(' ')[0]).toBe('*:*');
    expect([admin.can('incidents', '*'), admin.can('portcullis.users', 'delete')]).toEqual([true, true]);
    expect(reader.scope.split(' ').slice(0, 2)).toEqual(['*:get', '*:list']);
    expect([reader.can('incidents', 'list'), reader.can('portcullis.users', 'list')]).toEqual([true, true]);
    expect([reader.can('incidents', 'create'), reader.canSearch(['incidents'])]).toEqual([false, false]);
  });
});
