import type { FastifyInstance, HTTPMethods, RawRequestDefaultExpression } from 'fastify';

/**
 * The issuer itself is never normalized (clients compare it byte for byte); published URLs are joined to
 * this instead, so they get exactly one slash whether or not the issuer ends with one.
 */
export function issuerBaseUrl(issuer: string): string {
  return issuer.replace(/\/+$/, '');
}

const metadataPaths = ['/.well-known/oauth-authorization-server', '/.well-known/openid-configuration'];

/**
 * For an issuer with a path (https://host/tenant) every published URL lies under that path, and clients
 * look for the metadata with the well-known segment inserted before it (RFC 8414 §3.1:
 * /.well-known/oauth-authorization-server/tenant) or appended to it (OpenID Connect Discovery:
 * /tenant/.well-known/openid-configuration). A reverse proxy may strip the prefix, or clients may reach
 * Portcullis directly, so the routes stay at the root and these forms are mapped onto them before routing.
 * A URL that already names a root route keeps it: an issuer path such as /oauth or /api must not hide
 * Portcullis's own paths from a proxy that stripped it. Undefined when the issuer has no path.
 */
export function issuerPathRewrite(
  issuer: string,
): ((this: FastifyInstance, req: RawRequestDefaultExpression) => string) | undefined {
  // RFC 8414 §3.1: a terminating slash is removed before the well-known segment is inserted.
  const prefix = new URL(issuer).pathname.replace(/\/+$/, '');
  if (prefix === '') return undefined;
  const inserted = new Map(metadataPaths.map((root) => [`${root}${prefix}`, root]));
  return function rewrite(this: FastifyInstance, req: RawRequestDefaultExpression): string {
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const path = queryAt < 0 ? url : url.slice(0, queryAt);
    const metadata = inserted.get(path);
    if (metadata !== undefined) return metadata + url.slice(path.length);
    if (!path.startsWith(`${prefix}/`)) return url;
    const method = (req.method ?? 'GET') as HTTPMethods;
    const stripped = path.slice(prefix.length);
    if (this.findRoute({ method, url: path }) || !this.findRoute({ method, url: stripped })) return url;
    return url.slice(prefix.length);
  };
}
