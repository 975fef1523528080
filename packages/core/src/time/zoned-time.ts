/**
 * Valid-to dates are entered as a wall-clock time in a time zone (FireTail: "Timezone — defaults to your
 * local timezone"), stored as an instant in UTC, and shown back in the zone they were entered in.
 * Intl does the zone arithmetic, so no time-zone database ships with Portcullis.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(value: string): boolean {
  try {
    formatter(value);
    return true;
  } catch {
    return false;
  }
}

function wallClock(epochMs: number, timeZone: string): Record<string, number> {
  const parts = formatter(timeZone).formatToParts(new Date(epochMs));
  return Object.fromEntries(parts.filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
}

/** Milliseconds the zone is ahead of UTC at that instant. */
function offsetAt(epochMs: number, timeZone: string): number {
  const w = wallClock(epochMs, timeZone);
  const asUtc = Date.UTC(w.year!, w.month! - 1, w.day!, w.hour!, w.minute!, w.second!);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

const localDateTime = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const absoluteDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * `2026-12-31T23:59` (wall clock, read in `timeZone`) or an absolute `…Z` / `…+01:00` instant → epoch ms.
 * Undefined for anything else, including wall-clock times that do not exist (Feb 30).
 */
export function toInstant(value: string, timeZone: string): number | undefined {
  if (absoluteDateTime.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
  }
  const m = localDateTime.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map((p) => Number(p ?? 0)) as number[];
  const guess = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  const check = new Date(guess);
  if (check.getUTCMonth() !== month! - 1 || check.getUTCDate() !== day! || hour! > 23 || minute! > 59)
    return undefined;
  // Two passes settle the offset across a daylight-saving change.
  let instant = guess - offsetAt(guess, timeZone);
  instant = guess - offsetAt(instant, timeZone);
  return instant;
}

/** The instant as a wall-clock time in the zone, `YYYY-MM-DDTHH:mm:ss`, for showing it as it was entered. */
export function toWallClock(epochMs: number, timeZone: string): string {
  const w = wallClock(epochMs, timeZone);
  const two = (n: number | undefined) => String(n).padStart(2, '0');
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}`;
}
