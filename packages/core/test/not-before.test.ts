import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstTrustedSecond, issuedBefore } from '../src/revocation/not-before.js';

const instant = fc.integer({ min: 0, max: 4_102_444_800_000 });
const iatAt = (ms: number) => Math.floor(ms / 1000);

describe('not-before at whole seconds', () => {
  it('voids every token issued before a change, including earlier in the same second', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 5_000 }), (change, before) => {
        expect(issuedBefore(iatAt(change - before), change)).toBe(true);
      }),
    );
  });

  it('leaves alone every token issued from the first trusted second on', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 5_000 }), (change, after) => {
        const issuedAt = firstTrustedSecond(change) * 1000 + after;
        expect(issuedAt).toBeGreaterThan(change);
        expect(issuedAt - change).toBeLessThanOrEqual(1000 + after);
        expect(issuedBefore(iatAt(issuedAt), change)).toBe(false);
      }),
    );
  });
});
