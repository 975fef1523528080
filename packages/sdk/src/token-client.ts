import { authorizedFetch } from './authorized-fetch.js';
import { CachedToken } from './cached-token.js';
import { configurationError, requireBoundedNumber, requireUrl } from './option-checks.js';
import { accessKeyLoginExchange, clientCredentialsExchange, type TokenExchange } from './token-exchange.js';

interface CommonOptions {
  /** Portcullis's URL, as for `createVerifier`: `/oauth/token` and `/v2/login` are under it. */
  issuer: string;
  /**
   * How long before its expiry a token is replaced (0–3600 s, default 60). A token living less than four
   * times this is replaced at three quarters of its life.
   */
  refreshSkewSeconds?: number;
  fetch?: typeof fetch;
}

/** A service account's client id and secret at `POST /oauth/token` (client_credentials). */
export interface ClientCredentialsOptions extends CommonOptions {
  clientId: string;
  clientSecret: string;
  /** The API the token is for (one of the organization's allowed audiences); default Portcullis's own. */
  audience?: string;
  /** Narrows the token to these permissions (`'incidents:list findings:list'` or a list). */
  scope?: string | readonly string[];
  /** The account to act in, by id or name; default its only one, else the default account. */
  account?: string;
  /** Default `${issuer}/oauth/token`. */
  tokenEndpoint?: string;
}

/** An access key pair at Firefly's `POST /v2/login`; the token is for Portcullis's own API. */
export interface AccessKeyOptions extends CommonOptions {
  accessKey: string;
  secretKey: string;
}

export type TokenClientOptions = ClientCredentialsOptions | AccessKeyOptions;

export interface TokenClient {
  /** A token to send: the one kept, or a new one (a single request however many callers wait for it). */
  token(): Promise<string>;
  /** Forgets `token` after an API refused it; the next `token()` asks for another. */
  invalidate(token: string): void;
  /**
   * `fetch` with `Authorization: Bearer …` (any given is replaced). On a 401 the request is sent once more
   * with a fresh token, unless its body is a stream (`ReadableStream`, async iterable, a `Request`'s body),
   * which cannot be sent twice: then the 401 is returned.
   */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
}

function requireText(name: string, value: unknown): string {
  if (typeof value !== 'string' || value === '')
    throw configurationError(`${name} must be a non-empty string.`);
  return value;
}

function exchangeFor(options: TokenClientOptions, issuer: string, fetchFn: typeof fetch): TokenExchange {
  const hasClient = 'clientId' in options || 'clientSecret' in options;
  const hasKey = 'accessKey' in options || 'secretKey' in options;
  if (hasClient === hasKey) {
    throw configurationError('a token client needs clientId and clientSecret, or accessKey and secretKey.');
  }
  if (hasKey) {
    const unused = ['audience', 'scope', 'account', 'tokenEndpoint'].filter((name) => name in options);
    if (unused.length > 0) {
      throw configurationError(
        `/v2/login takes only the key pair; ${unused.join(', ')} cannot be used with it.`,
      );
    }
    const o = options as AccessKeyOptions;
    return accessKeyLoginExchange({
      loginUrl: `${issuer}/v2/login`,
      accessKey: requireText('accessKey', o.accessKey),
      secretKey: requireText('secretKey', o.secretKey),
      fetch: fetchFn,
    });
  }
  const o = options as ClientCredentialsOptions;
  const tokenEndpoint = requireUrl('tokenEndpoint', o.tokenEndpoint ?? `${issuer}/oauth/token`);
  const scope = typeof o.scope === 'string' || o.scope === undefined ? o.scope : o.scope.join(' ');
  return clientCredentialsExchange({
    tokenEndpoint: async () => tokenEndpoint,
    clientId: requireText('clientId', o.clientId),
    clientSecret: requireText('clientSecret', o.clientSecret),
    audience: o.audience,
    scope,
    account: o.account,
    fetch: fetchFn,
  });
}

/**
 * Access tokens for a script or an integration: kept until shortly before they expire, renewed with one
 * request however many calls wait, and a `fetch` that sends them. The secret goes to Portcullis's token
 * endpoint (or `/v2/login`) and nowhere else; errors name the client id or access key only.
 */
export function createTokenClient(options: TokenClientOptions): TokenClient {
  const issuer = requireUrl('issuer', options.issuer).replace(/\/+$/, '');
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const skewSeconds = requireBoundedNumber('refreshSkewSeconds', options.refreshSkewSeconds ?? 60, 0, 3600);
  const cached = new CachedToken(exchangeFor(options, issuer, fetchFn), skewSeconds * 1000);
  return Object.freeze({
    token: () => cached.get(),
    invalidate: (token: string) => cached.invalidate(token),
    fetch: (input: string | URL | Request, init?: RequestInit) =>
      authorizedFetch(cached, fetchFn, input, init),
  });
}
