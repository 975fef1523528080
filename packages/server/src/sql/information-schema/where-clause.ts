import type { Expression, Operand, Predicate, SourcePosition } from '@portcullis/sql';
import type { ResolvedTable, StoredRow } from './information-schema-tables.js';
import { storedValue } from './information-schema-tables.js';
import { type LikePattern, matchesLike, parseLikePattern } from './like-pattern.js';
import { quotedString, statementError } from './statement-error.js';
import { columnOperand, comparableReaders, type OperandReader, textReader } from './typed-operands.js';

/** SQL's three truth values: `null` is unknown, which WHERE treats as false and NOT leaves unknown. */
export type Truth = boolean | null;

export type RowCondition = (row: StoredRow) => Truth;

/**
 * A WHERE condition checked against the table once, before any row: every column exists and every
 * comparison is between values of one type, so the same statement fails the same way on any rows.
 */
export function compileWhere(expression: Expression, table: ResolvedTable): RowCondition {
  switch (expression.kind) {
    case 'and': {
      const operands = expression.operands.map((e) => compileWhere(e, table));
      return (row) => all(operands, row);
    }
    case 'or': {
      const operands = expression.operands.map((e) => compileWhere(e, table));
      return (row) => any(operands, row);
    }
    case 'not': {
      const operand = compileWhere(expression.operand, table);
      return (row) => not(operand(row));
    }
    default:
      return compilePredicate(expression, table);
  }
}

function compilePredicate(predicate: Predicate, table: ResolvedTable): RowCondition {
  switch (predicate.kind) {
    case 'comparison': {
      const [left, right] = comparableReaders([predicate.left, predicate.right], table) as [
        OperandReader,
        OperandReader,
      ];
      const equal: RowCondition = (row) => equals(left(row), right(row));
      return predicate.operator === '=' ? equal : (row) => not(equal(row));
    }
    case 'in': {
      const [operand, ...values] = comparableReaders([predicate.operand, ...predicate.values], table) as [
        OperandReader,
        ...OperandReader[],
      ];
      const equalities: RowCondition[] = values.map((value) => (row) => equals(operand(row), value(row)));
      const within: RowCondition = (row) => any(equalities, row);
      return predicate.negated ? (row) => not(within(row)) : within;
    }
    case 'like': {
      const like = compileLike(predicate.operand, predicate.pattern, table);
      return predicate.negated ? (row) => not(like(row)) : like;
    }
    case 'is_null': {
      const column = columnOperand(predicate.operand, table);
      const literalIsNull = predicate.operand.kind === 'null';
      const isNull: RowCondition =
        column === undefined ? () => literalIsNull : (row) => storedValue(row, column) === null;
      return predicate.negated ? (row) => !isNull(row) : isNull;
    }
  }
}

/** A string pattern is read once here, so a bad one fails before any row; a column's is read per row. */
function compileLike(operand: Operand, patternOperand: Operand, table: ResolvedTable): RowCondition {
  const value = textReader(operand, table, 'value');
  if (patternOperand.kind === 'string') {
    const pattern = likePattern(patternOperand.value, patternOperand.start);
    return (row) => {
      const text = value(row);
      return text === null ? null : matchesLike(text, pattern);
    };
  }
  const pattern = textReader(patternOperand, table, 'pattern');
  return (row) => {
    const text = value(row);
    const written = pattern(row);
    return text === null || written === null
      ? null
      : matchesLike(text, likePattern(written, patternOperand.start));
  };
}

function likePattern(written: string, at: SourcePosition): LikePattern {
  const pattern = parseLikePattern(written);
  if (pattern === undefined) {
    throw statementError(
      'sql_invalid_value',
      `The LIKE pattern ${quotedString(written)} ends with the escape character \\`,
      at,
      'Write \\\\ to match a backslash.',
    );
  }
  return pattern;
}

function equals(left: unknown, right: unknown): Truth {
  return left === null || right === null ? null : left === right;
}

function not(truth: Truth): Truth {
  return truth === null ? null : !truth;
}

function all(conditions: readonly RowCondition[], row: StoredRow): Truth {
  let result: Truth = true;
  for (const condition of conditions) {
    const truth = condition(row);
    if (truth === false) return false;
    if (truth === null) result = null;
  }
  return result;
}

function any(conditions: readonly RowCondition[], row: StoredRow): Truth {
  let result: Truth = false;
  for (const condition of conditions) {
    const truth = condition(row);
    if (truth === true) return true;
    if (truth === null) result = null;
  }
  return result;
}
