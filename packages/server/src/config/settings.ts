import { longestTokenLifetimeSeconds, shortestTokenLifetimeSeconds } from '@portcullis/core/tokens';
import ipaddr from 'ipaddr.js';

/**
 * Every setting Portcullis reads, with the environment variable and config-file key that set it.
 * docs/configuration.md documents each one (test/docs/configuration-doc.test.ts holds it to this list).
 */
export const signingAlgorithms = ['EdDSA', 'ES256', 'RS256'] as const;
export type SigningAlgorithm = (typeof signingAlgorithms)[number];
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];
export const logFormats = ['pretty', 'json'] as const;
export type LogFormat = (typeof logFormats)[number];
export const tokenRequestLogModes = ['off', 'sampled', 'all'] as const;
export type TokenRequestLogMode = (typeof tokenRequestLogModes)[number];

export interface Settings {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  issuer: string | undefined;
  tokenTtlSeconds: number;
  masterKey: string | undefined;
  trustedProxies: string[];
  logLevel: LogLevel;
  /** Unset: pretty when standard output is a terminal, JSON lines otherwise. */
  logFormat: LogFormat | undefined;
  signingAlgorithm: SigningAlgorithm;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  catalogFile: string | undefined;
  consoleDir: string | undefined;
  defaultAudiences: string[];
  scopeClaimMaxBytes: number;
  keyRotationHours: number;
  tokenRateLimitPerAddress: number;
  tokenRateLimitPerClient: number;
  loginRateLimitPerAddress: number;
  loginRateLimitPerLogin: number;
  lockoutClientFailures: number;
  lockoutLoginFailures: number;
  lockoutSeconds: number;
  lockoutMaxSeconds: number;
  lockoutResetSeconds: number;
  headersTimeoutSeconds: number;
  requestTimeoutSeconds: number;
  keepAliveTimeoutSeconds: number;
  idleTimeoutSeconds: number;
  maxConnections: number;
  maxConnectionsPerAddress: number;
  sqlMaxScriptBytes: number;
  auditIssuanceRetentionDays: number;
  auditRetentionDays: number;
  /** Unset: metrics have no listener of their own. */
  metricsPort: number | undefined;
  metricsHost: string;
  /** Unset: no `/metrics` on the public listener. */
  metricsToken: string | undefined;
  tokenRequestLog: TokenRequestLogMode;
  tokenRequestLogSampleRate: number;
}

type Parser<T> = (raw: unknown) => T;

export interface SettingSpec<K extends keyof Settings = keyof Settings> {
  key: K;
  env: string;
  description: string;
  parse: Parser<Settings[K]>;
  fallback: Settings[K];
}

class SettingValueError extends Error {}

function text(raw: unknown): string {
  if (typeof raw !== 'string' || raw.trim() === '')
    throw new SettingValueError('expected a non-empty string');
  return raw.trim();
}

function integerIn(min: number, max: number): Parser<number> {
  return (raw) => {
    const value = typeof raw === 'number' ? raw : Number(text(raw));
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new SettingValueError(`expected an integer from ${min} to ${max}`);
    }
    return value;
  };
}

function fractionAbove0(raw: unknown): number {
  const value = typeof raw === 'number' ? raw : Number(text(raw));
  if (!Number.isFinite(value) || value <= 0 || value > 1) {
    throw new SettingValueError('expected a number above 0 and at most 1');
  }
  return value;
}

/** Long enough that guessing it over the network is hopeless; hex of 32 random bytes is 64. */
const shortestMetricsToken = 32;

function metricsToken(raw: unknown): string {
  const value = text(raw);
  if (value.length < shortestMetricsToken || !/^[\x21-\x7e]+$/.test(value)) {
    throw new SettingValueError(
      `expected at least ${shortestMetricsToken} printable characters without spaces (openssl rand -hex 32)`,
    );
  }
  return value;
}

function oneOf<T extends string>(allowed: readonly T[]): Parser<T> {
  return (raw) => {
    const value = text(raw);
    if (!(allowed as readonly string[]).includes(value)) {
      throw new SettingValueError(`expected one of ${allowed.join(', ')}`);
    }
    return value as T;
  };
}

