import type { FieldProblem } from '../errors/index.js';

export const minPasswordLength = 12;
export const maxPasswordLength = 256;

/**
 * The passwords the API reference shows as examples. "Try it out" sends an example as it is, so a
 * password anyone can read there is refused rather than set.
 */
export const examplePasswords = {
  current: 'your current password',
  new: 'replace with a password of your own',
} as const;

const published = new Set<string>(Object.values(examplePasswords));

/** Why a new password cannot be used, named as `validation_failed` names it; undefined when it can. */
export function newPasswordProblem(password: string, field = 'password'): FieldProblem | undefined {
  if (password.length < minPasswordLength || password.length > maxPasswordLength) {
    return { field, message: `must be ${minPasswordLength} to ${maxPasswordLength} characters` };
  }
  if (published.has(password)) {
    return { field, message: 'is the example from the API reference; choose a password of your own' };
  }
  return undefined;
}
