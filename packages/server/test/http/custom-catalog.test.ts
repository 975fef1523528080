import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { enginesUnderTest } from '../support/engines.js';
import { adminToken, api } from '../support/http-client.js';
import { startTestServer } from '../support/test-server.js';

describe('a platform catalog from PORTCULLIS_CATALOG_FILE', () => {
  it('is what the API publishes and what permissions may name', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'portcullis-catalog-')), 'catalog.json');
    writeFileSync(
      file,
      JSON.stringify({
        resources: [
          { id: 'databases', name: 'Databases' },
          { id: 'engines', name: 'Engines' },
        ],
      }),
    );
    const server = await startTestServer(enginesUnderTest()[0]!, { PORTCULLIS_CATALOG_FILE: file });
    try {
      const token = await adminToken(server.baseUrl);
      const catalog = await api(server.baseUrl, 'GET', '/api/v1/catalog', { token });
      expect(catalog.body.resources.filter((r: { administrative: boolean }) => !r.administrative)).toEqual([
        { id: 'databases', name: 'Databases', administrative: false },
        { id: 'engines', name: 'Engines', administrative: false },
      ]);
      const ok = await api(server.baseUrl, 'POST', '/api/v1/roles', {
        token,
        body: { name: 'dba', permissions: ['databases:*'] },
      });
      expect(ok.body.permissions).toEqual(['databases:*']);
      const refused = await api(server.baseUrl, 'POST', '/api/v1/roles', {
        token,
        body: { name: 'x', permissions: ['incidents:get'] },
      });
      expect(refused.body.error).toMatchObject({
        code: 'unknown_permission',
        details: { items: ['incidents:get'] },
      });
    } finally {
      await server.close();
    }
  });
});
