import { randomFillSync } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { type Actor, anonymousCaller, type Caller } from '../services/context.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook on protected routes. */
    actor?: Actor;
  }
  interface FastifyContextConfig {
    /**
     * OAuth endpoints render errors per RFC 6749 §5.2 instead of the API's envelope; the access-key login
     * (POST /v2/login) keeps the envelope but refuses everything with 401; the routes of Firebolt's
     * protocol answer as Firebolt does (http/firebolt/firebolt-errors.ts).
     */
    errorFormat?: 'oauth' | 'access-key-login' | 'firebolt';
  }
}

export function callerOf(request: FastifyRequest): Caller {
  const base = anonymousCaller(request.ip ?? null, request.id);
  return request.actor ? { ...base, actor: request.actor } : base;
}

const idBytes = 16;
/** Random bytes for the next 256 ids, drawn in one call: an id costs a hex slice of it, not a UUID's formatting. */
const pool = Buffer.alloc(idBytes * 256);
let used = pool.length;

/** Every request's id (128 random bits), also sent as X-Request-Id and logged with each line about the request. */
export function newRequestId(): string {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += idBytes;
  return `req_${pool.toString('hex', used - idBytes, used)}`;
}
