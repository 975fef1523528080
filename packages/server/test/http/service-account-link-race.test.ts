import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachEngine } from '../support/engines.js';
import { adminToken, api } from '../support/http-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const rounds = 12;
const racers = 6;

describeOnEachEngine('racing links of one service account on $engine', (engine) => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer(engine);
    admin = await adminToken(server.baseUrl);
  });
  afterAll(async () => server?.close());

  it('links one user and answers every loser service_account_already_linked, never user_exists', async () => {
    let byConstraint = 0;
    for (let round = 0; round < rounds; round++) {
      const sa = await api(server.baseUrl, 'POST', '/api/v1/service-accounts', {
        token: admin,
        body: { name: `raced-${round}` },
      });
      const users = await Promise.all(
        Array.from({ length: racers }, (_, i) =>
          api(server.baseUrl, 'POST', '/api/v1/users', {
            token: admin,
            body: { name: `racer-${round}-${i}` },
          }),
        ),
      );
      const answers = await Promise.all(
        users.map((user) =>
          api(server.baseUrl, 'PATCH', `/api/v1/users/${user.body.id}`, {
            token: admin,
            body: { serviceAccountId: sa.body.id },
          }),
        ),
      );
      expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
      const losers = answers.filter((a) => a.status !== 200);
      expect(losers.map((a) => [a.status, a.body.error.code])).toEqual(
        losers.map(() => [409, 'service_account_already_linked']),
      );
      // The use case's own check names the winner; a loser caught by the constraint itself cannot.
      byConstraint += losers.filter((a) => a.body.error.details === undefined).length;
    }
    console.log(
      `${engine.engine}: ${rounds * (racers - 1)} losers, ${byConstraint} refused by the constraint`,
    );
  });
});
