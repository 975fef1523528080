import type { PortcullisError } from '@portcullis/core/errors';
import type { SourcePosition } from '@portcullis/sql';

/** A result column as Firebolt's JSON output names its type (`text`, `text null`, `boolean`, `timestamptz`…). */
export interface SqlColumn {
  name: string;
  type: string;
}

/** What a statement answers: rows for a query or a CALL, none for a change. */
export interface StatementResult {
  columns: SqlColumn[];
  rows: unknown[][];
}

export const noRows: StatementResult = { columns: [], rows: [] };

/** A statement of the script: its number (from 0), its own text and where it stands. */
export interface StatementSpan {
  index: number;
  text: string;
  start: SourcePosition;
  end: SourcePosition;
}

export interface StatementRun extends StatementSpan {
  result: StatementResult;
}

/**
 * A script's run: the statements that ran, in order, with their results, and — when one failed — that
 * statement and its error. A script that does not parse runs nothing: its failure has no statement.
 */
export interface SqlScriptOutcome {
  ran: StatementRun[];
  failure?: { statement?: StatementSpan; error: PortcullisError };
}
