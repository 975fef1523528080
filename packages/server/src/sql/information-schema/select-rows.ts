import type { Select, Show } from '@portcullis/sql';
import { type FireboltValue, toFireboltValue } from './firebolt-values.js';
import {
  type ColumnDefinition,
  type FireboltType,
  type InformationSchemaRow,
  resolveColumn,
  resolveShownTable,
  resolveTable,
  type StoredRow,
  storedValue,
} from './information-schema-tables.js';
import { resolveSortKeys, type SortKey, sortRows } from './order-rows.js';
import { compileWhere, type RowCondition } from './where-clause.js';

export interface ResultColumn {
  name: string;
  type: FireboltType;
}

/** A statement's answer as Firebolt's JSON_Compact carries it: `meta`'s columns and `data`'s rows. */
export interface ResultSet {
  columns: ResultColumn[];
  rows: FireboltValue[][];
}

/**
 * `SELECT … FROM information_schema.<table>` over the rows the caller loaded for that table (see
 * `resolveTable`). The whole statement is checked before any row is read, so unknown names and type
 * mismatches fail the same way whatever the rows; then WHERE keeps the rows it finds true, ORDER BY sorts
 * them, LIMIT cuts them, and the select list (`*`: every column in the table's order) shapes them.
 */
export function selectRows(select: Select, rows: readonly InformationSchemaRow[]): ResultSet {
  const table = resolveTable(select.table);
  const columns =
    select.columns === '*' ? table.columns : select.columns.map((ref) => resolveColumn(table, ref));
  const condition = select.where && compileWhere(select.where, table);
  const keys = resolveSortKeys(select.orderBy, table);
  return answer(columns, rows, condition, keys, select.limit?.value);
}

/** `SHOW …`: every column of its table, in order, the rows ordered by name (see `resolveShownTable`). */
export function showRows(show: Show, rows: readonly InformationSchemaRow[]): ResultSet {
  const { table, nameColumn } = resolveShownTable(show);
  return answer(table.columns, rows, undefined, [{ column: nameColumn, direction: 'asc' }], undefined);
}

function answer(
  columns: readonly ColumnDefinition[],
  rows: readonly StoredRow[],
  condition: RowCondition | undefined,
  keys: readonly SortKey[],
  limit: number | undefined,
): ResultSet {
  const kept = condition === undefined ? rows : rows.filter((row) => condition(row) === true);
  return {
    columns: columns.map(({ name, type }) => ({ name, type })),
    rows: sortRows(kept, keys)
      .slice(0, limit)
      .map((row) => columns.map((column) => toFireboltValue(column.type, storedValue(row, column)))),
  };
}
