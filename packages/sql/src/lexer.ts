import type { SourcePosition } from './source-position.js';
import { endOfInput, SqlSyntaxError } from './syntax-error.js';

export type TokenType =
  /** An unquoted name or keyword: a letter, then letters, digits and `_`. */
  | 'word'
  /** `"…"`. */
  | 'quoted_name'
  /** `'…'`. */
  | 'string'
  /** Digits. */
  | 'number'
  /** `=`, `<>`, `!=`, `(`, `)`, `,`, `;`, `.`, `*`. */
  | 'symbol'
  /** Any other character, kept so the parser can say where it stands and what was expected instead. */
  | 'other'
  | 'end';

export interface Token {
  type: TokenType;
  /** As written. */
  text: string;
  /** A word as written, a quoted name or string without its quotes and with doubled quotes read as one. */
  value: string;
  /** A word in capitals, for matching keywords; empty for other tokens. */
  upper: string;
  offset: number;
  line: number;
  column: number;
  /** Just after the token's last character. */
  endOffset: number;
  endLine: number;
  endColumn: number;
}

enum Char {
  Tab = 9,
  LineFeed = 10,
  VerticalTab = 11,
  FormFeed = 12,
  CarriageReturn = 13,
  Space = 32,
  Bang = 33,
  DoubleQuote = 34,
  Quote = 39,
  OpenParen = 40,
  CloseParen = 41,
  Star = 42,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Slash = 47,
  Digit0 = 48,
  Digit9 = 57,
  Semicolon = 59,
  LessThan = 60,
  Equals = 61,
  GreaterThan = 62,
  UpperA = 65,
  UpperZ = 90,
  Underscore = 95,
  LowerA = 97,
  LowerZ = 122,
}

function isLetter(c: number): boolean {
  return (c >= Char.UpperA && c <= Char.UpperZ) || (c >= Char.LowerA && c <= Char.LowerZ);
}

function isDigit(c: number): boolean {
  return c >= Char.Digit0 && c <= Char.Digit9;
}

function isWordPart(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === Char.Underscore;
}

/** Other Unicode spaces (a no-break space pasted from a web page, a byte-order mark) separate tokens too. */
const unicodeSpace = /\s/;

/**
 * Reads the script one token at a time, on demand, in one pass over the text: the parser meets a lexical
 * error only when it reaches it, so the first error in the script is the one reported.
 */
export class Lexer {
  private readonly text: string;
  private pos = 0;
  private line = 1;
  /** Offset of the current line's first character. */
  private lineStart = 0;

  constructor(text: string) {
    this.text = text;
  }

  next(): Token {
    this.skipSpaceAndComments();
    const { text } = this;
    const start = this.pos;
    const line = this.line;
    const column = start - this.lineStart + 1;
    if (start >= text.length) return this.token('end', start, line, column, '', '');
    const c = text.charCodeAt(start);
    if (isLetter(c)) {
      let i = start + 1;
      while (i < text.length && isWordPart(text.charCodeAt(i))) i++;
      this.pos = i;
      const word = text.slice(start, i);
      return this.token('word', start, line, column, word, word, word.toUpperCase());
    }
    if (isDigit(c)) {
      let i = start + 1;
      while (i < text.length && isDigit(text.charCodeAt(i))) i++;
      this.pos = i;
      const digits = text.slice(start, i);
      return this.token('number', start, line, column, digits, digits);
    }
    if (c === Char.Quote || c === Char.DoubleQuote) {
      const value = this.quoted(c);
      return this.token(
        c === Char.Quote ? 'string' : 'quoted_name',
        start,
        line,
        column,
        text.slice(start, this.pos),
        value,
      );
    }
    const symbol = this.symbolAt(start, c);
    if (symbol !== undefined) {
      this.pos = start + symbol.length;
      return this.token('symbol', start, line, column, symbol, symbol);
    }
    const other = String.fromCodePoint(text.codePointAt(start)!);
    this.pos = start + other.length;
    return this.token('other', start, line, column, other, other);
  }

  private token(
    type: TokenType,
    offset: number,
    line: number,
    column: number,
    text: string,
    value: string,
    upper = '',
  ): Token {
    return {
      type,
      text,
      value,
      upper,
      offset,
      line,
      column,
      endOffset: this.pos,
      endLine: this.line,
      endColumn: this.pos - this.lineStart + 1,
    };
  }

