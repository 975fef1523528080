import type { CatalogName, ColumnRef, Show, ShownObjects } from '@portcullis/sql';
import { quotedName, statementError } from './statement-error.js';

/**
 * A column's type as Firebolt's JSON output names it in `meta`: drivers read these names to decode values,
 * and a trailing ` null` tells them the column may hold NULL.
 */
export type FireboltType =
  | 'text'
  | 'text null'
  | 'boolean'
  | 'timestamptz'
  | 'timestamptz null'
  | 'array(text)';

export interface ColumnDefinition {
  readonly name: string;
  readonly type: FireboltType;
}

/** What a loaded row holds for a column of each type: times are epoch milliseconds. */
interface StoredValue {
  text: string;
  'text null': string | null;
  boolean: boolean;
  timestamptz: number;
  'timestamptz null': number | null;
  'array(text)': readonly string[];
}

/** A row of a table: a plain object keyed by its column names, derived from the columns so the two agree. */
type RowOf<Columns extends readonly ColumnDefinition[]> = {
  readonly [C in Columns[number] as C['name']]: StoredValue[C['type']];
};

// Firebolt's names and order: `SELECT *` and SHOW list the columns in this order.

const serviceAccountColumns = [
  { name: 'service_account_id', type: 'text' },
  { name: 'service_account_name', type: 'text' },
  { name: 'network_policy_name', type: 'text null' },
  { name: 'service_account_description', type: 'text' },
  { name: 'is_organization_admin', type: 'boolean' },
  { name: 'connection_preference', type: 'text' },
  { name: 'is_enabled', type: 'boolean' },
  { name: 'created', type: 'timestamptz' },
  { name: 'service_account_owner', type: 'text null' },
  { name: 'last_altered', type: 'timestamptz' },
  { name: 'last_altered_by', type: 'text null' },
] as const satisfies readonly ColumnDefinition[];

const userColumns = [
  { name: 'user_name', type: 'text' },
  { name: 'login_name', type: 'text null' },
  { name: 'service_account_name', type: 'text null' },
  { name: 'default_database', type: 'text null' },
  { name: 'default_engine', type: 'text null' },
  { name: 'created', type: 'timestamptz' },
  { name: 'user_owner', type: 'text null' },
  { name: 'last_altered', type: 'timestamptz' },
  { name: 'last_altered_by', type: 'text null' },
] as const satisfies readonly ColumnDefinition[];

const loginColumns = [
  { name: 'login_name', type: 'text' },
  { name: 'first_name', type: 'text' },
  { name: 'last_name', type: 'text' },
  { name: 'network_policy_name', type: 'text null' },
  { name: 'is_organization_admin', type: 'boolean' },
  { name: 'is_enabled', type: 'boolean' },
  { name: 'created', type: 'timestamptz' },
  { name: 'login_owner', type: 'text null' },
  { name: 'last_altered', type: 'timestamptz' },
  { name: 'last_altered_by', type: 'text null' },
] as const satisfies readonly ColumnDefinition[];

const networkPolicyColumns = [
  { name: 'network_policy_name', type: 'text' },
  { name: 'allowed_ips', type: 'array(text)' },
  { name: 'blocked_ips', type: 'array(text)' },
  { name: 'network_policy_description', type: 'text' },
  { name: 'created', type: 'timestamptz' },
  { name: 'network_policy_owner', type: 'text null' },
  { name: 'last_altered', type: 'timestamptz' },
  { name: 'last_altered_by', type: 'text null' },
] as const satisfies readonly ColumnDefinition[];

/** One row per role granted to a user: `grantee` is the user's name. */
const applicableRoleColumns = [
  { name: 'grantee', type: 'text' },
  { name: 'role_name', type: 'text' },
  { name: 'is_grantable', type: 'boolean' },
  { name: 'created', type: 'timestamptz' },
] as const satisfies readonly ColumnDefinition[];

/** `permissions` holds `resource:action` entries (`incidents:create`). */
const roleColumns = [
  { name: 'role_name', type: 'text' },
  { name: 'role_description', type: 'text' },
  { name: 'permissions', type: 'array(text)' },
  { name: 'is_builtin', type: 'boolean' },
  { name: 'created', type: 'timestamptz' },
] as const satisfies readonly ColumnDefinition[];

