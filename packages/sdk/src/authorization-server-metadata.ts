/** What the SDK reads from Portcullis's RFC 8414 metadata. */
export interface AuthorizationServerMetadata {
  issuer: string;
  jwksUri: string;
  tokenEndpoint: string;
  /** Every single `resource:action` Portcullis's catalog holds. */
  scopesSupported: string[];
}

/** RFC 8414 §3.1: the well-known segment goes between the host and the issuer's path. */
export function metadataUrl(issuer: string): string {
  const url = new URL(issuer);
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}/.well-known/oauth-authorization-server${path}`;
}

/** Fails unless the document names exactly this issuer (RFC 8414 §3.3), so a look-alike cannot stand in. */
export async function fetchMetadata(
  issuer: string,
  fetchFn: typeof fetch,
): Promise<AuthorizationServerMetadata> {
  const url = metadataUrl(issuer);
  const response = await fetchFn(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const document = (await response.json()) as Record<string, unknown>;
  if (document.issuer !== issuer) {
    throw new Error(
      `${url} names the issuer ${JSON.stringify(document.issuer)}, not ${JSON.stringify(issuer)}`,
    );
  }
  const { jwks_uri: jwksUri, token_endpoint: tokenEndpoint, scopes_supported: scopes } = document;
  if (typeof jwksUri !== 'string' || typeof tokenEndpoint !== 'string') {
    throw new Error(`${url} lacks jwks_uri or token_endpoint`);
  }
  return {
    issuer,
    jwksUri,
    tokenEndpoint,
    scopesSupported: Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : [],
  };
}
