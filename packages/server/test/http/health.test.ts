import { expect, it } from 'vitest';
import { describeOnEachEngine } from '../support/engines.js';
import { api } from '../support/http-client.js';
import { startTestServer } from '../support/test-server.js';

describeOnEachEngine('health on $engine', (engine) => {
  it('answers 503 once the database stops answering', async () => {
    const server = await startTestServer(engine);
    try {
      expect((await api(server.baseUrl, 'GET', '/health')).status).toBe(200);
      await server.portcullis.database.close();
      const down = await api(server.baseUrl, 'GET', '/health');
      expect(down).toMatchObject({ status: 503, body: { status: 'unavailable' } });
    } finally {
      await server.portcullis.app.close();
      await server.database.drop();
    }
  });
});
