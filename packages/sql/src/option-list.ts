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
 * The options of one statement form, `A = x B = y, C = z`: in any order, separated by spaces or commas, each
 * at most once, one at least. Made once per form, so reading a statement allocates only what it returns.
 */
export class OptionList<T extends object> {
  private readonly keys: (keyof T)[];
  private readonly specs: OptionSpecs<T>;
  private readonly rules: OptionRules<T>;

  constructor(specs: OptionSpecs<T>, rules: OptionRules<T> = {}) {
    this.specs = specs;
    this.rules = rules;
    this.keys = Object.keys(specs) as (keyof T)[];
  }

  /** Reads options up to the first token that starts none it still accepts. */
  parse(cursor: Cursor): Partial<T> {
    const given: Partial<T> = {};
    let count = 0;
    let afterComma = false;
    for (;;) {
      const token = cursor.peek();
      let key: keyof T | undefined;
      for (const k of this.keys) {
        if (token.is(this.specs[k].keyword)) {
          key = k;
          break;
        }
      }
      if (key === undefined) {
        for (const keyword of this.open(given)) cursor.note(keyword);
        this.failIfIncomplete(cursor, given, count === 0 || afterComma);
        return given;
      }
      const { keyword } = this.specs[key];
      if (Object.hasOwn(given, key)) cursor.failAt(token, this.open(given), `${keyword} is given twice`);
      const exclusion = this.exclusion(given, key);
      if (exclusion !== undefined) {
        const other = this.specs[exclusion.options.find((o) => Object.hasOwn(given, o))!].keyword;
        cursor.failAt(token, this.open(given), `${keyword} cannot be given with ${other}: ${exclusion.why}`);
      }
      cursor.advance();
      cursor.expectSymbol('=');
      given[key] = this.specs[key].parse(cursor, given);
      count++;
      afterComma = cursor.isSymbol(',');
      if (afterComma) cursor.advance();
    }
  }

  /** At the token after the options: fails when it is a misplaced option, or options are missing. */
  private failIfIncomplete(cursor: Cursor, given: Partial<T>, noneOrDanglingComma: boolean): void {
    const token = cursor.peek();
    const { misplaced, required } = this.rules;
    if (misplaced) for (const [word, why] of Object.entries(misplaced)) if (token.is(word)) cursor.fail(why);
    if (required?.some((k) => !Object.hasOwn(given, k))) {
      const missing = required.filter((k) => !Object.hasOwn(given, k)).map((k) => this.specs[k].keyword);
      cursor.fail(`${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} required`);
    }
    if (noneOrDanglingComma) cursor.fail();
  }

  /** The keywords of the options that may still come. */
  private open(given: Partial<T>): string[] {
    return this.keys
      .filter((k) => !Object.hasOwn(given, k) && this.exclusion(given, k) === undefined)
      .map((k) => this.specs[k].keyword);
  }

  /** The exclusive group that an option given already keeps `key` out of. */
  private exclusion(given: Partial<T>, key: keyof T) {
    return this.rules.exclusive?.find(
      ({ options }) => options.includes(key) && options.some((o) => o !== key && Object.hasOwn(given, o)),
    );
  }
}
