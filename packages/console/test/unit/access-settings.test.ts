import { describe, expect, it } from 'vitest';
import {
  type AccessSettings,
  changedSettings,
  describeChanges,
  invalidAudiences,
  maxLifetimeProblem,
  tokenLifetimeProblem,
} from '../../src/screens/settings/access-settings.js';

const defaults: AccessSettings = {
  tokenTtlSeconds: null,
  allowedAudiences: null,
  networkPolicyId: null,
  maxCredentialLifetimeDays: null,
};
const policyName = (id: string) => (id === 'np_1' ? 'office' : id);

describe('the Programmatic Access settings form', () => {
  it('sends only the settings that changed, and nothing when none did', () => {
    expect(changedSettings(defaults, { ...defaults })).toEqual({});
    expect(
      changedSettings(
        { ...defaults, allowedAudiences: ['https://a.example'] },
        { ...defaults, allowedAudiences: ['https://a.example'], tokenTtlSeconds: 900 },
      ),
    ).toEqual({ tokenTtlSeconds: 900 });
  });

  it('tells an empty audience list (this API only) from the server default, and back to the default as null', () => {
    expect(changedSettings(defaults, { ...defaults, allowedAudiences: [] })).toEqual({
      allowedAudiences: [],
    });
    expect(changedSettings({ ...defaults, allowedAudiences: [] }, defaults)).toEqual({
      allowedAudiences: null,
    });
  });

  it('confirms each change in words, from what it was to what it is', () => {
    const changes = changedSettings(defaults, {
      tokenTtlSeconds: 900,
      allowedAudiences: [],
      networkPolicyId: 'np_1',
      maxCredentialLifetimeDays: 1,
    });
    expect(describeChanges(defaults, changes, policyName)).toEqual([
      "Access-token lifetime: the server's default → 900 seconds",
      "Allowed audiences: the server's default → this API only",
      'Network policy: none → office',
      'Maximum credential lifetime: no maximum → 1 day',
    ]);
  });

  it("refuses lifetimes outside the server's bounds before they are sent, and lets empty mean the default", () => {
    expect(tokenLifetimeProblem(null)).toBeUndefined();
    expect(tokenLifetimeProblem(60)).toBeUndefined();
    expect(tokenLifetimeProblem(59)).toMatch(/60 to 86400/);
    expect(tokenLifetimeProblem(86_401)).toMatch(/60 to 86400/);
    expect(maxLifetimeProblem(null)).toBeUndefined();
    expect(maxLifetimeProblem(3650)).toBeUndefined();
    expect(maxLifetimeProblem(0)).toMatch(/1 to 3650/);
    expect(maxLifetimeProblem(1.5)).toMatch(/whole number/);
  });

  it('names the audiences that are not absolute URIs', () => {
    expect(
      invalidAudiences(['https://api.example.com', 'urn:example:api', 'api.example.com', 'https://a b']),
    ).toEqual(['api.example.com', 'https://a b']);
  });
});
