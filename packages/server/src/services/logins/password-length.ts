import type { FieldProblem } from '@portcullis/core/errors';
import { maxPasswordLength, minPasswordLength } from '@portcullis/core/names';

/** A new password of the wrong length, named as `validation_failed` names it; undefined when it fits. */
export function passwordLengthProblem(password: string): FieldProblem | undefined {
  if (password.length >= minPasswordLength && password.length <= maxPasswordLength) return undefined;
  return { field: 'password', message: `must be ${minPasswordLength} to ${maxPasswordLength} characters` };
}
