import type { Db } from '../database.js';
import type { AccountRow } from '../schema.js';
import { type Page, type PageRequest, pageOf } from './page.js';

export interface Account {
  id: string;
  organizationId: string;
  name: string;
  isDefault: boolean;
  createdAt: number;
}

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    isDefault: row.is_default === 1,
    createdAt: row.created_at,
  };
}

export async function insertAccount(db: Db, account: Account): Promise<void> {
  await db
    .insertInto('accounts')
    .values({
      id: account.id,
      organization_id: account.organizationId,
      name: account.name,
      is_default: account.isDefault ? 1 : 0,
      created_at: account.createdAt,
    })
    .execute();
}

export async function findAccountInOrganization(
  db: Db,
  organizationId: string,
  id: string,
): Promise<Account | undefined> {
  const row = await db
    .selectFrom('accounts')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toAccount(row);
}

export async function findDefaultAccount(db: Db, organizationId: string): Promise<Account | undefined> {
  const row = await db
    .selectFrom('accounts')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('is_default', '=', 1)
    .executeTakeFirst();
  return row && toAccount(row);
}

/** Token requests name an account by id or by name. */
export async function findAccountByIdOrName(
  db: Db,
  organizationId: string,
  idOrName: string,
): Promise<Account | undefined> {
  const row = await db
    .selectFrom('accounts')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where((eb) => eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)]))
    .executeTakeFirst();
  return row && toAccount(row);
}

/** In creation order: the default account, made with the organization, comes first. */
export async function listAccounts(
  db: Db,
  organizationId: string,
  page: PageRequest,
): Promise<Page<Account>> {
  let query = db
    .selectFrom('accounts')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('id')
    .limit(page.limit + 1);
  if (page.after) query = query.where('id', '>', page.after);
  return pageOf(await query.execute(), page.limit, toAccount);
}

export async function renameAccount(db: Db, id: string, name: string): Promise<void> {
  await db.updateTable('accounts').set({ name }).where('id', '=', id).execute();
}

export async function deleteAccount(db: Db, id: string): Promise<void> {
  await db.deleteFrom('accounts').where('id', '=', id).execute();
}

export async function countUsersInAccount(db: Db, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
