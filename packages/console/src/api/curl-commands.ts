/** A single-quoted shell word: nothing inside is expanded. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** Long commands break over lines so a person can read what they paste. */
const continued = ' \\\n  ';

/** A ready-to-paste client-credentials exchange (RFC 6749 §4.4) at `server`'s token endpoint. */
export function tokenCurl(server: string, clientId: string, clientSecret: string): string {
  return [
    `curl -X POST ${shellQuote(`${server}/oauth/token`)}`,
    `--data-urlencode 'grant_type=client_credentials'`,
    `--data-urlencode ${shellQuote(`client_id=${clientId}`)}`,
    `--data-urlencode ${shellQuote(`client_secret=${clientSecret}`)}`,
  ].join(continued);
}

/** A ready-to-paste sign-in with a key pair at `server`'s POST /v2/login. */
export function loginCurl(server: string, accessKey: string, secretKey: string): string {
  return [
    `curl -X POST ${shellQuote(`${server}/v2/login`)}`,
    `-H 'content-type: application/json'`,
    `--data ${shellQuote(JSON.stringify({ accessKey, secretKey }))}`,
  ].join(continued);
}
