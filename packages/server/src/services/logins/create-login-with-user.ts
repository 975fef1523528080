import type { Login } from '../../store/repositories/logins.js';
import { requirePermission } from '../authorization.js';
import { type Caller, inTransaction, type ServiceContext } from '../context.js';
import { asConflict } from '../unique-conflicts.js';
import { type CreatedUser, createUserStep } from '../users/create-user.js';
import { type CreateLoginInput, createLoginStep, prepareLogin } from './create-login.js';

/** The person's user in the organization's default account, and the roles it holds there. */
export interface LoginUserInput {
  name: string;
  roleIds?: string[] | undefined;
}

export interface CreatedLoginWithUser {
  login: Login;
  user: CreatedUser;
}

/**
 * A new person who can act at once: the login and its user in the default account with roles, in one
 * transaction, audited as the two steps would be (`login.created`, `user.created`). The user needs
 * `portcullis.users:create` and its roles the grantor rule, exactly as `POST /users` would ask.
 */
export async function createLoginWithUser(
  ctx: ServiceContext,
  caller: Caller,
  input: CreateLoginInput,
  user: LoginUserInput,
): Promise<CreatedLoginWithUser> {
  // Asked again by the steps; asked here, the login's first, so a caller without them costs no password hash.
  requirePermission(caller.actor, 'portcullis.logins', 'create');
  requirePermission(caller.actor, 'portcullis.users', 'create');
  const prepared = await prepareLogin(ctx, caller, input);
  try {
    return await inTransaction(ctx, async (tx) => {
      const login = await createLoginStep(tx, caller, prepared);
      const created = await createUserStep(tx, caller, {
        organizationId: login.organizationId,
        name: user.name,
        loginId: login.id,
        roleIds: user.roleIds,
      });
      return { login, user: created };
    });
  } catch (error) {
    throw asConflict(error);
  }
}