function optional<T>(parse: Parser<T>): Parser<T | undefined> {
  return (raw) => (raw === undefined || raw === '' ? undefined : parse(raw));
}

/** Where the rendered API reference is served; every path under it belongs to it. */
export const apiReferencePath = '/docs';

function issuerUrl(raw: unknown): string {
  const value = text(raw);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SettingValueError('expected an absolute http(s) URL');
  }
  // RFC 8414 §2: the issuer is an https URL (http allowed here for local use) with no query or fragment.
  if (!['http:', 'https:'].includes(url.protocol) || url.search || url.hash) {
    throw new SettingValueError('expected an http(s) URL without query or fragment');
  }
  // Routes under an issuer path are also served at the root (issuer-urls.ts); under the reference's own
  // prefix they would never be reached.
  const path = url.pathname.replace(/\/+$/, '');
  if (path === apiReferencePath || path.startsWith(`${apiReferencePath}/`)) {
    throw new SettingValueError(
      `the path ${apiReferencePath} is where the API reference is served; choose another`,
    );
  }
  // Kept as written, trailing slash included: clients compare the metadata's issuer and tokens' `iss` with
  // the string they were configured with, byte for byte (RFC 8414 §3.3, RFC 9207 §2.4).
  return value;
}

function databaseUrl(raw: unknown): string {
  const value = text(raw);
  if (!/^(sqlite:.+|postgres(ql)?:\/\/.+)$/.test(value)) {
    throw new SettingValueError('expected sqlite:<file> or postgres://user@host:port/database');
  }
  return value;
}

function proxyList(raw: unknown): string[] {
  const items = Array.isArray(raw) ? raw : text(raw).split(',');
  return items.map((item) => {
    const value = text(item);
    const valid = value.includes('/') ? ipaddr.isValidCIDR(value) : ipaddr.isValid(value);
    if (!valid) throw new SettingValueError(`"${value}" is not an IP address or CIDR range`);
    return value;
  });
}

function audienceList(raw: unknown): string[] {
  const items = Array.isArray(raw) ? raw : text(raw).split(',');
  return items.map((item) => {
    const value = text(item);
    if (!URL.canParse(value)) {
      throw new SettingValueError(`"${value}" is not an absolute URI`);
    }
    return value;
  });
}

function masterKey(raw: unknown): string {
  const value = text(raw);
  if (decodeMasterKey(value) === undefined) {
    throw new SettingValueError('expected 32 bytes as 64 hex characters or base64/base64url');
  }
  return value;
}

