import { spawn } from 'node:child_process';
import http from 'node:http';
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

export async function openLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const target = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const body = Buffer.from(options.body);
  const total = Math.round(options.rate * options.seconds);
  const intervalMs = 1000 / options.rate;
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  let settled = 0;

  const send = (dueAt: number) =>
    new Promise<void>((resolve) => {
      const request = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': body.length },
        },
        (response) => {
          response.resume();
          response.once('end', () => {
            if (response.statusCode === 200) latencies.push(performance.now() - dueAt);
            else errors++;
            resolve();
          });
        },
      );
      request.once('error', () => {
        errors++;
        resolve();
      });
      request.end(body);
    });

  const start = performance.now();
  await new Promise<void>((done) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * intervalMs <= now) {
        void send(start + sent * intervalMs).then(() => {
          if (++settled === total) done();
        });
        sent++;
      }
      if (sent < total) setTimeout(tick, Math.max(0, start + sent * intervalMs - performance.now()));
    };
    tick();
  });
  agent.destroy();

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
