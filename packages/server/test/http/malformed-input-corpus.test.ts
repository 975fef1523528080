import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachEngine } from '../support/engines.js';
import { adminToken, api, createUsableServiceAccount } from '../support/http-client.js';
import { type RawRequest, type RawResponse, rawRequest } from '../support/raw-http.js';
import { snapshotState } from '../support/state-snapshot.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** The parts of an OpenAPI schema the corpus reads. */
interface Schema {
  type?: string;
  anyOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean;
  maxLength?: number;
}

interface Operation {
  key: string;
  method: string;
  path: string;
  pathParams: string[];
  query: { name: string; schema: Schema }[];
  body?: { form: boolean; schema: Schema };
  protected: boolean;
}

/** What a malformed request must get, beyond any 4xx in the right shape, when it reaches validation. */
interface Expected {
  status: number;
  code?: string;
  /** The field the error must name: `details[].field` in the envelope, the parameter in RFC 6749's text. */
  field?: string;
}

interface Case {
  label: string;
  request: RawRequest;
  /** Refused before any route is chosen (the path or the HTTP message itself), so before authentication. */
  beforeRouting?: boolean;
  expected?: Expected;
}

/** Routes that answer in RFC 6749's shape; everything else uses the API envelope. */
const oauthShaped = new Set(['POST /oauth/token', 'POST /oauth/introspect', 'POST /oauth/revoke']);
/** The access-key login refuses everything but a wrong Content-Type with 401 (docs/errors.md). */
const refusesWith401 = new Set(['POST /v2/login']);
/** Routes outside the OpenAPI document, reached by browsers or tools. */
const undocumented = ['GET /', 'GET /api/v1/openapi.json', 'GET /docs', 'GET /docs/json'];

const leaks = /\bat \S+ \(|node_modules|\/src\/|\/dist\/|\.[jt]s:\d+|Error:/;

function typesOf(schema: Schema): string[] {
  return schema.anyOf ? schema.anyOf.flatMap(typesOf) : schema.type ? [schema.type] : [];
}

function wrongValueFor(schema: Schema): unknown {
  const types = typesOf(schema);
  if (types.includes('string')) return 12345;
  if (types.includes('array')) return { not: 'an array' };
  return 'not the declared type';
}

function operationsOf(doc: { paths: Record<string, Record<string, Record<string, unknown>>> }): Operation[] {
  const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, raw]) => {
      const operation = raw as {
        parameters?: { in: string; name: string; schema: Schema }[];
        requestBody?: { content: Record<string, { schema: Schema }> };
        security?: unknown[];
      };
      const parameters = operation.parameters ?? [];
      const content = operation.requestBody?.content ?? {};
      const [contentType, media] = Object.entries(content)[0] ?? [];
      return {
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
        ...(media
          ? { body: { form: contentType === 'application/x-www-form-urlencoded', schema: media.schema } }
          : {}),
        protected: (operation.security ?? []).length > 0,
      };
    }),
  );
  const extra = undocumented.map((key) => {
    const [method, path] = key.split(' ') as [string, string];
    return { key, method, path, pathParams: [], query: [], protected: false };
  });
  return [...operations, ...extra];
}

/** Ids of real objects, so that a request is wrong only where the corpus made it wrong. */
type Ids = Record<string, string>;

function idFor(ids: Ids, path: string, param: string): string {
  if (param === 'secretId') return ids.secret!;
  if (param === 'roleId') return ids.role!;
  const segments = path.split('/');
  const collection = segments[segments.indexOf(`{${param}}`) - 1] ?? '';
  // A route this table does not know yet still gets a well-formed id: its malformed requests stay wrong.
  return ids[collection] ?? 'zz_00000000000000000000000000';
}

function pathOf(operation: Operation, ids: Ids, override?: { param: string; value: string }): string {
  return operation.path.replace(/\{(\w+)\}/g, (_match, param: string) =>
    override?.param === param ? override.value : idFor(ids, operation.path, param),
  );
}

const json = { 'content-type': 'application/json' };
const form = { 'content-type': 'application/x-www-form-urlencoded' };
const hugeText = 'x'.repeat(70 * 1024);
/** As deep as fits under the body limit: 20,000 arrays, 10,000 objects. */
const depth = 20_000;

