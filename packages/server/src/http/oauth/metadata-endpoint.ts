import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ServiceContext } from '../../services/context.js';

const clientAuthMethods = ['client_secret_basic', 'client_secret_post'];

const Metadata = Type.Object(
  {
    issuer: Type.String(),
    token_endpoint: Type.String(),
    jwks_uri: Type.String(),
    introspection_endpoint: Type.String(),
    revocation_endpoint: Type.String(),
    grant_types_supported: Type.Array(Type.String()),
    response_types_supported: Type.Array(Type.String()),
    token_endpoint_auth_methods_supported: Type.Array(Type.String()),
    introspection_endpoint_auth_methods_supported: Type.Array(Type.String()),
    revocation_endpoint_auth_methods_supported: Type.Array(Type.String()),
    access_token_signing_alg_values_supported: Type.Array(Type.String(), {
      description: 'Extension: algorithms of the keys in the JWKS that sign access tokens (RFC 9068).',
    }),
    service_documentation: Type.String(),
  },
  { additionalProperties: false },
);

/**
 * RFC 8414 authorization server metadata; the same document at /.well-known/openid-configuration, where
 * OpenID libraries look. The issuer string is exactly the configured one.
 */
export async function metadataEndpoint(app: FastifyInstance, opts: { ctx: ServiceContext }): Promise<void> {
  const { ctx } = opts;
  const handler = async () => ({
    issuer: ctx.issuer,
    token_endpoint: `${ctx.issuer}/oauth/token`,
    jwks_uri: `${ctx.issuer}/.well-known/jwks.json`,
    introspection_endpoint: `${ctx.issuer}/oauth/introspect`,
    revocation_endpoint: `${ctx.issuer}/oauth/revoke`,
    grant_types_supported: ['client_credentials'],
    // No authorization endpoint, so no response types: client credentials only.
    response_types_supported: [],
    token_endpoint_auth_methods_supported: clientAuthMethods,
    introspection_endpoint_auth_methods_supported: clientAuthMethods,
    revocation_endpoint_auth_methods_supported: clientAuthMethods,
    access_token_signing_alg_values_supported: [
      ...new Set(ctx.keyRing.jwks().keys.map((k) => String(k.alg))),
    ],
    service_documentation: `${ctx.issuer}/docs`,
  });
  const schema = { tags: ['oauth'], response: { 200: Metadata } };
  app.get(
    '/.well-known/oauth-authorization-server',
    { schema: { ...schema, summary: 'RFC 8414 metadata' } },
    handler,
  );
  app.get(
    '/.well-known/openid-configuration',
    { schema: { ...schema, summary: 'The same metadata, for OpenID libraries' } },
    handler,
  );
}
