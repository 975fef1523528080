import type { SourcePosition } from './source-position.js';

/** What `found` says when the script ended where something else was due. */
export const endOfInput = 'end of input';

/** A token quoted in an error is cut to this many characters, so a long string does not fill the message. */
const maxFoundLength = 40;

/**
 * The one error the parser throws. Positions are the offending token's first character (an unterminated
 * string, quoted name or comment: its opening quote or `/*`).
 */
export class SqlSyntaxError extends Error {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  /** The offending token as written (cut to 40 characters, then `…`), or `'end of input'`. */
  readonly found: string;
  /**
   * What could have come there instead, in the grammar's order: keywords in capitals (`SERVICE ACCOUNT`),
   * punctuation quoted (`'='`), kinds of token in words (`a name`, `a string`, `end of input`).
   */
  readonly expected: string[];

  /**
   * The message says `reason` when given (a duplicate option, an unterminated string), else what was expected
   * and found, followed by `hint` when given (why only those could come).
   */
  constructor(
    at: SourcePosition,
    found: string,
    expected: string[],
    words: { reason?: string; hint?: string } = {},
  ) {
    const shown = cut(found);
    const reason = words.reason ?? expectedButFound(expected, shown);
    super(
      `Syntax error at line ${at.line}, column ${at.column}: ${reason}${words.hint ? `: ${words.hint}` : ''}`,
    );
    this.name = 'SqlSyntaxError';
    this.line = at.line;
    this.column = at.column;
    this.offset = at.offset;
    this.found = shown;
    this.expected = expected;
  }
}

function cut(text: string): string {
  return text.length > maxFoundLength ? `${text.slice(0, maxFoundLength)}…` : text;
}

/** `expected '=' but found 'TRUE'`. */
function expectedButFound(expected: string[], found: string): string {
  const what = found === endOfInput || found.startsWith("'") ? found : `'${found}'`;
  return `expected ${oneOf(expected)} but found ${what}`;
}

function oneOf(items: string[]): string {
  if (items.length === 0) return 'nothing more';
  if (items.length === 1) return items[0]!;
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)!}`;
}
