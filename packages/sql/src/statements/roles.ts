import type {
  CatalogName,
  CreateRole,
  DropRole,
  GrantPermission,
  GrantRole,
  RevokePermission,
  RevokeRole,
} from '../ast.js';
import type { Cursor } from '../cursor.js';
import { tokenStart } from '../lexer.js';
import { acceptCatalogPart, parseDottedCatalogName, parseName } from '../values.js';
import { acceptIfExists, acceptIfNotExists } from './clauses.js';

/** After `CREATE ROLE`. */
export function parseCreateRole(cursor: Cursor): CreateRole {
  const ifNotExists = acceptIfNotExists(cursor);
  return { kind: 'create_role', ifNotExists, name: parseName(cursor) };
}

/** After `DROP ROLE`. */
export function parseDropRole(cursor: Cursor): DropRole {
  const ifExists = acceptIfExists(cursor);
  return { kind: 'drop_role', ifExists, name: parseName(cursor) };
}

/** After `GRANT`: `ROLE r TO USER u`, or `a[, …] ON resource TO r`. */
export function parseGrant(cursor: Cursor): GrantRole | GrantPermission {
  if (cursor.acceptKeywords('ROLE')) {
    const role = parseName(cursor);
    cursor.expectKeywords('TO USER');
    return { kind: 'grant_role', role, user: parseName(cursor) };
  }
  const { actions, resource } = parsePermission(cursor);
  cursor.expectKeywords('TO');
  return { kind: 'grant_permission', actions, resource, role: parseName(cursor) };
}

/** After `REVOKE`: `ROLE r FROM USER u`, or `a[, …] ON resource FROM r`. */
export function parseRevoke(cursor: Cursor): RevokeRole | RevokePermission {
  if (cursor.acceptKeywords('ROLE')) {
    const role = parseName(cursor);
    cursor.expectKeywords('FROM USER');
    return { kind: 'revoke_role', role, user: parseName(cursor) };
  }
  const { actions, resource } = parsePermission(cursor);
  cursor.expectKeywords('FROM');
  return { kind: 'revoke_permission', actions, resource, role: parseName(cursor) };
}

/** `a[, …] ON resource`: each action a word or `*`, the resource a dotted name or `*`. */
function parsePermission(cursor: Cursor): { actions: CatalogName[]; resource: CatalogName } {
  const actions: CatalogName[] = [];
  do actions.push(acceptWildcard(cursor) ?? acceptCatalogPart(cursor, 'an action') ?? cursor.fail());
  while (cursor.acceptSymbol(','));
  cursor.expectKeywords('ON');
  const resource = acceptWildcard(cursor) ?? parseDottedCatalogName(cursor, 'a resource');
  return { actions, resource };
}

function acceptWildcard(cursor: Cursor): CatalogName | undefined {
  const token = cursor.peek();
  return cursor.acceptSymbol('*') ? { value: '*', start: tokenStart(token) } : undefined;
}
