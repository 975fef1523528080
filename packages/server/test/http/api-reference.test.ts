import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enginesUnderTest } from '../support/engines.js';
import { adminToken, api } from '../support/http-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

interface Media {
  schema: object;
  example?: unknown;
}
interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  requestBody?: { content: Record<string, Media> };
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  tags?: { name: string; description?: string }[];
  components: {
    schemas?: Record<string, object>;
    securitySchemes: Record<string, { description?: string; type?: string; in?: string; name?: string }>;
  };
}

const operationsOf = (doc: OpenApiDocument) =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      key: `${method.toUpperCase()} ${path}`,
      operation,
    })),
  );

/** Flags that hand out the widest rights there are; an example a reader may send as it is must not set them. */
const widestGrants =
  /"(isOrganizationAdmin|isPlatformOperator|platformIntrospection)":true|"preset":"admin"|"\*:\*"/;

/** The interactive reference at /docs teaches: the generated document it renders, walked whole. */
/** The document and the page do not depend on the database: one engine is enough. */
describe('the API reference', () => {
  const engine = enginesUnderTest()[0]!;
  let server: TestServer;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    server = await startTestServer(engine);
    doc = (await api<OpenApiDocument>(server.baseUrl, 'GET', '/api/v1/openapi.json')).body;
  });
  afterAll(async () => server?.close());

  it('gives every operation a summary, a longer description and a tag', () => {
    const lacking = operationsOf(doc)
      .filter(
        ({ operation: o }) =>
          !o.summary?.trim() ||
          !o.description?.trim() ||
          o.description.trim() === o.summary.trim() ||
          !o.tags?.length,
      )
      .map(({ key }) => key);
    expect(lacking).toEqual([]);
  });

  it('describes every tag the operations use, and lists no other', () => {
    const used = new Set(operationsOf(doc).flatMap(({ operation }) => operation.tags ?? []));
    const listed = doc.tags ?? [];
    expect(listed.map((t) => t.name).sort()).toEqual([...used].sort());
    expect(listed.filter((t) => !t.description?.trim()).map((t) => t.name)).toEqual([]);
  });

  it('says where a token comes from: sign-in or /oauth/token for Bearer, a credential pair for Basic', () => {
    const { bearer, basic } = doc.components.securitySchemes;
    expect(bearer?.description).toContain('/api/v1/auth/login');
    expect(bearer?.description).toContain('/oauth/token');
    expect(basic?.description).toMatch(/client id|access key/i);
  });

  it("describes the console's session cookie beside Bearer and Basic, on the operations that take it", () => {
    const { cookie } = doc.components.securitySchemes;
    expect(cookie).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'portcullis_session' });
    expect(cookie?.description).toContain('/api/v1/auth/session');
    expect(cookie?.description).toContain('x-csrf-token');
    const security = (method: string, path: string) =>
      (doc.paths[path]![method] as { security?: Record<string, unknown>[] }).security?.flatMap(Object.keys);
    expect(security('get', '/api/v1/auth/session')).toEqual(['bearer', 'basic', 'cookie']);
    expect(security('delete', '/api/v1/auth/session')).toEqual(['bearer', 'basic', 'cookie']);
    expect(security('post', '/api/v1/roles')).toEqual(['bearer', 'basic', 'cookie']);
    expect(security('post', '/api/v1/auth/session')).toBeUndefined();
    expect(security('get', '/oauth/revocations')).toEqual(['bearer', 'basic']);
  });

  it('gives every request body an example that fits its schema and grants nothing an admin alone may', () => {
    const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
    const problems: string[] = [];
    for (const { key, operation } of operationsOf(doc)) {
      for (const [contentType, media] of Object.entries(operation.requestBody?.content ?? {})) {
        if (media.example === undefined) {
          problems.push(`${key} ${contentType}: no example`);
          continue;
        }
        const validate = ajv.compile({ ...media.schema, components: doc.components });
        if (!validate(media.example)) {
          problems.push(`${key}: example does not fit: ${ajv.errorsText(validate.errors)}`);
        }
        if (widestGrants.test(JSON.stringify(media.example))) {
          problems.push(`${key}: example grants admin rights: ${JSON.stringify(media.example)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('refuses the example passwords, so "Try it out" sent as it is sets no password anyone can read', async () => {
    const exampleOf = (method: string, path: string) =>
      doc.paths[path]![method]!.requestBody!.content['application/json']!.example as Record<string, unknown>;
    const token = await adminToken(server.baseUrl);
    const auth = { authorization: `Bearer ${token}` };
    const email = `reader-${Date.now()}@acme.example`;
    const ownPassword = 'a password only this test knows';

    const createdWithExample = await api(server.baseUrl, 'POST', '/api/v1/logins', {
      headers: auth,
      body: { ...exampleOf('post', '/api/v1/logins'), email },
    });
    expect(createdWithExample.status).toBe(400);
    expect(createdWithExample.body.error.code).toBe('validation_failed');

    const created = await api(server.baseUrl, 'POST', '/api/v1/logins', {
      headers: auth,
      body: { email, name: 'Reader', password: ownPassword },
    });
    expect(created.status, 'the refused create left no login behind with that email').toBe(201);
    const reset = await api(server.baseUrl, 'PUT', `/api/v1/logins/${created.body.id}/password`, {
      headers: auth,
      body: exampleOf('put', '/api/v1/logins/{id}/password'),
    });
    expect(reset.status).toBe(400);
    expect(reset.body.error.code).toBe('validation_failed');

    const signIn = (password: string) =>
      api<{ accessToken: string }>(server.baseUrl, 'POST', '/api/v1/auth/login', {
        body: { email, password },
      });
    expect((await signIn(ownPassword)).status).toBe(200);
    const own = (await signIn(ownPassword)).body.accessToken;
    const changed = await api(server.baseUrl, 'PUT', '/api/v1/auth/password', {
      headers: { authorization: `Bearer ${own}` },
      body: { ...exampleOf('put', '/api/v1/auth/password'), currentPassword: ownPassword },
    });
    expect(changed.status).toBe(400);
    expect(changed.body.error.code).toBe('validation_failed');
    expect((await signIn(ownPassword)).status).toBe(200);
    expect((await signIn(String(exampleOf('put', '/api/v1/logins/{id}/password').password))).status).toBe(
      401,
    );
  });
});
