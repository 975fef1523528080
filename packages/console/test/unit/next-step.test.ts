import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/api-error';
import { nextStep } from '../../src/api/next-step';

const refusal = (code: string, details?: unknown) => new ApiError(403, code, 'refused', details, 'req_1');

describe('what a refusal tells the person to do next', () => {
  it('names the role to ask for when a permission is missing', () => {
    expect(nextStep(refusal('permission_denied', { missing: ['portcullis.users:create'] }))).toBe(
      'Ask an organization admin for a role that holds portcullis.users:create.',
    );
  });

  it('says who can switch programmatic access on, and who can make it available', () => {
    expect(nextStep(refusal('programmatic_access_disabled'))).toContain('Organization settings');
    expect(nextStep(refusal('programmatic_access_unavailable'))).toContain('runs this Portcullis server');
  });

  it('adds nothing where the server message says it all', () => {
    expect(nextStep(refusal('permission_denied'))).toBeUndefined();
    expect(nextStep(refusal('not_found'))).toBeUndefined();
  });
});
