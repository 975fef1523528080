import { refusedCharacterIn } from '@portcullis/core/text';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../../core/test/support/property-runs.js';
import { emailSkeleton, normaliseEmail } from '../../src/domain/names/email-rules.js';

describe('normaliseEmail', () => {
  it.each([
    ['Admin@ACME.example', 'admin@acme.example'],
    ['  admin@acme.example\t', 'admin@acme.example'],
    ['ａｄｍｉｎ@acme.example', 'admin@acme.example'], // fullwidth
    ['𝐚dmin@acme.example', 'admin@acme.example'], // mathematical bold
    ['ﬁnance@acme.example', 'finance@acme.example'], // ligature
    ['jose\u0301@acme.example', 'jos\u00e9@acme.example'], // decomposed to composed
    ['admin@xn--caf-dma.example', 'admin@caf\u00e9.example'], // the domain in its Unicode form
  ])('makes %j the address %j', (input, expected) => {
    expect(normaliseEmail(input)).toBe(expected);
  });

  it.each([
    ['no at sign', 'admin.acme.example'],
    ['two at signs', 'a@b@acme.example'],
    ['inner space', 'ad min@acme.example'],
    ['zero-width space', 'ad\u200bmin@acme.example'],
    ['right-to-left override', 'ad\u202emin@acme.example'],
    ['soft hyphen', 'ad\u00admin@acme.example'],
    ['private use', 'ad\ue000min@acme.example'],
    ['control character', 'ad\u0001min@acme.example'],
    ['an over-long local part', `${'a'.repeat(65)}@acme.example`],
  ])('refuses %s', (_label, input) => {
    expect(normaliseEmail(input)).toBeUndefined();
  });

  it('is idempotent, and its result holds no character the input rule refuses', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 20 }),
        fc.string({ unit: 'grapheme', maxLength: 20 }),
        (local, domain) => {
          const email = normaliseEmail(`${local}@${domain}`);
          if (email === undefined) return;
          expect(normaliseEmail(email)).toBe(email);
          expect(refusedCharacterIn(email)).toBeUndefined();
        },
      ),
      { numRuns: propertyRuns(2 / 25) },
    );
  });

  it('gives every case and width variant of an ASCII address the same form', () => {
    const widen = (c: string) => String.fromCharCode(c.charCodeAt(0) + 0xfee0);
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9._-]{1,20}@[a-z0-9-]{1,20}\.[a-z]{2,6}$/),
        fc.array(fc.constantFrom('upper', 'wide', 'same'), { minLength: 50, maxLength: 50 }),
        (email, changes) => {
          const variant = [...email]
            .map((c, i) =>
              c === '@' ? c : changes[i] === 'upper' ? c.toUpperCase() : changes[i] === 'wide' ? widen(c) : c,
            )
            .join('');
          expect(normaliseEmail(variant)).toBe(email);
        },
      ),
    );
  });
});

describe('emailSkeleton', () => {
  it.each([
    ['a Cyrillic а', 'аdmin@acme.example', 'admin@acme.example'],
    ['a Greek ο', 'bοb@acme.example', 'bob@acme.example'],
    ['a Cyrillic і in the domain', 'admin@іnfo.example', 'admin@info.example'],
    ['a Lisu ꓮ, whose prototype is a capital', 'ꓮdmin@acme.example', 'admin@acme.example'],
  ])('sees %s as the Latin letter it imitates', (_label, lookAlike, latin) => {
    const email = normaliseEmail(lookAlike)!;
    expect(email).not.toBe(latin);
    expect(emailSkeleton(email)).toBe(emailSkeleton(latin));
  });

  it.each([
    ['dave@acme.example', 'clave@acme.example'],
    ['user1@acme.example', 'userl@acme.example'],
    ['modern@acme.example', 'rnodern@acme.example'],
  ])('holds ASCII addresses that merely resemble each other apart: %s and %s', (a, b) => {
    expect(emailSkeleton(a)).not.toBe(emailSkeleton(b));
  });
});
