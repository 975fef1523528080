import { isBearerError } from './bearer-error.js';
import type { Verifier } from './create-verifier.js';
import { refusalResponse } from './refusal-response.js';

export { refusalResponse };

import type { RequirementInput } from './permission-checks.js';
import type { Principal } from './principal.js';

/**
 * Wraps a Web `Request → Response` handler (Deno, Bun, Cloudflare-style, Next.js route handlers, Node with
 * an adapter): `export const GET = withPermissions(verifier, 'incidents:list', (request, principal) => …)`.
 * A `principal.requireAll(…)` thrown inside becomes its refusal too.
 */
export function withPermissions<Rest extends unknown[]>(
  verifier: Verifier,
  requirement: RequirementInput | undefined,
  handler: (request: Request, principal: Principal, ...rest: Rest) => Response | Promise<Response>,
): (request: Request, ...rest: Rest) => Promise<Response> {
  return async (request, ...rest) => {
    const outcome = await verifier.authorize(request.headers.get('authorization'), requirement);
    if (!outcome.ok) return refusalResponse(outcome.refusal);
    try {
      return await handler(request, outcome.principal, ...rest);
    } catch (error) {
      if (isBearerError(error)) return refusalResponse(error.refusal);
      throw error;
    }
  };
}
