/**
 * The one rule for text arriving from outside, whichever field carries it. Refused:
 * - U+0000, which PostgreSQL cannot store (a 500 before this rule) and SQLite stores;
 * - a lone UTF-16 surrogate, which both drivers silently store as U+FFFD, so what was sent is not what is kept;
 * - the other control characters (C0 but TAB, LF and CR; DEL; C1), as PRECIS (RFC 8264) refuses them in
 *   identifiers and passwords alike: no field here has a use for them, and in names, emails and audit
 *   details they only serve to disguise one value as another or to drive a terminal that shows the log.
 * TAB, LF and CR stay: a description may have lines.
 */
const refused =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this rule's job.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first refused character of `value` as `U+XXXX`, or undefined when the text is accepted. */
export function refusedCharacterIn(value: string): string | undefined {
  const found = refused.exec(value);
  if (!found) return undefined;
  return `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}
