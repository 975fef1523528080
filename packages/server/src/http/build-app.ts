import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { addressMatcher } from '@portcullis/core/network-policies';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { apiReferencePath, type TokenRequestLogMode } from '../config/settings.js';
import type { ServiceContext } from '../services/context.js';
import { defaultMaxScriptBytes } from '../sql/run-sql-script.js';
import { type AuthenticationOptions, authenticateRequest } from './authenticate-request.js';
import { type ConnectionLimits, capConnections, connectionTimeoutOptions } from './connection-limits.js';
import { clientErrorHandler, frameworkErrorHandler, installErrorHandling } from './error-handler.js';
import { engineUrlRoute } from './firebolt/engine-url.js';
import { fireboltApiAudience } from './firebolt/firebolt-audience.js';
import { queryEndpoint } from './firebolt/query-endpoint.js';
import { parseFormEncoded } from './input/form-encoding.js';
import { acceptedInput } from './input/input-rule.js';
import { useStrictJsonBodies } from './input/strict-body-parsers.js';
import { issuerBaseUrl, issuerPathRewrite } from './issuer-urls.js';
import { protectedMetricsRoute } from './metrics-endpoint.js';
import { jwksEndpoint } from './oauth/jwks-endpoint.js';
import { metadataEndpoint } from './oauth/metadata-endpoint.js';
import { oauthEndpoints } from './oauth/oauth-endpoints.js';
import { revocationFeedRoutes } from './oauth/revocation-feed.js';
import { openapiDocument } from './openapi-document.js';
import { type RateLimitSettings, rateLimiting } from './rate-limits.js';
import { newRequestId } from './request-context.js';
import { answerHeaders, referenceHeaders } from './response-headers.js';
import { accessKeyLoginRoutes } from './routes/access-key-login.js';
import { accessKeyRoutes } from './routes/access-keys.js';
import { accountRoutes } from './routes/accounts.js';
import { auditEventRoutes } from './routes/audit-events.js';
import { authLoginRoutes } from './routes/auth-login.js';
import { consoleSessionRoutes, consoleSignInRoutes } from './routes/auth-session.js';
import { authorizeRoutes } from './routes/authorize.js';
import { catalogRoutes } from './routes/catalog.js';
import { clientCredentialRoutes } from './routes/client-credentials.js';
import { consoleAppRoutes, isConsoleNavigation, loadConsoleApp } from './routes/console-app.js';
import { healthRoutes } from './routes/health.js';
import { homePageRoutes } from './routes/home-page.js';
import { lockoutRoutes } from './routes/lockouts.js';
import { loginRoutes } from './routes/logins.js';
import { networkPolicyRoutes } from './routes/network-policies.js';
import { organizationRoutes } from './routes/organizations.js';
import { roleRoutes } from './routes/roles.js';
import { serviceAccountRoutes } from './routes/service-accounts.js';
import { sqlRoutes } from './routes/sql.js';
import { userRoutes } from './routes/users.js';
import { SampledRequestLog } from './sampled-request-log.js';
import { serializerCompiler, validatorCompiler } from './validation.js';

export interface AppOptions {
  ctx: ServiceContext;
  ping: () => Promise<void>;
  logger: FastifyServerOptions['logger'];
  trustedProxies: readonly string[];
  rateLimits: RateLimitSettings;
  connectionLimits: ConnectionLimits;
  version: string;
  /** The built web console; without one, `/` is a small page of links. */
  consoleDirectory?: string | undefined;
  /** The longest SQL script accepted (docs/sql.md); the default when left out. */
  sqlMaxScriptBytes?: number | undefined;
  /** How token requests are logged (http/sampled-request-log.ts). */
  tokenRequestLog: { mode: TokenRequestLogMode; sampleRate: number };
  /** With one, `/metrics` is served here to that bearer token. */
  metricsToken?: string | undefined;
}

/**
 * Every route registered in `scope` needs a bearer token or Basic client credentials (or, where accepted,
 * the console's session cookie), and says so in the OpenAPI document.
 */
function requireBearer(
  scope: FastifyInstance,
  ctx: ServiceContext,
  options: AuthenticationOptions = {},
): void {
  scope.addHook('onRequest', authenticateRequest(ctx, options));
  const schemes = ['bearer', 'basic', ...(options.sessionCookie ? ['cookie'] : [])];
  const security = schemes.map((scheme): Record<string, string[]> => ({ [scheme]: [] }));
  scope.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, security };
  });
}

