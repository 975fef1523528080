import { describe, expect, it } from 'vitest';
import { expiryOf, validToText } from '../../src/time/expiry';

const now = Date.parse('2026-12-07T12:00:00Z');
const inDays = (days: number) => new Date(now + days * 86_400_000).toISOString();

describe('how long a credential has left', () => {
  it('warns in the last seven days and says expired after', () => {
    expect(expiryOf(null, now)).toEqual({ state: 'never' });
    expect(expiryOf(inDays(-0.01), now)).toEqual({ state: 'expired' });
    expect(expiryOf(inDays(0.5), now)).toMatchObject({ state: 'soon', text: 'expires in less than a day' });
    expect(expiryOf(inDays(1), now)).toMatchObject({ state: 'soon', text: 'expires in 1 day' });
    expect(expiryOf(inDays(7), now)).toMatchObject({ state: 'soon', text: 'expires in 7 days' });
    expect(expiryOf(inDays(7.5), now)).toMatchObject({ state: 'later', text: 'expires in 8 days' });
  });

  it('counts months and then years when days get many', () => {
    expect(expiryOf(inDays(90), now)).toMatchObject({ text: 'expires in 3 months' });
    expect(expiryOf(inDays(3650), now)).toMatchObject({ text: 'expires in 10 years' });
  });
});

describe('a valid-to as the person entered it', () => {
  it('shows the wall-clock time in the zone it was entered in', () => {
    expect(
      validToText({
        validTo: '2099-12-31T17:00:00Z',
        validToLocal: '2099-12-31T18:00:00',
        timezone: 'Europe/Berlin',
      }),
    ).toEqual({ time: '2099-12-31 18:00', zone: 'Europe/Berlin' });
  });

  it('falls back to UTC for one entered without a zone, and says nothing for no expiry', () => {
    expect(validToText({ validTo: '2099-12-31T17:00:00Z', validToLocal: null, timezone: null })).toEqual({
      time: '2099-12-31 17:00',
      zone: 'UTC',
    });
    expect(validToText({ validTo: null, validToLocal: null, timezone: null })).toBeUndefined();
  });
});
