import { newId } from '@portcullis/core/ids';
import { generateClientSecret } from '@portcullis/core/secrets';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachEngine } from '../support/engines.js';
import { type Answer, postFrom } from '../support/post-from.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const unknownClient = () => newId('serviceAccount');

const tokenFrom = (server: TestServer, from: string, clientId: string) =>
  postFrom(
    from,
    `${server.baseUrl}/oauth/token`,
    new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: generateClientSecret(),
    }).toString(),
    'form',
  );

const keyPairLoginFrom = (server: TestServer, from: string, accessKey: string) =>
  postFrom(
    from,
    `${server.baseUrl}/v2/login`,
    JSON.stringify({ accessKey, secretKey: generateClientSecret() }),
    'json',
  );

const signInFrom = (server: TestServer, from: string, email: string) =>
  postFrom(
    from,
    `${server.baseUrl}/api/v1/auth/login`,
    JSON.stringify({ email, password: 'not the password' }),
    'json',
  );

/** Sends until the first 429 (a per-second window may roll over once on a slow machine), at most `max`. */
async function untilLimited(
  send: () => Promise<Answer>,
  max: number,
): Promise<{ answer: Answer; sent: number }> {
  for (let sent = 1; sent <= max; sent++) {
    const answer = await send();
    if (answer.status === 429) return { answer, sent };
  }
  throw new Error(`no 429 in ${max} requests`);
}

function expectOAuthLimit(answer: Answer, maxSeconds: number): void {
  expect(answer.status).toBe(429);
  expect(answer.body).toEqual({ error: 'too_many_requests', error_description: expect.any(String) });
  expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(answer.retryAfter)).toBeLessThanOrEqual(maxSeconds);
}

function expectEnvelopeLimit(answer: Answer, maxSeconds: number): void {
  expect(answer.status).toBe(429);
  expect(answer.body.error).toMatchObject({
    code: 'too_many_requests',
    details: { retryAfterSeconds: Number(answer.retryAfter) },
  });
  expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(answer.retryAfter)).toBeLessThanOrEqual(maxSeconds);
}

describeOnEachEngine('rate limits on $engine', (engine) => {
  let perAddress: TestServer;
  let perSubject: TestServer;

  beforeAll(async () => {
    perAddress = await startTestServer(engine, {
      PORTCULLIS_TOKEN_RATE_LIMIT_PER_ADDRESS: '5',
      PORTCULLIS_LOGIN_RATE_LIMIT_PER_ADDRESS: '4',
    });
    perSubject = await startTestServer(engine, {
      PORTCULLIS_TOKEN_RATE_LIMIT_PER_CLIENT: '3',
      PORTCULLIS_LOGIN_RATE_LIMIT_PER_LOGIN: '3',
    });
  });
  afterAll(async () => {
    await perAddress?.close();
    await perSubject?.close();
  });

  it('limits token requests per source address on /oauth/token and /v2/login together, in each shape', async () => {
    // Every request names another client: only the address is common to them.
    const token = await untilLimited(() => tokenFrom(perAddress, '127.0.0.1', unknownClient()), 60);
    expect(token.sent).toBeGreaterThan(5);
    expectOAuthLimit(token.answer, 1);
    expect(token.answer.body.error_description).toMatch(/address/);
    // POST /v2/login shares the counter and keeps the 429 rather than its "every refusal is 401".
    const keyPairLogin = await untilLimited(
      () => keyPairLoginFrom(perAddress, '127.0.0.1', unknownClient()),
      60,
    );
    expectEnvelopeLimit(keyPairLogin.answer, 1);
    // Another address is not held back.
    expect((await tokenFrom(perAddress, '127.0.0.2', unknownClient())).status).toBe(401);
    expect((await keyPairLoginFrom(perAddress, '127.0.0.3', unknownClient())).status).toBe(401);
  });

  it('limits sign-ins per source address', async () => {
    const limited = await untilLimited(
      () => signInFrom(perAddress, '127.0.0.4', `person${Math.random()}@acme.example`),
      20,
    );
    expect(limited.sent).toBe(5);
    expectEnvelopeLimit(limited.answer, 60);
    expect((await signInFrom(perAddress, '127.0.0.5', 'someone@acme.example')).status).toBe(401);
  });

  it('limits token requests per client id from any address, shared by /oauth/token and /v2/login', async () => {
    const client = unknownClient();
    const sources = ['127.0.0.1', '127.0.0.2', '127.0.0.3'];
    for (const from of sources) expect((await tokenFrom(perSubject, from, client)).status).toBe(401);
    const token = await tokenFrom(perSubject, '127.0.0.4', client);
    expectOAuthLimit(token, 60);
    expect(token.body.error_description).toMatch(/client/);
    expectEnvelopeLimit(await keyPairLoginFrom(perSubject, '127.0.0.5', client), 60);
    // Another client from the same addresses is not held back.
    expect((await tokenFrom(perSubject, '127.0.0.4', unknownClient())).status).toBe(401);
  });

  it('limits sign-ins per login (email) from any address', async () => {
    for (const from of ['127.0.0.1', '127.0.0.2', '127.0.0.3']) {
      expect((await signInFrom(perSubject, from, 'target@acme.example')).status).toBe(401);
    }
    // The same email written differently is the same login.
    expectEnvelopeLimit(await signInFrom(perSubject, '127.0.0.4', ' Target@ACME.example'), 60);
    expect((await signInFrom(perSubject, '127.0.0.4', 'other@acme.example')).status).toBe(401);
  });
});
