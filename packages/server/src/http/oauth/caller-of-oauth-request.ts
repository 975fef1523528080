import type { FastifyRequest } from 'fastify';
import { isPortcullisError, PortcullisError } from '../../errors/portcullis-error.js';
import { authenticateBasic } from '../../services/authentication/authenticate-basic.js';
import { authenticateBearer } from '../../services/authentication/authenticate-bearer.js';
import type { Caller, ServiceContext } from '../../services/context.js';
import { callerOf } from '../request-context.js';
import { clientCredentialsOf } from './client-authentication.js';

/**
 * Introspection callers authenticate as a client (Basic or client_secret_post, RFC 7662 §2.1) or with a
 * bearer token for Portcullis's API. Any failure is `invalid_client`.
 */
export async function callerOfOAuthRequest(
  ctx: ServiceContext,
  request: FastifyRequest<{ Body: { client_id?: string | undefined; client_secret?: string | undefined } }>,
): Promise<Caller> {
  const base = callerOf(request);
  const header = request.headers.authorization ?? '';
  try {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (bearer?.[1]) return { ...base, actor: await authenticateBearer(ctx, bearer[1]) };
    const credentials = clientCredentialsOf(header || undefined, request.body ?? {});
    return { ...base, actor: await authenticateBasic(ctx, base, credentials) };
  } catch (error) {
    if (isPortcullisError(error) && ['unauthenticated', 'invalid_client'].includes(error.code)) {
      throw new PortcullisError('invalid_client', 'Client authentication failed.', {
        auditReason: error.auditReason,
      });
    }
    throw error;
  }
}
