import type { FastifyInstance } from 'fastify';
import { apiReferencePath } from '../../config/settings.js';
import { issuerBaseUrl } from '../issuer-urls.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * What a person who opens the server in a browser finds, until the console exists: where the reference,
 * the metadata and the keys are. Plain HTML with nothing to load, so the strict policy every answer
 * carries holds here too; links are the issuer's public URLs, as the metadata gives them.
 */
function homePage(issuer: string): string {
  const base = escapeHtml(issuerBaseUrl(issuer));
  const link = (path: string, text: string, what: string) =>
    `<li><a href="${base}${path}">${text}</a> — ${what}</li>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Portcullis</title>
</head>
<body>
<h1>Portcullis</h1>
<p>A programmatic-access server: service accounts and client credentials, exchanged at
<code>POST ${base}/oauth/token</code> for short-lived access tokens that APIs verify offline.</p>
<ul>
${link(apiReferencePath, 'API reference', 'every operation, with examples you can try')}
${link('/api/v1/openapi.json', 'OpenAPI document', 'the same, for code generators')}
${link('/.well-known/oauth-authorization-server', 'Authorization server metadata', 'RFC 8414, what OAuth libraries read')}
${link('/.well-known/jwks.json', 'Signing keys', 'the JWKS that verifies access tokens')}
${link('/health', 'Health', '200 while the database answers')}
</ul>
</body>
</html>
`;
}

export async function homePageRoutes(app: FastifyInstance, opts: { issuer: string }): Promise<void> {
  const page = homePage(opts.issuer);
  app.get('/', { schema: { hide: true } }, async (_request, reply) =>
    // The same for everyone and changed only by a restart, like the metadata.
    reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=300').send(page),
  );
}