export function decodeMasterKey(value: string): Buffer | undefined {
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    const bytes = Buffer.from(value.replace(/\+/g, '-').replace(/\//g, '_').replace(/=$/, ''), 'base64url');
    return bytes.length === 32 ? bytes : undefined;
  }
  return undefined;
}

function spec<K extends keyof Settings>(s: SettingSpec<K>): SettingSpec<K> {
  return s;
}

export const settingSpecs = [
  spec({
    key: 'host',
    env: 'PORTCULLIS_HOST',
    description: 'Address to listen on.',
    parse: text,
    fallback: '127.0.0.1',
  }),
  spec({
    key: 'port',
    env: 'PORTCULLIS_PORT',
    description: 'TCP port to listen on.',
    parse: integerIn(0, 65535),
    fallback: 8080,
  }),
  spec({
    key: 'dataDir',
    env: 'PORTCULLIS_DATA_DIR',
    description: 'Directory for the SQLite file and the generated master key.',
    parse: text,
    fallback: './data',
  }),
  spec({
    key: 'databaseUrl',
    env: 'PORTCULLIS_DATABASE_URL',
    description:
      '`sqlite:<file>` or `postgres://…`; `DATABASE_URL` is read too. Default: `sqlite:<dataDir>/portcullis.db`.',
    parse: optional(databaseUrl),
    fallback: undefined,
  }),
  spec({
    key: 'issuer',
    env: 'PORTCULLIS_ISSUER',
    description:
      'Issuer URL put in tokens (`iss`) and metadata exactly as written. Default: `http://<host>:<port>`.',
    parse: optional(issuerUrl),
    fallback: undefined,
  }),
  spec({
    key: 'tokenTtlSeconds',
    env: 'PORTCULLIS_TOKEN_TTL_SECONDS',
    description: `Default access-token lifetime in seconds (${shortestTokenLifetimeSeconds}–${longestTokenLifetimeSeconds}).`,
    parse: integerIn(shortestTokenLifetimeSeconds, longestTokenLifetimeSeconds),
    fallback: 3600,
  }),
  spec({
    key: 'masterKey',
    env: 'PORTCULLIS_MASTER_KEY',
    description:
      '32-byte key (hex or base64) that keys secret hashes and encrypts signing keys. Generated into `<dataDir>/master.key` when unset.',
    parse: optional(masterKey),
    fallback: undefined,
  }),
  spec({
    key: 'trustedProxies',
    env: 'PORTCULLIS_TRUSTED_PROXIES',
    description: 'Comma-separated IPs/CIDRs whose `X-Forwarded-For` is believed. Default: none.',
    parse: proxyList,
    fallback: [],
  }),
  spec({
    key: 'logLevel',
    env: 'PORTCULLIS_LOG_LEVEL',
    description: `One of ${logLevels.join(', ')}.`,
    parse: oneOf(logLevels),
    fallback: 'info',
  }),
  spec({
    key: 'logFormat',
    env: 'PORTCULLIS_LOG_FORMAT',
    description:
      '`pretty` (one readable line per event) or `json` (one JSON object per line). Default: pretty when standard output is a terminal, else json.',
    parse: optional(oneOf(logFormats)),
    fallback: undefined,
  }),
  spec({
    key: 'signingAlgorithm',
    env: 'PORTCULLIS_SIGNING_ALGORITHM',
    description: `Access-token signing algorithm: ${signingAlgorithms.join(', ')}.`,
    parse: oneOf(signingAlgorithms),
    fallback: 'ES256',
  }),
  spec({
    key: 'adminEmail',
    env: 'PORTCULLIS_ADMIN_EMAIL',
    description: 'Bootstrap admin email (first start only). Default: `admin@acme.example`.',
    parse: optional(text),
    fallback: undefined,
  }),
  spec({
    key: 'adminPassword',
    env: 'PORTCULLIS_ADMIN_PASSWORD',
    description: 'Bootstrap admin password (first start only). Generated and printed once when unset.',
    parse: optional(text),
    fallback: undefined,
  }),
  spec({
    key: 'defaultAudiences',
    env: 'PORTCULLIS_DEFAULT_AUDIENCES',
    description:
      'Comma-separated audiences every organization accepts unless it sets its own (the issuer always).',
    parse: audienceList,
    fallback: [],
  }),
  spec({
    key: 'scopeClaimMaxBytes',
    env: 'PORTCULLIS_SCOPE_CLAIM_MAX_BYTES',
    description:
      "Longest `scope` claim that spells out the platform's permissions for standard libraries (bytes, 0–16384; 0: wildcards only).",
    parse: integerIn(0, 16384),
    fallback: 4096,
  }),
  spec({
    key: 'keyRotationHours',
    env: 'PORTCULLIS_KEY_ROTATION_HOURS',
    description: 'Rotate the signing key this often (hours; 0: only with `portcullis keys rotate`).',
    parse: integerIn(0, 8760),
    fallback: 720,
  }),
  // Rate limits and lockouts: decisions/0015-rate-limits-and-lockouts.md. A limit of 0 is no limit.
  spec({
    key: 'tokenRateLimitPerAddress',
    env: 'PORTCULLIS_TOKEN_RATE_LIMIT_PER_ADDRESS',
    description:
      'Token requests (`/oauth/token`, `/v2/login`) per second from one address (IPv6: per /64), per node; 0: no limit.',
    parse: integerIn(0, 1_000_000_000),
    fallback: 50,
  }),
  spec({
    key: 'tokenRateLimitPerClient',
    env: 'PORTCULLIS_TOKEN_RATE_LIMIT_PER_CLIENT',
    description: 'Token requests per minute for one client id, from any address, per node; 0: no limit.',
    parse: integerIn(0, 1_000_000_000),
    fallback: 500,
  }),
  spec({
    key: 'loginRateLimitPerAddress',
    env: 'PORTCULLIS_LOGIN_RATE_LIMIT_PER_ADDRESS',
    description: 'Sign-ins (`/api/v1/auth/login`) per minute from one address, per node; 0: no limit.',
    parse: integerIn(0, 1_000_000_000),
    fallback: 500,
  }),
  spec({
    key: 'loginRateLimitPerLogin',
    env: 'PORTCULLIS_LOGIN_RATE_LIMIT_PER_LOGIN',
    description: 'Sign-ins per minute for one email, from any address, per node; 0: no limit.',
    parse: integerIn(0, 1_000_000_000),
    fallback: 30,
  }),
  spec({
    key: 'lockoutClientFailures',
    env: 'PORTCULLIS_LOCKOUT_CLIENT_FAILURES',
    description:
      'Wrong secrets in a row that lock a service account (every node, through the database); 0: never.',
    parse: integerIn(0, 1_000_000),
    fallback: 30,
  }),
  spec({
    key: 'lockoutLoginFailures',
    env: 'PORTCULLIS_LOCKOUT_LOGIN_FAILURES',
    description: 'Wrong passwords in a row that lock a login; 0: never.',
    parse: integerIn(0, 1_000_000),
    fallback: 10,
  }),
  spec({
    key: 'lockoutSeconds',
    env: 'PORTCULLIS_LOCKOUT_SECONDS',
    description: 'How long the first lock lasts; each further one in a row lasts twice the last.',
    parse: integerIn(1, 86_400),
    fallback: 60,
  }),
  spec({
    key: 'lockoutMaxSeconds',
    env: 'PORTCULLIS_LOCKOUT_MAX_SECONDS',
    description: 'The longest a lock lasts.',
    parse: integerIn(1, 86_400 * 30),
    fallback: 900,
  }),
  spec({
    key: 'lockoutResetSeconds',
    env: 'PORTCULLIS_LOCKOUT_RESET_SECONDS',
    description: 'Failures are forgotten after this long without one (a success forgets them at once).',
    parse: integerIn(1, 86_400 * 30),
    fallback: 43_200,
  }),
  spec({
    key: 'headersTimeoutSeconds',
    env: 'PORTCULLIS_HEADERS_TIMEOUT_SECONDS',
    description:
      'A request head still incomplete this long after its first byte (after the connection opened, for the first request) is answered 408 and the connection closed (1–600; at most the request timeout).',
    parse: integerIn(1, 600),
    fallback: 10,
  }),
  spec({
    key: 'requestTimeoutSeconds',
    env: 'PORTCULLIS_REQUEST_TIMEOUT_SECONDS',
    description:
      'A request whose head and body have not both arrived this long after its first byte is answered 408 and the connection closed (1–600). Waiting for the answer does not count: a revocation-feed long-poll or stream is unaffected.',
    parse: integerIn(1, 600),
    fallback: 30,
  }),
  spec({
    key: 'keepAliveTimeoutSeconds',
    env: 'PORTCULLIS_KEEP_ALIVE_TIMEOUT_SECONDS',
    description:
      'An idle kept-alive connection is closed after this long (1–600). Keep it above the idle timeout of a load balancer in front (60 s on many), or it may reuse a connection just closed.',
    parse: integerIn(1, 600),
    fallback: 72,
  }),
  spec({
    key: 'idleTimeoutSeconds',
    env: 'PORTCULLIS_IDLE_TIMEOUT_SECONDS',
    description:
      'A connection on which nothing moves either way this long while a request is received or answered (a client that stops reading its answer) is closed (1–600). A revocation-feed long-poll or stream gets as long as its own wait.',
    parse: integerIn(1, 600),
    fallback: 60,
  }),
  spec({
    key: 'maxConnections',
    env: 'PORTCULLIS_MAX_CONNECTIONS',
    description:
      'Open connections at most; a connection beyond it is closed as it opens (1–1000000). Keep it below the file-descriptor limit.',
    parse: integerIn(1, 1_000_000),
    fallback: 4096,
  }),
  spec({
    key: 'maxConnectionsPerAddress',
    env: 'PORTCULLIS_MAX_CONNECTIONS_PER_ADDRESS',
    description:
      'Open connections at most from one client address (an IPv6 /64 counts as one); trusted proxies are exempt; 0: no per-address cap.',
    parse: integerIn(0, 1_000_000),
    fallback: 256,
  }),
  spec({
    key: 'sqlMaxScriptBytes',
    env: 'PORTCULLIS_SQL_MAX_SCRIPT_BYTES',
    description:
      'The longest SQL script `POST /api/v1/sql` and the Firebolt query endpoint accept, in bytes (docs/sql.md).',
    parse: integerIn(1024, 64 * 1024 * 1024),
    fallback: 1024 * 1024,
  }),
  // Metrics: docs/operations.md. Off unless a listener of their own or a token is configured.
  spec({
    key: 'metricsPort',
    env: 'PORTCULLIS_METRICS_PORT',
    description:
      'Serve `/metrics` (Prometheus) on a listener of its own at this port, without authentication. Default: none.',
    parse: optional(integerIn(1, 65535)),
    fallback: undefined,
  }),
  spec({
    key: 'metricsHost',
    env: 'PORTCULLIS_METRICS_HOST',
    description: 'Address the metrics listener listens on.',
    parse: text,
    fallback: '127.0.0.1',
  }),
  spec({
    key: 'metricsToken',
    env: 'PORTCULLIS_METRICS_TOKEN',
    description:
      'Serve `/metrics` on the public listener to `Authorization: Bearer <this token>` only (at least 32 characters). Default: none.',
    parse: optional(metricsToken),
    fallback: undefined,
  }),
  spec({
    key: 'tokenRequestLog',
    env: 'PORTCULLIS_TOKEN_REQUEST_LOG',
    description: `Request log lines of \`POST /oauth/token\`: ${tokenRequestLogModes.join(', ')}. Refusals are always logged.`,
    parse: oneOf(tokenRequestLogModes),
    fallback: 'sampled',
  }),
  spec({
    key: 'tokenRequestLogSampleRate',
    env: 'PORTCULLIS_TOKEN_REQUEST_LOG_SAMPLE_RATE',
    description: 'With `sampled`: the share of token requests logged (above 0, at most 1).',
    parse: fractionAbove0,
    fallback: 0.01,
  }),
  spec({
    key: 'auditIssuanceRetentionDays',
    env: 'PORTCULLIS_AUDIT_ISSUANCE_RETENTION_DAYS',
    description:
      'Days `token.issued` audit events are kept, and refusals that belong to no organization (1–36500; at most auditRetentionDays).',
    parse: integerIn(1, 36_500),
    fallback: 30,
  }),
  spec({
    key: 'auditRetentionDays',
    env: 'PORTCULLIS_AUDIT_RETENTION_DAYS',
    description: 'Days every other audit event is kept: changes, refusals, sign-ins (1–36500).',
    parse: integerIn(1, 36_500),
    fallback: 400,
  }),
  spec({
    key: 'catalogFile',
    env: 'PORTCULLIS_CATALOG_FILE',
    description: "JSON file with the platform's resources. Default: the demo catalog of 25 resources.",
    parse: optional(text),
    fallback: undefined,
  }),
  spec({
    key: 'consoleDir',
    env: 'PORTCULLIS_CONSOLE_DIR',
    description: "The built web console's directory. Default: packages/console/dist when it was built.",
    parse: optional(text),
    fallback: undefined,
  }),
] as const;

export { SettingValueError };
