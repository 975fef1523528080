import { describe, expect, it } from 'vitest';
import {
  invalidField,
  notFound,
  permissionDenied,
  statusOf,
  unauthenticated,
  validationFailed,
} from '../src/errors/index.js';

/** What a caller and the audit trail see of an error. */
function shape(error: ReturnType<typeof notFound>) {
  return {
    code: error.code,
    status: statusOf(error.code),
    message: error.message,
    details: error.details,
    auditReason: error.auditReason,
  };
}

describe('error constructors', () => {
  it('say which kind of object was not found, with details only when given', () => {
    expect(shape(notFound('Service account'))).toEqual({
      code: 'not_found',
      status: 404,
      message: 'Service account not found.',
      details: undefined,
      auditReason: undefined,
    });
    expect(notFound('Login', { loginId: 'lgn_1' }).details).toEqual({ loginId: 'lgn_1' });
  });

  it('list the fields that failed validation as field and message', () => {
    expect(
      shape(invalidField('cursor', 'invalid cursor', 'The cursor is not one this list returned.')),
    ).toEqual({
      code: 'validation_failed',
      status: 400,
      message: 'The cursor is not one this list returned.',
      details: [{ field: 'cursor', message: 'invalid cursor' }],
      auditReason: undefined,
    });
    const problems = [
      { field: 'email', message: 'not an email address' },
      { field: 'password', message: 'too short' },
    ];
    expect(validationFailed('The login is invalid.', problems).details).toEqual(problems);
  });

  it('refuse a known caller with 403 and an unknown one with 401 that keeps its audit reason', () => {
    expect(shape(permissionDenied('Only a person has a password.'))).toMatchObject({
      code: 'permission_denied',
      status: 403,
    });
    expect(permissionDenied('needs x:get', { missing: ['x:get'] }).details).toEqual({ missing: ['x:get'] });
    expect(shape(unauthenticated('No credentials.', { auditReason: 'no_credentials' }))).toEqual({
      code: 'unauthenticated',
      status: 401,
      message: 'No credentials.',
      details: undefined,
      auditReason: 'no_credentials',
    });
  });
});
