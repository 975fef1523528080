import type { Name } from '../ast.js';
import type { Cursor } from '../cursor.js';
import { parseName } from '../values.js';

/**
 * `IF NOT EXISTS`. `IF` starts the clause only when `NOT` or `EXISTS` follows, so an object may still be
 * named `if`.
 */
export function acceptIfNotExists(cursor: Cursor): boolean {
  return acceptIfClause(cursor, 'NOT EXISTS');
}

/** `IF EXISTS`, read as `IF NOT EXISTS` is. */
export function acceptIfExists(cursor: Cursor): boolean {
  return acceptIfClause(cursor, 'EXISTS');
}

function acceptIfClause(cursor: Cursor, rest: 'NOT EXISTS' | 'EXISTS'): boolean {
  if (cursor.isKeyword('IF') && (cursor.isKeyword('NOT', 1) || cursor.isKeyword('EXISTS', 1))) {
    cursor.advance();
    cursor.expectKeywords(rest);
    return true;
  }
  cursor.note(rest === 'EXISTS' ? 'IF EXISTS' : 'IF NOT EXISTS');
  return false;
}

/** `RENAME TO m` after `ALTER … n`, when it comes: the new name. */
export function acceptRenameTo(cursor: Cursor): Name | undefined {
  if (!cursor.acceptKeywords('RENAME TO')) return undefined;
  return parseName(cursor);
}
