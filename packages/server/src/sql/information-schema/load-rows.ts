import { listLoginsOfCaller } from '../../services/logins/manage-logins.js';
import { listPolicies } from '../../services/network-policies/manage-network-policies.js';
import { accountNamed } from '../../services/object-names/objects-named.js';
import { listRolesOfCaller } from '../../services/roles/manage-roles.js';
import { listServiceAccountsOfCaller } from '../../services/service-accounts/read-service-accounts.js';
import { listUsers } from '../../services/users/manage-users.js';
import { splitName } from '../statements/person-names.js';
import type { StatementContext } from '../statements/statement-context.js';
import type { InformationSchemaRows, InformationSchemaTableName } from './information-schema-tables.js';

const pageSize = 500;

/** Every item of a cursor-paged list, page by page, through its use case (and its permission check). */
async function all<T>(
  list: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
) {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

const serviceAccounts = (s: StatementContext) =>
  all((cursor) =>
    listServiceAccountsOfCaller(s.ctx, s.caller, { limit: pageSize, cursor, kind: 'organization' }),
  );
const policies = (s: StatementContext) =>
  all((after) => listPolicies(s.ctx, s.caller, { limit: pageSize, after }));
const logins = (s: StatementContext) =>
  all((after) => listLoginsOfCaller(s.ctx, s.caller, { limit: pageSize, after }));

/** The session account's users, with their roles. */
async function usersOfAccount(s: StatementContext) {
  const accountId = await accountNamed(s.ctx, s.caller, s.session.account);
  return (await all((after) => listUsers(s.ctx, s.caller, { limit: pageSize, after }))).filter(
    ({ user }) => user.accountId === accountId,
  );
}

async function policyNames(s: StatementContext): Promise<Map<string, string>> {
  return new Map((await policies(s)).map((p) => [p.id, p.name]));
}

/**
 * The rows a table is read from, loaded through the same use cases (and permission checks) as the REST
 * lists: a caller who may not list service accounts may not read `information_schema.service_accounts`.
 * Owners and who last altered an object are not kept apart from the audit log, so those columns are NULL.
 */
export async function loadRows(
  s: StatementContext,
  table: InformationSchemaTableName,
): Promise<InformationSchemaRows[InformationSchemaTableName][]> {
  switch (table) {
    case 'service_accounts': {
      const names = await policyNames(s);
      return (await serviceAccounts(s)).map((sa) => ({
        service_account_id: sa.id,
        service_account_name: sa.name,
        network_policy_name: sa.networkPolicyId ? (names.get(sa.networkPolicyId) ?? null) : null,
        service_account_description: sa.description,
        is_organization_admin: sa.isOrganizationAdmin,
        connection_preference: (sa.connectionPreference ?? 'default').toUpperCase(),
        is_enabled: sa.enabled,
        created: sa.createdAt,
        service_account_owner: null,
        last_altered: sa.updatedAt,
        last_altered_by: null,
      }));
    }
    case 'users': {
      const users = await usersOfAccount(s);
      const needsLogins = users.some(({ user }) => user.loginId);
      const needsAccounts = users.some(({ user }) => user.serviceAccountId);
      const emails = new Map(needsLogins ? (await logins(s)).map((l) => [l.id, l.email]) : []);
      const accounts = new Map(needsAccounts ? (await serviceAccounts(s)).map((a) => [a.id, a.name]) : []);
      return users.map(({ user }) => ({
        user_name: user.name,
        login_name: user.loginId ? (emails.get(user.loginId) ?? null) : null,
        service_account_name: user.serviceAccountId ? (accounts.get(user.serviceAccountId) ?? null) : null,
        default_database: user.defaultDatabase,
        default_engine: user.defaultEngine,
        created: user.createdAt,
        user_owner: null,
        last_altered: user.updatedAt,
        last_altered_by: null,
      }));
    }
    case 'logins': {
      const all = await logins(s);
      const names = all.some((l) => l.networkPolicyId) ? await policyNames(s) : new Map<string, string>();
      return all.map((login) => {
        const { firstName, lastName } = splitName(login.name);
        return {
          login_name: login.email,
          first_name: firstName,
          last_name: lastName,
          network_policy_name: login.networkPolicyId ? (names.get(login.networkPolicyId) ?? null) : null,
          is_organization_admin: login.isOrganizationAdmin,
          is_enabled: login.active,
          created: login.createdAt,
          login_owner: null,
          last_altered: login.updatedAt,
          last_altered_by: null,
        };
      });
    }
    case 'network_policies':
      return (await policies(s)).map((policy) => ({
        network_policy_name: policy.name,
        allowed_ips: policy.allowed,
        blocked_ips: policy.blocked,
        network_policy_description: policy.description,
        created: policy.createdAt,
        network_policy_owner: null,
        last_altered: policy.updatedAt,
        last_altered_by: null,
      }));
    case 'applicable_roles':
      return (await usersOfAccount(s)).flatMap(({ user, roles }) =>
        roles.map((role) => ({
          grantee: user.name,
          role_name: role.name,
          is_grantable: false,
          created: role.createdAt,
        })),
      );
    case 'roles':
      return (await all((after) => listRolesOfCaller(s.ctx, s.caller, { limit: pageSize, after }))).map(
        (role) => ({
          role_name: role.name,
          role_description: role.description,
          permissions: role.permissions === '' ? [] : role.permissions.split(' '),
          is_builtin: role.isBuiltin,
          created: role.createdAt,
        }),
      );
  }
}
