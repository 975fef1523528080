import { toInstant } from '@portcullis/core/time';
import { describe, expect, it } from 'vitest';
import { defaultChoice, presetAllowed, validToRequest } from '../../src/time/valid-to-choice';

const now = Date.parse('2026-12-07T12:00:00Z');
const day = 86_400_000;

describe('the valid-to of the create dialog', () => {
  it('defaults to 30 days, or to the longest preset the organization allows, or to a time at its maximum', () => {
    expect(defaultChoice(null, now)).toEqual({ kind: 'days', days: 30 });
    expect(defaultChoice(60, now)).toEqual({ kind: 'days', days: 30 });
    expect(defaultChoice(10, now)).toEqual({ kind: 'days', days: 7 });
    const custom = defaultChoice(3, now);
    expect(custom.kind).toBe('custom');
    if (custom.kind === 'custom') {
      expect(toInstant(custom.local, custom.timezone)).toBe(now + 3 * day);
    }
  });

  it('allows only presets within the maximum, and no expiry only without one', () => {
    expect([7, 30, 90].filter((days) => presetAllowed(days, 30))).toEqual([7, 30]);
    expect(validToRequest({ kind: 'never' }, null, now)).toEqual({ request: { validTo: null } });
    expect(validToRequest({ kind: 'never' }, 30, now)).toEqual({
      problem: 'Your organization requires a valid-to at most 30 days ahead.',
    });
  });

  it('sends a preset as the wall-clock time in the browser’s zone, with that zone', () => {
    const checked = validToRequest({ kind: 'days', days: 7 }, null, now);
    if (!('request' in checked) || checked.request === 'keep' || !checked.request.timezone) {
      throw new Error(`unexpected ${JSON.stringify(checked)}`);
    }
    expect(toInstant(checked.request.validTo!, checked.request.timezone)).toBe(now + 7 * day);
  });

  it('reads a custom time in its own zone and refuses one that is past, missing or beyond the maximum', () => {
    const berlin = (local: string) => ({ kind: 'custom' as const, local, timezone: 'Europe/Berlin' });
    expect(validToRequest(berlin('2026-12-20T18:00'), 30, now)).toEqual({
      request: { validTo: '2026-12-20T18:00', timezone: 'Europe/Berlin' },
    });
    expect(validToRequest(berlin('2026-12-07T12:30'), null, now)).toEqual({
      problem: 'The valid-to must lie in the future.',
    });
    expect(validToRequest(berlin(''), null, now)).toEqual({ problem: 'Enter a date and time that exists.' });
    expect(validToRequest(berlin('2027-01-07T14:00'), 30, now)).toEqual({
      problem:
        'Your organization allows at most 30 days: choose 2027-01-06 13:00 (Europe/Berlin) or earlier.',
    });
  });
});
