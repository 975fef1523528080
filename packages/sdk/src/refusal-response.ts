import type { Refusal } from './bearer-refusal.js';

/** A refusal as a Web `Response`, for the adapters whose handlers return one (Hono, plain Web handlers). */
export function refusalResponse(refusal: Refusal): Response {
  return new Response(JSON.stringify(refusal.body), {
    status: refusal.status,
    headers: { 'content-type': 'application/json', ...refusal.headers },
  });
}
