import { permissionDenied, unauthenticated } from '@portcullis/core/errors';
import { findLoginById, type Login } from '../../store/repositories/logins.js';
import { findOrganizationById, type Organization } from '../../store/repositories/organizations.js';
import { listRolesOfUser } from '../../store/repositories/roles.js';
import { findUserById, type User } from '../../store/repositories/users.js';
import type { Caller, ServiceContext } from '../context.js';

/** Who a person signed in as, and what they may do now: what the console draws itself from. */
export interface SessionDescription {
  login: Login;
  organization: Organization;
  /** Their user in the account the session acts in (the default one), with its roles; none without one. */
  user: { user: User; roleIds: string[] } | undefined;
  /** Every single `resource:action` cell they hold there now, in catalog order. */
  permissions: string[];
  /** The session's token id (`jti`), which its CSRF tokens are bound to. */
  sessionId: string;
  /** Unix seconds. */
  expiresAt: number;
}

/**
 * A person's own session, as the request's live check found it: the permissions are the caller's
 * effective ones (everything for an organization admin), read again on this request. A service account
 * has no session: its token or credentials are refused here rather than described in a shape a console
 * cannot use.
 */
export async function describeSession(ctx: ServiceContext, caller: Caller): Promise<SessionDescription> {
  const { actor } = caller;
  if (actor.type !== 'login' || !actor.id || !actor.session) {
    throw permissionDenied(
      "Only a person signed in with a session has one to describe; a service account's token or credentials have none.",
    );
  }
  const login = await findLoginById(ctx.db, actor.id);
  const organization = login && (await findOrganizationById(ctx.db, login.organizationId));
  if (!login || !organization) throw unauthenticated('The login is no longer active.');
  const user = actor.userId ? await findUserById(ctx.db, actor.userId) : undefined;
  const roles = user ? await listRolesOfUser(ctx.db, user.id) : [];
  return {
    login,
    organization,
    user: user && { user, roleIds: roles.map((role) => role.id) },
    permissions: actor.permissions?.cells() ?? [],
    sessionId: actor.session.jti,
    expiresAt: actor.session.expiresAt,
  };
}
