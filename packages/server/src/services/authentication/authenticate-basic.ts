import { isPortcullisError, unauthenticated } from '@portcullis/core/errors';
import type { Actor, Caller, ServiceContext } from '../context.js';
import { authenticateClient, type ClientCredentials, refusalRecorder } from './authenticate-client.js';
import { serviceAccountActor } from './service-account-actor.js';

/**
 * `Authorization: Basic base64(id:secret)` on the API (Firefly): the credential acts with exactly its
 * effective permissions, after the same checks as the token endpoint. Refusals are audited as
 * `basic_auth.refused` and answered with the API's 401.
 */
export async function authenticateBasic(
  ctx: ServiceContext,
  caller: Caller,
  credentials: ClientCredentials,
): Promise<Actor> {
  const refuse = refusalRecorder(ctx, caller, credentials.clientId, 'basic_auth.refused', ctx.clock());
  try {
    const { sa, resolved } = await authenticateClient(ctx, caller, credentials, refuse);
    return serviceAccountActor(sa, resolved);
  } catch (error) {
    if (
      isPortcullisError(error) &&
      (error.code === 'invalid_client' || error.code === 'unauthorized_client')
    ) {
      throw unauthenticated('The Basic credentials are not valid here.', { auditReason: error.auditReason });
    }
    throw error;
  }
}
