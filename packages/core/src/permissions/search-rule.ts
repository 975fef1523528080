import { PortcullisError } from '../errors/portcullis-error.js';
import type { PermissionSet } from './permission-set.js';

/**
 * FireTail's search rule: searching needs `search:create` plus `list` on every resource type searched.
 * Returns the missing permissions (empty when allowed), so callers can say exactly what is lacking.
 */
export function missingForSearch(held: PermissionSet, searchedResources: readonly string[]): string[] {
  const required = ['search:create', ...searchedResources.map((r) => `${r}:list`)];
  const unknown = searchedResources.filter((r) => !held.catalog.resourceIndex.has(r));
  if (unknown.length > 0) {
    throw new PortcullisError(
      'unknown_permission',
      `Unknown resource${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`,
      {
        details: { items: unknown },
      },
    );
  }
  return [...new Set(required)].filter((item) => {
    const [resource, action] = item.split(':') as [string, string];
    return !held.has(resource, action);
  });
}
