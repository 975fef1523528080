/**
 * How many cases a property test tries, as in packages/core's tests: `PORTCULLIS_PROPERTY_RUNS` sets the
 * base; without it the base is 25,000 under `CI=true` and 2,500 elsewhere. A costlier test asks for a share.
 */
export function propertyRuns(share = 1): number {
  const fromEnvironment = Number(process.env.PORTCULLIS_PROPERTY_RUNS);
  const base =
    Number.isInteger(fromEnvironment) && fromEnvironment > 0
      ? fromEnvironment
      : process.env.CI === 'true'
        ? 25_000
        : 2_500;
  return Math.max(1, Math.round(base * share));
}
