import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ServiceContext } from '../../services/context.js';
import { issuerBaseUrl } from '../issuer-urls.js';

const clientAuthMethods = ['client_secret_basic', 'client_secret_post'];

const Metadata = Type.Object(
  {
    issuer: Type.String(),
    token_endpoint: Type.String(),
    jwks_uri: Type.String(),
    introspection_endpoint: Type.String(),
    revocation_endpoint: Type.String(),
    scopes_supported: Type.Array(Type.String()),
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
 * OpenID libraries look. The issuer string is exactly the configured one. For an issuer with a path the
 * path-inserted and path-appended forms of both arrive here too (see issuer-urls.ts).
 */
export async function metadataEndpoint(app: FastifyInstance, opts: { ctx: ServiceContext }): Promise<void> {
  const { ctx } = opts;
  const base = issuerBaseUrl(ctx.issuer);
  // Every single permission; `*` forms are accepted too but only abbreviate these (RFC 8414 §2 lets a
  // server leave some supported values out).
  const scopes = ctx.catalog.resources.flatMap((r) => ctx.catalog.actions.map((a) => `${r.id}:${a}`));
  const document = () => ({
    issuer: ctx.issuer,
    token_endpoint: `${base}/oauth/token`,
    jwks_uri: `${base}/.well-known/jwks.json`,
    introspection_endpoint: `${base}/oauth/introspect`,
    revocation_endpoint: `${base}/oauth/revoke`,
    scopes_supported: scopes,
    grant_types_supported: ['client_credentials'],
    // No authorization endpoint, so no response types: client credentials only.
    response_types_supported: [],
    token_endpoint_auth_methods_supported: clientAuthMethods,
    introspection_endpoint_auth_methods_supported: clientAuthMethods,
    revocation_endpoint_auth_methods_supported: clientAuthMethods,
    access_token_signing_alg_values_supported: [
      ...new Set(ctx.keyRing.jwks().keys.map((k) => String(k.alg))),
    ],
    service_documentation: `${base}/docs`,
  });
  const handler = async (_request: FastifyRequest, reply: FastifyReply) => {
    // Public and slow to change (a signing algorithm, the catalog): caches may keep it, like the JWKS.
    reply.header('cache-control', 'public, max-age=300');
    return document();
  };
  const schema = { tags: ['oauth'], response: { 200: Metadata } };
  app.get(
    '/.well-known/oauth-authorization-server',
    {
      schema: {
        ...schema,
        summary: 'Authorization server metadata (RFC 8414)',
        description:
          'Where the endpoints are and what they support: the issuer, the token, introspection and revocation endpoints, the JWKS, grant types, client authentication methods and signing algorithms. OAuth libraries configure themselves from it.',
      },
    },
    handler,
  );
  app.get(
    '/.well-known/openid-configuration',
    {
      schema: {
        ...schema,
        summary: 'The same metadata, for OpenID libraries',
        description:
          'The RFC 8414 metadata again, where OpenID Connect libraries look for it. Portcullis issues access tokens to clients only: there are no ID tokens and no sign-in flows for end users here.',
      },
    },
    handler,
  );
}
