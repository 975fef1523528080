import { actions, adminResourcePrefix, type Catalog } from './catalog.js';
import type { PermissionSet } from './permission-set.js';

/**
 * Claims made, by catalog and canonical text: a client's effective set is formatted once and kept, and a
 * narrowed request (`scope=…`) parses a new set of a text seen before, so both find the claim here.
 */
const written = new WeakMap<Catalog, Map<string, { maxBytes: number; text: string }>>();
const maxEntries = 10_000;

/**
 * The `scope` claim of an access token (decisions/0026-scope-claim-for-standard-libraries.md): the canonical
 * form, then every platform permission it covers that it does not already spell out, so that a resource
 * server checking `scope.split(' ').includes('incidents:create')` sees it. Portcullis's own resources stay
 * in wildcard form (only Portcullis reads them, with these rules). Past `maxBytes` the canonical form alone
 * is written: a token must still fit in a request header. Both forms mean the same set to a parser.
 */
export function scopeClaim(set: PermissionSet, maxBytes: number): string {
  const canonical = set.format();
  let byText = written.get(set.catalog);
  if (!byText) {
    byText = new Map();
    written.set(set.catalog, byText);
  }
  const cached = byText.get(canonical);
  if (cached?.maxBytes === maxBytes) return cached.text;
  if (byText.size >= maxEntries) byText.clear();
  const text = spelledOut(set, canonical, maxBytes);
  byText.set(canonical, { maxBytes, text });
  return text;
}

function spelledOut(set: PermissionSet, canonical: string, maxBytes: number): string {
  const literal = new Set(set.items());
  const parts = canonical === '' ? [] : [canonical];
  // Resource ids and actions are ASCII, so a character is a byte.
  let length = canonical.length;
  const { resources } = set.catalog;
  for (let r = 0; r < resources.length; r++) {
    const id = resources[r]!.id;
    if (id.startsWith(adminResourcePrefix)) continue;
    for (let a = 0; a < actions.length; a++) {
      if (!set.hasIndex(r, a)) continue;
      const cell = `${id}:${actions[a]}`;
      if (literal.has(cell)) continue;
      length += parts.length === 0 ? cell.length : cell.length + 1;
      if (length > maxBytes) return canonical;
      parts.push(cell);
    }
  }
  return parts.join(' ');
}
