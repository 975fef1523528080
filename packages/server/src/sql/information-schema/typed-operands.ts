import type { Operand } from '@portcullis/sql';
import { parseTimestamp } from './firebolt-values.js';
import {
  type ColumnDefinition,
  type ResolvedTable,
  resolveColumn,
  type StoredRow,
  storedValue,
} from './information-schema-tables.js';
import { quotedName, quotedString, statementError } from './statement-error.js';

/** An operand's value in a row once its type is settled: text, epoch milliseconds, a boolean, a number. */
export type Comparable = string | number | boolean;

export type OperandReader = (row: StoredRow) => Comparable | null;

type Kind = 'text' | 'timestamptz' | 'boolean' | 'number' | 'array(text)';

/** An operand with its kind; undefined for a string or NULL literal, which take the kind they meet. */
interface TypedOperand {
  operand: Operand;
  column?: ColumnDefinition;
  kind: Kind | undefined;
}

/**
 * Readers for operands compared with one another (`=`, `<>`, `IN`), all of one kind as PostgreSQL settles
 * it: the first column or number or boolean literal sets it, a string literal is read as that kind (text,
 * or a timestamp parsed once here) and NULL fits any. Anything else is `sql_type_mismatch`, naming the
 * first operand that does not fit, so the statement fails before any row is read.
 */
export function comparableReaders(operands: readonly Operand[], table: ResolvedTable): OperandReader[] {
  const typed = operands.map((operand) => typeOperand(operand, table));
  for (const t of typed) refuseArray(t);
  const anchor = typed.find((t) => t.kind !== undefined);
  const kind = anchor?.kind ?? 'text';
  return typed.map((t) => {
    const { operand } = t;
    if (operand.kind === 'null') return () => null;
    if (t.column !== undefined && t.kind === kind) {
      const column = t.column;
      return (row) => storedValue(row, column) as Comparable | null;
    }
    if (operand.kind === 'string' && kind === 'text') return () => operand.value;
    if (operand.kind === 'string' && kind === 'timestamptz') {
      const instant = parseTimestamp(operand.value);
      if (instant === undefined) {
        throw statementError(
          'sql_invalid_value',
          `${quotedString(operand.value)} is not a timestamp, compared with ${describe(anchor!)}`,
          operand.start,
          'Write YYYY-MM-DD[ hh:mm:ss[.ffffff]][±hh[:mm]], read as UTC without an offset.',
        );
      }
      return () => instant;
    }
    if (operand.kind !== 'column' && t.kind === kind) return () => operand.value;
    throw statementError(
      'sql_type_mismatch',
      `Cannot compare ${describe(t)} with ${describe(anchor!)}`,
      operand.start,
    );
  });
}

/**
 * A reader for an operand of LIKE, which takes text only: a text column, a string or NULL. `role` says
 * which side it is, for the message.
 */
export function textReader(
  operand: Operand,
  table: ResolvedTable,
  role: 'value' | 'pattern',
): (row: StoredRow) => string | null {
  const typed = typeOperand(operand, table);
  refuseArray(typed);
  if (operand.kind === 'null') return () => null;
  if (operand.kind === 'string') return () => operand.value;
  const column = typed.column;
  if (column !== undefined && typed.kind === 'text')
    return (row) => storedValue(row, column) as string | null;
  throw statementError(
    'sql_type_mismatch',
    `LIKE matches text, but its ${role} is ${describe(typed)}`,
    operand.start,
  );
}

/** The column an operand names, checked; for IS [NULL], which takes any column. */
export function columnOperand(operand: Operand, table: ResolvedTable): ColumnDefinition | undefined {
  return typeOperand(operand, table).column;
}

function typeOperand(operand: Operand, table: ResolvedTable): TypedOperand {
  switch (operand.kind) {
    case 'column': {
      const column = resolveColumn(table, operand);
      return { operand, column, kind: kindOf(column) };
    }
    case 'number':
    case 'boolean':
      return { operand, kind: operand.kind };
    case 'string':
    case 'null':
      return { operand, kind: undefined };
  }
}

function kindOf(column: ColumnDefinition): Kind {
  return column.type === 'text null'
    ? 'text'
    : column.type === 'timestamptz null'
      ? 'timestamptz'
      : column.type;
}

/** Only IS [NOT] NULL tests an array; it never reaches these readers. */
function refuseArray({ operand, kind }: TypedOperand): void {
  if (kind === 'array(text)' && operand.kind === 'column') {
    throw statementError(
      'sql_type_mismatch',
      `Column ${quotedName(operand.name)} is an array(text), which only IS [NOT] NULL can test`,
      operand.start,
    );
  }
}

function describe(typed: TypedOperand): string {
  const { operand } = typed;
  switch (operand.kind) {
    case 'column':
      return `the ${typed.kind} column ${quotedName(operand.name)}`;
    case 'string':
      return `the string ${quotedString(operand.value)}`;
    case 'number':
      return `the number ${operand.value}`;
    case 'boolean':
      return `the boolean ${operand.value ? 'TRUE' : 'FALSE'}`;
    case 'null':
      return 'NULL';
  }
}
