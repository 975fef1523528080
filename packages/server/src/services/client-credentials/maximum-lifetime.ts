import { PortcullisError } from '@portcullis/core/errors';
import { latestValidTo } from '@portcullis/core/time';
import { findOrganizationById } from '../../store/repositories/organizations.js';
import type { ServiceContext } from '../context.js';

/**
 * Where the organization caps how long its members' personal credentials last, a valid-to that a create or
 * an edit sets (`null`: none, or cleared) must lie within the cap from now. Only what the request sets is
 * checked: lowering the cap shortens no credential that exists, and an edit that leaves the valid-to alone
 * is not refused for it. Organization service accounts are made by admins and are not bound by it.
 */
/**
 * A client computes "30 days from now" by its own clock, which may run ahead of the server's: a valid-to
 * this much past the cap still passes, so a dialog's "30 days" preset under a 30-day cap is not refused for
 * a few seconds of skew. Five minutes in a cap of days is immaterial.
 */
const clientClockAllowanceMs = 5 * 60_000;

export async function requireWithinMaximumLifetime(
  tx: ServiceContext,
  organizationId: string,
  validTo: number | null,
  now: number,
): Promise<void> {
  const maximumDays = (await findOrganizationById(tx.db, organizationId))?.maxCredentialLifetimeDays ?? null;
  if (maximumDays === null) return;
  const latestMs = latestValidTo(maximumDays, now);
  const latest = new Date(latestMs).toISOString();
  const details = { maximumDays, latest };
  if (validTo === null) {
    throw new PortcullisError(
      'valid_to_required',
      `Personal credentials in this organization last at most ${maximumDays} days: give a valid-to no later than ${latest}.`,
      { details },
    );
  }
  if (validTo > latestMs + clientClockAllowanceMs) {
    throw new PortcullisError(
      'valid_to_beyond_maximum',
      `Personal credentials in this organization last at most ${maximumDays} days: the valid-to may be no later than ${latest}.`,
      { details },
    );
  }
}
