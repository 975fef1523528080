import { isPortcullisError, PortcullisError } from '@portcullis/core/errors';
import { type ParsedStatement, parseScript, SqlSyntaxError } from '@portcullis/sql';
import type { Caller, ServiceContext } from '../services/context.js';
import { runStatement } from './run-statement.js';
import type { SqlScriptOutcome, StatementSpan } from './sql-outcome.js';
import type { SqlSession } from './sql-session.js';

/** The most characters a script may hold unless configured otherwise (`PORTCULLIS_SQL_MAX_SCRIPT_BYTES`). */
export const defaultMaxScriptBytes = 1024 * 1024;

export function syntaxErrorOf(error: SqlSyntaxError): PortcullisError {
  return new PortcullisError('sql_syntax_error', error.message, {
    details: { line: error.line, column: error.column, found: error.found, expected: error.expected },
  });
}

/** Refused before it is read: a script too long for the configured maximum. */
export function requireScriptSize(script: string, maxBytes: number): void {
  const bytes = Buffer.byteLength(script);
  if (bytes > maxBytes) {
    throw new PortcullisError(
      'sql_script_too_large',
      `The script is ${bytes} bytes; at most ${maxBytes} are accepted.`,
      { details: { bytes, maxBytes } },
    );
  }
}

/**
 * Runs a script's statements in order, each with the caller's permissions in its own transaction, and stops
 * at the first that fails. The whole script is parsed first: one that does not parse runs nothing.
 * Errors that are not the caller's (a bug, the database gone) are thrown, not reported as a statement's.
 */
export async function runSqlScript(
  ctx: ServiceContext,
  caller: Caller,
  script: string,
  session: SqlSession,
): Promise<SqlScriptOutcome> {
  let statements: ParsedStatement[];
  try {
    statements = parseScript(script);
  } catch (error) {
    if (error instanceof SqlSyntaxError) return { ran: [], failure: { error: syntaxErrorOf(error) } };
    throw error;
  }
  const outcome: SqlScriptOutcome = { ran: [] };
  for (const [index, parsed] of statements.entries()) {
    const span: StatementSpan = { index, text: parsed.text, start: parsed.start, end: parsed.end };
    try {
      const result = await runStatement({ ctx, caller, session }, parsed.statement);
      outcome.ran.push({ ...span, result });
    } catch (error) {
      if (!isPortcullisError(error)) throw error;
      outcome.failure = { statement: span, error };
      break;
    }
  }
  return outcome;
}
