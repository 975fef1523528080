import { notFound } from '@portcullis/core/errors';
import type { Action } from '@portcullis/core/permissions';
import { normaliseEmail } from '../../domain/names/email-rules.js';
import { findAccountByIdOrName, findDefaultAccount } from '../../store/repositories/accounts.js';
import {
  loginIdWithEmail,
  networkPolicyIdNamed,
  roleIdNamed,
  serviceAccountIdNamed,
  userIdNamed,
} from '../../store/repositories/object-names.js';
import { organizationOf, requirePermission } from '../authorization.js';
import type { Caller, ServiceContext } from '../context.js';

/**
 * Firebolt's statements name objects where the REST API uses ids. A name is looked up only for a caller who
 * may do `action` to that kind of object, so a statement refused for want of a permission says so before
 * it says whether the object exists — as the REST call it mirrors does.
 */

function missing(what: string, name: string) {
  return notFound(`${what} "${name}"`, { name });
}

export async function serviceAccountNamed(
  ctx: ServiceContext,
  caller: Caller,
  name: string,
  action: Action,
): Promise<string | undefined> {
  requirePermission(caller.actor, 'portcullis.service_accounts', action);
  return serviceAccountIdNamed(ctx.db, organizationOf(caller.actor), name);
}

export async function networkPolicyNamed(
  ctx: ServiceContext,
  caller: Caller,
  name: string,
  action: Action,
): Promise<string | undefined> {
  requirePermission(caller.actor, 'portcullis.network_policies', action);
  return networkPolicyIdNamed(ctx.db, organizationOf(caller.actor), name);
}

export async function roleNamed(
  ctx: ServiceContext,
  caller: Caller,
  name: string,
  action: Action,
): Promise<string | undefined> {
  requirePermission(caller.actor, 'portcullis.roles', action);
  return roleIdNamed(ctx.db, organizationOf(caller.actor), name);
}

export async function loginNamed(
  ctx: ServiceContext,
  caller: Caller,
  email: string,
  action: Action,
): Promise<string | undefined> {
  requirePermission(caller.actor, 'portcullis.logins', action);
  const normalised = normaliseEmail(email);
  return normalised === undefined
    ? undefined
    : loginIdWithEmail(ctx.db, organizationOf(caller.actor), normalised);
}

export async function userNamed(
  ctx: ServiceContext,
  caller: Caller,
  accountId: string,
  name: string,
  action: Action,
): Promise<string | undefined> {
  requirePermission(caller.actor, 'portcullis.users', action);
  return userIdNamed(ctx.db, accountId, name);
}

/** The account user statements act in: the one named, or the organization's default. */
export async function accountNamed(
  ctx: ServiceContext,
  caller: Caller,
  name: string | undefined,
): Promise<string> {
  const organizationId = organizationOf(caller.actor);
  const account =
    name === undefined
      ? await findDefaultAccount(ctx.db, organizationId)
      : await findAccountByIdOrName(ctx.db, organizationId, name);
  if (!account) throw missing('Account', name ?? 'default');
  return account.id;
}

/** The id, or undefined for a missing object when the statement said IF EXISTS; not_found otherwise. */
export async function unlessMissing(
  lookup: Promise<string | undefined>,
  ifExists: boolean,
  what: string,
  name: string,
): Promise<string | undefined> {
  const id = await lookup;
  if (id === undefined && !ifExists) throw missing(what, name);
  return id;
}

/** The same lookups, for a statement that needs the object to exist. */
export async function required(
  lookup: Promise<string | undefined>,
  what: string,
  name: string,
): Promise<string> {
  const id = await lookup;
  if (id === undefined) throw missing(what, name);
  return id;
}
