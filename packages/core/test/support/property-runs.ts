/**
 * How many cases a property test tries. `PORTCULLIS_PROPERTY_RUNS` sets the base; without it the base is
 * 10,000 under `CI=true` (every landing is checked that hard) and 2,500 elsewhere, so that the unit tier
 * answers in seconds while someone works. A test that is costlier per case asks for a share of the base.
 */
export function propertyRuns(share = 1): number {
  const fromEnvironment = Number(process.env.PORTCULLIS_PROPERTY_RUNS);
  const base =
    Number.isInteger(fromEnvironment) && fromEnvironment > 0
      ? fromEnvironment
      : process.env.CI === 'true'
        ? 10_000
        : 2_500;
  return Math.max(1, Math.round(base * share));
}
