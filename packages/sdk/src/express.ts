import { isBearerError } from './bearer-error.js';
import type { Refusal } from './bearer-refusal.js';
import type { Verifier } from './create-verifier.js';
import type { RequirementInput } from './permission-checks.js';
import type { Principal } from './principal.js';

/** The little of Express's request, response and next this adapter uses: Express 4 and 5 both fit. */
interface ExpressRequest {
  headers: { authorization?: string | undefined };
  portcullis?: Principal;
}
interface ExpressResponse {
  headersSent?: boolean;
  status(code: number): ExpressResponse;
  set(headers: Record<string, string>): ExpressResponse;
  json(body: unknown): unknown;
}
type Next = (error?: unknown) => void;

function send(res: ExpressResponse, refusal: Refusal): void {
  res.status(refusal.status).set(refusal.headers).json(refusal.body);
}

/**
 * Middleware that lets a request through only with a valid token meeting `requirement`; the principal is
 * then `req.portcullis`. `app.get('/incidents', requirePermissions(verifier, 'incidents:list'), handler)`.
 */
export function requirePermissions(verifier: Verifier, requirement?: RequirementInput) {
  return (req: ExpressRequest, res: ExpressResponse, next: Next): void => {
    verifier.authorize(req.headers.authorization, requirement).then((outcome) => {
      if (!outcome.ok) {
        send(res, outcome.refusal);
        return;
      }
      req.portcullis = outcome.principal;
      next();
    }, next);
  };
}

/** Error middleware: a `principal.requireAll(…)` thrown in a handler becomes its 403 (or 401/503). */
export function bearerErrors() {
  return (error: unknown, _req: ExpressRequest, res: ExpressResponse, next: Next): void => {
    if (isBearerError(error) && !res.headersSent) send(res, error.refusal);
    else next(error);
  };
}

declare global {
  namespace Express {
    interface Request {
      /** Set by `requirePermissions`: who called, with what permissions. */
      portcullis?: Principal;
    }
  }
}
