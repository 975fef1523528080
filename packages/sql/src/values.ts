import type {
  BooleanLiteral,
  CatalogName,
  ColumnRef,
  Literal,
  Name,
  NumberLiteral,
  StringLiteral,
} from './ast.js';
import type { Cursor } from './cursor.js';
import { tokenStart } from './lexer.js';

/** How the error lists a name's place. */
export const aName = 'a name';
export const aString = 'a string';
export const aNumber = 'a number';

/**
 * An object's name: a word (which may be a keyword the grammar does not expect here) or a non-empty `"…"`;
 * with `stringAllowed`, also a non-empty `'…'` (Firebolt's examples give option values both ways).
 */
export function parseName(cursor: Cursor, { stringAllowed = false } = {}): Name {
  const token = cursor.peek();
  const isName =
    token.type === 'word' ||
    ((token.type === 'quoted_name' || (stringAllowed && token.type === 'string')) &&
      token.endOffset - token.offset > 2);
  if (!isName) {
    cursor.note(aName);
    return cursor.fail();
  }
  cursor.advance();
  return { kind: 'name', value: token.value(), quoted: token.type !== 'word', start: tokenStart(token) };
}

/**
 * A name-valued option: a name, a quoted name or a string. A bare `DEFAULT` is never a name here, also where
 * the option takes no `DEFAULT`: it is refused rather than read as an object named "DEFAULT".
 */
export function parseNameValue(cursor: Cursor): Name {
  if (cursor.isKeyword('DEFAULT')) {
    cursor.note(aName);
    cursor.fail();
  }
  return parseName(cursor, { stringAllowed: true });
}

export function parseString(cursor: Cursor): StringLiteral {
  const token = cursor.peek();
  if (token.type !== 'string') {
    cursor.note(aString);
    return cursor.fail();
  }
  cursor.advance();
  return { kind: 'string', value: token.value(), start: tokenStart(token) };
}

const booleans = ['TRUE', 'FALSE'] as const;

export function acceptBoolean(cursor: Cursor): BooleanLiteral | undefined {
  const token = cursor.peek();
  const word = cursor.acceptOneOf(booleans);
  return word === undefined
    ? undefined
    : { kind: 'boolean', value: word === 'TRUE', start: tokenStart(token) };
}

export function parseBoolean(cursor: Cursor): boolean {
  return (acceptBoolean(cursor) ?? cursor.fail()).value;
}

/** A non-negative integer that a JavaScript number holds exactly. */
export function acceptNumber(cursor: Cursor): NumberLiteral | undefined {
  const token = cursor.peek();
  if (token.type !== 'number') {
    cursor.note(aNumber);
    return undefined;
  }
  const value = Number(token.text());
  if (!Number.isSafeInteger(value)) {
    cursor.failAt(token, [aNumber], `number too large (at most ${Number.MAX_SAFE_INTEGER})`);
  }
  cursor.advance();
  return { kind: 'number', value, start: tokenStart(token) };
}

export function parseNumber(cursor: Cursor): NumberLiteral {
  return acceptNumber(cursor) ?? cursor.fail();
}

/** A string, a number, TRUE, FALSE or NULL. */
export function acceptLiteral(cursor: Cursor): Literal | undefined {
  const token = cursor.peek();
  if (token.type === 'string') return parseString(cursor);
  cursor.note(aString);
  const number = acceptNumber(cursor);
  if (number !== undefined) return number;
  const boolean = acceptBoolean(cursor);
  if (boolean !== undefined) return boolean;
  if (cursor.acceptKeywords('NULL')) return { kind: 'null', start: tokenStart(token) };
  return undefined;
}

/** `DEFAULT` as `null`, else what `parse` reads. */
export function orDefault<T>(parse: (cursor: Cursor) => T): (cursor: Cursor) => T | null {
  return (cursor) => (cursor.acceptKeywords('DEFAULT') ? null : parse(cursor));
}

/** One of `words` (in capitals), lower-cased. */
export function oneOfKeywords<W extends string>(words: readonly W[]): (cursor: Cursor) => Lowercase<W> {
  return (cursor) => cursor.expectOneOf(words).toLowerCase() as Lowercase<W>;
}

/** `(item, …)`; `empty` allows `()`. */
export function parseList<T>(cursor: Cursor, parseItem: (cursor: Cursor) => T, { empty = false } = {}): T[] {
  cursor.expectSymbol('(');
  const items: T[] = [];
  if (empty && cursor.acceptSymbol(')')) return items;
  do items.push(parseItem(cursor));
  while (cursor.acceptSymbol(','));
  cursor.expectSymbol(')');
  return items;
}

/** A word lower-cased, or a non-empty `"…"` as written: how catalog names match. */
export function acceptCatalogPart(cursor: Cursor, what: string): CatalogName | undefined {
  const token = cursor.peek();
  if (token.type === 'word') {
    cursor.advance();
    return { value: token.lowerText(), start: tokenStart(token) };
  }
  if (token.type === 'quoted_name' && token.endOffset - token.offset > 2) {
    cursor.advance();
    return { value: token.value(), start: tokenStart(token) };
  }
  cursor.note(what);
  return undefined;
}

/** `a.b.c`, parts joined with `.`. */
export function parseDottedCatalogName(cursor: Cursor, what: string): CatalogName {
  const first = acceptCatalogPart(cursor, what) ?? cursor.fail();
  const parts = [first.value];
  while (cursor.acceptSymbol('.')) parts.push((acceptCatalogPart(cursor, what) ?? cursor.fail()).value);
  return { value: parts.join('.'), start: first.start };
}

/** Words that end or join a column in SELECT's clauses, so a column of that name must be written `"…"`. */
const notColumns = [
  'FROM',
  'WHERE',
  'ORDER',
  'LIMIT',
  'AND',
  'OR',
  'NOT',
  'IN',
  'IS',
  'LIKE',
  'ASC',
  'DESC',
  'TRUE',
  'FALSE',
  'NULL',
];

export function acceptColumn(cursor: Cursor): ColumnRef | undefined {
  const token = cursor.peek();
  if (token.oneOf(notColumns) !== undefined) {
    cursor.note('a column');
    return undefined;
  }
  const part = acceptCatalogPart(cursor, 'a column');
  return part && { kind: 'column', name: part.value, start: part.start };
}

export function parseColumn(cursor: Cursor): ColumnRef {
  return acceptColumn(cursor) ?? cursor.fail();
}
