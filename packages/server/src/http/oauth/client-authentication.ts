import type { ErrorCode } from '@portcullis/core/errors';
import { PortcullisError } from '@portcullis/core/errors';
import { refusedCharacterIn } from '@portcullis/core/text';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  method: 'client_secret_basic' | 'client_secret_post';
}

function malformed(code: ErrorCode, message: string): PortcullisError {
  return new PortcullisError(code, message, { auditReason: 'malformed_basic_header' });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * RFC 6749 §2.3.1: id and secret are form-encoded, joined by a colon, then base64-encoded. A malformed
 * header is `invalid_client` at the token endpoint and `unauthenticated` on the API. The header is the one
 * input the HTTP input rule cannot see into, so the rule is applied here: bytes that are not UTF-8, or
 * text it refuses, are bad credentials, refused before any database read.
 */
export function parseBasicCredentials(
  header: string,
  code: ErrorCode,
): { clientId: string; clientSecret: string } {
  const formDecode = (value: string) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(value.replace(/\+/g, ' '));
    } catch {
      throw malformed(code, 'The Basic credentials are not form-encoded correctly.');
    }
    if (refusedCharacterIn(decoded))
      throw malformed(code, 'The Basic credentials contain refused characters.');
    return decoded;
  };
  const match = /^Basic\s+([A-Za-z0-9+/=._~-]+)\s*$/i.exec(header);
  let decoded = '';
  try {
    decoded = match?.[1] ? utf8.decode(Buffer.from(match[1], 'base64')) : '';
  } catch {
    throw malformed(code, 'The Basic credentials are not UTF-8.');
  }
  const colon = decoded.indexOf(':');
  if (colon < 1) throw malformed(code, 'The Authorization header is not valid Basic credentials.');
  return {
    clientId: formDecode(decoded.slice(0, colon)),
    clientSecret: formDecode(decoded.slice(colon + 1)),
  };
}

/**
 * Picks the one client authentication method a token request used. Using two at once is
 * `invalid_request` (RFC 6749 §2.3); using none is `invalid_client`.
 */
export function clientCredentialsOf(
  authorization: string | undefined,
  body: { client_id?: string | undefined; client_secret?: string | undefined },
): ClientCredentials {
  if (authorization && /^Basic\s/i.test(authorization)) {
    if (body.client_secret !== undefined) {
      throw new PortcullisError(
        'invalid_request',
        'Use one client authentication method: Basic or client_secret in the body, not both.',
      );
    }
    const basic = parseBasicCredentials(authorization, 'invalid_client');
    if (body.client_id !== undefined && body.client_id !== basic.clientId) {
      throw new PortcullisError(
        'invalid_request',
        'client_id in the body differs from the one in the Authorization header.',
      );
    }
    return { ...basic, method: 'client_secret_basic' };
  }
  if (body.client_id && body.client_secret) {
    return { clientId: body.client_id, clientSecret: body.client_secret, method: 'client_secret_post' };
  }
  throw new PortcullisError(
    'invalid_client',
    'Client authentication is required: HTTP Basic or client_id and client_secret.',
    {
      auditReason: 'no_client_authentication',
    },
  );
}
