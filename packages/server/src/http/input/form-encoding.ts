/** Where a parsed query string or form body keeps the names of the parameters that did not decode. */
export const undecodableParameters = Symbol('undecodable parameters');

export type FormFields = Record<string, string | string[]> & { [undecodableParameters]?: string[] };

/**
 * Beyond printable ASCII, form encoding percent-encodes (RFC 3986; every URLSearchParams does): a raw byte
 * above 0x7F in a query string would reach us as a Latin-1 character, a guess at what was meant, so raw
 * non-ASCII is refused in queries and form bodies alike, and so are raw controls but TAB, LF and CR.
 */
const notUrlText = /[^\t\n\r\u0020-\u007E]/;
const unprintable = /[^\u0021-\u007E]/g;

function decode(raw: string, checked: boolean): string | undefined {
  if (!checked && notUrlText.test(raw)) return undefined;
  if (!raw.includes('%') && !raw.includes('+')) return raw;
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}

/**
 * `application/x-www-form-urlencoded`, for query strings and form bodies alike, decoded strictly: `+` is a
 * space and every percent-escape must spell UTF-8 (an encoded lone surrogate does not). A parameter that
 * does not decode is not passed on half-decoded or with U+FFFD in it: its name, still percent-encoded, is
 * kept under `undecodableParameters` for the input rule to refuse. A repeated name collects its values in
 * an array, which a string schema then refuses.
 */
export function parseFormEncoded(text: string): FormFields {
  const fields: FormFields = Object.create(null);
  // The usual text has nothing to refuse: one test of the whole spares one per name and value.
  const clean = !notUrlText.test(text);
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const rawName = equals === -1 ? pair : pair.slice(0, equals);
    const name = decode(rawName, clean);
    const value = decode(equals === -1 ? '' : pair.slice(equals + 1), clean);
    if (name === undefined || value === undefined) {
      fields[undecodableParameters] = [
        ...(fields[undecodableParameters] ?? []),
        name ?? rawName.replace(unprintable, '?'),
      ];
      continue;
    }
    const earlier = fields[name];
    fields[name] = earlier === undefined ? value : [earlier, value].flat();
  }
  return fields;
}
