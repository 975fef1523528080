import { type ErrorCode, PortcullisError } from '@portcullis/core/errors';
import type { SourcePosition } from '@portcullis/sql';

/**
 * An error about one name or value in a statement: the message says where it stands, then what would do
 * (`hint`), and `details` carries the same `{line, column}` so a transport can point at it without reading
 * the message.
 */
export function statementError(
  code: ErrorCode,
  message: string,
  at: SourcePosition,
  hint?: string,
): PortcullisError {
  const where = `${message} (line ${at.line}, column ${at.column}).`;
  return new PortcullisError(code, hint === undefined ? where : `${where} ${hint}`, {
    details: { line: at.line, column: at.column },
  });
}

/** A name as SQL writes a quoted one, so the message shows exactly which name was meant. */
export function quotedName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A string as SQL writes it. */
export function quotedString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
