import { unauthenticated } from '@portcullis/core/errors';
import type { FastifyRequest } from 'fastify';
import { authenticateBasic } from '../services/authentication/authenticate-basic.js';
import { authenticateBearer, type BearerOptions } from '../services/authentication/authenticate-bearer.js';
import type { ServiceContext } from '../services/context.js';
import { parseBasicCredentials } from './oauth/client-authentication.js';
import { callerOf } from './request-context.js';

/**
 * An onRequest hook: runs before the body is read, so an anonymous caller learns nothing about schemas.
 * Accepts a Bearer access token, or HTTP Basic client credentials (Firefly's alternative).
 */
export function authenticateRequest(ctx: ServiceContext, options: BearerOptions = {}) {
  return async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization ?? '';
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (bearer?.[1]) {
      request.actor = await authenticateBearer(ctx, bearer[1], options);
      return;
    }
    if (/^Basic\s/i.test(header)) {
      const credentials = parseBasicCredentials(header, 'unauthenticated');
      request.actor = await authenticateBasic(ctx, callerOf(request), credentials);
      return;
    }
    throw unauthenticated('This route needs a Bearer access token or Basic client credentials.', {
      auditReason: 'no_credentials',
    });
  };
}