/** Request bodies here are small JSON or form documents; anything near this size is abuse. */
const bodyLimitBytes = 64 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger,
    logController: new SampledRequestLog(options.tokenRequestLog.mode, options.tokenRequestLog.sampleRate),
    bodyLimit: bodyLimitBytes,
    // The socket address, or X-Forwarded-For only when the hop is a configured proxy.
    trustProxy: options.trustedProxies.length > 0 ? [...options.trustedProxies] : false,
    genReqId: newRequestId,
    requestIdHeader: false,
    ajv: { customOptions: { removeAdditional: false } },
    rewriteUrl: issuerPathRewrite(options.ctx.issuer),
    ...connectionTimeoutOptions(options.connectionLimits),
    routerOptions: { querystringParser: parseFormEncoded },
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
  });
  capConnections(app.server, options.connectionLimits, addressMatcher(options.trustedProxies), app.log);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const consoleApp = options.consoleDirectory
    ? loadConsoleApp(options.consoleDirectory, options.ctx.issuer)
    : undefined;
  installErrorHandling(app, (request, reply) =>
    consoleApp && isConsoleNavigation(request) ? consoleApp.sendPage(reply) : undefined,
  );
  // The input rule, once for every route (http/input/): strict UTF-8 bodies, then accepted text only.
  useStrictJsonBodies(app);
  app.addHook('preValidation', acceptedInput);
  // Set as the request starts, so error answers carry them too; one callback hook, no promise per request.
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(answerHeaders).header('x-request-id', request.id);
    done();
  });
  // Only JSON bodies on the API; forms are registered inside the token endpoint's own scope.
  app.removeContentTypeParser('text/plain');

  await app.register(swagger, { openapi: openapiDocument(options.ctx.issuer, options.version) });

  // The rendered reference of the generated document; its assets ship inside the package. No validator
  // badge: it would send the document's URL to validator.swagger.io.
  await app.register(async (reference) => {
    referenceHeaders(reference, new URL(issuerBaseUrl(options.ctx.issuer)).origin);
    await reference.register(swaggerUi, {
      routePrefix: apiReferencePath,
      uiConfig: { deepLinking: true, validatorUrl: null },
    });
  });

  const { ctx } = options;
  const maxScriptBytes = options.sqlMaxScriptBytes ?? defaultMaxScriptBytes;
  const limits = await rateLimiting(app, options.rateLimits, ctx.metrics);
  if (consoleApp) await app.register(consoleAppRoutes, { consoleApp });
  else await app.register(homePageRoutes, { issuer: ctx.issuer });
  await app.register(healthRoutes, { ping: options.ping });
  if (options.metricsToken) {
    await app.register(protectedMetricsRoute, { metrics: ctx.metrics, token: options.metricsToken });
  }
  await app.register(jwksEndpoint, { keyRing: ctx.keyRing });
  await app.register(metadataEndpoint, { ctx });
  await app.register(oauthEndpoints, { ctx, tokenLimits: limits.token });
  await app.register(async (feed) => {
    requireBearer(feed, ctx);
    await feed.register(revocationFeedRoutes, { ctx, authenticate: authenticateRequest(ctx) });
  });
  await app.register(accessKeyLoginRoutes, { ctx, tokenLimits: limits.token });
  // Firebolt's protocol (docs/sql.md, "Firebolt's drivers"), at the root, where the drivers look for it:
  // tokens meant for this API or for Firebolt's, which is the audience the drivers ask for.
  await app.register(async (firebolt) => {
    requireBearer(firebolt, ctx, { audiences: [fireboltApiAudience] });
    await firebolt.register(engineUrlRoute, { ctx });
    await firebolt.register(queryEndpoint, { ctx, maxScriptBytes });
  });
  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      // Cookies are read under /api/v1 only: the console's session is for this API, and no other route
      // pays for parsing them.
      await api.register(cookie);
      await api.register(authLoginRoutes, { ctx, limits: limits.login });
      await api.register(consoleSignInRoutes, { ctx, limits: limits.login });
      await api.register(async (authenticated) => {
        requireBearer(authenticated, ctx, { sessionCookie: true });
        await authenticated.register(consoleSessionRoutes, { ctx });
        await authenticated.register(serviceAccountRoutes, { ctx });
        await authenticated.register(userRoutes, { ctx });
        await authenticated.register(roleRoutes, { ctx });
        await authenticated.register(catalogRoutes, { ctx });
        await authenticated.register(clientCredentialRoutes, { ctx });
        await authenticated.register(organizationRoutes, { ctx });
        await authenticated.register(networkPolicyRoutes, { ctx });
        await authenticated.register(auditEventRoutes, { ctx });
        await authenticated.register(accountRoutes, { ctx });
        await authenticated.register(loginRoutes, { ctx });
        await authenticated.register(accessKeyRoutes, { ctx });
        await authenticated.register(lockoutRoutes, { ctx });
        await authenticated.register(sqlRoutes, { ctx, maxScriptBytes });
      });
      await api.register(async (judged) => {
        requireBearer(judged, ctx, { anyAudience: true });
        await judged.register(authorizeRoutes, { ctx });
      });
    },
    { prefix: '/api/v1' },
  );
  return app;
}
