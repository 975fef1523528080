import { toWallClock } from '@portcullis/core/time';

const dayMs = 86_400_000;
/** FireTail's warning: the last week of a credential's life. */
export const expiryWarningDays = 7;

export type Expiry =
  | { state: 'never' }
  | { state: 'expired' }
  | { state: 'soon' | 'later'; days: number; text: string };

/** How long a credential valid to `validTo` (ISO, UTC) has left at `now`. */
export function expiryOf(validTo: string | null, now: number): Expiry {
  if (validTo === null) return { state: 'never' };
  const left = Date.parse(validTo) - now;
  if (left <= 0) return { state: 'expired' };
  const days = Math.ceil(left / dayMs);
  return {
    state: days <= expiryWarningDays ? 'soon' : 'later',
    days,
    text: `expires ${inWords(left, days)}`,
  };
}

/** Days while they are few enough to count, then months, then years. */
function inWords(left: number, days: number): string {
  if (left < dayMs) return 'in less than a day';
  const [count, unit] =
    days <= 60
      ? [days, 'day']
      : days <= 730
        ? [Math.round(days / 30), 'month']
        : [Math.round(days / 365), 'year'];
  return `in ${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** `2099-12-31T18:00:00` as "2099-12-31 18:00", the way a person wrote it. */
export function wallClockText(local: string): string {
  return local.slice(0, 16).replace('T', ' ');
}

/** When a credential stops working, as the API describes it. */
export interface Validity {
  validTo: string | null;
  validToLocal: string | null;
  timezone: string | null;
}

/**
 * A valid-to the way the person entered it: the wall-clock time in its zone, and the zone; UTC for one
 * entered without a zone; undefined for no expiry.
 */
export function validToText(validity: Validity): { time: string; zone: string } | undefined {
  if (validity.validTo === null) return undefined;
  if (validity.validToLocal && validity.timezone) {
    return { time: wallClockText(validity.validToLocal), zone: validity.timezone };
  }
  return { time: wallClockText(toWallClock(Date.parse(validity.validTo), 'UTC')), zone: 'UTC' };
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An instant in the browser's own zone, for times the person did not enter (last used). */
export function localTimeText(iso: string): string {
  return dateTime.format(new Date(iso));
}
