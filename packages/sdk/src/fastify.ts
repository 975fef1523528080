import type { FastifyReply, FastifyRequest } from 'fastify';
import { isBearerError } from './bearer-error.js';
import type { Verifier } from './create-verifier.js';
import type { RequirementInput } from './permission-checks.js';
import type { Principal } from './principal.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requirePermissions`: who called, with what permissions. */
    portcullis?: Principal;
  }
}

/**
 * A `preHandler` hook: `app.get('/incidents', { preHandler: requirePermissions(verifier, 'incidents:list') }, handler)`.
 * The principal is then `request.portcullis`.
 */
export function requirePermissions(verifier: Verifier, requirement?: RequirementInput) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const outcome = await verifier.authorize(request.headers.authorization, requirement);
    // Fastify's rule for async hooks that answer early: send, then return the reply.
    if (!outcome.ok) {
      return reply.code(outcome.refusal.status).headers(outcome.refusal.headers).send(outcome.refusal.body);
    }
    request.portcullis = outcome.principal;
    return undefined;
  };
}

/**
 * For `app.setErrorHandler`: a `principal.requireAll(…)` thrown in a handler becomes its refusal; anything
 * else goes to `otherwise` (Fastify's default answer when omitted).
 */
export function bearerErrorHandler(
  otherwise?: (error: unknown, request: FastifyRequest, reply: FastifyReply) => unknown,
) {
  return (error: unknown, request: FastifyRequest, reply: FastifyReply): unknown => {
    if (isBearerError(error)) {
      return reply.code(error.refusal.status).headers(error.refusal.headers).send(error.refusal.body);
    }
    if (otherwise) return otherwise(error, request, reply);
    throw error;
  };
}
