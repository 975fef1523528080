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

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Other Unicode spaces (a no-break space pasted from a web page, a byte-order mark) separate tokens too. */
const unicodeSpace = /\s/;

/**
 * A token, read without allocating: its text and value are cut from the script only when asked for. The
 * lexer fills the objects the cursor hands it and the cursor reuses them, so a token is good only until a
 * few more have been read: take a position or value out of it at once.
 */
export class Token {
  type: TokenType = 'end';
  /** For a symbol, which one (`!=` stays `!=`); empty otherwise. */
  symbol = '';
  /** Counts the tokens of the script, so a reused object is still told apart from the token it was. */
  index = -1;
  offset = 0;
  line = 1;
  column = 1;
  /** Just after the token's last character. */
  endOffset = 0;
  endLine = 1;
  endColumn = 1;
  /** A quoted name or string holding a doubled quote. */
  escaped = false;
  private readonly source: string;

  constructor(source: string) {
    this.source = source;
  }

  /** As written. */
  text(): string {
    return this.source.slice(this.offset, this.endOffset);
  }

  /** A word as written; a quoted name or string without its quotes, a doubled quote read as one. */
  value(): string {
    if (this.type !== 'string' && this.type !== 'quoted_name') return this.text();
    const inner = this.source.slice(this.offset + 1, this.endOffset - 1);
    if (!this.escaped) return inner;
    return this.type === 'string' ? inner.replaceAll("''", "'") : inner.replaceAll('""', '"');
  }

  /** A word in small letters (cut once, not twice, when it is written so already). */
  lowerText(): string {
    for (let i = this.offset; i < this.endOffset; i++) {
      const c = this.source.charCodeAt(i);
      if (c >= Char.UpperA && c <= Char.UpperZ) return this.text().toLowerCase();
    }
    return this.text();
  }

  /** Whether this is the keyword `word` (given in capitals), in any case. */
  is(word: string): boolean {
    if (this.type !== 'word' || this.endOffset - this.offset !== word.length) return false;
    for (let i = 0; i < word.length; i++) {
      let c = this.source.charCodeAt(this.offset + i);
      if (c >= Char.LowerA && c <= Char.LowerZ) c -= 32;
      if (c !== word.charCodeAt(i)) return false;
    }
    return true;
  }

  /** The first of `words` (in capitals) this is, if any. */
  oneOf<W extends string>(words: readonly W[]): W | undefined {
    for (const word of words) if (this.is(word)) return word;
    return undefined;
  }
}

/**
 * Reads the script one token at a time, on demand, in one pass over the text, allocating nothing per token:
 * the parser meets a lexical error only when it reaches it, so the first error in the script is the one
 * reported.
 */
export class Lexer {
  private readonly text: string;
  private pos = 0;
  private line = 1;
  /** Offset of the current line's first character. */
  private lineStart = 0;
  private count = 0;

  constructor(text: string) {
    this.text = text;
  }

  /** Reads the next token into `token`. */
  next(token: Token): void {
    this.skipSpaceAndComments();
    const { text } = this;
    const start = this.pos;
    token.index = this.count++;
    token.offset = start;
    token.line = this.line;
    token.column = start - this.lineStart + 1;
    token.symbol = '';
    token.escaped = false;
    if (start >= text.length) {
      token.type = 'end';
    } else {
      const c = text.charCodeAt(start);
      if (isLetter(c)) {
        let i = start + 1;
        while (i < text.length && isWordPart(text.charCodeAt(i))) i++;
        this.pos = i;
        token.type = 'word';
      } else if (isDigit(c)) {
        let i = start + 1;
        while (i < text.length && isDigit(text.charCodeAt(i))) i++;
        this.pos = i;
        token.type = 'number';
      } else if (c === Char.Quote || c === Char.DoubleQuote) {
        token.escaped = this.quoted(c);
        token.type = c === Char.Quote ? 'string' : 'quoted_name';
      } else {
        const symbol = this.symbolAt(start, c);
        if (symbol !== undefined) {
          this.pos = start + symbol.length;
          token.type = 'symbol';
          token.symbol = symbol;
        } else {
          this.pos = start + (isHighSurrogate(c) && isLowSurrogate(text.charCodeAt(start + 1)) ? 2 : 1);
          token.type = 'other';
        }
      }
    }
    token.endOffset = this.pos;
    token.endLine = this.line;
    token.endColumn = this.pos - this.lineStart + 1;
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

  /** Reads `'…'` or `"…"` from its opening quote; whether a doubled quote inside stands for one. */
  private quoted(quote: number): boolean {
    const { text } = this;
    const start = this.pos;
    const at = this.positionOf(start);
    let escaped = false;
    let i = start + 1;
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
        escaped = true;
        i += 2;
        continue;
      }
      this.lineBreakAt(i, c);
      i++;
    }
    this.pos = i + 1;
    return escaped;
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
  return token.type === 'end' ? endOfInput : token.text();
}
