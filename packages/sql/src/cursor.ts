import { foundText, Lexer, Token, tokenStart } from './lexer.js';
import { SqlSyntaxError } from './syntax-error.js';

/** Tokens the cursor keeps: the current one, the two the grammar may look past it, and the last taken. */
const ringSize = 4;

const phrases = new Map<string, string[]>();
const quotedSymbols = new Map<string, string>();

/** How an error lists a symbol: `'='`. */
function quotedSymbol(symbol: string): string {
  let quoted = quotedSymbols.get(symbol);
  if (quoted === undefined) {
    quoted = `'${symbol}'`;
    quotedSymbols.set(symbol, quoted);
  }
  return quoted;
}

function phraseWords(phrase: string): string[] {
  let words = phrases.get(phrase);
  if (words === undefined) {
    words = phrase.split(' ');
    phrases.set(phrase, words);
  }
  return words;
}

/**
 * The parser's view of the tokens: up to two tokens of lookahead over the lexer, and the expectations noted
 * at the current token. Every test the grammar makes there and fails notes what it looked for, so when
 * nothing fits, the error lists exactly what could have come (`expected SERVICE ACCOUNT, LOGIN or USER`).
 * Token objects are reused after `ringSize` tokens: code that needs a token's position or value after
 * reading further takes it out first.
 */
export class Cursor {
  private readonly lexer: Lexer;
  private readonly ring: Token[] = [];
  /** Where the current token is in the ring, and how many tokens from there on are read. */
  private head = 0;
  private read = 0;
  /** What was noted at the token numbered `expectedAt`, the first `expectedCount` entries. */
  private readonly expected: string[] = [];
  private expectedCount = 0;
  private expectedAt = -1;
  private taken: Token | undefined;

  constructor(text: string) {
    this.lexer = new Lexer(text);
    for (let i = 0; i < ringSize; i++) this.ring.push(new Token(text));
  }

  /** The token `k` places after the current one (0: the current one; at most 2). */
  peek(k = 0): Token {
    while (this.read <= k) {
      this.lexer.next(this.ring[(this.head + this.read) % ringSize]!);
      this.read++;
    }
    return this.ring[(this.head + k) % ringSize]!;
  }

  advance(): Token {
    const token = this.peek();
    if (token.type !== 'end') {
      this.head = (this.head + 1) % ringSize;
      this.read--;
    }
    this.taken = token;
    return token;
  }

  /** The token `advance` took last (good until two more are read). */
  lastTaken(): Token | undefined {
    return this.taken;
  }

  /** Whether the token `k` ahead is the keyword `word` (in capitals); notes nothing. */
  isKeyword(word: string, k = 0): boolean {
    return this.peek(k).is(word);
  }

  isSymbol(symbol: string, k = 0): boolean {
    return this.peek(k).symbol === symbol;
  }

  /**
   * Takes the keywords of `phrase` (`'SERVICE ACCOUNT'`) if its first is next, then requires the others; when
   * the first is not next, notes the phrase as expected and takes nothing.
   */
  acceptKeywords(phrase: string): boolean {
    if (phrase.indexOf(' ') < 0) {
      if (this.isKeyword(phrase)) {
        this.advance();
        return true;
      }
      this.note(phrase);
      return false;
    }
    const words = phraseWords(phrase);
    if (!this.isKeyword(words[0]!)) {
      this.note(phrase);
      return false;
    }
    this.advance();
    for (let i = 1; i < words.length; i++) this.expectKeywords(words[i]!);
    return true;
  }

  expectKeywords(phrase: string): void {
    if (!this.acceptKeywords(phrase)) this.fail();
  }

  /** The first of `words` that is next, taken; else notes them all and takes nothing. */
  acceptOneOf<W extends string>(words: readonly W[]): W | undefined {
    const found = this.peek().oneOf(words);
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
      this.note(quotedSymbol(symbol));
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
    const { index } = this.peek();
    if (this.expectedAt !== index) {
      this.expectedAt = index;
      this.expectedCount = 0;
    }
    for (let i = 0; i < this.expectedCount; i++) if (this.expected[i] === what) return;
    this.expected[this.expectedCount++] = what;
  }

  /** Throws: what was noted at the current token was expected, and it is not there. */
  fail(hint?: string): never {
    const token = this.peek();
    const expected = this.expectedAt === token.index ? this.expected.slice(0, this.expectedCount) : [];
    throw new SqlSyntaxError(tokenStart(token), foundText(token), expected, hint ? { hint } : {});
  }

  /** Throws about `token` with a reason of its own (a duplicate option), listing what could have come. */
  failAt(token: Token, expected: string[], reason: string): never {
    throw new SqlSyntaxError(tokenStart(token), foundText(token), expected, { reason });
  }
}
