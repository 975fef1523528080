import { latestValidTo, toInstant, toWallClock } from '@portcullis/core/time';
import { wallClockText } from './expiry';

const dayMs = 86_400_000;
/** FireTail's presets; the organization's maximum lifetime may rule some out. */
export const presetDays = [7, 30, 90] as const;

export type ValidToChoice =
  | { kind: 'keep' }
  | { kind: 'days'; days: number }
  | { kind: 'never' }
  | { kind: 'custom'; local: string; timezone: string };

/** What the API is sent: a wall-clock time with its zone, null for none; `keep` sends nothing. */
export type ValidToRequest = 'keep' | { validTo: string | null; timezone?: string };

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** `datetime-local`'s `YYYY-MM-DDTHH:mm` for an instant in a zone. */
export function localInputValue(instant: number, timeZone: string): string {
  return toWallClock(instant, timeZone).slice(0, 16);
}

export function presetAllowed(days: number, maximumDays: number | null): boolean {
  return maximumDays === null || days <= maximumDays;
}

/** 30 days where the organization allows it, else the longest preset it allows, else a custom time. */
export function defaultChoice(maximumDays: number | null, now: number): ValidToChoice {
  const allowed = presetDays.filter((days) => presetAllowed(days, maximumDays));
  if (allowed.includes(30)) return { kind: 'days', days: 30 };
  const longest = allowed.at(-1);
  if (longest !== undefined) return { kind: 'days', days: longest };
  const timezone = browserTimeZone();
  return { kind: 'custom', local: localInputValue(latestValidTo(maximumDays ?? 1, now), timezone), timezone };
}

/**
 * The request a choice makes at `now`, or why it cannot be made: by the same rules as the server (a time
 * that exists in its zone, in the future, within the organization's maximum), so a person learns it here
 * rather than from a refusal.
 */
export function validToRequest(
  choice: ValidToChoice,
  maximumDays: number | null,
  now: number,
): { request: ValidToRequest } | { problem: string } {
  switch (choice.kind) {
    case 'keep':
      return { request: 'keep' };
    case 'never':
      return maximumDays === null
        ? { request: { validTo: null } }
        : { problem: `Your organization requires a valid-to at most ${maximumDays} days ahead.` };
    case 'days': {
      const timezone = browserTimeZone();
      return { request: { validTo: toWallClock(now + choice.days * dayMs, timezone), timezone } };
    }
    case 'custom': {
      const instant = toInstant(choice.local, choice.timezone);
      if (instant === undefined) return { problem: 'Enter a date and time that exists.' };
      if (instant <= now) return { problem: 'The valid-to must lie in the future.' };
      if (maximumDays !== null && instant > latestValidTo(maximumDays, now)) {
        const latest = wallClockText(toWallClock(latestValidTo(maximumDays, now), choice.timezone));
        return {
          problem: `Your organization allows at most ${maximumDays} days: choose ${latest} (${choice.timezone}) or earlier.`,
        };
      }
      return { request: { validTo: choice.local, timezone: choice.timezone } };
    }
  }
}
