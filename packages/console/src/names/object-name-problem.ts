import { isObjectName, maxObjectNameLength } from '@portcullis/core/names';

/**
 * Why a name of a service account, user, policy or credential would be refused, by core's rule (the one
 * the server applies), in the same words on every screen; undefined when it is fine.
 */
export function objectNameProblem(name: string): string | undefined {
  return isObjectName(name)
    ? undefined
    : `Use letters, digits, _ . and - (up to ${maxObjectNameLength}), not starting with . or -.`;
}
