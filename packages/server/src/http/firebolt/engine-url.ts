import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import type { ServiceContext } from '../../services/context.js';
import { accountNamed } from '../../services/object-names/objects-named.js';
import { issuerBaseUrl } from '../issuer-urls.js';
import { callerOf } from '../request-context.js';

/** The engine URL's path below the issuer: the driver posts queries to `new URL('query', engineUrl)`. */
export const enginePath = '/firebolt/';

const EngineUrlParams = Type.Object({ account: Type.String({ minLength: 1, maxLength: 255 }) });

/**
 * The account's query endpoint, with the account in its query string: the driver splits the query string
 * off and sends its parameters with every query, so each statement knows its account. The account goes
 * by id, not by the name asked for: the driver keeps engine URLs for as long as its process lives, and an
 * id still names the account after a rename.
 */
export function engineUrlOf(issuer: string, accountId: string): string {
  const url = new URL(`${issuerBaseUrl(issuer)}${enginePath}`);
  url.searchParams.set('account', accountId);
  return url.href;
}

/**
 * `GET /web/v3/account/{account}/engineUrl`: where Firebolt's drivers look up the engine of an account as
 * they connect. An account that is not in the caller's organization is a 404, which the driver reports as
 * `AccountNotFoundError`.
 */
export async function engineUrlRoute(app: FastifyInstance, opts: { ctx: ServiceContext }): Promise<void> {
  const { ctx } = opts;
  app.get<{ Params: Static<typeof EngineUrlParams> }>(
    '/web/v3/account/:account/engineUrl',
    { config: { errorFormat: 'firebolt' }, schema: { hide: true, params: EngineUrlParams } },
    async (request) => {
      const accountId = await accountNamed(ctx, callerOf(request), request.params.account);
      return { engineUrl: engineUrlOf(ctx.issuer, accountId) };
    },
  );
}
