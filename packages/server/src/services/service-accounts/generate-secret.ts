import { newId } from '../../domain/ids/ids.js';
import { displayPrefixOf, generateClientSecret } from '../../domain/secrets/secret-format.js';
import { encodeSecretHash, hashClientSecret } from '../../domain/secrets/secret-hash.js';
import { PortcullisError } from '../../errors/portcullis-error.js';
import { insertSecret, revokeUsableSecrets, type StoredSecret } from '../../store/repositories/secrets.js';
import {
  findServiceAccountInOrganization,
  lockServiceAccount,
} from '../../store/repositories/service-accounts.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { organizationOf, requireOrganizationAdmin } from '../authorization.js';
import type { Caller, ServiceContext } from '../context.js';

export interface GeneratedSecret {
  clientId: string;
  /** Returned once, here, and never stored or logged. */
  clientSecret: string;
  secret: StoredSecret;
}

/** Firebolt: generating a new secret makes the previous one stop working at once. */
export async function generateSecret(
  ctx: ServiceContext,
  caller: Caller,
  serviceAccountId: string,
): Promise<GeneratedSecret> {
  const organizationId = organizationOf(caller.actor);
  requireOrganizationAdmin(caller.actor, organizationId);
  const clientSecret = generateClientSecret();
  const now = ctx.clock();
  const secret: StoredSecret = {
    id: newId('secret'),
    serviceAccountId,
    secretHash: encodeSecretHash(hashClientSecret(ctx.keys.secretHashKey, clientSecret)),
    displayPrefix: displayPrefixOf(clientSecret),
    createdAt: now,
    createdBy: caller.actor.id,
    expiresAt: null,
    revokedAt: null,
    lastUsedAt: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    const sa = await findServiceAccountInOrganization(trx, organizationId, serviceAccountId);
    if (!sa) throw new PortcullisError('not_found', 'Service account not found.');
    // Serialises concurrent generations so exactly one secret stays usable; the partial unique index
    // secrets_one_current backs this up inside the database.
    await lockServiceAccount(trx, sa.id, now);
    const revoked = await revokeUsableSecrets(trx, sa.id, now);
    await insertSecret(trx, secret);
    await recordAuditEvent(trx, caller, now, {
      organizationId,
      action: 'service_account.secret_generated',
      targetType: 'service_account',
      targetId: sa.id,
      details: { secretId: secret.id, displayPrefix: secret.displayPrefix, revokedSecrets: revoked },
    });
  });
  return { clientId: serviceAccountId, clientSecret, secret };
}
