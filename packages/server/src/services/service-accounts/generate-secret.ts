import { newId } from '../../domain/ids/ids.js';
import { displayPrefixOf, generateClientSecret } from '../../domain/secrets/secret-format.js';
import { encodeSecretHash, hashClientSecret } from '../../domain/secrets/secret-hash.js';
import { PortcullisError } from '../../errors/portcullis-error.js';
import { insertSecret, revokeUsableSecrets, type StoredSecret } from '../../store/repositories/secrets.js';
import {
  findServiceAccountInOrganization,
  lockServiceAccount,
  type ServiceAccount,
} from '../../store/repositories/service-accounts.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { organizationOf, requireOrganizationAdmin } from '../authorization.js';
import { type Caller, inTransaction, type ServiceContext } from '../context.js';

export interface GeneratedSecret {
  clientId: string;
  /** Returned once, here, and never stored or logged. */
  clientSecret: string;
  secret: StoredSecret;
}

/**
 * Makes a new secret the only usable one (Firebolt: the previous secret stops working at once).
 * `tx.db` must be a transaction.
 */
export async function generateSecretStep(
  tx: ServiceContext,
  caller: Caller,
  sa: ServiceAccount,
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
  const revoked = await revokeUsableSecrets(tx.db, sa.id, now);
  await insertSecret(tx.db, secret);
  await recordAuditEvent(tx.db, caller, now, {
    organizationId: sa.organizationId,
    action: 'service_account.secret_generated',
    targetType: 'service_account',
    targetId: sa.id,
    details: { secretId: secret.id, displayPrefix: secret.displayPrefix, revokedSecrets: revoked },
  });
  return { clientId: sa.id, clientSecret, secret };
}

export async function generateSecret(
  ctx: ServiceContext,
  caller: Caller,
  serviceAccountId: string,
): Promise<GeneratedSecret> {
  const organizationId = organizationOf(caller.actor);
  requireOrganizationAdmin(caller.actor, organizationId);
  return inTransaction(ctx, async (tx) => {
    const sa = await findServiceAccountInOrganization(tx.db, organizationId, serviceAccountId);
    if (!sa) throw new PortcullisError('not_found', 'Service account not found.');
    return generateSecretStep(tx, caller, sa);
  });
}
