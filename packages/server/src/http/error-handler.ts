import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import {
  invalidField,
  isOAuthErrorCode,
  isPortcullisError,
  type OAuthErrorCode,
  PortcullisError,
  statusOf,
  unauthenticated,
  validationFailed,
} from '@portcullis/core/errors';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fireboltErrorBody, fireboltRefusalStatus } from './firebolt/firebolt-errors.js';
import { newRequestId } from './request-context.js';

/** Fastify's own failures (body parsing, limits, schema validation) expressed in our catalogue. */
function fromFastifyError(error: FastifyError): PortcullisError {
  if (error.validation) {
    // Fields are named with the part they came in, as the input rule names them: body.email, query.limit.
    const part = error.validationContext === 'querystring' ? 'query' : (error.validationContext ?? 'input');
    const details = error.validation.map((v) => {
      const params = v.params as { missingProperty?: string; additionalProperty?: string };
      const path = (v.instancePath || '').slice(1).replaceAll('/', '.');
      const leaf = params.additionalProperty ?? params.missingProperty;
      return { field: [part, path, leaf].filter(Boolean).join('.'), message: v.message ?? 'is invalid' };
    });
    return validationFailed(`The request ${part} is invalid.`, details);
  }
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
      return badPath('is not valid percent-encoded UTF-8');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return badPath('has a segment longer than any identifier');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new PortcullisError('payload_too_large', 'The request body is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new PortcullisError('unsupported_media_type', 'This Content-Type is not accepted here.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new PortcullisError('malformed_body', 'The request body could not be parsed.');
  }
  if (error instanceof SyntaxError || error.statusCode === 400) {
    return new PortcullisError('malformed_body', 'The request body could not be parsed.');
  }
  return new PortcullisError('internal_error', 'Something went wrong on our side.');
}

/** Any error a route or hook throws, in our catalogue: what the caller is answered. */
export function asPortcullisError(raw: unknown): PortcullisError {
  return isPortcullisError(raw) ? raw : fromFastifyError(raw as FastifyError);
}

/** The path is not repeated: under /oauth/* a client may have put a secret in it. */
function badPath(message: string): PortcullisError {
  return invalidField('path', message, 'The request path is invalid.');
}

/** RFC 6749 §5.2 has a closed set of codes; everything else a token request can hit maps onto them. */
function oauthCodeOf(error: PortcullisError): OAuthErrorCode {
  if (isOAuthErrorCode(error.code)) return error.code;
  if (error.code === 'permission_denied') return 'insufficient_scope';
  return statusOf(error.code) >= 500 ? 'server_error' : 'invalid_request';
}

function oauthDescription(error: PortcullisError): string {
  if (error.code === 'unsupported_media_type')
    return 'The token endpoint accepts application/x-www-form-urlencoded only.';
  if (error.code === 'validation_failed' && Array.isArray(error.details)) {
    // A form parameter is named as RFC 6749 names it, without the part it came in.
    const fields = (error.details as { field: string }[])
      .map((d) => d.field.replace(/^(body|query)\./, ''))
      .filter((field) => field && field !== 'body' && field !== 'path');
    return fields.length > 0 ? `Invalid or repeated parameter: ${fields.join(', ')}.` : error.message;
  }
  return error.message;
}

/**
 * The challenge names the scheme the caller used (RFC 6749 §5.2): Basic for client authentication, and
 * RFC 6750 §3's Bearer, with its error code, when the caller's access token was refused or lacks the
 * permission. A 403 to a Basic caller has no challenge, since Basic cannot ask for more scope.
 */
function oauthChallengeFor(request: FastifyRequest, code: OAuthErrorCode, error: PortcullisError) {
  if (code === 'invalid_client') return 'Basic realm="portcullis", charset="UTF-8"';
  if (code === 'invalid_token') return 'Bearer realm="portcullis", error="invalid_token"';
  if (code === 'insufficient_scope' && /^Bearer\s/i.test(request.headers.authorization ?? '')) {
    const missing = (error.details as { missing?: unknown } | undefined)?.missing;
    const scope = Array.isArray(missing) ? `, scope="${missing.join(' ')}"` : '';
    return `Bearer realm="portcullis", error="insufficient_scope"${scope}`;
  }
  return undefined;
}

/**
 * Clients of POST /v2/login (Firefly's API) know one failure, 401, so a body that does not parse or fit the schema
 * is refused like a wrong key pair; message and details still say what was wrong. A Content-Type other
 * than JSON keeps its 415, a 429 stays a 429 (a client must tell "slow down" from "wrong key" to back off
 * instead of alerting on bad credentials), and failures on our side stay 5xx.
 */
function asAccessKeyLoginRefusal(error: PortcullisError): PortcullisError {
  const status = statusOf(error.code);
  const refusal = status >= 400 && status < 500 && status !== 401 && status !== 429;
  if (!refusal || error.code === 'unsupported_media_type') return error;
  return unauthenticated(error.message, { details: error.details });
}

