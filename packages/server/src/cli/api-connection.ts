import { settingSpecs } from '../config/settings.js';
import { refusalOf, requestApi } from './api-request.js';
import { CommandFailure, exitCodes } from './command-failure.js';
import { readStoredLogin, storedLoginFile } from './stored-login.js';

const listensOn = (key: 'host' | 'port') => String(settingSpecs.find((spec) => spec.key === key)?.fallback);

/** Where a server started with no settings listens. */
export const defaultApiUrl = `http://${listensOn('host')}:${listensOn('port')}`;

/** What the command line says about the server and the caller; unset flags fall back to the environment. */
export interface ConnectionFlags {
  url?: string | undefined;
  token?: string | undefined;
}

type Credentials = { token: string } | { clientId: string; clientSecret: string };

/** What the token endpoint answered: the token, its lifetime, and the answer as sent. */
export interface IssuedToken {
  accessToken: string;
  expiresIn: number;
  text: string;
}

/** The server to call and the access token to call it with. */
export interface ApiConnection {
  url: URL;
  token: string;
}

/** Environment variables read, for help texts. */
export const connectionEnvironment = {
  url: 'PORTCULLIS_URL',
  token: 'PORTCULLIS_TOKEN',
  clientId: 'PORTCULLIS_CLIENT_ID',
  clientSecret: 'PORTCULLIS_CLIENT_SECRET',
} as const;

/** How every command that calls the API finds the server and its credentials, for help texts. */
export const connectionHelp = `Server, first found: --url, ${connectionEnvironment.url}, the stored login's, ${defaultApiUrl}.
Credentials, first found: --token, ${connectionEnvironment.token}, then ${connectionEnvironment.clientId} and
${connectionEnvironment.clientSecret} (exchanged at the server's /oauth/token), then the login
"portcullis login" stored, for its own server only.`;

export function serverUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CommandFailure(exitCodes.usage, `${raw} is not a URL: expected http(s)://host[:port][/path]`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CommandFailure(exitCodes.usage, `${raw}: expected an http:// or https:// URL`);
  }
  // API paths are resolved against it, so a server under a path prefix keeps its prefix.
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url;
}

const present = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);

/**
 * The flags first, then the environment: a token, or a client id and secret to exchange for one; then the
 * stored login, but only for the server it was made for: its token is never sent anywhere else.
 */
function resolveCredentials(flags: ConnectionFlags, env: NodeJS.ProcessEnv, url: URL): Credentials {
  const token = present(flags.token) ?? present(env[connectionEnvironment.token]);
  if (token) return { token };
  const clientId = present(env[connectionEnvironment.clientId]);
  const clientSecret = present(env[connectionEnvironment.clientSecret]);
  if (clientId && clientSecret) return { clientId, clientSecret };
  if (clientId || clientSecret) {
    const missing = clientId ? connectionEnvironment.clientSecret : connectionEnvironment.clientId;
    throw new CommandFailure(exitCodes.usage, `${missing} is not set; a client id needs its secret`);
  }
  const stored = readStoredLogin(env);
  if (stored && serverUrl(stored.url).href === url.href) {
    if (stored.expiresAt * 1000 > Date.now()) return { token: stored.token };
    throw new CommandFailure(
      exitCodes.usage,
      `the login stored in ${storedLoginFile(env)} expired at ${new Date(stored.expiresAt * 1000).toISOString()}: run "portcullis login --url ${stored.url}" again`,
    );
  }
  throw new CommandFailure(
    exitCodes.usage,
    `no credentials for ${url.href}: run "portcullis login --url ${url.href}", give --token, or set ${connectionEnvironment.token}, or ${connectionEnvironment.clientId} and ${connectionEnvironment.clientSecret}`,
  );
}

/** client_credentials at the server's token endpoint. The secret goes in the body and nowhere else. */
export async function exchangeClientSecret(
  url: URL,
  clientId: string,
  clientSecret: string,
  extra: Record<string, string> = {},
): Promise<IssuedToken> {
  const answer = await requestApi(new URL('oauth/token', url), {
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
      ...extra,
    }).toString(),
  });
  const { access_token: token, expires_in: expiresIn } = (answer.json ?? {}) as Record<string, unknown>;
  if (answer.status === 200 && typeof token === 'string') {
    return {
      accessToken: token,
      expiresIn: typeof expiresIn === 'number' ? expiresIn : 0,
      text: answer.text,
    };
  }
  const { code, message } = refusalOf(answer);
  throw new CommandFailure(
    exitCodes.failed,
    `no token for ${connectionEnvironment.clientId} ${clientId}: ${code}${message ? `: ${message}` : ''}`,
  );
}

/** The server named by the flags, else the environment, else the stored login, else the default. */
export function chosenServer(flags: ConnectionFlags, env: NodeJS.ProcessEnv = process.env): URL {
  const named = present(flags.url) ?? present(env[connectionEnvironment.url]);
  return serverUrl(named ?? readStoredLogin(env)?.url ?? defaultApiUrl);
}

/** The server and a token to call it with, from the flags, the environment and the stored login. */
export async function openApiConnection(
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ApiConnection> {
  const url = chosenServer(flags, env);
  const credentials = resolveCredentials(flags, env, url);
  if ('token' in credentials) return { url, token: credentials.token };
  const issued = await exchangeClientSecret(url, credentials.clientId, credentials.clientSecret);
  return { url, token: issued.accessToken };
}
