import type { SourcePosition } from './source-position.js';

/*
 * The statements' syntax tree. Conventions, the same in every statement:
 *
 * - An optional clause or option that was not written is an absent property (`undefined`).
 * - An option set to `DEFAULT` is `null`: "go back to the default" (a network policy detached, a description
 *   cleared), which ALTER must tell from "not mentioned".
 * - Every value the server looks up or checks carries `start`, the position of its first character, so an
 *   error about it ("no service account named …", "not a network", "no column …") can point at it.
 */

/**
 * The name of an object the server stores (service account, login, user, role, network policy, organization,
 * database, engine). Kept as written — unquoted ones are not case-folded; comparing is the server's business.
 * `quoted` is true when it was written `"…"` (any characters, case kept, `""` read as `"`) or, where a name
 * may be given as a string, `'…'`.
 */
export interface Name {
  kind: 'name';
  value: string;
  quoted: boolean;
  start: SourcePosition;
}

/**
 * A name from Portcullis's fixed catalog: a table, a column, a setting, a permission's action or resource.
 * These match case-insensitively, so unquoted ones are lower-cased here; a quoted one is kept as written.
 * A dotted name is joined with `.` (`portcullis.service_accounts`); a wildcard is `*`.
 */
export interface CatalogName {
  value: string;
  start: SourcePosition;
}

export interface StringLiteral {
  kind: 'string';
  /** The text between the quotes, `''` read as `'`. */
  value: string;
  start: SourcePosition;
}

export interface NumberLiteral {
  kind: 'number';
  /** A non-negative integer no larger than `Number.MAX_SAFE_INTEGER`. */
  value: number;
  start: SourcePosition;
}

export interface BooleanLiteral {
  kind: 'boolean';
  value: boolean;
  start: SourcePosition;
}

export interface NullLiteral {
  kind: 'null';
  start: SourcePosition;
}

export type Literal = StringLiteral | NumberLiteral | BooleanLiteral | NullLiteral;

/** The values of `CONNECTION_PREFERENCE` other than `DEFAULT` (which is `null`), lower-cased. */
export type ConnectionPreference = 'public_only' | 'private_only' | 'prefer_public' | 'prefer_private';

// Service accounts

export interface CreateServiceAccount {
  kind: 'create_service_account';
  ifNotExists: boolean;
  name: Name;
  description?: StringLiteral;
  networkPolicy?: Name;
  isOrganizationAdmin?: boolean;
  connectionPreference?: ConnectionPreference | null;
}

/** `ALTER SERVICE ACCOUNT n SET …`: at least one property is present. */
export interface AlterServiceAccount {
  kind: 'alter_service_account';
  name: Name;
  networkPolicy?: Name | null;
  description?: StringLiteral | null;
  isOrganizationAdmin?: boolean;
  connectionPreference?: ConnectionPreference | null;
  isEnabled?: boolean;
}

export interface RenameServiceAccount {
  kind: 'rename_service_account';
  name: Name;
  newName: Name;
}

export interface DropServiceAccount {
  kind: 'drop_service_account';
  ifExists: boolean;
  name: Name;
}

/** `CALL fb_GENERATESERVICEACCOUNTKEY('n')`: the argument, a string, as a quoted name. */
export interface GenerateServiceAccountKey {
  kind: 'generate_service_account_key';
  serviceAccount: Name;
}

// Logins

export interface CreateLogin {
  kind: 'create_login';
  ifNotExists: boolean;
  name: Name;
  firstName: StringLiteral;
  lastName: StringLiteral;
  networkPolicy?: Name;
  isOrganizationAdmin?: boolean;
  isPasswordEnabled?: boolean;
  isMfaEnabled?: boolean;
}

/** `ALTER LOGIN l SET …`: at least one property is present. */
export interface AlterLogin {
  kind: 'alter_login';
  name: Name;
  networkPolicy?: Name | null;
  isOrganizationAdmin?: boolean;
  firstName?: StringLiteral;
  lastName?: StringLiteral;
  isEnabled?: boolean;
  isPasswordEnabled?: boolean;
  isMfaEnabled?: boolean;
}

