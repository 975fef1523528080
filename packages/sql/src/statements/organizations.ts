import type { AlterOrganization } from '../ast.js';
import type { Cursor } from '../cursor.js';
import { orDefault, parseName, parseNameValue } from '../values.js';

/**
 * After `ALTER ORGANIZATION`: `[o] SET NETWORK_POLICY = p | DEFAULT`. A word `SET` is the keyword, so an
 * organization named `set` is written `"set"`.
 */
export function parseAlterOrganization(cursor: Cursor): AlterOrganization {
  cursor.note('SET');
  const organization = cursor.isKeyword('SET') ? undefined : parseName(cursor);
  cursor.expectKeywords('SET');
  cursor.expectKeywords('NETWORK_POLICY');
  cursor.expectSymbol('=');
  const networkPolicy = orDefault(parseNameValue)(cursor);
  return { kind: 'alter_organization', ...(organization && { organization }), networkPolicy };
}
