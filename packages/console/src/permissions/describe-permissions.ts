import { type Catalog, type PermissionSet, presets } from '@portcullis/core/permissions';

/**
 * Core's canonical items in words, one phrase a resource: `*:run` → "run on every resource",
 * `incidents:*` → "Incidents: every action", `incidents:create incidents:update` → "Incidents: create, update".
 */
export function describeItems(catalog: Catalog, items: readonly string[]): string[] {
  const phrases: string[] = [];
  let resource: string | undefined;
  let actions: string[] = [];
  const flush = () => {
    if (resource === undefined) return;
    const name = catalog.resources.find((r) => r.id === resource)?.name ?? resource;
    phrases.push(`${name}: ${actions.join(', ')}`);
  };
  for (const item of items) {
    const [id, action] = item.split(':') as [string, string];
    if (id === '*') {
      phrases.push(action === '*' ? 'every action on every resource' : `${action} on every resource`);
      continue;
    }
    if (id !== resource) {
      flush();
      resource = id;
      actions = [];
    }
    actions.push(action === '*' ? 'every action' : action);
  }
  flush();
  return phrases;
}

/**
 * A permission set in a few words, by the dialog's presets where it matches them ("Admin", "Read only +
 * Incidents: create"), else by its canonical items; past `maxPhrases` resources the rest are counted.
 */
export function describePermissions(set: PermissionSet, maxPhrases = Number.POSITIVE_INFINITY): string {
  const { catalog } = set;
  if (set.isEmpty()) return 'No permissions';
  if (set.equals(presets.admin(catalog))) return 'Admin: every action on every resource';
  const readOnly = presets.read_only(catalog);
  const withReadOnly = readOnly.isSubsetOf(set);
  const phrases = describeItems(catalog, (withReadOnly ? set.minus(readOnly) : set).items());
  const shown = phrases.slice(0, maxPhrases);
  if (phrases.length > shown.length) shown.push(`${phrases.length - shown.length} more`);
  if (!withReadOnly) return shown.join('; ');
  return shown.length === 0 ? 'Read only' : `Read only + ${shown.join('; ')}`;
}

export function countPermissions(set: PermissionSet): number {
  return set.cells().length;
}
