import { TokenRequestError } from './token-request-error.js';

/** A token as Portcullis issued it, with how long it lives (seconds, measured by Portcullis's clock). */
export interface ExchangedToken {
  value: string;
  lifetimeSeconds: number;
}

/** One request to Portcullis for a new token. */
export type TokenExchange = () => Promise<ExchangedToken>;

export interface ClientCredentialsExchange {
  /** Resolved on each request: the verifier's feed reads it from the metadata. */
  tokenEndpoint: () => Promise<string>;
  clientId: string;
  clientSecret: string;
  audience?: string | undefined;
  /** Space-separated permissions to narrow the token to. */
  scope?: string | undefined;
  account?: string | undefined;
  fetch: typeof fetch;
}

/** RFC 6749 §2.3.1: the id and secret are form-encoded before Basic's base64. */
function basic(clientId: string, clientSecret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString('base64')}`;
}

/** `POST /oauth/token` with `grant_type=client_credentials`, the client authenticated with HTTP Basic. */
export function clientCredentialsExchange(options: ClientCredentialsExchange): TokenExchange {
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (options.audience !== undefined) form.set('audience', options.audience);
  if (options.scope !== undefined) form.set('scope', options.scope);
  if (options.account !== undefined) form.set('account', options.account);
  const body = form.toString();
  const who = `client ${options.clientId}`;
  return async () => {
    const endpoint = await options.tokenEndpoint();
    const { response, json } = await post(options.fetch, endpoint, who, {
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basic(options.clientId, options.clientSecret),
      },
      body,
    });
    const token = json as {
      access_token?: unknown;
      expires_in?: unknown;
      error?: unknown;
      error_description?: unknown;
    };
    if (!response.ok || typeof token.access_token !== 'string') {
      throw refused(who, response.status, token.error, token.error_description);
    }
    // expires_in is RECOMMENDED only (RFC 6749 §5.1); Portcullis always sends it, five minutes is a safe guess.
    const lifetimeSeconds = typeof token.expires_in === 'number' ? token.expires_in : 300;
    return { value: token.access_token, lifetimeSeconds };
  };
}

export interface AccessKeyLoginExchange {
  loginUrl: string;
  accessKey: string;
  secretKey: string;
  fetch: typeof fetch;
}

/** Firefly's `POST /v2/login {accessKey, secretKey}` → `{accessToken, expiresAt, tokenType}`. */
export function accessKeyLoginExchange(options: AccessKeyLoginExchange): TokenExchange {
  const body = JSON.stringify({ accessKey: options.accessKey, secretKey: options.secretKey });
  const who = `access key ${options.accessKey}`;
  return async () => {
    const { response, json } = await post(options.fetch, options.loginUrl, who, {
      headers: { 'content-type': 'application/json' },
      body,
    });
    const login = json as {
      accessToken?: unknown;
      expiresAt?: unknown;
      error?: { code?: unknown; message?: unknown };
    };
    if (!response.ok || typeof login.accessToken !== 'string' || typeof login.expiresAt !== 'number') {
      throw refused(who, response.status, login.error?.code, login.error?.message);
    }
    return { value: login.accessToken, lifetimeSeconds: login.expiresAt - issuedAt(login.accessToken) };
  };
}

/**
 * `expiresAt` is Portcullis's clock; the token's `iat` is too, so their difference is the lifetime whatever
 * this machine's clock says. Reading `iat` checks nothing: the token is Portcullis's answer over the
 * connection the script chose, and the API it is sent to verifies it.
 */
function issuedAt(token: string): number {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    if (typeof payload.iat === 'number') return payload.iat;
  } catch {
    // Not a JWT we can read: fall through to this machine's clock.
  }
  return Math.floor(Date.now() / 1000);
}

async function post(
  fetchFn: typeof fetch,
  url: string,
  who: string,
  init: { headers: Record<string, string>; body: string },
): Promise<{ response: Response; json: unknown }> {
  let response: Response;
  try {
    response = await fetchFn(url, {
      method: 'POST',
      headers: { accept: 'application/json', ...init.headers },
      body: init.body,
    });
  } catch (cause) {
    throw new TokenRequestError(
      `could not reach Portcullis at ${url} for a token of ${who}`,
      undefined,
      undefined,
      {
        cause,
      },
    );
  }
  return { response, json: await response.json().catch(() => ({})) };
}

function refused(who: string, status: number, error: unknown, description: unknown): TokenRequestError {
  const code = typeof error === 'string' ? error : undefined;
  const why = typeof description === 'string' ? ` (${description})` : '';
  return new TokenRequestError(
    `Portcullis gave no token to ${who}: ${status} ${code ?? ''}`.trimEnd() + why,
    status,
    code,
  );
}
