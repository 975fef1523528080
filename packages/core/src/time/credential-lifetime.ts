/**
 * An organization may cap how long its members' personal credentials (client credentials, key pairs) last.
 * The console's create dialog and the server read the cap the same way: whole days of 24 hours from the
 * moment of the request, so a day is never longer or shorter for a change of daylight-saving time.
 */
export const shortestMaxCredentialLifetimeDays = 1;
/** Ten years: a larger cap is no cap worth the name. */
export const longestMaxCredentialLifetimeDays = 3650;

const dayMs = 86_400_000;

/** The latest valid-to a personal credential made or edited at `now` may have under a cap of `maximumDays`. */
export function latestValidTo(maximumDays: number, now: number): number {
  return now + maximumDays * dayMs;
}
