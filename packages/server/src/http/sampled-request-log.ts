import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import type { TokenRequestLogMode } from '../config/settings.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route's requests are logged as PORTCULLIS_TOKEN_REQUEST_LOG says (the token endpoint): one line
     * as each ends, for a sample of those answered 2xx or 3xx and for every refusal and failure.
     */
    sampledRequestLog?: boolean;
  }
}

/**
 * Fastify's request log lines, except on routes marked `sampledRequestLog`. Two lines per request (incoming,
 * completed) cost some 400 bytes each time, more than the rest of a token's trail put together: there each
 * request gets at most one line, written as it ends and carrying what the incoming line would have (method,
 * path, address) with the status and time. Issued tokens are sampled, counted exactly: a rate of 0.01 logs
 * every hundredth, so the volume is known in advance; metrics count them all. A refusal is always logged,
 * being what an operator looks for after an attack.
 */
export class SampledRequestLog extends LogController {
  /** Grows by the rate with each answered request; a line is due each time it reaches 1. */
  private credit = 0;
  private readonly rate: number;

  constructor(mode: TokenRequestLogMode, sampleRate: number) {
    super();
    this.rate = mode === 'all' ? 1 : mode === 'off' ? 0 : sampleRate;
  }

  override incomingRequest(request: FastifyRequest, reply: FastifyReply): void {
    if (request.routeOptions.config?.sampledRequestLog) return;
    super.incomingRequest(request, reply);
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (!request.routeOptions.config?.sampledRequestLog) {
      super.requestCompleted(error, request, reply);
      return;
    }
    if (error) {
      reply.log.error(
        { req: request, res: reply, err: error, responseTime: reply.elapsedTime },
        'request errored',
      );
    } else if (reply.statusCode >= 400 || this.sampled()) {
      reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
    }
  }

  private sampled(): boolean {
    this.credit += this.rate;
    if (this.credit < 1) return false;
    this.credit -= 1;
    return true;
  }
}
