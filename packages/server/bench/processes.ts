import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import pg from 'pg';

/** What the benchmarks share: free ports, child processes that say when they are ready, a scratch schema. */

/**
 * The benchmarks send thousands of token requests a second from 127.0.0.1 with one client: Portcullis's
 * token limits are set out of reach rather than off, so the limiter's cost is still measured.
 */
export const benchLimits = {
  PORTCULLIS_TOKEN_RATE_LIMIT_PER_ADDRESS: '1000000000',
  PORTCULLIS_TOKEN_RATE_LIMIT_PER_CLIENT: '1000000000',
};

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * With BENCH_CPU_PROF_DIR set, every target writes a V8 CPU profile there when it stops (open one in Chrome's
 * DevTools, or sum its self times): where a target spends its time under the benchmark's load.
 */
const profiling = process.env.BENCH_CPU_PROF_DIR
  ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`]
  : [];

/**
 * Resolves when the child prints `ready`, or at once when there is nothing to wait for. `profileDir` makes
 * this one child write its CPU profiles (every thread's) there when it stops.
 */
export function start(
  args: string[],
  env: Record<string, string>,
  ready?: RegExp,
  profileDir?: string,
): Promise<ChildProcess> {
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : profiling;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += String(chunk);
      if (ready?.test(output)) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk) => (output += String(chunk)));
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}: ${output}`)));
    if (!ready) child.once('spawn', () => resolve(child));
  });
}

/** Stopping a target twice (after a failure part-way) is harmless. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.removeAllListeners('exit');
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export async function postgresSchema(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const baseUrl = process.env.PORTCULLIS_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query(`create schema ${schema}`);
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}
