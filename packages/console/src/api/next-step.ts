import type { ApiError } from './api-error';

/** What the person can do about the refusals people meet most, beyond what the server's message says. */
export function nextStep(refusal: ApiError): string | undefined {
  const missing = (refusal.details as { missing?: unknown } | undefined)?.missing;
  if (refusal.code === 'permission_denied' && Array.isArray(missing)) {
    return `Ask an organization admin for a role that holds ${missing.join(', ')}.`;
  }
  if (refusal.code === 'permission_exceeds_grantor') {
    return 'You can only hand on permissions you hold yourself: untick the ones you lack.';
  }
  if (refusal.code === 'programmatic_access_disabled') {
    return 'An organization admin can switch it on under Organization settings › Programmatic Access.';
  }
  if (refusal.code === 'programmatic_access_unavailable') {
    return 'Ask the administrator who runs this Portcullis server to make programmatic access available.';
  }
  return undefined;
}
