import type { FastifyRequest } from 'fastify';
import { PortcullisError } from '../errors/portcullis-error.js';
import { authenticateBearer, type BearerOptions } from '../services/authentication/authenticate-bearer.js';
import type { ServiceContext } from '../services/context.js';

/** An onRequest hook: runs before the body is read, so an anonymous caller learns nothing about schemas. */
export function authenticateRequest(ctx: ServiceContext, options: BearerOptions = {}) {
  return async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match?.[1]) {
      throw new PortcullisError('unauthenticated', 'This route needs a Bearer access token.', {
        auditReason: 'no_credentials',
      });
    }
    request.actor = await authenticateBearer(ctx, match[1], options);
  };
}
