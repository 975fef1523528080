import { type PortcullisError, statusOf } from '@portcullis/core/errors';
import type { SourcePosition } from '@portcullis/sql';
import type { SqlScriptOutcome } from '../../sql/sql-outcome.js';

/** Where in the script a failure lies, as Firebolt's errors say it: offsets count UTF-16 code units from 0. */
export interface FireboltLocation {
  failingLine: number;
  startOffset: number;
  endOffset: number;
}

/**
 * The status of a request refused before any statement ran. Firebolt's drivers log in again and resend the
 * request on a 401 or a 403: a refused token (`unauthenticated`) stays a 401, which is what that re-login
 * cures, and `not_found` stays a 404, which is how the engine-URL look-up tells the driver that an account
 * does not exist (`AccountNotFoundError`). Every other refusal is a 400; failures on our side stay 5xx.
 */
export function fireboltRefusalStatus(error: PortcullisError): number {
  const status = statusOf(error.code);
  if (status >= 500 || error.code === 'unauthenticated') return status;
  if (error.code === 'not_found' || error.code === 'route_not_found') return 404;
  return 400;
}

/**
 * The status of a statement that failed: 400 whatever the reason — a 403 for a missing permission would
 * have the driver log in again and run the statement a second time. Failures on our side stay 5xx.
 */
export function fireboltStatementStatus(error: PortcullisError): number {
  const status = statusOf(error.code);
  return status >= 500 ? status : 400;
}

/** `sql_syntax_error` → `SqlSyntaxError`: the `name` of Firebolt's error entries. */
function nameOf(code: string): string {
  return code.replace(/(^|_)([a-z])/g, (_match, _separator, letter: string) => letter.toUpperCase());
}

/**
 * Firebolt's error body: `message` and `code` are what the driver puts in its `ApiError`, `errors` what a
 * client reads for details. `requestId` (also the X-Request-Id header) is ours, for support.
 */
export function fireboltErrorBody(
  error: PortcullisError,
  options: { requestId: string; message?: string; location?: FireboltLocation | undefined },
) {
  const status = statusOf(error.code);
  return {
    message: options.message ?? error.message,
    code: error.code,
    errors: [
      {
        code: error.code,
        name: nameOf(error.code),
        severity: 'ERROR',
        source: status >= 500 ? 'System Error' : 'User Error',
        description: error.message,
        ...(options.location ? { location: options.location } : {}),
      },
    ],
    ...(error.details === undefined ? {} : { details: error.details }),
    requestId: options.requestId,
  };
}

/** The offset of a line and column (both from 1) in `script`, with the parser's line breaks: \n, \r\n, \r. */
function offsetOf(script: string, line: number, column: number): number {
  let lineStart = 0;
  for (let at = 1, i = 0; at < line && i < script.length; i++) {
    const char = script[i];
    if (char === '\n' || char === '\r') {
      if (char === '\r' && script[i + 1] === '\n') i++;
      at++;
      lineStart = i + 1;
    }
  }
  return lineStart + column - 1;
}

function pointedAt(details: unknown): Pick<SourcePosition, 'line' | 'column'> | undefined {
  const { line, column } = (details ?? {}) as { line?: unknown; column?: unknown };
  return typeof line === 'number' && typeof column === 'number' ? { line, column } : undefined;
}

/**
 * Where a script's failure lies: the name or value the error points at (`details.line`/`column`, as
 * syntax errors and errors about one name carry them) or else the failing statement's start, up to that
 * statement's end. A syntax error has no statement: its location is the point where parsing stopped.
 */
export function locationOf(
  script: string,
  failure: NonNullable<SqlScriptOutcome['failure']>,
): FireboltLocation | undefined {
  const pointed = pointedAt(failure.error.details);
  const { statement } = failure;
  if (pointed) {
    const startOffset = offsetOf(script, pointed.line, pointed.column);
    return {
      failingLine: pointed.line,
      startOffset,
      endOffset: statement ? Math.max(statement.end.offset, startOffset) : startOffset,
    };
  }
  if (!statement) return undefined;
  return {
    failingLine: statement.start.line,
    startOffset: statement.start.offset,
    endOffset: statement.end.offset,
  };
}
