import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ParsedStatement, parseScript, type SourcePosition, SqlSyntaxError } from '../src/index.js';
import { printStatement } from './support/print-statement.js';
import { propertyRuns } from './support/property-runs.js';
import { separator, statement } from './support/statement-arbitraries.js';
import { withoutPositions } from './support/without-positions.js';

/** Far above what a few hundred characters take (microseconds), far below a hang or a quadratic blow-up. */
const timeBoundMs = 200;

/** The line and column of `offset`, counted independently of the lexer. */
function positionOf(text: string, offset: number): SourcePosition {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { offset, line: lines.length, column: lines.at(-1)!.length + 1 };
}

/** Parses `text`: it returns statements or throws a SqlSyntaxError whose position is right, in bounded time. */
function parseOrSyntaxError(text: string): ParsedStatement[] | SqlSyntaxError {
  const started = performance.now();
  let outcome: ParsedStatement[] | SqlSyntaxError;
  try {
    outcome = parseScript(text);
  } catch (error) {
    expect(error).toBeInstanceOf(SqlSyntaxError);
    outcome = error as SqlSyntaxError;
  }
  expect(performance.now() - started).toBeLessThan(timeBoundMs);
  if (outcome instanceof SqlSyntaxError) {
    const { offset, line, column, found, expected } = outcome;
    expect({ offset, line, column }).toEqual(positionOf(text, offset));
    expect(typeof found).toBe('string');
    expect(Array.isArray(expected)).toBe(true);
  } else {
    for (const { text: own, start, end } of outcome) {
      expect(text.slice(start.offset, end.offset)).toBe(own);
      expect(start).toEqual(positionOf(text, start.offset));
      expect(end).toEqual(positionOf(text, end.offset));
    }
  }
  return outcome;
}

/** Joins tokens with the separators, taken in turn. */
function join(tokens: string[], separators: string[]): string {
  return tokens
    .map((token, i) => (i === 0 ? token : `${separators[i % separators.length]}${token}`))
    .join('');
}

const separators = fc.array(separator, { minLength: 1, maxLength: 8 });

/** Pieces of SQL that make or break statements. */
const fragments = [
  'CREATE',
  'ALTER',
  'DROP',
  'SELECT',
  'SERVICE',
  'ACCOUNT',
  'USER',
  'LOGIN',
  'NETWORK',
  'POLICY',
  'WITH',
  'SET',
  'DEFAULT',
  'IF',
  'NOT',
  'EXISTS',
  'WHERE',
  'AND',
  'OR',
  'IN',
  'IS',
  'NULL',
  'LIKE',
  'FROM',
  'ORDER',
  'BY',
  'LIMIT',
  'TRUE',
  'ROLE',
  'TO',
  'ON',
  'name',
  '"quoted"',
  "'string'",
  '0',
  '99999999999999999999',
  '(',
  ')',
  ',',
  ';',
  '=',
  '<>',
  '!=',
  '<',
  '!',
  '.',
  '*',
  "'",
  '"',
  "''",
  '""',
  '--',
  '/*',
  '*/',
  '\n',
  '\r',
  ' ',
  '😀',
  '\uD800',
];
const fragment = fc.constantFrom(...fragments);

type Mutation = { at: number; kind: 'insert' | 'delete' | 'replace'; fragment: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('insert' as const, 'delete' as const, 'replace' as const),
  fragment,
});

function mutate(tokens: string[], mutations: Mutation[]): string[] {
  const result = [...tokens];
  for (const { at, kind, fragment } of mutations) {
    const i = at % (result.length + 1);
    if (kind === 'insert') result.splice(i, 0, fragment);
    else if (kind === 'delete') result.splice(i, 1);
    else result.splice(i, 1, fragment);
  }
  return result;
}

describe('parseScript on any text', () => {
  it('returns statements or throws a SqlSyntaxError at the right position, for random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        parseOrSyntaxError(text);
      }),
      { numRuns: propertyRuns(0.5) },
    );
  });

  it('returns statements or throws a SqlSyntaxError, for SQL fragments in any order', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 60 }), fc.constantFrom('', ' '), (pieces, glue) => {
        parseOrSyntaxError(pieces.join(glue));
      }),
      { numRuns: propertyRuns(0.5) },
    );
  });

  it('returns statements or throws a SqlSyntaxError, for valid scripts with tokens inserted, deleted, replaced or cut off', () => {
    fc.assert(
      fc.property(
        fc.array(statement, { minLength: 1, maxLength: 3 }),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.option(fc.nat(), { nil: undefined }),
        (trees, mutations, cutAt) => {
          const tokens = trees.flatMap((tree) => [...printStatement(tree), ';']);
          const text = mutate(tokens, mutations).join(' ');
          parseOrSyntaxError(cutAt === undefined ? text : text.slice(0, cutAt % (text.length + 1)));
        },
      ),
      { numRuns: propertyRuns(0.4) },
    );
  });
});

describe('printing a syntax tree and parsing it back', () => {
  it('gives the same trees and each statement its printed text, whatever spaces and comments separate the tokens', () => {
    fc.assert(
      fc.property(
        fc.array(statement, { minLength: 1, maxLength: 4 }),
        separators,
        fc.boolean(),
        (trees, between, trailingSemicolon) => {
          const texts = trees.map((tree) => join(printStatement(tree), between));
          const script = texts.join(`;${between[0]}`) + (trailingSemicolon ? ';' : '');
          const parsed = parseOrSyntaxError(script);
          if (parsed instanceof SqlSyntaxError) throw parsed;
          expect(parsed.map(({ statement }) => withoutPositions(statement))).toEqual(trees);
          expect(parsed.map(({ text }) => text)).toEqual(texts);
        },
      ),
      { numRuns: propertyRuns(0.4) },
    );
  });
});
