import type { Cursor } from './cursor.js';

/** One `KEYWORD = value` option: its keyword in capitals and how its value reads. */
export interface OptionSpec<V, T> {
  keyword: string;
  /** `given`: the options read so far, for a value that depends on them. */
  parse: (cursor: Cursor, given: Partial<T>) => V;
}

/** A spec for each property of `T`, which become the options' typed fields. */
export type OptionSpecs<T> = { [K in keyof T]-?: OptionSpec<Exclude<T[K], undefined>, T> };

export interface OptionRules<T> {
  /** Options that must be given. */
  required?: (keyof T)[];
  /** Options of which at most one may be given, and why (shown in the error). */
  exclusive?: { options: (keyof T)[]; why: string }[];
  /** Keywords of options this statement does not take though a similar one does, and why. */
  misplaced?: Record<string, string>;
}

/**
 * Reads `A = x B = y, C = z`: options in any order, separated by spaces or commas, each at most once, one at
 * least. Stops at the first token that starts no option it still accepts.
 */
export function parseOptions<T extends object>(
  cursor: Cursor,
  specs: OptionSpecs<T>,
  rules: OptionRules<T> = {},
): Partial<T> {
  const keys = Object.keys(specs) as (keyof T)[];
  const given: Partial<T> = {};
  const isGiven = (key: keyof T) => Object.hasOwn(given, key);
  const excluder = (key: keyof T) =>
    rules.exclusive?.find(
      ({ options }) => options.includes(key) && options.some((o) => o !== key && isGiven(o)),
    );
  const open = () => keys.filter((key) => !isGiven(key) && excluder(key) === undefined);
  let count = 0;
  let afterComma = false;
  for (;;) {
    const token = cursor.peek();
    const key = token.type === 'word' ? keys.find((k) => specs[k].keyword === token.upper) : undefined;
    if (key === undefined) {
      for (const k of open()) cursor.note(specs[k].keyword);
      const misplaced = token.type === 'word' ? rules.misplaced?.[token.upper] : undefined;
      if (misplaced !== undefined) cursor.fail(misplaced);
      const missing = (rules.required ?? []).filter((k) => !isGiven(k)).map((k) => specs[k].keyword);
      if (missing.length > 0)
        cursor.fail(`${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} required`);
      if (count === 0 || afterComma) cursor.fail();
      return given;
    }
    const expected = () => open().map((k) => specs[k].keyword);
    const keyword = specs[key].keyword;
    if (isGiven(key)) cursor.failAt(token, expected(), `${keyword} is given twice`);
    const exclusion = excluder(key);
    if (exclusion !== undefined) {
      const other = exclusion.options.find(isGiven)!;
      cursor.failAt(
        token,
        expected(),
        `${keyword} cannot be given with ${specs[other].keyword}: ${exclusion.why}`,
      );
    }
    cursor.advance();
    cursor.expectSymbol('=');
    given[key] = specs[key].parse(cursor, given);
    count++;
    afterComma = cursor.isSymbol(',');
    if (afterComma) cursor.advance();
  }
}
