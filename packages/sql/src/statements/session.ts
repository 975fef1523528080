import type { SetSetting, Use } from '../ast.js';
import type { Cursor } from '../cursor.js';
import {
  acceptBoolean,
  acceptNumber,
  aString,
  parseDottedCatalogName,
  parseName,
  parseString,
} from '../values.js';

const objectTypes = ['DATABASE', 'ENGINE'] as const;

/** After `SET`: `name = value`, the value a string, a number, TRUE, FALSE or a name. */
export function parseSet(cursor: Cursor): SetSetting {
  const name = parseDottedCatalogName(cursor, 'a setting');
  cursor.expectSymbol('=');
  if (cursor.peek().type === 'string') return { kind: 'set', name, value: parseString(cursor) };
  cursor.note(aString);
  return { kind: 'set', name, value: acceptNumber(cursor) ?? acceptBoolean(cursor) ?? parseName(cursor) };
}

/**
 * After `USE`: `[DATABASE | ENGINE] name`. `DATABASE` or `ENGINE` followed by a name is the keyword, so
 * `USE engine` alone uses the database named `engine`.
 */
export function parseUse(cursor: Cursor): Use {
  const next = cursor.peek(1);
  const typeWritten = next.type === 'word' || next.type === 'quoted_name';
  const objectType = typeWritten ? cursor.acceptOneOf(objectTypes) : undefined;
  if (!typeWritten) {
    cursor.note('DATABASE');
    cursor.note('ENGINE');
  }
  const name = parseName(cursor);
  return {
    kind: 'use',
    ...(objectType && { objectType: objectType === 'DATABASE' ? 'database' : 'engine' }),
    name,
  };
}
