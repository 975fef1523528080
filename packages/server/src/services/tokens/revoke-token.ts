import { newId } from '@portcullis/core/ids';
import type { TokenClaims } from '../../runtime/signing/key-ring.js';
import { isTokenRevoked } from '../../store/repositories/revocations.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import {
  authenticateClient,
  type ClientCredentials,
  refusalRecorder,
} from '../authentication/authenticate-client.js';
import { type Caller, inTransaction, type ServiceContext } from '../context.js';
import { recordRevocations } from '../revocation/record-revocations.js';

/**
 * RFC 7009: a client revokes an access token it holds. Tokens that do not verify, or that belong to
 * another client, are answered like success and left alone (§2.2: the client learns nothing from it).
 */
export async function revokeToken(
  ctx: ServiceContext,
  caller: Caller,
  credentials: ClientCredentials,
  token: string,
): Promise<void> {
  const now = ctx.clock();
  const refuse = refusalRecorder(ctx, caller, credentials.clientId, 'revocation.refused', now);
  const { sa } = await authenticateClient(ctx, caller, credentials, refuse);
  let claims: TokenClaims;
  try {
    claims = await ctx.keyRing.verify(token);
  } catch {
    return;
  }
  if (
    claims.client_id !== sa.id ||
    typeof claims.jti !== 'string' ||
    (await isTokenRevoked(ctx.db, claims.jti))
  )
    return;
  const jti = claims.jti;
  await inTransaction(ctx, async (tx) => {
    recordRevocations(tx, [
      {
        id: newId('revocation'),
        organizationId: sa.organizationId,
        kind: 'token',
        jti,
        reason: 'revoked_by_client',
        effect: 'void',
        createdAt: now,
        forgetAfter: claims.exp * 1000,
      },
    ]);
    await recordAuditEvent(tx.db, caller, now, {
      organizationId: sa.organizationId,
      action: 'token.revoked',
      targetType: 'service_account',
      targetId: sa.id,
      actor: { type: 'service_account', id: sa.id },
      details: { jti },
    });
  });
}
