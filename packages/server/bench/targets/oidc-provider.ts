import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

/**
 * node-oidc-provider, the reference OAuth server in JavaScript, configured like Portcullis: client
 * credentials with client_secret_post, JWT access tokens (RFC 9068) signed with ES256, memory adapter.
 */
const port = Number(process.env.PORT);
const issuer = `http://127.0.0.1:${port}`;
const { privateKey } = await generateKeyPair('ES256', { extractable: true });
const jwk = { ...(await exportJWK(privateKey)), kid: 'op', alg: 'ES256', use: 'sig' };
const audience = 'https://api.example';

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.CLIENT_ID ?? 'op-client',
      client_secret: process.env.CLIENT_SECRET ?? 'op-secret',
      grant_types: ['client_credentials'],
      redirect_uris: [],
      response_types: [],
      token_endpoint_auth_method: 'client_secret_post',
      // Only ES256 keys are configured, so ID-token metadata must name it even though none are issued.
      id_token_signed_response_alg: 'ES256',
    },
  ],
  routes: { token: '/oauth/token' },
  jwks: { keys: [jwk] },
  features: {
    clientCredentials: { enabled: true },
    devInteractions: { enabled: false },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => audience,
      getResourceServerInfo: () => ({
        scope: '',
        audience,
        accessTokenFormat: 'jwt',
        jwt: { sign: { alg: 'ES256' } },
      }),
    },
  },
});
provider.listen(port, '127.0.0.1', () => process.stdout.write('ready\n'));
