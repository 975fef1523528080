import type { ParsedStatement } from './ast.js';
import { Cursor } from './cursor.js';
import { tokenEnd, tokenStart } from './lexer.js';
import { parseStatement } from './parse-statement.js';
import { endOfInput } from './syntax-error.js';

/**
 * Parses a script of statements separated by `;`. Empty statements (`;;`, a trailing `;`, only comments)
 * are skipped. Throws `SqlSyntaxError` at the first error, and nothing else whatever the text; the time it
 * takes grows in proportion to the text's length.
 */
export function parseScript(text: string): ParsedStatement[] {
  const cursor = new Cursor(text);
  const parsed: ParsedStatement[] = [];
  for (;;) {
    while (cursor.isSymbol(';')) cursor.advance();
    const first = cursor.peek();
    if (first.type === 'end') return parsed;
    const start = tokenStart(first);
    const statement = parseStatement(cursor);
    const end = tokenEnd(cursor.lastTaken()!);
    if (!cursor.acceptSymbol(';')) {
      cursor.note(endOfInput);
      if (cursor.peek().type !== 'end') cursor.fail();
    }
    parsed.push({ statement, text: text.slice(start.offset, end.offset), start, end });
  }
}
