import type { SwaggerOptions } from '@fastify/swagger';
import { issuerBaseUrl } from './issuer-urls.js';
import { csrfTokenHeader, sessionCookieName } from './session-cookie.js';

type OpenApiDocument = NonNullable<Extract<SwaggerOptions, { openapi?: unknown }>['openapi']>;

/**
 * The parts of the OpenAPI document that no route carries: what Portcullis is, how a caller gets a token,
 * and what each group of operations is for, in the order a newcomer meets them. The interactive reference
 * at /docs renders this, so it is written to be read there.
 */
export function openapiDocument(issuer: string, version: string): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Portcullis API',
      version,
      description: [
        'Service accounts, client credentials and the short-lived OAuth 2.0 access tokens scripts exchange them for.',
        '',
        '**To try it here:** open `POST /api/v1/auth/login` under *auth*, press *Try it out* and sign in as the',
        'administrator; copy `accessToken` from the answer, press **Authorize** and paste it under *bearer*. Every',
        '`/api/v1` operation then runs as you. The README walks the same steps with curl, from signing in to a',
        'verified token.',
        '',
        'Errors answer `{"error": {"code", "message", "details", "requestId"}}` with a stable `code` (docs/errors.md);',
        'the `/oauth` endpoints answer RFC 6749 errors. Lists answer `{items, nextCursor}`: pass `nextCursor` as',
        '`cursor` until it is null.',
      ].join('\n'),
    },
    servers: [{ url: issuerBaseUrl(issuer) }],
    tags: [
      {
        name: 'auth',
        description:
          "A person's session: sign in with email and password for a Bearer token to this API (or, in a browser, a session cookie), see who you are, change your own password, sign out. Start here.",
      },
      {
        name: 'service accounts',
        description:
          "The organization's machine identities. A service account's id is its OAuth `client_id`: generate its secret, tie it to a user in an account, and exchange id and secret at `POST /oauth/token`. It does exactly what that user may do, now and later. While the organization's programmatic access is off, these answer 403.",
      },
      {
        name: 'users',
        description:
          'A user lives in one account, holds roles there, and is tied to one login (a person) or one service account, never both. People and service accounts act in an account through their user there.',
      },
      {
        name: 'roles',
        description:
          'Named sets of `resource:action` permissions granted to users: the built-in Admin (`*:*`) and Read only (`*:get *:list`), and your own. Nobody grants what they do not hold.',
      },
      {
        name: 'oauth',
        description:
          'OAuth 2.0 for scripts and resource servers: the client-credentials token endpoint, introspection, revocation and the revocation feed, the metadata and the signing keys. Access tokens are RFC 9068 JWTs that verify offline against the JWKS.',
      },
      {
        name: 'permissions',
        description:
          'The catalog of resources and actions that permissions name, and the question a resource server asks about a token: may it do this?',
      },
      {
        name: 'client credentials',
        description:
          "A person's own client id and secret for scripts: they act as that person, within what the person holds, shrink when the person is downgraded and stop when the person's user goes.",
      },
      {
        name: 'access keys',
        description:
          "A person's access key and secret key, exchanged at `POST /v2/login` (the login Firefly's clients use) or sent as HTTP Basic; they act with exactly the person's rights.",
      },
      {
        name: 'organizations',
        description:
          "The platform operator creates organizations and makes programmatic access available to each; an organization's admin turns it on and sets the network policy, the audiences and the token lifetime.",
      },
      {
        name: 'accounts',
        description:
          'Workspaces of an organization. Every organization has a default account, where people act and where a service account acts when a token request names none.',
      },
      {
        name: 'logins',
        description:
          'The people of the organization: email, password, organization-admin flag, network policy. Deactivating one stops their sessions and credentials at once.',
      },
      {
        name: 'network policies',
        description:
          'Named allow and block lists of IPv4/IPv6 addresses and CIDR ranges, attached to the organization, a login or a service account. A refused address is a 401 and an audit event.',
      },
      {
        name: 'audit',
        description:
          'Every change and every refused attempt: who, what, on what, from where, with the request id; never a secret.',
      },
      {
        name: 'lockouts',
        description:
          'Service accounts and logins locked after wrong secrets or passwords in a row, and clearing them.',
      },
      {
        name: 'sql',
        description:
          "Firebolt's SQL admin language: the same changes as the other operations, as statements (docs/sql.md).",
      },
      { name: 'health', description: 'Liveness for load balancers and for the access-key login API.' },
    ],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'An access token. A person gets one by signing in at `POST /api/v1/auth/login` (the `accessToken` of the answer). A script gets one at `POST /oauth/token` with its client id and secret and no `audience`: a token for this API, with the permissions of the user it acts through.',
        },
        cookie: {
          type: 'apiKey',
          in: 'cookie',
          name: sessionCookieName,
          description: `The web console's session: \`POST /api/v1/auth/session\` sets it (HttpOnly, SameSite=Strict) in place of answering a token. A POST, PUT, PATCH or DELETE sent with it must carry the session's \`csrfToken\` in \`${csrfTokenHeader}\`, else 403 \`csrf_token_invalid\`. An Authorization header wins over the cookie and needs no CSRF token.`,
        },
        basic: {
          type: 'http',
          scheme: 'basic',
          description:
            "A credential instead of a token: a service account's or client credential's client id and secret, or an access key and its secret key, as user name and password.",
        },
      },
    },
  };
}
