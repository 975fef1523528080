import type { Expression, Operand, Predicate } from '../ast.js';
import type { Cursor } from '../cursor.js';
import type { Token } from '../lexer.js';
import { acceptColumn, acceptLiteral, parseList } from '../values.js';

/**
 * How deep parentheses and NOTs may nest: far beyond a hand-written condition, and shallow enough that
 * neither this parser nor a recursive evaluation of the tree can run out of stack.
 */
export const maxConditionDepth = 64;

/** A WHERE condition: OR binds loosest, then AND, then NOT. */
export function parseCondition(cursor: Cursor): Expression {
  return parseOr(cursor, 0);
}

function parseOr(cursor: Cursor, depth: number): Expression {
  const first = parseAnd(cursor, depth);
  if (!cursor.acceptKeywords('OR')) return first;
  const operands = [first];
  do operands.push(parseAnd(cursor, depth));
  while (cursor.acceptKeywords('OR'));
  return { kind: 'or', operands };
}

function parseAnd(cursor: Cursor, depth: number): Expression {
  const first = parseNot(cursor, depth);
  if (!cursor.acceptKeywords('AND')) return first;
  const operands = [first];
  do operands.push(parseNot(cursor, depth));
  while (cursor.acceptKeywords('AND'));
  return { kind: 'and', operands };
}

function parseNot(cursor: Cursor, depth: number): Expression {
  const token = cursor.peek();
  if (cursor.acceptKeywords('NOT')) {
    checkDepth(cursor, token, depth + 1);
    return { kind: 'not', operand: parseNot(cursor, depth + 1) };
  }
  if (cursor.acceptSymbol('(')) {
    checkDepth(cursor, token, depth + 1);
    const inner = parseOr(cursor, depth + 1);
    cursor.expectSymbol(')');
    return inner;
  }
  return parsePredicate(cursor);
}

function checkDepth(cursor: Cursor, token: Token, depth: number): void {
  if (depth > maxConditionDepth) {
    cursor.failAt(
      token,
      ['a column', 'a string', 'a number', 'TRUE', 'FALSE', 'NULL'],
      `conditions nest more than ${maxConditionDepth} deep`,
    );
  }
}

function parseOperand(cursor: Cursor): Operand {
  return acceptLiteral(cursor) ?? acceptColumn(cursor) ?? cursor.fail();
}

const matchers = ['LIKE', 'IN'] as const;

function parsePredicate(cursor: Cursor): Predicate {
  const operand = parseOperand(cursor);
  if (cursor.acceptSymbol('='))
    return { kind: 'comparison', operator: '=', left: operand, right: parseOperand(cursor) };
  if (cursor.acceptSymbol('<>') || cursor.acceptSymbol('!=')) {
    return { kind: 'comparison', operator: '<>', left: operand, right: parseOperand(cursor) };
  }
  if (cursor.acceptKeywords('IS')) {
    const negated = cursor.acceptKeywords('NOT');
    cursor.expectKeywords('NULL');
    return { kind: 'is_null', negated, operand };
  }
  const negated = cursor.isKeyword('NOT');
  if (negated) cursor.advance();
  else {
    cursor.note('LIKE');
    cursor.note('NOT LIKE');
    cursor.note('IN');
    cursor.note('NOT IN');
  }
  const operator = cursor.expectOneOf(matchers);
  if (operator === 'LIKE') return { kind: 'like', negated, operand, pattern: parseOperand(cursor) };
  return { kind: 'in', negated, operand, values: parseList(cursor, parseOperand) };
}
