/**
 * Every error Portcullis can return, in one place: its stable code, the HTTP status it maps to, and a
 * one-line meaning. docs/errors.md documents each code; a test fails when one is missing there.
 *
 * OAuth codes (RFC 6749 §5.2) share the catalogue so the token endpoint and the REST API use one error type.
 */
export const errorCatalogue = {
  // OAuth 2.0 token endpoint (RFC 6749 §5.2). Rendered as {error, error_description}.
  invalid_request: {
    status: 400,
    meaning: 'The token request is malformed: a parameter is missing, repeated or invalid.',
  },
  invalid_client: {
    status: 401,
    meaning: 'Client authentication failed: unknown client, wrong or malformed secret, or no authentication.',
  },
  invalid_grant: { status: 400, meaning: 'The authorization grant is invalid, expired or revoked.' },
  unauthorized_client: {
    status: 400,
    meaning:
      'The client authenticated but may not use this grant: the service account has no user in the account.',
  },
  unsupported_grant_type: { status: 400, meaning: 'The grant_type is not supported by Portcullis.' },
  insufficient_scope: {
    status: 403,
    meaning:
      'RFC 6750: the authenticated client lacks the permission this OAuth endpoint needs (introspection).',
  },
  invalid_token: {
    status: 401,
    meaning:
      'RFC 6750: the bearer token authenticating a call to an OAuth endpoint is malformed, invalid, expired or revoked.',
  },
  invalid_target: {
    status: 400,
    meaning: 'RFC 8707: the requested audience or resource is not one this organization issues tokens for.',
  },
  invalid_scope: { status: 400, meaning: 'The requested scope is invalid or exceeds what the client holds.' },
  // Not in RFC 6749, which has no code for "slow down" (§8.5 allows extensions): Auth0's names, kept the same
  // in the API's envelope so that every client sees one code. Both carry Retry-After.
  too_many_requests: {
    status: 429,
    meaning:
      'Too many requests from this address, or for this client id or login, in the current window; retry after Retry-After seconds.',
  },
  too_many_attempts: {
    status: 429,
    meaning:
      'Too many failed attempts locked this client or login for a while (even the right secret is refused); retry after Retry-After seconds, or ask an administrator to clear the lock.',
  },
  server_error: {
    status: 500,
    meaning: 'An unexpected failure on the server while handling a token request.',
  },

  // REST API. Rendered as {error: {code, message, details?, requestId}}.
  validation_failed: {
    status: 400,
    meaning:
      'The request body, query or path does not match the schema: unknown field, wrong type, missing value.',
  },
  valid_to_in_past: {
    status: 400,
    meaning:
      'The valid-to is not in the future; to end a credential now, disable or delete it. details give both instants.',
  },
  valid_to_required: {
    status: 400,
    meaning:
      'The organization caps how long personal credentials last, so a client credential or key pair needs a valid-to; details give the cap and the latest valid-to allowed.',
  },
  valid_to_beyond_maximum: {
    status: 400,
    meaning:
      "The valid-to lies beyond the organization's maximum lifetime for personal credentials; details give the cap and the latest valid-to allowed.",
  },
  malformed_body: {
    status: 400,
    meaning: 'The request body could not be parsed (invalid JSON, empty body where one is required).',
  },
  unsupported_media_type: {
    status: 415,
    meaning: 'The request body has a Content-Type the route does not accept.',
  },
  payload_too_large: { status: 413, meaning: 'The request body exceeds the size limit.' },
  malformed_request: {
    status: 400,
    meaning: 'The HTTP request itself could not be parsed: a byte the request line or a header may not hold.',
  },
  headers_too_large: { status: 431, meaning: 'The request headers exceed the size limit.' },
  request_timeout: { status: 408, meaning: 'The request did not arrive completely within the time limit.' },
  unauthenticated: {
    status: 401,
    meaning: 'No credentials, or credentials that are invalid, expired or no longer active.',
  },
  invalid_credentials: { status: 401, meaning: 'Email and password do not match an active login.' },
  permission_denied: {
    status: 403,
    meaning: 'The caller is authenticated but lacks the permission this operation needs.',
  },
  csrf_token_invalid: {
    status: 403,
    meaning:
      "A change sent with the console's session cookie lacks the x-csrf-token header of that session, or carries another one.",
  },
  not_found: { status: 404, meaning: 'The object does not exist, or belongs to another organization.' },
  route_not_found: { status: 404, meaning: 'No route matches the method and path.' },
  organization_exists: { status: 409, meaning: 'An organization with this name already exists.' },
  login_exists: { status: 409, meaning: 'A login with this email already exists.' },
  login_confusable: {
    status: 409,
    meaning: 'A login whose email looks the same (Unicode TS #39 confusables) already exists.',
  },
  user_exists: { status: 409, meaning: 'A user with this name already exists in the account.' },
  service_account_exists: {
    status: 409,
    meaning: 'A service account with this name already exists in the organization.',
  },
  service_account_already_linked: {
    status: 409,
    meaning: 'The service account is already tied to a user in this account (one user per account).',
  },
  service_account_linked: {
    status: 409,
    meaning: 'The service account cannot be dropped while users are tied to it; details list them.',
  },
  login_already_linked: { status: 409, meaning: 'The login already has a user in this account.' },
  login_linked: {
    status: 409,
    meaning: 'The login cannot be dropped in SQL while users are tied to it; details list them.',
  },
  sql_syntax_error: {
    status: 400,
    meaning:
      'A SQL script does not parse; details give the line, column, the token found and what was expected.',
  },
  sql_script_too_large: { status: 413, meaning: 'A SQL script is longer than the configured maximum.' },
  sql_unknown_setting: {
    status: 400,
    meaning: 'SET, or a Firebolt driver query parameter, names a setting Portcullis does not have.',
  },
  user_principal_conflict: {
    status: 400,
    meaning: 'A user is tied to a login or to a service account, never both.',
  },
  unknown_permission: {
    status: 400,
    meaning:
      'A permission names a resource or action the catalog does not have; details list every bad item.',
  },
  permission_exceeds_grantor: {
    status: 403,
    meaning: 'Nobody can grant what they do not hold; details list the permissions beyond the grantor.',
  },
  role_exists: { status: 409, meaning: 'A role with this name already exists in the organization.' },
  builtin_role_immutable: {
    status: 409,
    meaning: 'The built-in roles Admin and Read only cannot be changed or deleted.',
  },
  programmatic_access_disabled: {
    status: 403,
    meaning: 'Programmatic access is off for the organization, so credentials cannot be managed or used.',
  },
  programmatic_access_unavailable: {
    status: 403,
    meaning: 'The platform operator has not made programmatic access available to this organization.',
  },
  invalid_network_entry: {
    status: 400,
    meaning: 'A network policy entry is not an IP address or CIDR range; details name each.',
  },
  network_policy_exists: {
    status: 409,
    meaning: 'A network policy with this name already exists in the organization.',
  },
  network_policy_attached: {
    status: 409,
    meaning:
      'The network policy is attached to the organization, logins or service accounts; delete with cascade=true to detach it.',
  },
  account_exists: { status: 409, meaning: 'An account with this name already exists in the organization.' },
  account_not_empty: { status: 409, meaning: 'The account still has users; delete or move them first.' },
  default_account_immutable: {
    status: 409,
    meaning: "The organization's default account cannot be deleted.",
  },
  // The SQL admin language (Firebolt's statements at the query endpoint): a statement that parses but cannot
  // run as written. details: {line, column} of the offending name or value in the statement.
  sql_unknown_table: {
    status: 400,
    meaning: 'SELECT reads a table Portcullis does not have; the tables are in information_schema.',
  },
  sql_unknown_column: {
    status: 400,
    meaning: "A column in SELECT, WHERE or ORDER BY is not one of the table's.",
  },
  sql_type_mismatch: {
    status: 400,
    meaning:
      'Values of different types are compared (a boolean column with a string, text with a number), LIKE is used on what is not text, or an array column is used other than with IS [NOT] NULL.',
  },
  sql_invalid_value: {
    status: 400,
    meaning:
      'A string cannot be read as what it is used as: a timestamp that is not a date and time, or a LIKE pattern that ends with the escape character.',
  },
  internal_error: {
    status: 500,
    meaning: 'An unexpected failure; the requestId lets an operator find it in the logs.',
  },
} as const satisfies Record<string, { status: number; meaning: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export const oauthErrorCodes = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'invalid_target',
  'insufficient_scope',
  'invalid_token',
  'too_many_requests',
  'too_many_attempts',
  'server_error',
] as const satisfies readonly ErrorCode[];

export type OAuthErrorCode = (typeof oauthErrorCodes)[number];

export function isOAuthErrorCode(code: string): code is OAuthErrorCode {
  return (oauthErrorCodes as readonly string[]).includes(code);
}

export function statusOf(code: ErrorCode): number {
  return errorCatalogue[code].status;
}
