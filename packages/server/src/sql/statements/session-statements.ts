import type { Literal, SelectValues, SetSetting, Use } from '@portcullis/sql';
import { noRows, type SqlColumn, type StatementResult } from '../sql-outcome.js';
import { applySetting } from '../sql-session.js';
import type { StatementContext } from './statement-context.js';

export function setStatement(s: StatementContext, st: SetSetting): StatementResult {
  const value = st.value.kind === 'number' ? String(st.value.value) : String(st.value.value);
  applySetting(s.session, st.name.value, value);
  return noRows;
}

/**
 * Firebolt's drivers send `USE DATABASE` and `USE ENGINE` as they connect. Portcullis has neither, so they
 * are accepted and change nothing (docs/sql.md).
 */
export function useStatement(_s: StatementContext, _st: Use): StatementResult {
  return noRows;
}

function typeOf(literal: Literal): string {
  switch (literal.kind) {
    case 'number':
      return Number.isSafeInteger(literal.value) && Math.abs(literal.value) < 2 ** 31 ? 'integer' : 'bigint';
    case 'boolean':
      return 'boolean';
    case 'string':
      return 'text';
    case 'null':
      return 'text null';
  }
}

/** `SELECT 1`: what drivers send to check a connection. Columns are named `?column?`, as PostgreSQL does. */
export function selectValuesStatement(_s: StatementContext, st: SelectValues): StatementResult {
  const columns: SqlColumn[] = st.values.map((value) => ({ name: '?column?', type: typeOf(value) }));
  return { columns, rows: [st.values.map((value) => (value.kind === 'null' ? null : value.value))] };
}
