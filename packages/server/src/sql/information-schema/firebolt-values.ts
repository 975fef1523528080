import type { FireboltType } from './information-schema-tables.js';

/** A value as Firebolt's JSON output carries it: text, booleans, times as text, arrays of text, NULL. */
export type FireboltValue = string | boolean | string[] | null;

/** A stored value of the given type as Firebolt would send it; times as `YYYY-MM-DD hh:mm:ss.ffffff+00`. */
export function toFireboltValue(type: FireboltType, stored: unknown): FireboltValue {
  if (stored === null) return null;
  switch (type) {
    case 'timestamptz':
    case 'timestamptz null':
      return formatTimestamptz(stored as number);
    case 'array(text)':
      return [...(stored as readonly string[])];
    default:
      return stored as string | boolean;
  }
}

/** Firebolt's text form of a timestamptz in UTC, microseconds always written. */
export function formatTimestamptz(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000+00`;
}

// Anchored, with no quantifier over a group that can repeat, so its time is linear in the input.
const timestampPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?)?)?$/i;

/**
 * A string compared with a timestamp column, as epoch milliseconds (fractional below a millisecond):
 * `YYYY-MM-DD`, `YYYY-MM-DD hh:mm[:ss[.ffffff]]` or the ISO 8601 form with `T`, read as UTC unless it ends
 * with `Z`, `±hh`, `±hh:mm` or `±hhmm` (so Firebolt's own output reads back). Undefined for anything else,
 * including dates and times that do not exist.
 */
export function parseTimestamp(text: string): number | undefined {
  const match = timestampPattern.exec(text.trim());
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second, fraction, , sign, offsetHours, offsetMinutes] = match;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  const inRange =
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day) &&
    Number(hour ?? 0) <= 23 &&
    Number(minute ?? 0) <= 59 &&
    Number(second ?? 0) <= 59 &&
    Number(offsetHours ?? 0) <= 23 &&
    Number(offsetMinutes ?? 0) <= 59;
  if (!inRange) return undefined;
  const seconds = (Number(hour ?? 0) * 60 + Number(minute ?? 0)) * 60 + Number(second ?? 0);
  const offsetSeconds = (Number(offsetHours ?? 0) * 60 + Number(offsetMinutes ?? 0)) * 60;
  // Microseconds as an integer, so a fraction of whole milliseconds gives an exact number of milliseconds.
  const microseconds = Number((fraction ?? '').padEnd(6, '0'));
  return (
    date.getTime() + (seconds - (sign === '-' ? -offsetSeconds : offsetSeconds)) * 1000 + microseconds / 1000
  );
}