  private symbolAt(i: number, c: number): string | undefined {
    switch (c) {
      case Char.Equals:
        return '=';
      case Char.OpenParen:
        return '(';
      case Char.CloseParen:
        return ')';
      case Char.Comma:
        return ',';
      case Char.Semicolon:
        return ';';
      case Char.Dot:
        return '.';
      case Char.Star:
        return '*';
      case Char.LessThan:
        return this.text.charCodeAt(i + 1) === Char.GreaterThan ? '<>' : undefined;
      case Char.Bang:
        return this.text.charCodeAt(i + 1) === Char.Equals ? '!=' : undefined;
      default:
        return undefined;
    }
  }

  /** Reads `'…'` or `"…"` from its opening quote; a doubled quote inside stands for one. */
  private quoted(quote: number): string {
    const { text } = this;
    const start = this.pos;
    const at = this.position();
    let pieceStart = start + 1;
    let pieces: string[] | undefined;
    let i = pieceStart;
    for (;;) {
      if (i >= text.length) {
        const what = quote === Char.Quote ? 'string' : 'quoted name';
        throw new SqlSyntaxError(at, text.slice(start, start + 41), [`the closing ${text[start]}`], {
          reason: `unterminated ${what} (no closing ${text[start]})`,
        });
      }
      const c = text.charCodeAt(i);
      if (c === quote) {
        if (text.charCodeAt(i + 1) !== quote) break;
        pieces ??= [];
        pieces.push(text.slice(pieceStart, i + 1));
        i += 2;
        pieceStart = i;
        continue;
      }
      this.lineBreakAt(i, c);
      i++;
    }
    this.pos = i + 1;
    const last = text.slice(pieceStart, i);
    if (pieces === undefined) return last;
    pieces.push(last);
    return pieces.join('');
  }

  private skipSpaceAndComments(): void {
    const { text } = this;
    let i = this.pos;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === Char.Space || c === Char.Tab || c === Char.FormFeed || c === Char.VerticalTab) {
        i++;
      } else if (c === Char.LineFeed || c === Char.CarriageReturn) {
        this.lineBreakAt(i, c);
        i++;
      } else if (c === Char.Minus && text.charCodeAt(i + 1) === Char.Minus) {
        i += 2;
        while (i < text.length) {
          const d = text.charCodeAt(i);
          if (d === Char.LineFeed || d === Char.CarriageReturn) break;
          i++;
        }
      } else if (c === Char.Slash && text.charCodeAt(i + 1) === Char.Star) {
        i = this.blockCommentEnd(i);
      } else if (c > 127 && unicodeSpace.test(text[i]!)) {
        i++;
      } else {
        break;
      }
    }
    this.pos = i;
  }

  /** Where the block comment opening at `start` ends; its line breaks counted. */
  private blockCommentEnd(start: number): number {
    const { text } = this;
    const at = this.positionOf(start);
    let i = start + 2;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === Char.Star && text.charCodeAt(i + 1) === Char.Slash) return i + 2;
      this.lineBreakAt(i, c);
      i++;
    }
    throw new SqlSyntaxError(at, text.slice(start, start + 41), ['the closing */'], {
      reason: 'unterminated comment (no closing */)',
    });
  }

  /** Counts a line break at `i`: `\n`, a lone `\r`, and `\r\n` once (at its `\n`). */
  private lineBreakAt(i: number, c: number): void {
    if (c === Char.LineFeed || (c === Char.CarriageReturn && this.text.charCodeAt(i + 1) !== Char.LineFeed)) {
      this.line++;
      this.lineStart = i + 1;
    }
  }

  private position(): SourcePosition {
    return this.positionOf(this.pos);
  }

  /** The position of `offset`, which must lie on the current line. */
  private positionOf(offset: number): SourcePosition {
    return { offset, line: this.line, column: offset - this.lineStart + 1 };
  }
}

/** The position of a token's first character. */
export function tokenStart(token: Token): SourcePosition {
  return { offset: token.offset, line: token.line, column: token.column };
}

/** The position just after a token's last character. */
export function tokenEnd(token: Token): SourcePosition {
  return { offset: token.endOffset, line: token.endLine, column: token.endColumn };
}

/** What an error says it found at `token`. */
export function foundText(token: Token): string {
  return token.type === 'end' ? endOfInput : token.text;
}
