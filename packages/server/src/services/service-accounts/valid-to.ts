import { invalidField, PortcullisError } from '@portcullis/core/errors';
import { isTimeZone, toInstant } from '@portcullis/core/time';
import { longestTokenLifetimeMs } from '@portcullis/core/tokens';

export interface ValidToFields {
  validTo?: number | null;
  validToTimezone?: string | null;
}

/**
 * Converts the valid-to a person entered into the stored pair (UTC instant, zone it was entered in); nothing
 * when none was given, nulls when it is cleared.
 *
 * A valid-to must lie after `now`, the server's clock when the request arrives: that clock is the one that
 * will end the credential, so it alone decides, with no allowance for a client's skew. A valid-to equal to
 * now is past too, since the credential could never be used. To end a credential now, disable or delete it.
 *
 * A time zone says how to read the valid-to sent with it, so one sent alone is refused rather than dropped:
 * a caller who meant to change the zone would otherwise be told nothing.
 */
export function validToChanges(
  validTo: string | null | undefined,
  timezone: string | undefined,
  now: number,
): ValidToFields {
  if (timezone !== undefined && typeof validTo !== 'string') {
    throw invalidField(
      'timezone',
      'goes with a validTo: send both',
      'A timezone was sent without a validTo to read in it.',
    );
  }
  if (validTo === undefined) return {};
  if (validTo === null) return { validTo: null, validToTimezone: null };
  const zone = timezone ?? 'UTC';
  if (!isTimeZone(zone)) {
    throw invalidField(
      'timezone',
      'expected an IANA time zone such as Europe/Berlin',
      `Unknown time zone "${zone}".`,
    );
  }
  const instant = toInstant(validTo, zone);
  if (instant === undefined) {
    throw invalidField(
      'validTo',
      'expected YYYY-MM-DDTHH:mm[:ss], optionally with Z or an offset',
      'validTo is not a valid date and time.',
    );
  }
  if (instant <= now) {
    throw new PortcullisError(
      'valid_to_in_past',
      'The valid-to is not in the future. To end a credential now, disable or delete it.',
      { details: { validTo: new Date(instant).toISOString(), now: new Date(now).toISOString() } },
    );
  }
  return { validTo: instant, validToTimezone: zone };
}

/**
 * A new or earlier valid-to that tokens issued until now may outlive: their `exp` was capped at the
 * valid-to of their issuance only, so a verifier checking `exp` alone would honour them past the new one.
 */
export function validToCutsTokensShort(previous: number | null, validTo: number, now: number): boolean {
  return (previous === null || validTo < previous) && validTo < now + longestTokenLifetimeMs;
}
