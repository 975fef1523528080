import { readFileSync } from 'node:fs';
import { buildCatalog, type Catalog, CatalogError, demoCatalog } from '@portcullis/core/permissions';
import { ConfigError } from './load-config.js';

/**
 * The permission catalog: `{"resources": [{"id": "incidents", "name": "Incidents"}, …], "actions": […]}`.
 * `actions` is optional and, when present, may only list the six built-in actions. Any problem stops
 * start-up, naming the file and every bad entry.
 */
export function loadCatalog(file: string | undefined): Catalog {
  if (!file) return demoCatalog;
  let parsed: { resources?: unknown; actions?: unknown };
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(
      `PORTCULLIS_CATALOG_FILE: cannot read ${file} as JSON (${(error as Error).message})`,
    );
  }
  if (!Array.isArray(parsed?.resources)) throw new ConfigError(`${file}: "resources" must be an array`);
  if (parsed.actions !== undefined && !Array.isArray(parsed.actions)) {
    throw new ConfigError(`${file}: "actions" must be an array`);
  }
  try {
    return buildCatalog(parsed.resources, parsed.actions as unknown[] | undefined);
  } catch (error) {
    if (error instanceof CatalogError) throw new ConfigError(`${file}: ${error.message}`);
    throw error;
  }
}
