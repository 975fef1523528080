import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lockDurationMs, lockRemainingSeconds } from '../src/lockouts/lockout-policy.js';

const policy = { threshold: 10, initialMs: 60_000, maxMs: 900_000, resetMs: 43_200_000 };

describe('lockout policy', () => {
  it('locks at every threshold, doubling from the initial length up to the maximum', () => {
    expect([9, 10, 11, 20, 30, 40, 50, 60, 10_000].map((n) => lockDurationMs(policy, n))).toEqual([
      0, 60_000, 0, 120_000, 240_000, 480_000, 900_000, 900_000, 900_000,
    ]);
  });

  it('never locks when turned off, and never longer than the maximum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (failures) => {
        expect(lockDurationMs({ ...policy, threshold: 0 }, failures)).toBe(0);
        expect(lockDurationMs(policy, failures)).toBeLessThanOrEqual(policy.maxMs);
      }),
    );
  });

  it('answers whole seconds left, at least one, and nothing once the lock has passed', () => {
    expect(lockRemainingSeconds(10_001, 10_000)).toBe(1);
    expect(lockRemainingSeconds(12_500, 10_000)).toBe(3);
    expect(lockRemainingSeconds(10_000, 10_000)).toBeUndefined();
    expect(lockRemainingSeconds(null, 10_000)).toBeUndefined();
  });
});
