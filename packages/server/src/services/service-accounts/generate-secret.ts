import { notFound } from '@portcullis/core/errors';
import { newId } from '@portcullis/core/ids';
import { displayPrefixOf, generateClientSecret } from '@portcullis/core/secrets';
import { encodeSecretHash, hashClientSecret } from '../../domain/secrets/secret-hash.js';
import {
  expireUsableSecrets,
  insertSecret,
  revokeUsableSecrets,
  type StoredSecret,
} from '../../store/repositories/secrets.js';
import {
  findServiceAccountInOrganization,
  lockServiceAccount,
  type ServiceAccount,
} from '../../store/repositories/service-accounts.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { organizationOf, requirePermission } from '../authorization.js';
import { type Caller, inTransaction, type ServiceContext } from '../context.js';
import { requireProgrammaticAccess } from '../organizations/programmatic-access.js';
import { requireHoldsServiceAccountRights } from '../permissions/rights-handed-on.js';
import { revokeSubjects } from '../revocation/record-revocations.js';

export interface GeneratedSecret {
  clientId: string;
  /** Returned once, here, and never stored or logged. */
  clientSecret: string;
  secret: StoredSecret;
}

/** Rotation with a grace period keeps the previous secrets working for at most this long. */
export const maxGracePeriodSeconds = 7 * 24 * 3600;

/**
 * Makes a new secret current. Without a grace period the previous ones stop working at once (Firebolt);
 * with one, they keep working until it ends, so integrations can rotate without downtime.
 * `tx.db` must be a transaction.
 */
export async function generateSecretStep(
  tx: ServiceContext,
  caller: Caller,
  sa: ServiceAccount,
  gracePeriodSeconds = 0,
): Promise<GeneratedSecret> {
  const clientSecret = generateClientSecret();
  const now = tx.clock();
  const secret: StoredSecret = {
    id: newId('secret'),
    serviceAccountId: sa.id,
    secretHash: encodeSecretHash(hashClientSecret(tx.keys.secretHashKey, clientSecret)),
    displayPrefix: displayPrefixOf(clientSecret),
    createdAt: now,
    createdBy: caller.actor.id,
    expiresAt: null,
    revokedAt: null,
    lastUsedAt: null,
  };
  // Serialises concurrent generations so exactly one secret stays usable; the partial unique index
  // secrets_one_current backs this up inside the database.
  await lockServiceAccount(tx.db, sa.id, now);
  const previous =
    gracePeriodSeconds > 0
      ? await expireUsableSecrets(tx.db, sa.id, now + gracePeriodSeconds * 1000)
      : await revokeUsableSecrets(tx.db, sa.id, now);
  await insertSecret(tx.db, secret);
  if (gracePeriodSeconds === 0 && previous > 0)
    revokeSubjects(tx, sa.organizationId, [sa.id], 'secret_regenerated', 'void');
  await recordAuditEvent(tx.db, caller, now, {
    organizationId: sa.organizationId,
    action: 'service_account.secret_generated',
    targetType: 'service_account',
    targetId: sa.id,
    details: {
      secretId: secret.id,
      displayPrefix: secret.displayPrefix,
      previousSecrets: previous,
      gracePeriodSeconds,
    },
  });
  return { clientId: sa.id, clientSecret, secret };
}

export async function generateSecret(
  ctx: ServiceContext,
  caller: Caller,
  serviceAccountId: string,
  gracePeriodSeconds = 0,
): Promise<GeneratedSecret> {
  const organizationId = organizationOf(caller.actor);
  requirePermission(caller.actor, 'portcullis.service_accounts', 'update');
  await requireProgrammaticAccess(ctx, organizationId);
  return inTransaction(ctx, async (tx) => {
    const sa = await findServiceAccountInOrganization(tx.db, organizationId, serviceAccountId);
    if (!sa) throw notFound('Service account');
    // The new secret is handed to the caller, and with it everything the service account can do.
    await requireHoldsServiceAccountRights(tx, caller.actor, sa);
    return generateSecretStep(tx, caller, sa, gracePeriodSeconds);
  });
}
