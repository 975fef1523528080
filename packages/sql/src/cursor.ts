import { foundText, Lexer, type Token, tokenStart } from './lexer.js';
import { SqlSyntaxError } from './syntax-error.js';

/**
 * The parser's view of the tokens: a few tokens of lookahead over the lexer, and the expectations noted at
 * the current token. Every test the grammar makes there and fails notes what it looked for, so when nothing
 * fits, the error lists exactly what could have come (`expected SERVICE ACCOUNT, LOGIN or USER`).
 */
export class Cursor {
  private readonly lexer: Lexer;
  /** The current token and those peeked past it. */
  private readonly ahead: Token[] = [];
  private expected: string[] = [];
  /** The token `expected` is about; a move to the next token starts a new list. */
  private expectedAt: Token | undefined;
  private taken: Token | undefined;

  constructor(text: string) {
    this.lexer = new Lexer(text);
  }

  /** The token `k` places after the current one (0: the current one). */
  peek(k = 0): Token {
    while (this.ahead.length <= k) this.ahead.push(this.lexer.next());
    return this.ahead[k]!;
  }

  advance(): Token {
    const token = this.peek();
    if (token.type !== 'end') this.ahead.shift();
    this.taken = token;
    return token;
  }

  /** The token `advance` took last. */
  lastTaken(): Token | undefined {
    return this.taken;
  }

  /** Whether the token `k` ahead is the keyword `word` (in capitals); notes nothing. */
  isKeyword(word: string, k = 0): boolean {
    const token = this.peek(k);
    return token.type === 'word' && token.upper === word;
  }

  isSymbol(symbol: string, k = 0): boolean {
    const token = this.peek(k);
    return token.type === 'symbol' && token.value === symbol;
  }

  /**
   * Takes the keywords `words` (`'SERVICE', 'ACCOUNT'`) if the first is next, then requires the others;
   * when the first is not next, notes the phrase as expected and takes nothing.
   */
  acceptKeywords(...words: string[]): boolean {
    if (!this.isKeyword(words[0]!)) {
      this.note(words.join(' '));
      return false;
    }
    this.advance();
    for (const word of words.slice(1)) this.expectKeywords(word);
    return true;
  }

  expectKeywords(...words: string[]): void {
    if (!this.acceptKeywords(...words)) this.fail();
  }

  /** The first of `words` that is next, taken, in capitals; else notes them all and takes nothing. */
  acceptOneOf<W extends string>(words: readonly W[]): W | undefined {
    const token = this.peek();
    const found = token.type === 'word' ? words.find((word) => word === token.upper) : undefined;
    if (found === undefined) {
      for (const word of words) this.note(word);
      return undefined;
    }
    this.advance();
    return found;
  }

  expectOneOf<W extends string>(words: readonly W[]): W {
    return this.acceptOneOf(words) ?? this.fail();
  }

  acceptSymbol(symbol: string): boolean {
    if (!this.isSymbol(symbol)) {
      this.note(`'${symbol}'`);
      return false;
    }
    this.advance();
    return true;
  }

  expectSymbol(symbol: string): void {
    if (!this.acceptSymbol(symbol)) this.fail();
  }

  /** Records that `what` could have come at the current token. */
  note(what: string): void {
    const token = this.peek();
    if (this.expectedAt !== token) {
      this.expectedAt = token;
      this.expected = [];
    }
    if (!this.expected.includes(what)) this.expected.push(what);
  }

  /** Throws: what was noted at the current token was expected, and it is not there. */
  fail(hint?: string): never {
    const token = this.peek();
    const expected = this.expectedAt === token ? this.expected : [];
    throw new SqlSyntaxError(tokenStart(token), foundText(token), [...expected], hint ? { hint } : {});
  }

  /** Throws about `token` with a reason of its own (a duplicate option), listing what could have come. */
  failAt(token: Token, expected: string[], reason: string): never {
    throw new SqlSyntaxError(tokenStart(token), foundText(token), expected, { reason });
  }
}
