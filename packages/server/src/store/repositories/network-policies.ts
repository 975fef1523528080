import type { Db } from '../database.js';
import type { NetworkPolicyRow } from '../schema.js';
import { type Page, type PageRequest, pageOf } from './page.js';

export interface NetworkPolicy {
  id: string;
  organizationId: string;
  name: string;
  description: string;
  /** Canonical entries (`10.0.0.0/8`, `2001:db8::1/128`). */
  allowed: string[];
  blocked: string[];
  createdAt: number;
  updatedAt: number;
}

const split = (text: string) => (text === '' ? [] : text.split(' '));

function toPolicy(row: NetworkPolicyRow): NetworkPolicy {
  return {
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    description: row.description,
    allowed: split(row.allowed),
    blocked: split(row.blocked),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertNetworkPolicy(db: Db, policy: NetworkPolicy): Promise<void> {
  await db
    .insertInto('network_policies')
    .values({
      id: policy.id,
      organization_id: policy.organizationId,
      name: policy.name,
      description: policy.description,
      allowed: policy.allowed.join(' '),
      blocked: policy.blocked.join(' '),
      created_at: policy.createdAt,
      updated_at: policy.updatedAt,
    })
    .execute();
}

export async function updateNetworkPolicy(db: Db, policy: NetworkPolicy): Promise<void> {
  await db
    .updateTable('network_policies')
    .set({
      name: policy.name,
      description: policy.description,
      allowed: policy.allowed.join(' '),
      blocked: policy.blocked.join(' '),
      updated_at: policy.updatedAt,
    })
    .where('id', '=', policy.id)
    .execute();
}

export async function findNetworkPolicy(
  db: Db,
  organizationId: string,
  id: string,
): Promise<NetworkPolicy | undefined> {
  const row = await db
    .selectFrom('network_policies')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toPolicy(row);
}

export async function listNetworkPolicies(
  db: Db,
  organizationId: string,
  page: PageRequest,
): Promise<Page<NetworkPolicy>> {
  let query = db
    .selectFrom('network_policies')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('id')
    .limit(page.limit + 1);
  if (page.after) query = query.where('id', '>', page.after);
  return pageOf(await query.execute(), page.limit, toPolicy);
}

export interface PolicyAttachments {
  organizations: string[];
  logins: string[];
  serviceAccounts: string[];
}

export async function findPolicyAttachments(db: Db, policyId: string): Promise<PolicyAttachments> {
  const ids = async (table: 'organizations' | 'logins' | 'service_accounts') =>
    (
      await db
        .selectFrom(table)
        .select('id')
        .where('network_policy_id', '=', policyId)
        .orderBy('id')
        .execute()
    ).map((r) => r.id);
  return {
    organizations: await ids('organizations'),
    logins: await ids('logins'),
    serviceAccounts: await ids('service_accounts'),
  };
}

/** Where a policy is attached, named for a person to read: the organization, logins by email, service accounts. */
export interface NamedPolicyAttachments {
  organization: boolean;
  logins: { id: string; email: string }[];
  serviceAccounts: { id: string; name: string }[];
}

export async function findNamedPolicyAttachments(db: Db, policyId: string): Promise<NamedPolicyAttachments> {
  const organization = await db
    .selectFrom('organizations')
    .select('id')
    .where('network_policy_id', '=', policyId)
    .executeTakeFirst();
  const logins = await db
    .selectFrom('logins')
    .select(['id', 'email'])
    .where('network_policy_id', '=', policyId)
    .orderBy('email')
    .execute();
  const serviceAccounts = await db
    .selectFrom('service_accounts')
    .select(['id', 'name'])
    .where('network_policy_id', '=', policyId)
    .orderBy('name')
    .execute();
  return { organization: organization !== undefined, logins, serviceAccounts };
}

export async function detachPolicy(db: Db, policyId: string): Promise<void> {
  for (const table of ['organizations', 'logins', 'service_accounts'] as const) {
    await db
      .updateTable(table)
      .set({ network_policy_id: null })
      .where('network_policy_id', '=', policyId)
      .execute();
  }
}

export async function deleteNetworkPolicy(db: Db, id: string): Promise<void> {
  await db.deleteFrom('network_policies').where('id', '=', id).execute();
}
