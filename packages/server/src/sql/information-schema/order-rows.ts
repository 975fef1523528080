import type { OrderByItem } from '@portcullis/sql';
import {
  type ColumnDefinition,
  type ResolvedTable,
  resolveColumn,
  type StoredRow,
  storedValue,
} from './information-schema-tables.js';
import { quotedName, statementError } from './statement-error.js';

export interface SortKey {
  column: ColumnDefinition;
  direction: 'asc' | 'desc';
}

/** ORDER BY's columns, checked before any row: they exist, and none is an array. */
export function resolveSortKeys(orderBy: readonly OrderByItem[], table: ResolvedTable): SortKey[] {
  return orderBy.map(({ column: ref, direction }) => {
    const column = resolveColumn(table, ref);
    if (column.type === 'array(text)') {
      throw statementError(
        'sql_type_mismatch',
        `Column ${quotedName(ref.name)} is an array(text), which ORDER BY cannot sort by`,
        ref.start,
      );
    }
    return { column, direction };
  });
}

/**
 * The rows in key order, as PostgreSQL sorts them: NULL after every value, so last ascending and first
 * descending; text by code point (the C collation); false before true. Rows equal on every key keep their
 * order, since Array.prototype.sort is stable.
 */
export function sortRows<Row extends StoredRow>(rows: readonly Row[], keys: readonly SortKey[]): Row[] {
  if (keys.length === 0) return [...rows];
  return [...rows].sort((a, b) => {
    for (const { column, direction } of keys) {
      const order = compareValues(storedValue(a, column), storedValue(b, column));
      if (order !== 0) return direction === 'asc' ? order : -order;
    }
    return 0;
  });
}

function compareValues(a: unknown, b: unknown): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'string' && typeof b === 'string') return compareCodePoints(a, b);
  return Number(a) - Number(b);
}

/** UTF-16 order differs from code point order only for characters past U+FFFF against U+E000–U+FFFF. */
function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const difference = a.codePointAt(i)! - b.codePointAt(i)!;
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}
