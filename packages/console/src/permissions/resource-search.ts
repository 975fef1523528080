import type { ResourceDefinition } from '@portcullis/core/permissions';

/** Whether a catalog resource is one a person searching for `search` means: by its name or its id. */
export function matchesResource(resource: ResourceDefinition, search: string): boolean {
  const needle = search.trim().toLowerCase();
  return needle === '' || resource.name.toLowerCase().includes(needle) || resource.id.includes(needle);
}
