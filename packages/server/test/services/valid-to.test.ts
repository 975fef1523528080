import { describe, expect, it } from 'vitest';
import { validToChanges } from '../../src/services/service-accounts/valid-to.js';

const now = Date.parse('2030-06-01T12:00:00.000Z');

/** What `validToChanges` throws for this valid-to, or undefined. */
function refusal(validTo: string, timezone?: string): unknown {
  try {
    validToChanges(validTo, timezone, now);
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('the valid-to boundary', () => {
  it('counts a valid-to equal to now as past', () => {
    expect(refusal('2030-06-01T12:00:00.000Z')).toMatchObject({
      code: 'valid_to_in_past',
      details: { validTo: '2030-06-01T12:00:00.000Z', now: '2030-06-01T12:00:00.000Z' },
    });
  });

  it('accepts one a millisecond after now', () => {
    expect(validToChanges('2030-06-01T12:00:00.001Z', undefined, now)).toEqual({
      validTo: now + 1,
      validToTimezone: 'UTC',
    });
  });

  it('reads a wall-clock time in its zone before judging it', () => {
    // 14:00 in Berlin (summer time, UTC+2) is 12:00 UTC, now, so past; 14:01 is a minute ahead.
    expect(refusal('2030-06-01T14:00', 'Europe/Berlin')).toMatchObject({ code: 'valid_to_in_past' });
    expect(validToChanges('2030-06-01T14:01', 'Europe/Berlin', now).validTo).toBe(now + 60_000);
  });

  it('leaves a valid-to not given, or cleared, alone whatever the time', () => {
    expect(validToChanges(undefined, undefined, now)).toEqual({});
    expect(validToChanges(null, undefined, now)).toEqual({ validTo: null, validToTimezone: null });
  });

  it('refuses a time zone sent without a valid-to to read in it, valid or not', () => {
    for (const [validTo, zone] of [
      [undefined, 'Europe/Berlin'],
      [undefined, 'Mars/Olympus'],
      [null, 'Europe/Berlin'],
    ] as const) {
      expect(() => validToChanges(validTo, zone, now)).toThrow(
        expect.objectContaining({
          code: 'validation_failed',
          details: [expect.objectContaining({ field: 'timezone' })],
        }),
      );
    }
  });
});