export interface RenameLogin {
  kind: 'rename_login';
  name: Name;
  newName: Name;
}

export interface DropLogin {
  kind: 'drop_login';
  ifExists: boolean;
  name: Name;
}

// Users

/** At most one of `login` and `serviceAccount`. */
export interface CreateUser {
  kind: 'create_user';
  ifNotExists: boolean;
  name: Name;
  login?: Name;
  serviceAccount?: Name;
  defaultDatabase?: Name;
  defaultEngine?: Name;
  /** `ROLE = r` is a list of one. */
  roles?: Name[];
}

/**
 * `ALTER USER u SET …`: at least one property is present, and `login` and `serviceAccount` are not both
 * names (one of them may be `null`: `SET LOGIN = DEFAULT SERVICE_ACCOUNT = sa` moves the user over).
 */
export interface AlterUser {
  kind: 'alter_user';
  name: Name;
  login?: Name | null;
  serviceAccount?: Name | null;
  defaultDatabase?: Name | null;
  defaultEngine?: Name | null;
}

export interface RenameUser {
  kind: 'rename_user';
  name: Name;
  newName: Name;
}

export interface DropUser {
  kind: 'drop_user';
  ifExists: boolean;
  name: Name;
}

// Network policies

/** IP lists hold the strings as written; whether each is an address or a CIDR network is the server's check. */
export interface CreateNetworkPolicy {
  kind: 'create_network_policy';
  ifNotExists: boolean;
  name: Name;
  allowedIpList: StringLiteral[];
  blockedIpList?: StringLiteral[];
  description?: StringLiteral;
}

/**
 * `ALTER NETWORK POLICY p SET|ADD|REMOVE …`: `set` replaces the lists given, `add` and `remove` change them
 * entry by entry. At least one property is present; `description` only with `set`.
 */
export interface AlterNetworkPolicy {
  kind: 'alter_network_policy';
  ifExists: boolean;
  name: Name;
  operation: 'set' | 'add' | 'remove';
  allowedIpList?: StringLiteral[];
  blockedIpList?: StringLiteral[];
  description?: StringLiteral;
}

export interface RenameNetworkPolicy {
  kind: 'rename_network_policy';
  ifExists: boolean;
  name: Name;
  newName: Name;
}

export interface DropNetworkPolicy {
  kind: 'drop_network_policy';
  ifExists: boolean;
  name: Name;
  behavior?: 'restrict' | 'cascade';
}

// Organization

/** `ALTER ORGANIZATION [o] SET NETWORK_POLICY = p | DEFAULT`; without `o`, the caller's organization. */
export interface AlterOrganization {
  kind: 'alter_organization';
  organization?: Name;
  networkPolicy: Name | null;
}

// Roles and permissions

export interface CreateRole {
  kind: 'create_role';
  ifNotExists: boolean;
  name: Name;
}

export interface DropRole {
  kind: 'drop_role';
  ifExists: boolean;
  name: Name;
}

/** `GRANT ROLE r TO USER u`. */
export interface GrantRole {
  kind: 'grant_role';
  role: Name;
  user: Name;
}

/** `REVOKE ROLE r FROM USER u`. */
export interface RevokeRole {
  kind: 'revoke_role';
  role: Name;
  user: Name;
}

/**
 * `GRANT a[, …] ON resource TO r`: each action and the resource are catalog names (lower-cased unless
 * quoted, `*` for all), checked against the permission catalog by the server.
 */
export interface GrantPermission {
  kind: 'grant_permission';
  actions: CatalogName[];
  resource: CatalogName;
  role: Name;
}

/** `REVOKE a[, …] ON resource FROM r`. */
export interface RevokePermission {
  kind: 'revoke_permission';
  actions: CatalogName[];
  resource: CatalogName;
  role: Name;
}

// Reading

export type ShownObjects = 'service_accounts' | 'users' | 'logins' | 'network_policies' | 'roles';

