import type { Server, ServerOptions } from 'node:http';
import type { Socket } from 'node:net';
import { connectionGroup } from '@portcullis/core/network-policies';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';

export interface ConnectionLimits {
  headersTimeoutSeconds: number;
  requestTimeoutSeconds: number;
  keepAliveTimeoutSeconds: number;
  idleTimeoutSeconds: number;
  maxConnections: number;
  /** 0: no cap per address. */
  maxConnectionsPerAddress: number;
}

/**
 * How often Node looks for requests past their head or request timeout. Its default, 30 s, would let a
 * 10 s bound hold a connection for 40; a quarter of the head timeout, at most a second, keeps the overshoot
 * small, for the cost of walking the connections that are still receiving a request.
 */
function checkingIntervalMs(limits: ConnectionLimits): number {
  return Math.min(1000, (limits.headersTimeoutSeconds * 1000) / 4);
}

/**
 * The timeouts, as Fastify's options and Node's. The head and request timeouts count only the receiving
 * of a request. Between requests the keep-alive timeout closes an idle connection. While a request is
 * received or answered, the idle timeout closes a connection on which nothing moves either way, such as
 * one whose client stopped reading; answers that are quiet by design ask for longer (`allowQuietAnswer`).
 */
export function connectionTimeoutOptions(limits: ConnectionLimits): {
  requestTimeout: number;
  keepAliveTimeout: number;
  connectionTimeout: number;
  http: ServerOptions;
} {
  const requestTimeout = limits.requestTimeoutSeconds * 1000;
  return {
    requestTimeout,
    keepAliveTimeout: limits.keepAliveTimeoutSeconds * 1000,
    connectionTimeout: limits.idleTimeoutSeconds * 1000,
    http: {
      headersTimeout: limits.headersTimeoutSeconds * 1000,
      requestTimeout,
      connectionsCheckingInterval: checkingIntervalMs(limits),
    },
  };
}

/**
 * An answer that may send nothing for `quietMs` (a long-poll's wait, the gap between a stream's heartbeats)
 * is not cut by the idle timeout meanwhile. After the answer Node sets the keep-alive timeout, and the next
 * request the idle one again.
 */
export function allowQuietAnswer(request: FastifyRequest, quietMs: number): void {
  const { socket } = request.raw;
  const idleMs = socket.timeout ?? 0;
  if (idleMs > 0 && idleMs < quietMs) socket.setTimeout(quietMs);
}

/** At most one warning a minute while connections are refused, with how many were since the last one. */
function refusalWarnings(log: FastifyBaseLogger): (cap: string) => void {
  let refused = 0;
  let warnedAt = Number.NEGATIVE_INFINITY;
  return (cap) => {
    refused += 1;
    const now = Date.now();
    if (now - warnedAt < 60_000) return;
    log.warn({ refused, cap }, 'connections refused: a connection cap is reached');
    refused = 0;
    warnedAt = now;
  };
}

/**
 * Caps open connections: in all (Node's `maxConnections`: one over it is closed as it opens) and per client
 * address. The cap in all protects the process (descriptors, memory); alone it would let one address
 * that fills it shut everyone else out, however short the timeouts, since it only has to reconnect. The
 * cap per address keeps one source to its share. Trusted proxies are exempt: every client behind them
 * shares their address.
 */
export function capConnections(
  server: Server,
  limits: ConnectionLimits,
  exempt: (address: string) => boolean,
  log: FastifyBaseLogger,
): void {
  const warn = refusalWarnings(log);
  server.maxConnections = limits.maxConnections;
  server.on('drop', () => warn('maxConnections'));
  if (limits.maxConnectionsPerAddress === 0) return;
  const open = new Map<string, number>();
  // Ahead of the HTTP server's own listener, so a refused connection is closed before any parsing starts.
  server.prependListener('connection', (socket: Socket) => {
    const address = socket.remoteAddress;
    if (address === undefined || exempt(address)) return;
    const group = connectionGroup(address);
    const count = (open.get(group) ?? 0) + 1;
    if (count > limits.maxConnectionsPerAddress) {
      socket.destroy();
      warn('maxConnectionsPerAddress');
      return;
    }
    open.set(group, count);
    socket.once('close', () => {
      const left = (open.get(group) ?? 1) - 1;
      if (left === 0) open.delete(group);
      else open.set(group, left);
    });
  });
}
