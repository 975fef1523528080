import { configurationError, requireBoundedNumber, requireUrl } from './option-checks.js';

/** What Portcullis signs with (its `PORTCULLIS_SIGNING_ALGORITHM` choices); the default allow-list. */
export const supportedAlgorithms = ['ES256', 'EdDSA', 'RS256'] as const;
export type SigningAlgorithm = (typeof supportedAlgorithms)[number];

/** Where the SDK says what happened in the background (feed down, keys unreadable). `console` fits. */
export interface Logger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export interface RevocationOptions {
  /** A service account holding `portcullis.introspection:run` (a platform resource server for every organization). */
  clientId: string;
  clientSecret: string;
  /**
   * How long the feed may be unreachable before `onStale` applies. Default 60 s; at least 1, at most a day
   * (past that, every revocation the feed could have told about concerns a token that has expired anyway).
   */
  maxStalenessSeconds?: number;
  /** `closed` (default): refuse every token with 503 while stale. `open`: accept them, and say so once. */
  onStale?: 'closed' | 'open';
  /** `auto` (default) streams server-sent events and long-polls when the stream is not offered. */
  transport?: 'auto' | 'event-stream' | 'long-poll';
  /** Default `${issuer}/oauth/revocations`. */
  feedUrl?: string;
}

export interface VerifierOptions {
  /** Exactly as Portcullis's `iss` claim and metadata say it. */
  issuer: string;
  /** This API's audience: one of the organization's allowed audiences. A token for any other is refused. */
  audience: string | readonly string[];
  algorithms?: readonly SigningAlgorithm[];
  /** Accepted clock difference for `exp`, `nbf` and `iat`; 0–300 seconds, default 5. */
  clockToleranceSeconds?: number;
  /** Default: the metadata's `jwks_uri`. */
  jwksUri?: string;
  /**
   * A token naming a key not in the JWKS fetches it again, at most this often (1–3600 s, default 30), so
   * forged key ids cannot make the API flood Portcullis.
   */
  unknownKeyCooldownSeconds?: number;
  /**
   * The platform's resource ids (the catalog Portcullis is configured with). Default: read from the
   * metadata's `scopes_supported`, so both sides expand `*` over the same resources.
   */
  resources?: readonly string[];
  /** The follower of the revocation feed; `false` verifies signatures and expiry only (not recommended). */
  revocations: RevocationOptions | false;
  /** Realm in `WWW-Authenticate`; default the first audience. */
  realm?: string;
  /** How many verified tokens are kept; default 10,000. */
  cacheSize?: number;
  fetch?: typeof fetch;
  logger?: Logger;
}

export const maxClockToleranceSeconds = 300;
const longestStalenessSeconds = 86_400;

export interface ResolvedRevocationOptions extends Required<Omit<RevocationOptions, 'feedUrl'>> {
  feedUrl: string;
}

export interface ResolvedOptions {
  issuer: string;
  audiences: string[];
  algorithms: SigningAlgorithm[];
  clockToleranceSeconds: number;
  jwksUri: string | undefined;
  unknownKeyCooldownSeconds: number;
  resources: readonly string[] | undefined;
  revocations: ResolvedRevocationOptions | false;
  realm: string;
  cacheSize: number;
  fetch: typeof fetch;
  logger: Logger;
}

/** Every option checked at once, at start-up: a misconfigured verifier must not start. */
export function resolveOptions(options: VerifierOptions): ResolvedOptions {
  const issuer = requireUrl('issuer', options.issuer);
  const audiences = typeof options.audience === 'string' ? [options.audience] : [...(options.audience ?? [])];
  if (audiences.length === 0 || audiences.some((a) => typeof a !== 'string' || a === '')) {
    throw configurationError('audience must name this API (a non-empty string or list of strings).');
  }
  const algorithms = [...(options.algorithms ?? supportedAlgorithms)];
  const unsupported = algorithms.filter((a) => !(supportedAlgorithms as readonly string[]).includes(a));
  if (algorithms.length === 0 || unsupported.length > 0) {
    throw configurationError(
      `algorithms must be some of ${supportedAlgorithms.join(', ')} (got ${JSON.stringify(options.algorithms)}).`,
    );
  }
  const clockToleranceSeconds = requireBoundedNumber(
    'clockToleranceSeconds',
    options.clockToleranceSeconds ?? 5,
    0,
    maxClockToleranceSeconds,
  );
  if (options.revocations === undefined) {
    throw configurationError(
      'revocations must name the feed credentials ({ clientId, clientSecret }) or be false to ignore revocations.',
    );
  }
  let revocations: ResolvedRevocationOptions | false = false;
  if (options.revocations) {
    const r = options.revocations;
    if (!r.clientId || !r.clientSecret) {
      throw configurationError('revocations needs the clientId and clientSecret of the feed reader.');
    }
    const transport = r.transport ?? 'auto';
    if (!['auto', 'event-stream', 'long-poll'].includes(transport)) {
      throw configurationError(`revocations.transport must be auto, event-stream or long-poll.`);
    }
    const onStale = r.onStale ?? 'closed';
    if (onStale !== 'closed' && onStale !== 'open') {
      throw configurationError('revocations.onStale must be closed or open.');
    }
    revocations = {
      clientId: r.clientId,
      clientSecret: r.clientSecret,
      maxStalenessSeconds: requireBoundedNumber(
        'revocations.maxStalenessSeconds',
        r.maxStalenessSeconds ?? 60,
        1,
        longestStalenessSeconds,
      ),
      onStale,
      transport,
      feedUrl: requireUrl(
        'revocations.feedUrl',
        r.feedUrl ?? `${issuer.replace(/\/+$/, '')}/oauth/revocations`,
      ),
    };
  }
  const cacheSize = requireBoundedNumber('cacheSize', options.cacheSize ?? 10_000, 1, 10_000_000);
  return {
    issuer,
    audiences,
    algorithms,
    clockToleranceSeconds,
    jwksUri: options.jwksUri === undefined ? undefined : requireUrl('jwksUri', options.jwksUri),
    unknownKeyCooldownSeconds: requireBoundedNumber(
      'unknownKeyCooldownSeconds',
      options.unknownKeyCooldownSeconds ?? 30,
      1,
      3600,
    ),
    resources: options.resources,
    revocations,
    realm: options.realm ?? audiences[0]!,
    cacheSize: Math.floor(cacheSize),
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    logger: options.logger ?? console,
  };
}
