import type { Context, MiddlewareHandler } from 'hono';
import { isBearerError } from './bearer-error.js';
import type { Verifier } from './create-verifier.js';
import type { RequirementInput } from './permission-checks.js';
import type { Principal } from './principal.js';
import { refusalResponse } from './refusal-response.js';

/** For `new Hono<{ Variables: PortcullisVariables }>()`, so `c.get('portcullis')` is typed. */
export interface PortcullisVariables {
  portcullis: Principal;
}

/** `app.get('/incidents', requirePermissions(verifier, 'incidents:list'), (c) => …)`; then `c.get('portcullis')`. */
export function requirePermissions(
  verifier: Verifier,
  requirement?: RequirementInput,
): MiddlewareHandler<{ Variables: PortcullisVariables }> {
  return async (c, next) => {
    const outcome = await verifier.authorize(c.req.header('authorization'), requirement);
    if (!outcome.ok) return refusalResponse(outcome.refusal);
    c.set('portcullis', outcome.principal);
    await next();
  };
}

/** For `app.onError`: a `principal.requireAll(…)` thrown in a handler becomes its refusal. */
export function bearerErrorHandler(otherwise?: (error: Error, c: Context) => Response | Promise<Response>) {
  return (error: Error, c: Context): Response | Promise<Response> => {
    if (isBearerError(error)) return refusalResponse(error.refusal);
    if (otherwise) return otherwise(error, c);
    return c.text('Internal Server Error', 500);
  };
}
