import { setTimeout as sleep } from 'node:timers/promises';
import { newId } from '@portcullis/core/ids';
import { firstTrustedSecond } from '@portcullis/core/revocation';
import { findLoginWithPasswordHash } from '../../store/repositories/logins.js';
import { subjectNotBefore } from '../../store/repositories/revocations.js';
import type { ServiceContext } from '../context.js';
import { recordRevocations, revokeSubjects } from '../revocation/record-revocations.js';
import { accessTokenClaims } from '../tokens/access-token-claims.js';

/**
 * A person's session is an access token for Portcullis's own API (`sub` = the login, `aud` = the issuer).
 * Ending sessions reuses the revocation feed: one session is its token's id revoked, all of a person's are a
 * `void` not-before on the login, which every node's bearer check reads from the database on each request
 * (decisions/0016-sessions-end.md).
 */
export interface SessionToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  /** Unix seconds. */
  expiresAt: number;
}

/** Sessions of people use this client id in their tokens' `client_id` claim. */
export const consoleClientId = 'portcullis-console';

/** Why a person's sessions ended, as the revocation event's reason. */
export type SessionsEndedReason =
  | 'password_changed'
  | 'password_reset'
  | 'login_deactivated'
  | 'logout_all_sessions';

/** Every session of the login issued until now ends, on every node, when the transaction commits. */
export function endAllSessions(
  tx: ServiceContext,
  login: { id: string; organizationId: string },
  reason: SessionsEndedReason,
): void {
  revokeSubjects(tx, login.organizationId, [login.id], reason, 'void');
}

/** One session ends: its token is revoked until it would have expired anyway. */
export function endSession(
  tx: ServiceContext,
  login: { organizationId: string },
  token: { jti: string; expiresAt: number },
): void {
  const now = tx.clock();
  recordRevocations(tx, [
    {
      id: newId('revocation'),
      organizationId: login.organizationId,
      kind: 'token',
      jti: token.jti,
      reason: 'logout',
      effect: 'void',
      createdAt: now,
      forgetAfter: token.expiresAt * 1000,
    },
  ]);
}

/**
 * When a session token for this login may be signed. `iat` counts whole seconds and an ending voids its
 * own second (decisions/0014), so a session begun in the second of an ending — a sign-in right after a
 * password change, the fresh token the change answers with — waits for the next second, at most one.
 * Undefined when meanwhile the password the session rests on (`passwordHash`, as verified) was changed or
 * the login deactivated: that change ends every session begun before it, this one included.
 */
export async function sessionStart(
  ctx: ServiceContext,
  loginId: string,
  passwordHash: string,
): Promise<number | undefined> {
  const endedAt = await subjectNotBefore(ctx.db, loginId, 'void');
  const waitMs = endedAt === undefined ? 0 : firstTrustedSecond(endedAt) * 1000 - ctx.clock();
  if (waitMs > 0) await sleep(waitMs);
  const current = await findLoginWithPasswordHash(ctx.db, loginId);
  return current?.login.active && current.passwordHash === passwordHash ? ctx.clock() : undefined;
}

/** Signs a session token for a login at `now` (from `sessionStart`). */
export async function signSession(
  ctx: ServiceContext,
  login: { id: string; organizationId: string },
  now: number,
): Promise<{ session: SessionToken; jti: string }> {
  const claims = accessTokenClaims(ctx.issuer, now, ctx.tokenTtlSeconds, {
    subject: login.id,
    clientId: consoleClientId,
    audience: ctx.issuer,
    organizationId: login.organizationId,
  });
  const accessToken = await ctx.keyRing.sign(claims);
  return {
    session: { accessToken, tokenType: 'Bearer', expiresIn: ctx.tokenTtlSeconds, expiresAt: claims.exp },
    jti: claims.jti,
  };
}
