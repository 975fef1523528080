import type { PermissionSet } from '@portcullis/core/permissions';
import { findDefaultAccount } from '../../store/repositories/accounts.js';
import { findLoginById, type Login } from '../../store/repositories/logins.js';
import type { User } from '../../store/repositories/users.js';
import type { ServiceContext } from '../context.js';
import { loginPermissions } from '../permissions/login-permissions.js';

/**
 * What the database says about a person acting in an account, as read at one moment: the login, and —
 * when it is active and the organization has the account — their user there and what they may do.
 */
export interface LoginState {
  login: Login;
  acting: { accountId: string; user: User | undefined; permissions: PermissionSet } | undefined;
}

/**
 * A person's state, read once per change (runtime/cache/hot-state-cache.ts, decision 0009); undefined for
 * an unknown login. `account` is the token's account claim; without one the organization's default.
 */
export function loadLoginState(
  ctx: ServiceContext,
  loginId: string,
  account: string | undefined,
): Promise<LoginState | undefined> {
  return ctx.loginStates.get(`${loginId} ${account ?? ''}`, ctx.changes.current, ctx.clock(), () =>
    readLoginState(ctx, loginId, account),
  );
}

async function readLoginState(
  ctx: ServiceContext,
  loginId: string,
  account: string | undefined,
): Promise<LoginState | undefined> {
  const login = await findLoginById(ctx.db, loginId);
  if (!login) return undefined;
  if (!login.active) return { login, acting: undefined };
  const accountId = account ?? (await findDefaultAccount(ctx.db, login.organizationId))?.id;
  if (!accountId) return { login, acting: undefined };
  return { login, acting: { accountId, ...(await loginPermissions(ctx, login, accountId)) } };
}