export const informationSchemaTables = {
  service_accounts: serviceAccountColumns,
  users: userColumns,
  logins: loginColumns,
  network_policies: networkPolicyColumns,
  applicable_roles: applicableRoleColumns,
  roles: roleColumns,
} as const;

export type InformationSchemaTableName = keyof typeof informationSchemaTables;

export type ServiceAccountRow = RowOf<typeof serviceAccountColumns>;
export type UserRow = RowOf<typeof userColumns>;
export type LoginRow = RowOf<typeof loginColumns>;
export type NetworkPolicyRow = RowOf<typeof networkPolicyColumns>;
export type ApplicableRoleRow = RowOf<typeof applicableRoleColumns>;
export type RoleRow = RowOf<typeof roleColumns>;

/** The rows each table is evaluated over, as the caller loads them. */
export interface InformationSchemaRows {
  service_accounts: ServiceAccountRow;
  users: UserRow;
  logins: LoginRow;
  network_policies: NetworkPolicyRow;
  applicable_roles: ApplicableRoleRow;
  roles: RoleRow;
}

export type InformationSchemaRow = InformationSchemaRows[InformationSchemaTableName];

/**
 * The names `SELECT … FROM information_schema.<name>` accepts: `enabled_roles` is Firebolt's name for the
 * roles. A Map, so that a name such as `constructor` finds nothing rather than an Object prototype member.
 */
const selectable = new Map<string, InformationSchemaTableName>([
  ['service_accounts', 'service_accounts'],
  ['users', 'users'],
  ['logins', 'logins'],
  ['network_policies', 'network_policies'],
  ['applicable_roles', 'applicable_roles'],
  ['roles', 'roles'],
  ['enabled_roles', 'roles'],
]);

const schemaPrefix = 'information_schema.';

/** A table a statement reads, with the name it was written as (lower-cased) for messages about it. */
export interface ResolvedTable {
  name: InformationSchemaTableName;
  written: string;
  columns: readonly ColumnDefinition[];
}

/** The table `SELECT … FROM table` names, matched case-insensitively; `sql_unknown_table` for any other. */
export function resolveTable(table: CatalogName): ResolvedTable {
  const written = table.value.toLowerCase();
  const name = written.startsWith(schemaPrefix)
    ? selectable.get(written.slice(schemaPrefix.length))
    : undefined;
  if (name === undefined) {
    const known = [...selectable.keys()].map((t) => `${schemaPrefix}${t}`).join(', ');
    throw statementError(
      'sql_unknown_table',
      `No table ${table.value}`,
      table.start,
      `The tables are ${known}.`,
    );
  }
  return { name, written, columns: informationSchemaTables[name] };
}

/** The column a reference names, matched case-insensitively like the table; `sql_unknown_column` if none. */
export function resolveColumn(table: ResolvedTable, ref: ColumnRef): ColumnDefinition {
  const wanted = ref.name.toLowerCase();
  const column = table.columns.find((c) => c.name === wanted);
  if (column === undefined) {
    throw statementError(
      'sql_unknown_column',
      `No column ${quotedName(ref.name)} in ${table.written}`,
      ref.start,
    );
  }
  return column;
}

/** SHOW lists a whole table ordered by its objects' names. */
const shownName: { [O in ShownObjects]: (typeof informationSchemaTables)[O][number]['name'] } = {
  service_accounts: 'service_account_name',
  users: 'user_name',
  logins: 'login_name',
  network_policies: 'network_policy_name',
  roles: 'role_name',
};

/** The table `SHOW …` lists and the column it is ordered by. */
export function resolveShownTable(show: Show): { table: ResolvedTable; nameColumn: ColumnDefinition } {
  const name: InformationSchemaTableName = show.objects;
  const columns: readonly ColumnDefinition[] = informationSchemaTables[name];
  const nameColumn = columns.find((c) => c.name === shownName[show.objects])!;
  return { table: { name, written: `${schemaPrefix}${name}`, columns }, nameColumn };
}

/** A loaded row as evaluation reads it. */
export type StoredRow = Readonly<Record<string, unknown>>;

/** The row's value in the column, NULL when it has none. */
export function storedValue(row: StoredRow, column: ColumnDefinition): unknown {
  return row[column.name] ?? null;
}
