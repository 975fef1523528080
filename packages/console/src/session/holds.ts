import type { Action } from '@portcullis/core/permissions';
import type { Session } from './session';

/** Whether the signed-in person holds `resource:action` now (an organization admin holds every cell). */
export function holds(session: Session, resource: string, action: Action): boolean {
  return session.permissions.includes(`${resource}:${action}`);
}
