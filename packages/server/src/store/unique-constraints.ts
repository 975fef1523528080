import type { ErrorCode } from '@portcullis/core/errors';

/**
 * A unique constraint or unique index of the schema. PostgreSQL names the one that fired
 * (`error.constraint`); SQLite's message names its table and columns instead, so each entry has both.
 */
export interface UniqueConstraint {
  name: string;
  table: string;
  columns: readonly string[];
  /** The rule the constraint backs, as the caller sees it; none for one only a bug or a handled race breaks. */
  conflict?: { code: ErrorCode; message: string };
}

/**
 * Every unique constraint but the primary keys (random ids: a clash is a bug), and what breaking it means.
 * A test holds this table to the schema on both engines, so a new constraint must join it.
 */
export const uniqueConstraints: readonly UniqueConstraint[] = [
  {
    name: 'organizations_name_key',
    table: 'organizations',
    columns: ['name'],
    conflict: { code: 'organization_exists', message: 'An organization with this name already exists.' },
  },
  {
    name: 'accounts_org_name_unique',
    table: 'accounts',
    columns: ['organization_id', 'name'],
    conflict: { code: 'account_exists', message: 'An account with this name already exists.' },
  },
  { name: 'accounts_one_default', table: 'accounts', columns: ['organization_id'] },
  {
    name: 'logins_email_key',
    table: 'logins',
    columns: ['email'],
    conflict: { code: 'login_exists', message: 'A login with this email already exists.' },
  },
  {
    name: 'logins_email_skeleton_unique',
    table: 'logins',
    columns: ['email_skeleton'],
    conflict: {
      code: 'login_confusable',
      message: 'A login whose email looks the same as this one already exists.',
    },
  },
  {
    name: 'users_account_name_unique',
    table: 'users',
    columns: ['account_id', 'name'],
    conflict: { code: 'user_exists', message: 'A user with this name already exists in the account.' },
  },
  {
    name: 'users_account_service_account_unique',
    table: 'users',
    columns: ['account_id', 'service_account_id'],
    conflict: {
      code: 'service_account_already_linked',
      message: 'The service account already has a user in this account.',
    },
  },
  {
    name: 'users_account_login_unique',
    table: 'users',
    columns: ['account_id', 'login_id'],
    conflict: { code: 'login_already_linked', message: 'The login already has a user in this account.' },
  },
  {
    name: 'service_accounts_org_name_unique',
    table: 'service_accounts',
    columns: ['organization_id', 'name'],
    conflict: {
      code: 'service_account_exists',
      message: 'A service account with this name already exists in the organization.',
    },
  },
  {
    name: 'service_accounts_owner_name_unique',
    table: 'service_accounts',
    columns: ['owner_user_id', 'name'],
    conflict: { code: 'service_account_exists', message: 'You already have a credential with this name.' },
  },
  {
    name: 'roles_org_name_unique',
    table: 'roles',
    columns: ['organization_id', 'name'],
    conflict: { code: 'role_exists', message: 'A role with this name already exists.' },
  },
  {
    name: 'network_policies_org_name_unique',
    table: 'network_policies',
    columns: ['organization_id', 'name'],
    conflict: { code: 'network_policy_exists', message: 'A network policy with this name already exists.' },
  },
  {
    name: 'service_account_secrets_secret_hash_key',
    table: 'service_account_secrets',
    columns: ['secret_hash'],
  },
  { name: 'secrets_one_current', table: 'service_account_secrets', columns: ['service_account_id'] },
  { name: 'signing_keys_one_current', table: 'signing_keys', columns: ['state'] },
  { name: 'signing_keys_one_next', table: 'signing_keys', columns: ['state'] },
  { name: 'revocation_events_feed_position', table: 'revocation_events', columns: ['feed_position'] },
];

const sqliteUnique = /^UNIQUE constraint failed: (.+)$/;

function onSqlite(message: string): UniqueConstraint | undefined {
  const qualified = sqliteUnique.exec(message)?.[1]?.split(', ') ?? [];
  const table = qualified[0]?.split('.')[0];
  const columns = qualified.map((column) => column.slice(column.indexOf('.') + 1)).join(',');
  return uniqueConstraints.find((c) => c.table === table && c.columns.join(',') === columns);
}

/**
 * The unique constraint a database error broke, on either engine; undefined when the error is something
 * else or breaks a primary key. Two SQLite entries with the same table and columns (the signing-key states)
 * are told apart on PostgreSQL only; they mean the same race.
 */
export function violatedUniqueConstraint(error: unknown): UniqueConstraint | undefined {
  const { code, constraint, message } = (error ?? {}) as {
    code?: unknown;
    constraint?: unknown;
    message?: unknown;
  };
  if (code === '23505') return uniqueConstraints.find((c) => c.name === constraint);
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string') return onSqlite(message);
  return undefined;
}
