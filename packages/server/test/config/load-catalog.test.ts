import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoCatalog } from '@portcullis/core/permissions';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/config/load-catalog.js';
import { ConfigError } from '../../src/config/load-config.js';

function catalogFile(content: unknown): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'portcullis-catalog-')), 'catalog.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('catalog configuration', () => {
  it("defaults to FireTail's demo catalog", () => {
    expect(loadCatalog(undefined)).toBe(demoCatalog);
  });

  it('loads platform resources from a file and adds the administrative ones', () => {
    const catalog = loadCatalog(
      catalogFile({
        resources: [
          { id: 'databases', name: 'Databases' },
          { id: 'engines', name: 'Engines' },
        ],
      }),
    );
    expect(catalog.resources.map((r) => r.id).slice(0, 2)).toEqual(['databases', 'engines']);
    expect(catalog.resourceIndex.has('portcullis.users')).toBe(true);
    expect(catalog.resourceIndex.has('incidents')).toBe(false);
  });

  it.each([
    [
      {
        resources: [
          { id: 'a', name: 'A' },
          { id: 'a', name: 'Again' },
        ],
      },
      /"a" is named twice/,
    ],
    [{ resources: [{ id: 'a', name: 'A' }], actions: ['get', 'launch'] }, /unknown action "launch"/],
    [{ resources: [{ id: 'portcullis.users', name: 'Mine' }] }, /id must be snake_case/],
    [{ resources: 'everything' }, /"resources" must be an array/],
    ['{not json', /cannot read .* as JSON/],
  ])('stops start-up on a bad catalog (%#)', (content, message) => {
    const file = catalogFile(content);
    expect(() => loadCatalog(file)).toThrow(ConfigError);
    expect(() => loadCatalog(file)).toThrow(message);
  });
});
