import { isPortcullisError, PortcullisError } from '@portcullis/core/errors';
import type { FastifyRequest } from 'fastify';
import { authenticateBasic } from '../../services/authentication/authenticate-basic.js';
import { authenticateBearer } from '../../services/authentication/authenticate-bearer.js';
import type { Actor, Caller, ServiceContext } from '../../services/context.js';
import { callerOf } from '../request-context.js';
import { clientCredentialsOf } from './client-authentication.js';

/**
 * Introspection callers authenticate as a client (Basic or client_secret_post, RFC 7662 §2.1) or with a
 * bearer token for Portcullis's API. A refused client is `invalid_client` (RFC 6749 §5.2); a refused token
 * is `invalid_token` (RFC 6750 §3.1), so the challenge names the scheme the caller actually used.
 */
export async function callerOfOAuthRequest(
  ctx: ServiceContext,
  request: FastifyRequest<{ Body: { client_id?: string | undefined; client_secret?: string | undefined } }>,
): Promise<Caller> {
  const base = callerOf(request);
  const header = request.headers.authorization ?? '';
  // Any Bearer header is a bearer attempt: a malformed one must not fall through to body credentials.
  if (/^Bearer(\s|$)/i.test(header)) return { ...base, actor: await bearerActor(ctx, header) };
  try {
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

async function bearerActor(ctx: ServiceContext, header: string): Promise<Actor> {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (!token) throw new PortcullisError('invalid_token', 'The Authorization header is not a Bearer token.');
  try {
    return await authenticateBearer(ctx, token);
  } catch (error) {
    if (isPortcullisError(error) && error.code === 'unauthenticated') {
      throw new PortcullisError('invalid_token', error.message, { auditReason: error.auditReason });
    }
    throw error;
  }
}
