import { notFound } from '@portcullis/core/errors';
import type { Page, PageRequest } from '../../store/repositories/page.js';
import {
  findSecretOfServiceAccount,
  listSecretsOfServiceAccount,
  revokeSecret,
  type StoredSecret,
} from '../../store/repositories/secrets.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { type Caller, inTransaction, type ServiceContext } from '../context.js';
import { revokeSubjects } from '../revocation/record-revocations.js';
import { serviceAccountOfCaller } from './read-service-accounts.js';

export type SecretStatus = 'active' | 'expiring' | 'expired' | 'revoked';

export function secretStatus(secret: StoredSecret, now: number): SecretStatus {
  if (secret.revokedAt !== null) return 'revoked';
  if (secret.expiresAt === null) return 'active';
  return secret.expiresAt > now ? 'expiring' : 'expired';
}

/** Metadata only: the secret itself was shown once, at generation, and is not stored. */
export async function listSecrets(
  ctx: ServiceContext,
  caller: Caller,
  serviceAccountId: string,
  page: PageRequest,
): Promise<Page<StoredSecret>> {
  const sa = await serviceAccountOfCaller(ctx, caller, serviceAccountId, 'get');
  return listSecretsOfServiceAccount(ctx.db, sa.id, page);
}

export async function revokeOneSecret(
  ctx: ServiceContext,
  caller: Caller,
  serviceAccountId: string,
  secretId: string,
): Promise<void> {
  const sa = await serviceAccountOfCaller(ctx, caller, serviceAccountId, 'update');
  const now = ctx.clock();
  await inTransaction(ctx, async (tx) => {
    const secret = await findSecretOfServiceAccount(tx.db, sa.id, secretId);
    if (!secret) throw notFound('Secret');
    if ((await revokeSecret(tx.db, sa.id, secret.id, now)) > 0) {
      await recordAuditEvent(tx.db, caller, now, {
        organizationId: sa.organizationId,
        action: 'service_account.secret_revoked',
        targetType: 'service_account',
        targetId: sa.id,
        details: { secretId: secret.id, displayPrefix: secret.displayPrefix },
      });
      // Tokens do not say which secret obtained them, so every earlier token of the account goes: the
      // holder of the other secret (during a grace period) just fetches a fresh one.
      revokeSubjects(tx, sa.organizationId, [sa.id], 'secret_revoked', 'void');
    }
  });
}
