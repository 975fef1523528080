import { randomUUID } from 'node:crypto';

/** RFC 9068 claims common to every access token Portcullis signs. */
export interface AccessTokenSubject {
  subject: string;
  clientId: string;
  audience: string;
  organizationId: string;
  accountId?: string;
}

export function accessTokenClaims(issuer: string, nowMs: number, ttlSeconds: number, s: AccessTokenSubject) {
  const iat = Math.floor(nowMs / 1000);
  return {
    iss: issuer,
    sub: s.subject,
    aud: s.audience,
    client_id: s.clientId,
    iat,
    exp: iat + ttlSeconds,
    // 122 random bits from Node's cached entropy: one system call per many tokens, not one per token.
    jti: randomUUID(),
    org_id: s.organizationId,
    ...(s.accountId ? { account_id: s.accountId } : {}),
  };
}
