/**
 * Row types of the one schema both engines share. Conventions that keep SQLite and PostgreSQL identical:
 * times are epoch milliseconds in BIGINT columns, flags are 0/1 integers, ids are prefixed text.
 * Repositories map rows to camelCase records with real booleans; nothing outside store/ sees a row.
 */
export interface OrganizationRow {
  id: string;
  name: string;
  display_name: string;
  programmatic_access_available: number;
  programmatic_access_enabled: number;
  network_policy_id: string | null;
  allowed_audiences: string | null;
  token_ttl_seconds: number | null;
  max_credential_lifetime_days: number | null;
  created_at: number;
  updated_at: number;
}

export interface AccountRow {
  id: string;
  organization_id: string;
  name: string;
  is_default: number;
  created_at: number;
}

export interface LoginRow {
  id: string;
  organization_id: string;
  /** Normalised (domain/names/email-rules.ts); a login created before the rule may keep another form. */
  email: string;
  /** What the email looks like (UTS #39 skeleton), unique; null for a look-alike that predates the rule. */
  email_skeleton: string | null;
  name: string;
  password_hash: string;
  is_organization_admin: number;
  is_platform_operator: number;
  active: number;
  network_policy_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface UserRow {
  id: string;
  organization_id: string;
  account_id: string;
  name: string;
  login_id: string | null;
  service_account_id: string | null;
  default_database: string | null;
  default_engine: string | null;
  active: number;
  created_at: number;
  updated_at: number;
}

export interface RoleRow {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  permissions: string;
  is_builtin: number;
  created_at: number;
  updated_at: number;
}

export interface RoleAssignmentRow {
  user_id: string;
  role_id: string;
  created_at: number;
}

export interface ServiceAccountRow {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  is_organization_admin: number;
  platform_introspection: number;
  enabled: number;
  kind: string;
  granted_permissions: string | null;
  owner_user_id: string | null;
  network_policy_id: string | null;
  connection_preference: string | null;
  valid_to: number | null;
  valid_to_timezone: string | null;
  last_used_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface ServiceAccountSecretRow {
  id: string;
  service_account_id: string;
  secret_hash: string;
  display_prefix: string;
  created_at: number;
  created_by: string | null;
  expires_at: number | null;
  revoked_at: number | null;
  last_used_at: number | null;
}

export interface SigningKeyRow {
  id: string;
  algorithm: string;
  state: string;
  public_jwk: string;
  private_key_sealed: string;
  created_at: number;
  activated_at: number | null;
  retired_at: number | null;
}

export interface AuditEventRow {
  id: string;
  organization_id: string | null;
  occurred_at: number;
  actor_type: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  result: string;
  reason: string | null;
  client_ip: string | null;
  request_id: string | null;
  details: string | null;
}

export interface NetworkPolicyRow {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  allowed: string;
  blocked: string;
  created_at: number;
  updated_at: number;
}

export interface RevocationEventRow {
  id: string;
  organization_id: string;
  kind: string;
  jti: string | null;
  subject: string | null;
  not_before: number | null;
  reason: string;
  effect: string;
  created_at: number;
  forget_after: number;
  /** The event's place in the feed, in commit order; see migrations/0005-revocation-feed-order.ts. */
  feed_position: number;
}

/** A single row: the last feed position handed out. */
export interface RevocationFeedRow {
  id: number;
  last_position: number;
}

/**
 * Failed attempts of one service account or login and the lock they started; see migrations/0007-lockouts.ts.
 * Not a state table: a refused request writes it, like the audit log.
 */
export interface LockoutRow {
  subject_id: string;
  kind: string;
  organization_id: string;
  failures: number;
  last_failure_at: number;
  last_client_ip: string | null;
  locked_until: number | null;
}

/** A single row; see migrations/0004-change-counter.ts. */
export interface ChangeCounterRow {
  id: number;
  generation: number;
}

export interface Schema {
  organizations: OrganizationRow;
  accounts: AccountRow;
  logins: LoginRow;
  users: UserRow;
  roles: RoleRow;
  role_assignments: RoleAssignmentRow;
  service_accounts: ServiceAccountRow;
  service_account_secrets: ServiceAccountSecretRow;
  signing_keys: SigningKeyRow;
  audit_events: AuditEventRow;
  network_policies: NetworkPolicyRow;
  revocation_events: RevocationEventRow;
  change_counter: ChangeCounterRow;
  revocation_feed: RevocationFeedRow;
  lockouts: LockoutRow;
}

/** The tables a failed request must leave untouched; tests snapshot them around bad input. */
export const stateTables = [
  'organizations',
  'accounts',
  'logins',
  'users',
  'roles',
  'role_assignments',
  'service_accounts',
  'service_account_secrets',
  'signing_keys',
  'network_policies',
] as const satisfies readonly (keyof Schema)[];
