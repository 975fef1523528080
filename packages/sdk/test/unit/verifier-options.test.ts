import { describe, expect, it } from 'vitest';
import { resolveOptions, type VerifierOptions } from '../../src/verifier-options.js';

const base: VerifierOptions = {
  issuer: 'https://auth.example.com',
  audience: 'https://api.example.com',
  revocations: { clientId: 'sa_feed', clientSecret: 'secret' },
};

describe('verifier options', () => {
  it.each([Number.POSITIVE_INFINITY, Number.NaN, -1, 301])(
    'refuses a clock tolerance of %s seconds, naming the bound',
    (clockToleranceSeconds) => {
      expect(() => resolveOptions({ ...base, clockToleranceSeconds })).toThrow(
        /clockToleranceSeconds must be a finite number from 0 to 300/,
      );
    },
  );

  it('accepts a clock tolerance within 0–300 seconds and defaults to 5', () => {
    expect(resolveOptions({ ...base, clockToleranceSeconds: 0 }).clockToleranceSeconds).toBe(0);
    expect(resolveOptions({ ...base, clockToleranceSeconds: 300 }).clockToleranceSeconds).toBe(300);
    expect(resolveOptions(base).clockToleranceSeconds).toBe(5);
  });

  it("allows Portcullis's three signing algorithms by default and refuses others, none included", () => {
    expect(resolveOptions(base).algorithms).toEqual(['ES256', 'EdDSA', 'RS256']);
    for (const algorithms of [['HS256'], ['none'], []]) {
      expect(() => resolveOptions({ ...base, algorithms: algorithms as never })).toThrow(
        /algorithms must be/,
      );
    }
  });

  it('requires an issuer URL and an audience', () => {
    expect(() => resolveOptions({ ...base, issuer: 'auth.example.com' })).toThrow(
      /issuer must be an absolute URL/,
    );
    expect(() => resolveOptions({ ...base, audience: [] })).toThrow(/audience must name this API/);
  });

  it('requires revocations to be configured or switched off in so many words', () => {
    const { revocations: _, ...withoutRevocations } = base;
    expect(() => resolveOptions(withoutRevocations as VerifierOptions)).toThrow(/revocations must name/);
    expect(resolveOptions({ ...base, revocations: false }).revocations).toBe(false);
  });

  it('bounds the staleness of revocations and defaults to failing closed after 60 s', () => {
    const resolved = resolveOptions(base);
    expect(resolved.revocations).toMatchObject({
      maxStalenessSeconds: 60,
      onStale: 'closed',
      transport: 'auto',
      feedUrl: 'https://auth.example.com/oauth/revocations',
    });
    for (const maxStalenessSeconds of [0, Number.POSITIVE_INFINITY, 86_401]) {
      expect(() =>
        resolveOptions({ ...base, revocations: { clientId: 'a', clientSecret: 'b', maxStalenessSeconds } }),
      ).toThrow(/maxStalenessSeconds must be a finite number/);
    }
  });
});