/** Every malformed request the corpus sends to one route. */
function casesFor(operation: Operation, ids: Ids): Case[] {
  const { method } = operation;
  const path = pathOf(operation, ids);
  const cases: Case[] = [];
  const add = (
    label: string,
    request: Omit<RawRequest, 'method'>,
    more: Omit<Case, 'label' | 'request'> = {},
  ) => cases.push({ label, request: { method, ...request }, ...more });
  const firstParam = operation.pathParams[0];

  // The path and the HTTP message itself: refused before routing, whoever asks.
  const badPath = (label: string, value: string) =>
    add(
      label,
      { target: firstParam ? pathOf(operation, ids, { param: firstParam, value }) : `${path}${value}` },
      { beforeRouting: true, expected: { status: 400, code: 'validation_failed', field: 'path' } },
    );
  badPath('path with invalid percent-encoding %FF', '%FF');
  badPath('path with an encoded lone surrogate', '%ED%A0%80');
  badPath('path with a truncated escape', '%E2%82');
  add(
    'path with a raw non-ASCII byte',
    { target: Buffer.concat([Buffer.from(path), Buffer.from([0xff])]) },
    { beforeRouting: true, expected: { status: 400, code: 'malformed_request' } },
  );
  add(
    'query with a raw non-ASCII byte',
    { target: Buffer.concat([Buffer.from(`${path}?q=`), Buffer.from([0xc3, 0x28])]) },
    { beforeRouting: true, expected: { status: 400, code: 'malformed_request' } },
  );

  // Path parameters.
  for (const param of operation.pathParams) {
    for (const [label, value] of [
      ['NUL', '%00'],
      ['an escape character', '%1B'],
      ['DEL', '%7F'],
    ]) {
      add(
        `path parameter ${param} with ${label}`,
        { target: pathOf(operation, ids, { param, value: `a${value}b` }) },
        { expected: { status: 400, code: 'validation_failed', field: `params.${param}` } },
      );
    }
    add(`path parameter ${param} of 300 characters`, {
      target: pathOf(operation, ids, { param, value: 'a'.repeat(300) }),
    });
  }

  // The query string.
  const queryName = operation.query[0]?.name ?? 'q';
  for (const [label, value] of [
    ['NUL', 'a%00b'],
    ['an escape character', '%1B'],
    ['a C1 control character', '%C2%85'],
    ['invalid percent-encoding %FF', '%FF'],
    ['an encoded lone surrogate', '%ED%B0%80'],
    ['overlong UTF-8', '%C0%AF'],
    ['a bare percent sign', '100%'],
  ]) {
    add(
      `query ${queryName} with ${label}`,
      { target: `${path}?${queryName}=${value}` },
      { expected: { status: 400, code: 'validation_failed', field: `query.${queryName}` } },
    );
  }
  add(
    `query parameter name with NUL`,
    { target: `${path}?a%00b=1` },
    { expected: { status: 400, code: 'validation_failed' } },
  );
  for (const { name, schema } of operation.query) {
    const sample = typesOf(schema).includes('integer')
      ? '1'
      : typesOf(schema).includes('boolean')
        ? 'true'
        : 'a';
    add(
      `query ${name} repeated`,
      { target: `${path}?${name}=${sample}&${name}=${sample}` },
      { expected: { status: 400, code: 'validation_failed' } },
    );
    if (!typesOf(schema).includes('string') || schema.anyOf) {
      add(
        `query ${name} of the wrong type`,
        { target: `${path}?${name}=%5Bnot%5D` },
        { expected: { status: 400, code: 'validation_failed' } },
      );
    }
  }

  // Bodies every route refuses at parsing, with or without a schema (GET bodies are never read).
  if (method !== 'GET') {
    add(
      'a body with a Content-Type no route accepts',
      { target: path, headers: { 'content-type': 'text/csv' }, body: 'hello' },
      { expected: { status: 415, code: 'unsupported_media_type' } },
    );
    add(
      'a body with an XML Content-Type',
      { target: path, headers: { 'content-type': 'application/xml' }, body: '<a/>' },
      { expected: { status: 415, code: 'unsupported_media_type' } },
    );
    add(
      'a body over the size limit',
      { target: path, headers: json, body: JSON.stringify({ x: hugeText }) },
      { expected: { status: operation.body?.form ? 415 : 413 } },
    );
    if (!operation.body?.form) {
      add(
        'a body that is not JSON',
        { target: path, headers: json, body: '{"name": ' },
        { expected: { status: 400, code: 'malformed_body' } },
      );
      add(
        'a JSON body with invalid UTF-8',
        {
          target: path,
          headers: json,
          body: Buffer.concat([Buffer.from('{"name": "a'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]),
        },
        { expected: { status: 400, code: 'malformed_body' } },
      );
      add(
        'a JSON body with a truncated UTF-8 sequence',
        {
          target: path,
          headers: json,
          body: Buffer.concat([Buffer.from('{"name": "a'), Buffer.from([0xe2, 0x82]), Buffer.from('"}')]),
        },
        { expected: { status: 400, code: 'malformed_body' } },
      );
      add(
        'an empty JSON body',
        { target: path, headers: json, body: '' },
        { expected: { status: 400, code: 'malformed_body' } },
      );
      add(
        'a JSON body polluting the prototype',
        { target: path, headers: json, body: '{"__proto__": {"isOrganizationAdmin": true}}' },
        { expected: { status: 400 } },
      );
    }
  }

  const body = operation.body;
  if (!body) return cases;
  const properties = Object.entries(body.schema.properties ?? {});
  if (body.form) {
    const oauthForm = (text: string | Buffer) => ({ target: path, headers: form, body: text });
    // The required parameters, present, so that the schema's complaint is about the parameter under test.
    const withRequired = (name: string, text: string) =>
      [...(body.schema.required ?? []).filter((r) => r !== name).map((r) => `${r}=x`), text].join('&');
    add(
      'a form body with invalid UTF-8',
      oauthForm(Buffer.concat([Buffer.from('token=a'), Buffer.from([0xff])])),
      { expected: { status: 400, code: 'invalid_request' } },
    );
    add('a form body over the size limit', oauthForm(`token=${hugeText}`), { expected: { status: 413 } });
    add(
      'a JSON body where a form is required',
      { target: path, headers: json, body: '{"token": "a"}' },
      { expected: { status: 400, code: 'invalid_request' } },
    );
    if (body.schema.required?.length)
      add('a form missing its required parameters', oauthForm(''), {
        expected: { status: 400, code: 'invalid_request' },
      });
    for (const [name, schema] of properties) {
      for (const [label, value] of [
        ['NUL', 'a%00b'],
        ['an escape character', 'a%1Bb'],
        ['invalid percent-encoding', 'a%FFb'],
        ['an encoded lone surrogate', '%ED%A0%80'],
        ['overlong UTF-8', '%C0%AF'],
      ]) {
        add(`form ${name} with ${label}`, oauthForm(`${name}=${value}`), {
          expected: { status: 400, code: 'invalid_request', field: name },
        });
      }
      add(`form ${name} repeated`, oauthForm(withRequired(name, `${name}=a&${name}=b`)), {
        expected: { status: 400, code: 'invalid_request', field: name },
      });
      if (schema.maxLength) {
        add(
          `form ${name} over its length`,
          oauthForm(withRequired(name, `${name}=${'a'.repeat(schema.maxLength + 1)}`)),
          {
            expected: { status: 400, code: 'invalid_request', field: name },
          },
        );
      }
    }
    return cases;
  }

  const send = (value: unknown) => ({ target: path, headers: json, body: JSON.stringify(value) });
  add('an array where an object belongs', send([]), { expected: { status: 400, code: 'validation_failed' } });
  add('a string where an object belongs', send('text'), {
    expected: { status: 400, code: 'validation_failed' },
  });
  if (body.schema.required?.length) {
    add('an object missing its required fields', send({}), {
      expected: { status: 400, code: 'validation_failed', field: `body.${body.schema.required[0]}` },
    });
  }
  if (body.schema.additionalProperties === false) {
    add('an unknown field', send({ bogus: true }), { expected: { status: 400, code: 'validation_failed' } });
  }
  const first = properties[0]?.[0] ?? 'name';
  add(
    'deeply nested arrays',
    { target: path, headers: json, body: `{"${first}": ${'['.repeat(depth)}${']'.repeat(depth)}}` },
    { expected: { status: 400, code: 'validation_failed' } },
  );
  add(
    'deeply nested objects',
    { target: path, headers: json, body: `${'{"a":'.repeat(depth / 2)}1${'}'.repeat(depth / 2)}` },
    { expected: { status: 400, code: 'validation_failed' } },
  );
  add(
    'a NUL in a property name',
    { target: path, headers: json, body: '{"na\\u0000me": "x"}' },
    { expected: { status: 400, code: 'validation_failed' } },
  );

  // Each field: the wrong type, and each character the input rule refuses.
  const textCases = (field: string, schema: Schema, wrap: (value: unknown) => unknown) => {
    const types = typesOf(schema);
    add(`${field} of the wrong type`, send(wrap(wrongValueFor(schema))), {
      expected: { status: 400, code: 'validation_failed' },
    });
    if (types.includes('string')) {
      for (const [label, value] of [
        ['NUL', 'a\u0000b'],
        ['a lone high surrogate', 'a\ud800b'],
        ['a lone low surrogate', '\udc00'],
        ['an escape character', 'a\u001bb'],
        ['a C1 control character', 'a\u0085b'],
      ]) {
        add(`${field} with ${label}`, send(wrap(value)), {
          expected: { status: 400, code: 'validation_failed', field },
        });
      }
    }
    if (types.includes('array') && schema.items && typesOf(schema.items).includes('string')) {
      add(`${field} with a NUL item`, send(wrap(['ok', 'a\u0000b'])), {
        expected: { status: 400, code: 'validation_failed', field: `${field}.1` },
      });
    }
    if (types.includes('object')) {
      for (const [name, inner] of Object.entries(schema.properties ?? {})) {
        if (typesOf(inner).includes('string')) {
          add(`${field}.${name} with NUL`, send(wrap({ [name]: 'a\u0000b' })), {
            expected: { status: 400, code: 'validation_failed', field: `${field}.${name}` },
          });
        }
      }
    }
  };
  for (const [name, schema] of properties) textCases(`body.${name}`, schema, (value) => ({ [name]: value }));
  return cases;
}

describeOnEachEngine('malformed input corpus on $engine', (engine) => {
  let server: TestServer;
  let admin: string;
  let ids: Ids;

  beforeAll(async () => {
    // The SQL route takes longer bodies than the rest (a script, up to twice the maximum): at this maximum
    // its limit lies between the deeply nested bodies, which must reach the schema, and the huge one.
    server = await startTestServer(engine, { PORTCULLIS_SQL_MAX_SCRIPT_BYTES: '31000' });
    admin = await adminToken(server.baseUrl);
    const token = admin;
    const post = async (path: string, body?: unknown) =>
      (await api(server.baseUrl, 'POST', path, { token, ...(body === undefined ? {} : { body }) })).body;
    const client = await createUsableServiceAccount(server.baseUrl, token, 'corpus');
    const users = (await api(server.baseUrl, 'GET', '/api/v1/users', { token })).body.items;
    const secrets = (
      await api(server.baseUrl, 'GET', `/api/v1/service-accounts/${client.clientId}/secrets`, { token })
    ).body.items;
    const organization = (await api(server.baseUrl, 'GET', '/api/v1/organization', { token })).body;
    ids = {
      'service-accounts': client.clientId,
      secret: secrets[0].id,
      users: users.find((u: { serviceAccountId: string | null }) => u.serviceAccountId === client.clientId)
        .id,
      role: (await post('/api/v1/roles', { name: 'corpus', permissions: ['incidents:get'] })).id,
      'client-credentials': (
        await post('/api/v1/client-credentials', { name: 'corpus', preset: 'read_only' })
      ).id,
      'access-keys': (await post('/api/v1/users/me/access-keys')).accessKey,
      organizations: organization.id,
      'network-policies': (
        await post('/api/v1/network-policies', { name: 'corpus', allowed: ['10.0.0.0/8'] })
      ).id,
      accounts: (await post('/api/v1/accounts', { name: 'corpus' })).id,
      logins: (
        await post('/api/v1/logins', {
          email: 'corpus@acme.example',
          name: 'C',
          password: 'corpus password 1',
        })
      ).id,
    };
    ids.roles = ids.role!;
  });
  afterAll(async () => server?.close());

  function problemsWith(
    operation: Operation,
    testCase: Case,
    authenticated: boolean,
    response: RawResponse,
  ): string[] {
    const problems: string[] = [];
    if (response.status < 400 || response.status > 499) problems.push(`status ${response.status}`);
    if (leaks.test(response.text)) problems.push(`internals in the body: ${response.text.slice(0, 200)}`);
    let body: { error?: unknown; error_description?: unknown };
    try {
      body = JSON.parse(response.text);
    } catch {
      return [...problems, `not JSON: ${response.text.slice(0, 100)}`];
    }
    const underOauth = operation.path.startsWith('/oauth/');
    const oauth = testCase.beforeRouting ? underOauth : oauthShaped.has(operation.key);
    const envelope = body.error as {
      code?: unknown;
      message?: unknown;
      requestId?: unknown;
      details?: { field?: string }[];
    };
    if (oauth) {
      if (typeof body.error !== 'string' || typeof body.error_description !== 'string')
        problems.push(`not RFC 6749: ${response.text.slice(0, 200)}`);
    } else if (
      typeof envelope?.code !== 'string' ||
      typeof envelope.message !== 'string' ||
      typeof envelope.requestId !== 'string'
    ) {
      problems.push(`not the error envelope: ${response.text.slice(0, 200)}`);
    }
    const reachesRule = testCase.beforeRouting || !operation.protected || authenticated;
    const expected = testCase.expected;
    if (!expected || !reachesRule) return problems;
    if (!testCase.beforeRouting && refusesWith401.has(operation.key)) {
      if (response.status !== (expected.status === 415 ? 415 : 401))
        problems.push(`status ${response.status}, not the access-key login's 401`);
    } else if (oauth) {
      const status =
        expected.status === 413 || expected.status === 415
          ? expected.status === 415
            ? 400
            : 413
          : expected.status;
      if (response.status !== status) problems.push(`status ${response.status}, expected ${status}`);
      if (expected.code && response.status === 400 && body.error !== 'invalid_request')
        problems.push(`error ${String(body.error)}`);
      const parameter = expected.field?.replace(/^(body|query|params)\./, '');
      if (parameter && parameter !== 'path' && !String(body.error_description).includes(parameter)) {
        problems.push(`description does not name ${parameter}: ${String(body.error_description)}`);
      }
    } else {
      if (response.status !== expected.status)
        problems.push(`status ${response.status}, expected ${expected.status}`);
      if (expected.code && envelope?.code !== expected.code)
        problems.push(`code ${String(envelope?.code)}, expected ${expected.code}`);
    }
    if (
      expected.field &&
      !oauth &&
      !(Array.isArray(envelope?.details) && envelope.details.some((d) => d.field === expected.field))
    ) {
      problems.push(`details do not name ${expected.field}: ${JSON.stringify(envelope?.details)}`);
    }
    return problems;
  }

  it('answers every malformed request on every route with a 4xx in its shape, no internals, and no change', async () => {
    const doc = await api(server.baseUrl, 'GET', '/api/v1/openapi.json');
    const operations = operationsOf(doc.body);
    const failures: string[] = [];
    let sent = 0;
    for (const operation of operations) {
      const before = await snapshotState(server.portcullis.database.db);
      for (const testCase of casesFor(operation, ids)) {
        for (const authenticated of [false, true]) {
          const request = {
            ...testCase.request,
            headers: {
              ...testCase.request.headers,
              ...(authenticated ? { authorization: `Bearer ${admin}` } : {}),
            },
          };
          const response = await rawRequest(server.baseUrl, request);
          sent += 1;
          const problems = problemsWith(operation, testCase, authenticated, response);
          if (problems.length > 0) {
            failures.push(
              `${operation.key} · ${testCase.label}${authenticated ? ' · as admin' : ''}: ${problems.join('; ')}`,
            );
          }
        }
      }
      if (JSON.stringify(await snapshotState(server.portcullis.database.db)) !== JSON.stringify(before)) {
        failures.push(`${operation.key}: the database changed`);
      }
    }
    console.log(
      `malformed-input corpus on ${engine.engine}: ${sent} requests across ${operations.length} routes`,
    );
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(200);
  }, 600_000);

  it('does not repeat an unknown path, where a client may have put a secret', async () => {
    const secret = 'sec_thisIsWhereASecretWouldBe';
    for (const target of [`/oauth/token/${secret}`, `/api/v1/${secret}`, `/oauth/token/${secret}%FF`]) {
      const response = await rawRequest(server.baseUrl, {
        method: 'POST',
        target,
        headers: form,
        body: 'a=b',
      });
      expect(response.status, target).toBeGreaterThanOrEqual(400);
      expect(response.text, target).not.toContain(secret);
    }
  });
});
