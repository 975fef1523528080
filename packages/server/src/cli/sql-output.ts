import Table from 'cli-table3';

/** A statement's place in the script, as `POST /api/v1/sql` gives it. */
export interface StatementPlace {
  index: number;
  statement: string;
  line: number;
  column: number;
}

export interface StatementResult extends StatementPlace {
  columns: { name: string; type: string }[];
  rows: unknown[][];
}

export interface SqlFailure {
  error: { code: string; message: string; details?: unknown; requestId?: string };
  failedStatement?: StatementPlace;
}

const longestSummary = 100;

/**
 * Values and names come from the server, where anyone allowed to name a role may have put escape
 * sequences: control characters are shown as `\uXXXX`, never sent to the terminal. Line breaks stay.
 */
export function printable(text: string): string {
  let shown = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const control = (code < 0x20 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f);
    shown += control ? `\\u${code.toString(16).padStart(4, '0')}` : char;
  }
  return shown;
}

/** A statement on one line: its white space (line breaks too) collapsed, and cut if long. */
function oneLine(statement: string, longest = Number.POSITIVE_INFINITY): string {
  const collapsed = printable(statement.replace(/\s+/g, ' ').trim());
  const chars = [...collapsed];
  return chars.length > longest ? `${chars.slice(0, longest - 1).join('')}…` : collapsed;
}

function cellOf(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return printable(value);
  if (typeof value === 'object') return printable(JSON.stringify(value));
  return String(value);
}

function tableOf(result: StatementResult): string {
  const table = new Table({
    head: result.columns.map((column) => printable(column.name)),
    // No colours: the output is the same on a terminal, in a pipe and in a file.
    style: { head: [], border: [] },
  });
  for (const row of result.rows) table.push(row.map(cellOf));
  const count = result.rows.length === 1 ? '(1 row)' : `(${result.rows.length} rows)`;
  return `${table.toString()}\n${count}`;
}

/**
 * The statements that ran, in order: a table for each that answers with columns, `OK  <statement>` for
 * each that changes something. A blank line stands around every table.
 */
export function renderStatements(results: StatementResult[]): string {
  let text = '';
  let previousWasTable = false;
  for (const result of results) {
    const isTable = result.columns.length > 0;
    if (text && (isTable || previousWasTable)) text += '\n';
    text += isTable ? `${tableOf(result)}\n` : `OK  ${oneLine(result.statement, longestSummary)}\n`;
    previousWasTable = isTable;
  }
  return text;
}

function positionIn(details: unknown): { line: number; column: number } | undefined {
  const { line, column } = (details ?? {}) as { line?: unknown; column?: unknown };
  return typeof line === 'number' && typeof column === 'number' ? { line, column } : undefined;
}

/**
 * Why the script stopped: the error's code and message, where (the error's own position when it has one,
 * more precise than the statement's start), and the statement that failed.
 */
export function renderFailure(failure: SqlFailure): string {
  const { error, failedStatement } = failure;
  let text = `ERROR  ${printable(error.code)}: ${printable(error.message)}\n`;
  const at = positionIn(error.details) ?? failedStatement;
  if (at) {
    const which = failedStatement ? `, in statement ${failedStatement.index + 1}` : '';
    text += `  at line ${at.line}, column ${at.column}${which}`;
    text += failedStatement ? `: ${oneLine(failedStatement.statement)}\n` : '\n';
  }
  if (error.requestId) text += `  request id: ${printable(error.requestId)}\n`;
  return text;
}
