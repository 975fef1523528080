import { spawn } from 'node:child_process';
import { Socket } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface OpenLoopResult {
  offered: number;
  completed: number;
  errors: number;
  p50: number;
  p99: number;
  max: number;
}

/**
 * A fixed offered load, open loop (as wrk2 does): request i is due at start + i / rate, whatever happened to
 * the requests before it, and its latency runs from when it was due, not from when it was sent, so a
 * stalled server is charged for the requests it kept waiting (no coordinated omission).
 *
 * autocannon's `overallRate` is not this: each connection sends back to back until its per-second quota is
 * spent, then idles until the next second, so the load arrives in bursts at full speed and its p99 measures
 * the burst queue, not the server.
 */
export interface OpenLoopOptions {
  url: string;
  body: string;
  rate: number;
  seconds: number;
  connections: number;
}

const headEnd = Buffer.from('\r\n\r\n');
const contentLength = /\r\ncontent-length: *(\d+)/i;

/**
 * One keep-alive HTTP/1.1 connection that carries one request at a time. The request bytes are built once
 * and the answer is read just far enough to know its status and where it ends (Content-Length; every
 * target answers with one): node's http client costs tens of microseconds of CPU per request, and on a
 * machine where generator and server share the cores, that cost would show in the server's tail.
 */
class Connection {
  private socket: Socket;
  private received: Buffer = Buffer.alloc(0);
  private dueAt: number | undefined;
  readonly connected: Promise<void>;

  constructor(
    private readonly target: URL,
    private readonly request: Buffer,
    private readonly done: (dueAt: number, ok: boolean, connection: Connection) => void,
  ) {
    this.socket = this.connect();
    this.connected = new Promise((resolve) => this.socket.once('connect', () => resolve()));
  }

  get idle(): boolean {
    return this.dueAt === undefined;
  }

  send(dueAt: number): void {
    this.dueAt = dueAt;
    this.socket.write(this.request);
  }

  close(): void {
    this.socket.removeAllListeners('close');
    this.socket.destroy();
  }

  private connect(): Socket {
    const socket = new Socket();
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.received = Buffer.alloc(0);
      this.settle(false);
      this.socket = this.connect();
    });
    socket.connect(Number(this.target.port), this.target.hostname);
    return socket;
  }

  private onData(chunk: Buffer): void {
    this.received = this.received.length === 0 ? chunk : Buffer.concat([this.received, chunk]);
    const end = this.received.indexOf(headEnd);
    if (end < 0) return;
    const head = this.received.toString('latin1', 0, end);
    const length = contentLength.exec(head);
    if (!length) {
      this.socket.destroy();
      return;
    }
    const total = end + headEnd.length + Number(length[1]);
    if (this.received.length < total) return;
    this.received = this.received.subarray(total);
    this.settle(head.startsWith('HTTP/1.1 200 '));
  }

  private settle(ok: boolean): void {
    const dueAt = this.dueAt;
    if (dueAt === undefined) return;
    this.dueAt = undefined;
    this.done(dueAt, ok, this);
  }
}

export async function openLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const target = new URL(options.url);
  const body = Buffer.from(options.body);
  const request = Buffer.concat([
    Buffer.from(
      `POST ${target.pathname} HTTP/1.1\r\nHost: ${target.host}\r\n` +
        `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n`,
    ),
    body,
  ]);
  const total = Math.round(options.rate * options.seconds);
  const intervalMs = 1000 / options.rate;
  const latencies: number[] = [];
  // Requests that fell due while every connection was busy; their latency keeps running from dueAt.
  const waiting: number[] = [];
  let errors = 0;
  let sent = 0;
  let settled = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));

  const onDone = (dueAt: number, ok: boolean, connection: Connection) => {
    if (ok) latencies.push(performance.now() - dueAt);
    else errors++;
    if (++settled === total) finish();
    const next = waiting.shift();
    if (next !== undefined) connection.send(next);
  };
  const connections = Array.from(
    { length: options.connections },
    () => new Connection(target, request, onDone),
  );
  const dispatch = (dueAt: number) => {
    const idle = connections.find((c) => c.idle);
    if (idle) idle.send(dueAt);
    else waiting.push(dueAt);
  };

  await Promise.all(connections.map((c) => c.connected));

  const start = performance.now();
  const tick = () => {
    const now = performance.now();
    while (sent < total && start + sent * intervalMs <= now) {
      dispatch(start + sent * intervalMs);
      sent++;
    }
    if (sent < total) setTimeout(tick, Math.max(0, start + sent * intervalMs - performance.now()));
  };
  tick();
  await finished;
  for (const connection of connections) connection.close();

  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    offered: options.rate,
    completed: latencies.length,
    errors,
    p50: at(0.5),
    p99: at(0.99),
    max: latencies[latencies.length - 1] ?? NaN,
  };
}

/**
 * The same, from a fresh process of its own: a generator that shares a heap with earlier load runs pays
 * for their garbage in its own collection pauses, and those pauses would be charged to the server.
 */
export function openLoopInChild(options: OpenLoopOptions): Promise<OpenLoopResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
      env: { ...process.env, OPEN_LOOP_OPTIONS: JSON.stringify(options) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(output) as OpenLoopResult)
        : reject(new Error(`open-loop generator exited ${code}`)),
    );
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await openLoop(JSON.parse(process.env.OPEN_LOOP_OPTIONS ?? '{}') as OpenLoopOptions);
  process.stdout.write(JSON.stringify(result));
}
