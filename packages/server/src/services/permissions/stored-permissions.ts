import type { Catalog } from '@portcullis/core/permissions';
import { PermissionSet } from '@portcullis/core/permissions';

/**
 * Parsed forms of stored permission texts. Roles share a handful of texts, so parsing each once per
 * catalog keeps the inheritance rule to a few word operations per request. The cache holds texts, not
 * grants: a role change stores a new text, so nothing here can outlive a change.
 */
const cache = new WeakMap<Catalog, Map<string, PermissionSet>>();
const maxEntries = 10_000;

export function storedPermissions(catalog: Catalog, text: string): PermissionSet {
  let byText = cache.get(catalog);
  if (!byText) {
    byText = new Map();
    cache.set(catalog, byText);
  }
  let set = byText.get(text);
  if (!set) {
    if (byText.size >= maxEntries) byText.clear();
    set = PermissionSet.parseStored(catalog, text);
    byText.set(text, set);
  }
  return set;
}

export function unionOfStored(catalog: Catalog, texts: readonly string[]): PermissionSet {
  let set = PermissionSet.empty(catalog);
  for (const text of texts) set = set.union(storedPermissions(catalog, text));
  return set;
}
