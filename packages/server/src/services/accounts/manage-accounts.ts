import { notFound, PortcullisError } from '@portcullis/core/errors';
import { newId } from '@portcullis/core/ids';
import {
  type Account,
  countUsersInAccount,
  deleteAccount as deleteAccountRow,
  findAccountInOrganization,
  insertAccount,
  listAccounts,
  renameAccount as renameAccountRow,
} from '../../store/repositories/accounts.js';
import type { Page, PageRequest } from '../../store/repositories/page.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { organizationOf, requirePermission } from '../authorization.js';
import { type Caller, inTransaction, type ServiceContext } from '../context.js';
import { asConflict } from '../unique-conflicts.js';

async function accountOfCaller(ctx: ServiceContext, caller: Caller, id: string): Promise<Account> {
  const account = await findAccountInOrganization(ctx.db, organizationOf(caller.actor), id);
  if (!account) throw notFound('Account');
  return account;
}

export async function listAccountsOfCaller(
  ctx: ServiceContext,
  caller: Caller,
  page: PageRequest,
): Promise<Page<Account>> {
  requirePermission(caller.actor, 'portcullis.accounts', 'list');
  return listAccounts(ctx.db, organizationOf(caller.actor), page);
}

export async function getAccount(ctx: ServiceContext, caller: Caller, id: string): Promise<Account> {
  requirePermission(caller.actor, 'portcullis.accounts', 'get');
  return accountOfCaller(ctx, caller, id);
}

export async function createAccount(ctx: ServiceContext, caller: Caller, name: string): Promise<Account> {
  requirePermission(caller.actor, 'portcullis.accounts', 'create');
  const now = ctx.clock();
  const account: Account = {
    id: newId('account'),
    organizationId: organizationOf(caller.actor),
    name,
    isDefault: false,
    createdAt: now,
  };
  try {
    await inTransaction(ctx, async (tx) => {
      await insertAccount(tx.db, account);
      await recordAuditEvent(tx.db, caller, now, {
        organizationId: account.organizationId,
        action: 'account.created',
        targetType: 'account',
        targetId: account.id,
        details: { name },
      });
    });
  } catch (error) {
    throw asConflict(error);
  }
  return account;
}

export async function renameAccount(
  ctx: ServiceContext,
  caller: Caller,
  id: string,
  name: string,
): Promise<Account> {
  requirePermission(caller.actor, 'portcullis.accounts', 'update');
  const now = ctx.clock();
  try {
    return await inTransaction(ctx, async (tx) => {
      const account = await accountOfCaller(tx, caller, id);
      await renameAccountRow(tx.db, account.id, name);
      await recordAuditEvent(tx.db, caller, now, {
        organizationId: account.organizationId,
        action: 'account.renamed',
        targetType: 'account',
        targetId: account.id,
        details: { from: account.name, to: name },
      });
      return { ...account, name };
    });
  } catch (error) {
    throw asConflict(error);
  }
}

/** The default account stays (Firebolt clients that name no account act there); a non-empty one too. */
export async function deleteAccount(ctx: ServiceContext, caller: Caller, id: string): Promise<void> {
  requirePermission(caller.actor, 'portcullis.accounts', 'delete');
  const now = ctx.clock();
  await inTransaction(ctx, async (tx) => {
    const account = await accountOfCaller(tx, caller, id);
    if (account.isDefault)
      throw new PortcullisError('default_account_immutable', 'The default account cannot be deleted.');
    const users = await countUsersInAccount(tx.db, account.id);
    if (users > 0) {
      throw new PortcullisError('account_not_empty', 'Delete or move the users of this account first.', {
        details: { users },
      });
    }
    await deleteAccountRow(tx.db, account.id);
    await recordAuditEvent(tx.db, caller, now, {
      organizationId: account.organizationId,
      action: 'account.deleted',
      targetType: 'account',
      targetId: account.id,
      details: { name: account.name },
    });
  });
}
