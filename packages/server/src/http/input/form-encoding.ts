/** Where a parsed query string or form body keeps the names of the parameters that did not decode. */
export const undecodableParameters = Symbol('undecodable parameters');

export type FormFields = Record<string, string | string[]> & { [undecodableParameters]?: string[] };

/**
 * Raw bytes above 0x7F reach a query string as Latin-1 characters: RFC 3986 has them percent-encoded, so
 * they are refused rather than guessed at, and so are raw control characters but TAB, LF and CR.
 */
const notUrlText = /[^\t\n\r\u0020-\u007E]/;
const unprintable = /[^\u0021-\u007E]/g;

function decode(raw: string): string | undefined {
  if (notUrlText.test(raw)) return undefined;
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
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const rawName = equals === -1 ? pair : pair.slice(0, equals);
    const name = decode(rawName);
    const value = decode(equals === -1 ? '' : pair.slice(equals + 1));
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
