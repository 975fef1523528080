import { adminResources, buildCatalog, type Catalog } from '@portcullis/core/permissions';

/**
 * The catalog Portcullis expands `*` over. From the platform's resource ids (as configured on both sides),
 * or from the metadata's `scopes_supported`, which lists every `resource:action` Portcullis knows.
 */
export function catalogFromResources(resources: readonly string[]): Catalog {
  const administrative = new Set(adminResources.map((r) => r.id));
  const platform = resources.filter((id) => !administrative.has(id));
  return buildCatalog(platform.map((id) => ({ id, name: id })));
}

export function catalogFromScopes(scopes: readonly string[]): Catalog {
  const ids = scopes.map((s) => s.slice(0, s.lastIndexOf(':'))).filter((id) => id !== '');
  return catalogFromResources([...new Set(ids)]);
}
