import type { Select, Show } from '@portcullis/sql';
import { resolveShownTable, resolveTable } from '../information-schema/information-schema-tables.js';
import { loadRows } from '../information-schema/load-rows.js';
import { selectRows, showRows } from '../information-schema/select-rows.js';
import type { StatementResult } from '../sql-outcome.js';
import type { StatementContext } from './statement-context.js';

/** The statement is checked (table, columns, types) before any row is loaded. */
export async function selectStatement(s: StatementContext, st: Select): Promise<StatementResult> {
  const table = resolveTable(st.table);
  selectRows(st, []);
  return selectRows(st, await loadRows(s, table.name));
}

export async function showStatement(s: StatementContext, st: Show): Promise<StatementResult> {
  return showRows(st, await loadRows(s, resolveShownTable(st).table.name));
}
