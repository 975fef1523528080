/**
 * LIKE as PostgreSQL and Firebolt read it: `%` matches any run of characters, `_` exactly one, `\` makes the
 * next character literal, anything else matches itself (case counts), and the whole value must match.
 * Characters are code points, so `_` matches an emoji as one.
 *
 * Matched without a RegExp: the pattern is split at its `%`s into fixed-length segments. The first must
 * match at the start, the last at the end, and each one between at its leftmost place after the one before
 * (a leftmost place never rules out a match a later one would allow). No step is retried: the places
 * tried for successive segments do not overlap, so the time is at most the pattern's length plus the
 * value's length times its longest segment that fits in it. Never exponential; `%a%a%a…b` is linear.
 */

/** One character of a segment: a code point, or `undefined` for `_`. */
type PatternCharacter = string | undefined;

export interface LikePattern {
  /** Split at each unescaped `%`: a single segment when there is none. */
  readonly segments: readonly (readonly PatternCharacter[])[];
}

/** The pattern read once; undefined when it ends with the escape character, which PostgreSQL refuses. */
export function parseLikePattern(pattern: string): LikePattern | undefined {
  const segments: PatternCharacter[][] = [[]];
  let escaped = false;
  for (const character of pattern) {
    const segment = segments[segments.length - 1]!;
    if (escaped) {
      segment.push(character);
      escaped = false;
    } else if (character === '\\') escaped = true;
    else if (character === '%') segments.push([]);
    else segment.push(character === '_' ? undefined : character);
  }
  return escaped ? undefined : { segments };
}

export function matchesLike(value: string, pattern: LikePattern): boolean {
  const characters = Array.from(value);
  const { segments } = pattern;
  const first = segments[0]!;
  if (segments.length === 1) return characters.length === first.length && matchesAt(characters, 0, first);
  const last = segments[segments.length - 1]!;
  const lastStart = characters.length - last.length;
  if (
    lastStart < first.length ||
    !matchesAt(characters, 0, first) ||
    !matchesAt(characters, lastStart, last)
  ) {
    return false;
  }
  let position = first.length;
  for (const segment of segments.slice(1, -1)) {
    const found = leftmostMatch(characters, position, lastStart - segment.length, segment);
    if (found === undefined) return false;
    position = found + segment.length;
  }
  return true;
}

function leftmostMatch(
  characters: readonly string[],
  from: number,
  to: number,
  segment: readonly PatternCharacter[],
): number | undefined {
  for (let start = from; start <= to; start++) if (matchesAt(characters, start, segment)) return start;
  return undefined;
}

function matchesAt(
  characters: readonly string[],
  start: number,
  segment: readonly PatternCharacter[],
): boolean {
  return segment.every((expected, i) => expected === undefined || characters[start + i] === expected);
}
