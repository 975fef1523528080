import rateLimit, { type CreateRateLimitOptions } from '@fastify/rate-limit';
import { PortcullisError } from '@portcullis/core/errors';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler, preHandlerHookHandler } from 'fastify';

/** Requests allowed per window; 0 is no limit. decisions/0015-rate-limits-and-lockouts.md. */
export interface RateLimitSettings {
  /** `/oauth/token` and `/v2/login`, per second, per source address. */
  tokenPerAddress: number;
  /** The same endpoints, per minute, per client id (whatever address it comes from). */
  tokenPerClient: number;
  /** `/api/v1/auth/login`, per minute, per source address. */
  loginPerAddress: number;
  /** The same, per minute, per email. */
  loginPerLogin: number;
}

/** The rate-limit hooks of one kind of endpoint; routes of a kind share their counters. */
export interface EndpointLimits {
  /**
   * Hooks for a route: the address is counted as the request starts, the subject (client id, email) once
   * the body is parsed and validated; `subjectOf` finds it, or undefined when the request names none.
   */
  hooks(subjectOf: (request: FastifyRequest) => string | undefined): {
    onRequest: onRequestHookHandler[];
    preHandler: preHandlerHookHandler[];
  };
}

type Check = ReturnType<FastifyInstance['createRateLimit']>;

declare module 'fastify' {
  interface FastifyRequest {
    /** The subject a request is counted under (client id, email), once its body names one. */
    rateLimitSubject?: string;
  }
}

/** Keys in memory per limit; beyond it the least recently seen are dropped (a forgotten count starts over). */
const keysKept = 10_000;

function tooManyRequests(from: string, retryAfterSeconds: number): PortcullisError {
  return new PortcullisError(
    'too_many_requests',
    `Too many requests ${from}; retry in ${retryAfterSeconds} s.`,
    {
      details: { retryAfterSeconds },
      retryAfterSeconds,
    },
  );
}

/**
 * Callback hooks rather than async ones: each request passes through two limits, and an async hook costs
 * it a promise and Fastify's handling of one on top of the plugin's own.
 */
function enforce(
  check: Check,
  request: FastifyRequest,
  from: string,
  done: (error?: PortcullisError | Error) => void,
): void {
  check(request).then((verdict) => {
    if (!verdict.isAllowed && verdict.isExceeded) {
      done(tooManyRequests(from, Math.max(1, verdict.ttlInSeconds)));
    } else {
      done();
    }
  }, done);
}

function endpointLimits(
  app: FastifyInstance,
  perAddress: { max: number; windowMs: number },
  perSubject: { max: number; windowMs: number; from: string },
): EndpointLimits {
  const options = (max: number, windowMs: number, extra: CreateRateLimitOptions = {}) =>
    ({ max, timeWindow: windowMs, cache: keysKept, ...extra }) as CreateRateLimitOptions;
  // The address key is the plugin's own: IPv4-mapped addresses as IPv4, IPv6 by /64.
  const byAddress =
    perAddress.max > 0 ? app.createRateLimit(options(perAddress.max, perAddress.windowMs)) : undefined;
  const bySubject =
    perSubject.max > 0
      ? app.createRateLimit(
          options(perSubject.max, perSubject.windowMs, {
            keyGenerator: (request) => request.rateLimitSubject ?? '',
          }),
        )
      : undefined;
  const addressHook: onRequestHookHandler | undefined =
    byAddress && ((request, _reply, done) => enforce(byAddress, request, 'from this address', done));
  return {
    hooks(subjectOf) {
      const subjectHook: preHandlerHookHandler | undefined =
        bySubject &&
        ((request, _reply, done) => {
          const subject = subjectOf(request);
          if (subject === undefined) {
            done();
            return;
          }
          request.rateLimitSubject = subject;
          enforce(bySubject, request, perSubject.from, done);
        });
      return {
        onRequest: addressHook ? [addressHook] : [],
        preHandler: subjectHook ? [subjectHook] : [],
      };
    },
  };
}

/**
 * Rate limits with @fastify/rate-limit's in-memory store: each node counts its own requests, so behind a
 * balancer of n nodes a source gets up to n times the limit. Nothing is read from the database, so a limit
 * costs a token request a map lookup and no I/O.
 */
export async function rateLimiting(
  app: FastifyInstance,
  settings: RateLimitSettings,
): Promise<{ token: EndpointLimits; login: EndpointLimits }> {
  await app.register(rateLimit, { global: false });
  // Declared on every request, so that setting it does not change the request object's shape.
  app.decorateRequest('rateLimitSubject', undefined);
  return {
    token: endpointLimits(
      app,
      { max: settings.tokenPerAddress, windowMs: 1000 },
      { max: settings.tokenPerClient, windowMs: 60_000, from: 'for this client' },
    ),
    login: endpointLimits(
      app,
      { max: settings.loginPerAddress, windowMs: 60_000 },
      { max: settings.loginPerLogin, windowMs: 60_000, from: 'for this login' },
    ),
  };
}
