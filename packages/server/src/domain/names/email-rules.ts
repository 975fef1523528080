import { domainToUnicode } from 'node:url';
import unhomoglyph from 'unhomoglyph';

const shape = /^[^\s@]{1,64}@[^\s@]{1,255}$/;

/**
 * Characters an address must not hide: controls, format characters (bidi overrides, zero-width joiners),
 * other default-ignorables, private use, and unassigned code points, whose normal form is not yet fixed.
 */
const invisible = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Default_Ignorable_Code_Point}]/u;

/**
 * The one form an email is compared and stored in (decisions/0017-email-normalisation.md): Unicode NFKC,
 * so that compatibility variants (fullwidth letters, ligatures, mathematical letters) are the address they
 * stand for; lower case; no surrounding space; the domain in its Unicode form, so that `xn--` and Unicode
 * spellings of one domain are one. Undefined when the value is not an address or hides characters.
 * Idempotent: a normalised email normalises to itself.
 */
export function normaliseEmail(value: string): string | undefined {
  const folded = value.normalize('NFKC').toLowerCase().normalize('NFKC').trim();
  if (!shape.test(folded) || invisible.test(folded)) return undefined;
  const at = folded.indexOf('@');
  const domain = folded.slice(at + 1);
  const unicodeDomain = domainToUnicode(domain) || domain;
  const email = `${folded.slice(0, at)}@${unicodeDomain}`;
  return shape.test(email) && !invisible.test(email) ? email : undefined;
}

const nonAsciiRun = /[\u0080-\uFFFF]+/g;

/**
 * What a normalised email looks like, per Unicode TS #39's skeleton (NFD, each character replaced by the
 * prototype it is confusable with, NFD), with two changes: ASCII characters stand for themselves, so that
 * ordinary addresses such as `dave@` and `clave@` (`d` looks like `cl`) are not held to be the same person,
 * and the result is lower-cased, since some prototypes are capitals. Two logins may not share a skeleton:
 * `аdmin@acme.example` with a Cyrillic `а` is refused while `admin@acme.example` exists.
 */
export function emailSkeleton(email: string): string {
  return email
    .normalize('NFD')
    .replace(nonAsciiRun, (run) => unhomoglyph(run))
    .normalize('NFD')
    .toLowerCase();
}
