import { basePath } from './client';

/** A single-quoted shell word: nothing inside is expanded. */
function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** Where this server's token endpoint is, as the browser reaches it. */
export function tokenEndpoint(): string {
  return `${window.location.origin}${basePath}/oauth/token`;
}

/** A ready-to-paste client-credentials exchange (RFC 6749 §4.4) for a freshly shown secret. */
export function tokenCurl(clientId: string, clientSecret: string): string {
  return [
    `curl -X POST ${shellQuote(tokenEndpoint())}`,
    `--data-urlencode 'grant_type=client_credentials'`,
    `--data-urlencode ${shellQuote(`client_id=${clientId}`)}`,
    `--data-urlencode ${shellQuote(`client_secret=${clientSecret}`)}`,
  ].join(' \\\n  ');
}