/** `SHOW SERVICE ACCOUNTS | USERS | LOGINS | NETWORK POLICIES | ROLES`. */
export interface Show {
  kind: 'show';
  objects: ShownObjects;
}

/** A column in a select list, WHERE or ORDER BY: a catalog name (lower-cased unless quoted). */
export interface ColumnRef {
  kind: 'column';
  name: string;
  start: SourcePosition;
}

export type Operand = ColumnRef | Literal;

/**
 * A WHERE condition. `and` and `or` hold two or more operands each (a chain `a AND b AND c` is one node), so
 * the tree is only as deep as the parentheses and NOTs written, which the parser bounds.
 */
export type Expression = OrExpression | AndExpression | NotExpression | Predicate;

export type Predicate = Comparison | LikePredicate | InPredicate | IsNullPredicate;

export interface OrExpression {
  kind: 'or';
  operands: Expression[];
}

export interface AndExpression {
  kind: 'and';
  operands: Expression[];
}

export interface NotExpression {
  kind: 'not';
  operand: Expression;
}

/** `a = b`, `a <> b`; `!=` is read as `<>`. */
export interface Comparison {
  kind: 'comparison';
  operator: '=' | '<>';
  left: Operand;
  right: Operand;
}

/** `a [NOT] LIKE p`. */
export interface LikePredicate {
  kind: 'like';
  negated: boolean;
  operand: Operand;
  pattern: Operand;
}

/** `a [NOT] IN (v, …)`, one value at least. */
export interface InPredicate {
  kind: 'in';
  negated: boolean;
  operand: Operand;
  values: Operand[];
}

/** `a IS [NOT] NULL`. */
export interface IsNullPredicate {
  kind: 'is_null';
  negated: boolean;
  operand: Operand;
}

export interface OrderByItem {
  column: ColumnRef;
  /** `asc` when not written. */
  direction: 'asc' | 'desc';
}

/**
 * `SELECT cols | * FROM table [WHERE …] [ORDER BY …] [LIMIT n]`. `table` is a catalog name as written after
 * FROM (`information_schema.users`); the server checks that it and the columns exist.
 */
export interface Select {
  kind: 'select';
  columns: ColumnRef[] | '*';
  table: CatalogName;
  where?: Expression;
  /** Empty when there is no ORDER BY. */
  orderBy: OrderByItem[];
  limit?: NumberLiteral;
}

/** `SELECT 1`, `SELECT 'a', TRUE`: literals and no FROM, which drivers send to check a connection. */
export interface SelectValues {
  kind: 'select_values';
  values: Literal[];
}

// Session statements drivers send

/** `SET name = value`: the setting's name is a catalog name. */
export interface SetSetting {
  kind: 'set';
  name: CatalogName;
  value: StringLiteral | NumberLiteral | BooleanLiteral | Name;
}

/** `USE [DATABASE | ENGINE] name`; `objectType` is absent when neither was written. */
export interface Use {
  kind: 'use';
  objectType?: 'database' | 'engine';
  name: Name;
}

export type Statement =
  | CreateServiceAccount
  | AlterServiceAccount
  | RenameServiceAccount
  | DropServiceAccount
  | GenerateServiceAccountKey
  | CreateLogin
  | AlterLogin
  | RenameLogin
  | DropLogin
  | CreateUser
  | AlterUser
  | RenameUser
  | DropUser
  | CreateNetworkPolicy
  | AlterNetworkPolicy
  | RenameNetworkPolicy
  | DropNetworkPolicy
  | AlterOrganization
  | CreateRole
  | DropRole
  | GrantRole
  | RevokeRole
  | GrantPermission
  | RevokePermission
  | Show
  | Select
  | SelectValues
  | SetSetting
  | Use;

export type StatementKind = Statement['kind'];

/** One statement of a script with where it stands in it. */
export interface ParsedStatement {
  statement: Statement;
  /** The statement's own source: from its first token to its last, without the `;` or surrounding comments. */
  text: string;
  /** The first character of the statement's first token. */
  start: SourcePosition;
  /** Just after the statement's last character: `script.slice(start.offset, end.offset) === text`. */
  end: SourcePosition;
}
