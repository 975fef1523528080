import { isPortcullisError, PortcullisError, validationFailed } from '@portcullis/core/errors';
import type { AlterLogin, CreateLogin, DropLogin, RenameLogin } from '@portcullis/sql';
import { organizationOf } from '../../services/authorization.js';
import { createLogin } from '../../services/logins/create-login.js';
import { deleteLogin, getLogin, updateLogin } from '../../services/logins/manage-logins.js';
import { loginNamed, required, unlessMissing } from '../../services/object-names/objects-named.js';
import { noRows, type StatementResult } from '../sql-outcome.js';
import { joinName, splitName } from './person-names.js';
import { policyId } from './service-account-statements.js';
import { type StatementContext, unlessExists } from './statement-context.js';

const login = (s: StatementContext, email: string, action: 'get' | 'update' | 'delete') =>
  required(loginNamed(s.ctx, s.caller, email, action), 'Login', email);

/**
 * Portcullis's logins sign in with a password and have no second factor: Firebolt's flags are accepted at
 * the values that say so, and refused, naming the option, at the others.
 */
function requireSupportedSignIn(st: { isPasswordEnabled?: boolean; isMfaEnabled?: boolean }): void {
  const problems = [
    ...(st.isPasswordEnabled === false
      ? [{ field: 'IS_PASSWORD_ENABLED', message: 'Portcullis logins always sign in with a password' }]
      : []),
    ...(st.isMfaEnabled === true
      ? [{ field: 'IS_MFA_ENABLED', message: 'Portcullis has no multi-factor sign-in' }]
      : []),
  ];
  if (problems.length > 0) throw validationFailed('The login cannot be made as asked.', problems);
}

/** No password is set: the person signs in once an administrator gives them one (docs/sql.md). */
export async function createLoginStatement(s: StatementContext, st: CreateLogin): Promise<StatementResult> {
  requireSupportedSignIn(st);
  if (st.ifNotExists && (await loginNamed(s.ctx, s.caller, st.name.value, 'create'))) return noRows;
  const networkPolicyId = (await policyId(s, st.networkPolicy)) ?? undefined;
  await unlessExists(st.ifNotExists, 'login_exists', () =>
    createLogin(s.ctx, s.caller, {
      organizationId: organizationOf(s.caller.actor),
      email: st.name.value,
      name: joinName(st.firstName.value, st.lastName.value),
      isOrganizationAdmin: st.isOrganizationAdmin,
      networkPolicyId,
    }),
  );
  return noRows;
}

export async function alterLoginStatement(s: StatementContext, st: AlterLogin): Promise<StatementResult> {
  requireSupportedSignIn(st);
  const id = await login(s, st.name.value, 'update');
  let name: string | undefined;
  if (st.firstName || st.lastName) {
    const current = splitName((await getLogin(s.ctx, s.caller, id)).name);
    name = joinName(st.firstName?.value ?? current.firstName, st.lastName?.value ?? current.lastName);
  }
  await updateLogin(s.ctx, s.caller, id, {
    ...(st.networkPolicy === undefined ? {} : { networkPolicyId: await policyId(s, st.networkPolicy) }),
    ...(st.isOrganizationAdmin === undefined ? {} : { isOrganizationAdmin: st.isOrganizationAdmin }),
    ...(st.isEnabled === undefined ? {} : { active: st.isEnabled }),
    ...(name === undefined ? {} : { name }),
  });
  return noRows;
}

export async function renameLoginStatement(s: StatementContext, st: RenameLogin): Promise<StatementResult> {
  const id = await login(s, st.name.value, 'update');
  await updateLogin(s.ctx, s.caller, id, { email: st.newName.value });
  return noRows;
}

export async function dropLoginStatement(s: StatementContext, st: DropLogin): Promise<StatementResult> {
  const lookup = loginNamed(s.ctx, s.caller, st.name.value, 'delete');
  const id = await unlessMissing(lookup, st.ifExists, 'Login', st.name.value);
  if (id === undefined) return noRows;
  try {
    await deleteLogin(s.ctx, s.caller, id, { restrict: true });
  } catch (error) {
    if (isPortcullisError(error) && error.code === 'login_linked') {
      const users = ((error.details as { users?: { name: string }[] }).users ?? []).map((u) => u.name);
      throw new PortcullisError(
        'login_linked',
        `Login "${st.name.value}" is tied to ${users.map((u) => `"${u}"`).join(', ')}; unlink first: ${users
          .map((u) => `ALTER USER "${u.replaceAll('"', '""')}" SET LOGIN = DEFAULT;`)
          .join(' ')}`,
        { details: error.details },
      );
    }
    throw error;
  }
  return noRows;
}