type ErrorFormat = 'oauth' | 'access-key-login' | 'firebolt' | undefined;

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  raw: PortcullisError,
  format: ErrorFormat = request.routeOptions.config?.errorFormat,
): FastifyReply {
  const error = format === 'access-key-login' ? asAccessKeyLoginRefusal(raw) : raw;
  const status = statusOf(error.code);
  if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
  if (format === 'oauth') {
    const code = oauthCodeOf(error);
    reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    const challenge = oauthChallengeFor(request, code, error);
    if (challenge) reply.header('www-authenticate', challenge);
    // RFC 6749 §5.2 answers 400 (401 for invalid_client); an oversized body and a path no endpoint has keep
    // HTTP's own 413 and 404.
    const keepsHttpStatus = error.code === 'payload_too_large' || error.code === 'route_not_found';
    const oauthStatus = keepsHttpStatus ? status : statusOf(code);
    return reply.code(oauthStatus).send({ error: code, error_description: oauthDescription(error) });
  }
  if (format === 'firebolt') {
    const fireboltStatus = fireboltRefusalStatus(error);
    if (fireboltStatus === 401) reply.header('www-authenticate', wwwAuthenticateFor(request, error));
    return reply.code(fireboltStatus).send(fireboltErrorBody(error, { requestId: request.id }));
  }
  if (status === 401) {
    // /v2/login takes its key pair in the body: there was no token to call invalid, and Basic is not taken.
    reply.header(
      'www-authenticate',
      format === 'access-key-login' ? bearerChallenge : wwwAuthenticateFor(request, error),
    );
  }
  return reply.code(status).send({
    error: {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
      requestId: request.id,
    },
  });
}

const bearerChallenge = 'Bearer realm="portcullis"';

/**
 * RFC 6750 §3: no error attribute when the request carried no credentials at all. Basic is challenged only
 * when the caller tried it: a browser answers a Basic challenge to its own fetch with a password prompt,
 * which would stall the console whenever its session ends.
 */
function wwwAuthenticateFor(request: FastifyRequest, error: PortcullisError): string | string[] {
  const bearer =
    error.code === 'unauthenticated' && error.auditReason !== 'no_credentials'
      ? `${bearerChallenge}, error="invalid_token"`
      : bearerChallenge;
  if (!/^Basic\s/i.test(request.headers.authorization ?? '')) return bearer;
  return [bearer, 'Basic realm="portcullis", charset="UTF-8"'];
}

/**
 * The one place errors become HTTP responses. Internal failures are logged and hidden behind a code.
 * `onNavigation`, when the console is built, answers a browser that navigates to a path no route has (a
 * console screen, reloaded or bookmarked) with the console's page instead of the JSON 404.
 */
export function installErrorHandling(
  app: FastifyInstance,
  onNavigation?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined,
): void {
  app.setErrorHandler((raw: FastifyError, request, reply) => {
    const error = asPortcullisError(raw);
    if (statusOf(error.code) >= 500) {
      request.log.error({ err: raw }, 'request failed');
    } else {
      request.log.info({ code: error.code, reason: error.auditReason }, 'request refused');
    }
    return send(request, reply, error);
  });
  // The path is not repeated: a client may have put a secret in it (POST /oauth/token/<secret>).
  app.setNotFoundHandler(
    (request, reply) =>
      onNavigation?.(request, reply) ??
      send(
        request,
        reply,
        new PortcullisError('route_not_found', 'No route matches this method and path.'),
        formatOfPath(request),
      ),
  );
}

/**
 * Fastify's `frameworkErrors`: failures found before any route is chosen (a path that is not valid
 * percent-encoded UTF-8, an over-long path segment) in our shapes. No route means no route config, so the
 * OAuth shape is chosen by the path.
 */
export function frameworkErrorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const failure = fromFastifyError(error);
  if (statusOf(failure.code) >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: failure.code }, 'request refused');
  send(request, reply, failure, formatOfPath(request));
}

/** Without a route there is no route config: OAuth clients under /oauth/ still get RFC 6749's shape. */
function formatOfPath(request: FastifyRequest): ErrorFormat {
  const path = request.url.split('?')[0] ?? '';
  return path === '/oauth' || path.startsWith('/oauth/') ? 'oauth' : undefined;
}

/** Node's parser refusals, which come before Fastify has a request: the status and our code for each. */
function clientErrorOf(error: NodeJS.ErrnoException): PortcullisError {
  if (error.code === 'HPE_HEADER_OVERFLOW')
    return new PortcullisError('headers_too_large', 'The request headers are too large.');
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return new PortcullisError('request_timeout', 'The request was not received in time.');
  return new PortcullisError(
    'malformed_request',
    'The HTTP request could not be parsed (a character the request line or a header may not hold).',
  );
}

/**
 * Fastify's `clientErrorHandler`: a request Node's HTTP parser refuses (a raw non-ASCII byte in the
 * path, a broken header) gets our shape too, RFC 6749's when its request line names an /oauth/ path.
 * There is no request yet, so the answer is written to the socket, which is then closed.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const failure = clientErrorOf(error);
  const status = statusOf(failure.code);
  const raw = (error as { rawPacket?: Buffer }).rawPacket?.toString('latin1') ?? '';
  const target = /^[A-Z]+ (\S*)/.exec(raw)?.[1] ?? '';
  const oauth = target === '/oauth' || target.startsWith('/oauth/') || target.startsWith('/oauth?');
  const requestId = newRequestId();
  const body = JSON.stringify(
    oauth
      ? { error: oauthCodeOf(failure), error_description: failure.message }
      : { error: { code: failure.code, message: failure.message, requestId } },
  );
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
        `x-request-id: ${requestId}\r\ncache-control: no-store\r\nconnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

export { send as sendError };
