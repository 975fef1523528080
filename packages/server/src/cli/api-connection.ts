import { settingSpecs } from '../config/settings.js';
import { refusalOf, requestApi } from './api-request.js';
import { CommandFailure, exitCodes } from './command-failure.js';

const listensOn = (key: 'host' | 'port') => String(settingSpecs.find((spec) => spec.key === key)?.fallback);

/** Where a server started with no settings listens. */
export const defaultApiUrl = `http://${listensOn('host')}:${listensOn('port')}`;

/** What the command line says about the server and the caller; unset flags fall back to the environment. */
export interface ConnectionFlags {
  url?: string | undefined;
  token?: string | undefined;
}

type Credentials = { token: string } | { clientId: string; clientSecret: string };

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

function serverUrl(raw: string): URL {
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
 * The flags first, then the environment: a token, or a client id and secret to exchange for one. (A stored
 * login, when there is one, comes after the environment.)
 */
function resolveCredentials(flags: ConnectionFlags, env: NodeJS.ProcessEnv): Credentials {
  const token = present(flags.token) ?? present(env[connectionEnvironment.token]);
  if (token) return { token };
  const clientId = present(env[connectionEnvironment.clientId]);
  const clientSecret = present(env[connectionEnvironment.clientSecret]);
  if (clientId && clientSecret) return { clientId, clientSecret };
  if (clientId || clientSecret) {
    const missing = clientId ? connectionEnvironment.clientSecret : connectionEnvironment.clientId;
    throw new CommandFailure(exitCodes.usage, `${missing} is not set; a client id needs its secret`);
  }
  throw new CommandFailure(
    exitCodes.usage,
    `no credentials: give --token, or set ${connectionEnvironment.token}, or ${connectionEnvironment.clientId} and ${connectionEnvironment.clientSecret}`,
  );
}

/** client_credentials at the server's token endpoint. The secret goes in the body and nowhere else. */
async function exchangeClientSecret(url: URL, clientId: string, clientSecret: string): Promise<string> {
  const answer = await requestApi(new URL('oauth/token', url), {
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    }).toString(),
  });
  const token = (answer.json as { access_token?: unknown } | undefined)?.access_token;
  if (answer.status === 200 && typeof token === 'string') return token;
  const { code, message } = refusalOf(answer);
  throw new CommandFailure(
    exitCodes.failed,
    `no token for ${connectionEnvironment.clientId} ${clientId}: ${code}${message ? `: ${message}` : ''}`,
  );
}

/** The server and a token to call it with, from the flags and the environment. */
export async function openApiConnection(
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ApiConnection> {
  const url = serverUrl(present(flags.url) ?? present(env[connectionEnvironment.url]) ?? defaultApiUrl);
  const credentials = resolveCredentials(flags, env);
  if ('token' in credentials) return { url, token: credentials.token };
  return { url, token: await exchangeClientSecret(url, credentials.clientId, credentials.clientSecret) };
}
