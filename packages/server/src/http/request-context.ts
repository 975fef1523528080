import { randomUUID } from 'node:crypto';
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

/** Every request's id, also sent as X-Request-Id and logged with each line about the request. */
export function newRequestId(): string {
  return `req_${randomUUID().replaceAll('-', '')}`;
}
