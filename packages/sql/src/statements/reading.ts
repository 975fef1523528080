import type { ColumnRef, Literal, OrderByItem, Select, SelectValues, Show, ShownObjects } from '../ast.js';
import type { Cursor } from '../cursor.js';
import { acceptColumn, acceptLiteral, parseColumn, parseDottedCatalogName, parseNumber } from '../values.js';
import { parseCondition } from './where-expression.js';

const shown: [phrase: string, ShownObjects][] = [
  ['SERVICE ACCOUNTS', 'service_accounts'],
  ['USERS', 'users'],
  ['LOGINS', 'logins'],
  ['NETWORK POLICIES', 'network_policies'],
  ['ROLES', 'roles'],
];

/** After `SHOW`. */
export function parseShow(cursor: Cursor): Show {
  for (const [phrase, objects] of shown) if (cursor.acceptKeywords(phrase)) return { kind: 'show', objects };
  return cursor.fail();
}

/**
 * After `SELECT`: `*` or columns and a FROM clause, or literals and no FROM (`SELECT 1`). The first item
 * decides which.
 */
export function parseSelect(cursor: Cursor): Select | SelectValues {
  if (cursor.acceptSymbol('*')) return parseFrom(cursor, '*');
  const literal = acceptLiteral(cursor);
  if (literal !== undefined) return parseValues(cursor, literal);
  const columns: ColumnRef[] = [acceptColumn(cursor) ?? cursor.fail()];
  while (cursor.acceptSymbol(',')) columns.push(parseColumn(cursor));
  return parseFrom(cursor, columns);
}

function parseValues(cursor: Cursor, first: Literal): SelectValues {
  const values = [first];
  while (cursor.acceptSymbol(',')) values.push(acceptLiteral(cursor) ?? cursor.fail());
  return { kind: 'select_values', values };
}

const directions = ['ASC', 'DESC'] as const;

function parseFrom(cursor: Cursor, columns: ColumnRef[] | '*'): Select {
  cursor.expectKeywords('FROM');
  const table = parseDottedCatalogName(cursor, 'a table');
  const where = cursor.acceptKeywords('WHERE') ? parseCondition(cursor) : undefined;
  const orderBy: OrderByItem[] = [];
  if (cursor.acceptKeywords('ORDER BY')) {
    do {
      const column = parseColumn(cursor);
      const direction = cursor.acceptOneOf(directions);
      orderBy.push({ column, direction: direction === 'DESC' ? 'desc' : 'asc' });
    } while (cursor.acceptSymbol(','));
  }
  const limit = cursor.acceptKeywords('LIMIT') ? parseNumber(cursor) : undefined;
  const select: Select = { kind: 'select', columns, table, orderBy };
  if (where !== undefined) select.where = where;
  if (limit !== undefined) select.limit = limit;
  return select;
}
