import type { FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';

interface LoggedRequest {
  method: string;
  url: string;
  ip?: string;
  routeOptions?: { url?: string };
}

/** A path with an `oauth` segment: the OAuth endpoints, at the root or under an issuer's path. */
const oauthPath = /(^|\/)oauth(\/|$)/;

/**
 * The path a request log shows. Under `/oauth` only the route: a client that puts a secret in the path
 * (`POST /oauth/token/<secret>`) must not find it in our logs, so a matched request logs its route's
 * pattern and an unmatched one `/oauth/…`. Elsewhere the path, which names the objects an operator looks for.
 */
function loggedPath(req: LoggedRequest): string {
  const path = req.url.split('?')[0] ?? '';
  if (!oauthPath.test(path)) return path;
  return req.routeOptions?.url ?? '/oauth/…';
}

/**
 * Request logs carry method, path and request id, never the query string or headers: a client that puts
 * a secret in a URL or an Authorization header must not find it in our logs, nor a browser its session
 * cookie. Response logs carry the status alone: `set-cookie` holds the console's session token. The
 * redactions stand behind the serializers for a line that logs headers itself.
 */
export function loggerOptions(level: string, stream?: DestinationStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: [
        'req.headers',
        'res.headers',
        'headers.authorization',
        'headers.cookie',
        'headers["set-cookie"]',
        'headers["x-csrf-token"]',
        '*.client_secret',
        '*.password',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: LoggedRequest) => ({
        method: req.method,
        path: loggedPath(req),
        remoteAddress: req.ip,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
